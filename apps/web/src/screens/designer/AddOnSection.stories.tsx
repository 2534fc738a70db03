import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { AddOnSection } from "./AddOnSection.tsx";
import { docOf, PackageHarness } from "./stories/harness.tsx";

const meta = {
  title: "Designer/AddOnSection",
  component: AddOnSection,
  args: { ctx: undefined as never },
} satisfies Meta<typeof AddOnSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const pkgOf = (el: HTMLElement, id: string) => docOf(el).packages.find((p) => p.id === id);

/** An add-on's compatibility: bases by portfolio and tier, requirements, and its fate on a base change. */
export const Compatibility: Story = {
  render: () => (
    <PackageHarness packageId="collab-meetings-pro">{(ctx) => <AddOnSection ctx={ctx} />}</PackageHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Minimum base tier")).toHaveValue(2);
    await userEvent.selectOptions(
      canvas.getByLabelText("Add to “Fits these bases by name”"),
      "collab-starter",
    );
    await userEvent.type(canvas.getByLabelText("Most units per customer"), "5");
    await userEvent.selectOptions(
      canvas.getByLabelText("When the base changes to one it does not fit"),
      "block",
    );
    await userEvent.click(
      canvas.getByRole("button", { name: "Remove Meetings Lite from “Cannot be held with”" }),
    );
    await waitFor(() =>
      expect(pkgOf(canvasElement, "collab-meetings-pro")?.addOn).toEqual({
        packages: ["collab-starter"],
        portfolios: ["collab"],
        minTier: 2,
        maxQuantity: 5,
        onIncompatibleBase: "block",
      }),
    );
  },
};

/** A base's included add-ons and their quantities; the last one removed leaves no empty list. */
export const Included: Story = {
  render: () => (
    <PackageHarness packageId="collab-enterprise">{(ctx) => <AddOnSection ctx={ctx} />}</PackageHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Units of SSO & SCIM included"), "2");
    await userEvent.click(canvas.getByRole("button", { name: "Stop including Audit log" }));
    await waitFor(() =>
      expect(pkgOf(canvasElement, "collab-enterprise")?.includedAddOns).toEqual([
        { addOn: "collab-sso", quantity: 2 },
      ]),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Stop including SSO & SCIM" }));
    await waitFor(() => expect(pkgOf(canvasElement, "collab-enterprise")?.includedAddOns).toBeUndefined());
  },
};

/** Compliance archive is added by the account team only; stating the default writes it. */
export const SelfService: Story = {
  render: () => (
    <PackageHarness packageId="collab-compliance-archive">
      {(ctx) => <AddOnSection ctx={ctx} />}
    </PackageHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText("Customers add it themselves in the portal");
    await expect(field).toHaveValue("false");
    await userEvent.selectOptions(field, "");
    await waitFor(() =>
      expect(pkgOf(canvasElement, "collab-compliance-archive")?.addOn).not.toHaveProperty("selfService"),
    );
    await userEvent.selectOptions(field, "true");
    await waitFor(() =>
      expect(pkgOf(canvasElement, "collab-compliance-archive")?.addOn?.selfService).toBe(true),
    );
  },
};
