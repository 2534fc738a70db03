import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { QuotePolicySection } from "./QuotePolicySection.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const meta = {
  title: "Designer/QuotePolicySection",
  component: QuotePolicySection,
  args: { doc: saas, set: () => {}, readOnly: false },
  render: () => (
    <CatalogHarness>
      {(doc, set) => <QuotePolicySection doc={doc} set={set} readOnly={false} />}
    </CatalogHarness>
  ),
} satisfies Meta<typeof QuotePolicySection>;

export default meta;
type Story = StoryObj<typeof meta>;

const policyOf = (el: HTMLElement) => docOf(el).quotePolicy;

/**
 * The sample's two tiers (sales manager above 15%, manager and finance above 25%), a third added
 * above them, reordered and deleted; the threshold moves with the lowest tier.
 */
export const ApprovalTiers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tiers = within(canvas.getByRole("table", { name: "Approval tiers" }));
    await expect(tiers.getByLabelText("Tier 2: called")).toHaveValue("Sales manager and finance");
    await userEvent.click(canvas.getByRole("button", { name: "Add approval tier" }));
    await expect(tiers.getByLabelText("Tier 3: discounts above (%)")).toHaveValue("35");
    await expect(tiers.getByLabelText("Tier 3: approvers needed")).toHaveValue("3");
    await userEvent.type(tiers.getByLabelText("Tier 3: called"), "Sales VP");
    await waitFor(() =>
      expect(policyOf(canvasElement)?.approvalTiers?.[2]).toEqual({
        aboveDiscountPercent: "35",
        approvers: 3,
        name: "Sales VP",
      }),
    );
    // The lowest tier and the stated threshold move together.
    await userEvent.clear(tiers.getByLabelText("Tier 1: discounts above (%)"));
    await userEvent.type(tiers.getByLabelText("Tier 1: discounts above (%)"), "10");
    await expect(canvas.getByLabelText("Approval needed above (% off)")).toHaveValue("10");
    await userEvent.click(tiers.getByRole("button", { name: "Move approval tier 3 up" }));
    await waitFor(() =>
      expect(policyOf(canvasElement)?.approvalTiers?.map((t) => t.name)).toEqual([
        "Sales manager",
        "Sales VP",
        "Sales manager and finance",
      ]),
    );
    await userEvent.click(tiers.getByRole("button", { name: "Delete approval tier 2" }));
    await userEvent.click(tiers.getByRole("button", { name: "Delete approval tier 2" }));
    await userEvent.click(tiers.getByRole("button", { name: "Delete approval tier 1" }));
    await waitFor(() =>
      expect(policyOf(canvasElement)).toEqual({
        approvalThresholdPercent: "10",
        maxDiscountPercent: "40",
        validityDays: 30,
      }),
    );
    await expect(canvas.queryByRole("table", { name: "Approval tiers" })).toBeNull();
  },
};

/** Five approvers is the most a tier may ask: no tier can be added above it, and the form says why. */
export const MostApprovers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText("Tier 2: approvers needed"), "5");
    await expect(canvas.getByRole("button", { name: "Add approval tier" })).toBeDisabled();
    await expect(canvas.getByText(/already needs 5 approvers/)).toBeVisible();
  },
};
