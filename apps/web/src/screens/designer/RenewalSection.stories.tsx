import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { RenewalSection } from "./RenewalSection.tsx";
import { docOf, PackageHarness } from "./stories/harness.tsx";

const meta = {
  title: "Designer/RenewalSection",
  component: RenewalSection,
  args: { ctx: undefined as never },
  render: () => (
    <PackageHarness packageId="collab-team">{(ctx) => <RenewalSection ctx={ctx} />}</PackageHarness>
  ),
} satisfies Meta<typeof RenewalSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const renewalOf = (el: HTMLElement) => docOf(el).packages.find((p) => p.id === "collab-team")?.renewal;

/** Team renews capped at +7%; locking the price removes the cap, capping again proposes one. */
export const PricePolicy: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Uplift cap (%)")).toHaveValue("7");
    await userEvent.selectOptions(canvas.getByLabelText("Price on renewal"), "locked");
    await expect(canvas.queryByLabelText("Uplift cap (%)")).toBeNull();
    await waitFor(() =>
      expect(renewalOf(canvasElement)).toEqual({ terms: [12, 36], pricePolicy: "locked", autoRenew: true }),
    );
    await userEvent.click(canvas.getByRole("checkbox", { name: "36" }));
    await userEvent.selectOptions(canvas.getByLabelText("Automatic renewal"), "");
    await waitFor(() => expect(renewalOf(canvasElement)).toEqual({ terms: [12], pricePolicy: "locked" }));
    await userEvent.selectOptions(canvas.getByLabelText("Price on renewal"), "capped");
    await expect(canvas.getByLabelText("Uplift cap (%)")).toHaveValue("5");
  },
};
