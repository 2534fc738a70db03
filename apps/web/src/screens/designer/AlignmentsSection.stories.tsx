import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { AlignmentsSection } from "./AlignmentsSection.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const meta = {
  title: "Designer/AlignmentsSection",
  component: AlignmentsSection,
  args: { doc: saas, set: () => {}, readOnly: false },
  render: () => (
    <CatalogHarness>
      {(doc, set) => <AlignmentsSection doc={doc} set={set} readOnly={false} />}
    </CatalogHarness>
  ),
} satisfies Meta<typeof AlignmentsSection>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Kill Bill's usual setup: add-ons bill on their bundle's dates, everything else on each
 * subscription's anniversary; yearly plan changes count phases from the start of the subscription.
 */
export const BillingAndChange: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const billing = within(canvas.getByRole("region", { name: "Billing alignment" }));
    await userEvent.click(billing.getByRole("button", { name: "Add a billing alignment case" }));
    await userEvent.selectOptions(
      billing.getByLabelText("Billing alignment case 1: Counted"),
      "subscription",
    );
    await userEvent.click(billing.getByRole("button", { name: "Add a billing alignment case" }));
    // The second case goes before the default, for add-ons.
    await expect(
      within(billing.getByRole("group", { name: "Billing alignment case 1: Package roles" })).getByLabelText(
        "add-ons",
      ),
    ).toBeChecked();
    await userEvent.selectOptions(billing.getByLabelText("Billing alignment case 1: Counted"), "bundle");
    await userEvent.type(
      billing.getByLabelText("Billing alignment case 1: Id (optional)"),
      "addons-with-bundle",
    );
    const change = within(canvas.getByRole("region", { name: "Change alignment (plan changes)" }));
    await userEvent.click(change.getByRole("button", { name: "Add a change alignment case" }));
    await userEvent.click(
      within(change.getByRole("group", { name: "Change alignment case 1: Billing periods" })).getByLabelText(
        "year",
      ),
    );
    await userEvent.selectOptions(
      change.getByLabelText("Change alignment case 1: Counted"),
      "start_of_subscription",
    );
    await userEvent.selectOptions(
      change.getByLabelText("Add to “Change alignment case 1: packages”"),
      "collab-business",
    );
    await waitFor(() =>
      expect(docOf(canvasElement).alignments).toEqual({
        billing: [
          { id: "addons-with-bundle", when: { roles: ["add_on"] }, alignment: "bundle" },
          { alignment: "subscription" },
        ],
        change: [
          {
            when: { billingPeriods: ["year"], packages: ["collab-business"] },
            alignment: "start_of_subscription",
          },
        ],
      }),
    );
    // Reordered, then deleted: the last case gone takes the list, then the block, with it.
    await userEvent.click(billing.getByRole("button", { name: "Move Billing alignment case 2 up" }));
    await waitFor(() =>
      expect(docOf(canvasElement).alignments?.billing?.[0]).toEqual({ alignment: "subscription" }),
    );
    await userEvent.click(change.getByRole("button", { name: "Delete Change alignment case 1" }));
    for (const _ of [1, 2])
      await userEvent.click(billing.getByRole("button", { name: "Delete Billing alignment case 1" }));
    await waitFor(() => expect(docOf(canvasElement).alignments).toBeUndefined());
  },
};
