import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { PriceSummary } from "./PriceSummary.tsx";

const meta = {
  title: "Pricing/PriceSummary",
  component: PriceSummary,
  args: {
    currency: "USD",
    billingPeriod: "month",
    lines: [
      { id: "base", label: "Business plan", kind: "recurring", amount: "49.00", explanation: "flat 49.00" },
      {
        id: "seats",
        label: "Extra seats",
        kind: "recurring",
        amount: "110.00",
        explanation: "tier 1: 10 × 8.00 = 80.00; tier 2: 5 × 6.00 = 30.00",
      },
      { id: "setup", label: "Onboarding", kind: "one_time", amount: "1500.00" },
    ],
    totals: { firstInvoice: "1659.00", perPeriod: "159.00", mrr: "159.00", arr: "1908.00", tcv: "7224.00" },
    requiresApproval: false,
  },
} satisfies Meta<typeof PriceSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Priced: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("First invoice").nextElementSibling).toHaveTextContent("$1,659.00");
    await expect(canvas.getByText("TCV").nextElementSibling).toHaveTextContent("$7,224.00");
    await expect(canvas.getByText(/tier 2: 5 × 6.00 = 30.00/)).toBeInTheDocument();
    await expect(canvas.getByText("No approval needed")).toBeInTheDocument();
    await expect(canvas.getAllByRole("row")).toHaveLength(4);
  },
};

/** The public self-service page: buyer's words, and never the seller's approval state. */
export const ForACustomer: Story = {
  args: { audience: "customer", requiresApproval: true, reasons: ["A 30% discount needs a manager."] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Whole term").nextElementSibling).toHaveTextContent("$7,224.00");
    await expect(canvas.getByText("Per month").nextElementSibling).toHaveTextContent("$159.00");
    await expect(canvas.queryByText("TCV")).toBeNull();
    await expect(canvas.getByText(/Prices exclude taxes\./)).toBeInTheDocument();
    await expect(canvas.queryByText(/approval/i)).toBeNull();
    await expect(canvas.queryByText("A 30% discount needs a manager.")).toBeNull();
  },
};

export const NeedsApproval: Story = {
  args: {
    lines: [
      { id: "base", label: "Business plan", kind: "recurring", amount: "49.00" },
      {
        id: "d1",
        label: "Launch discount 25%",
        kind: "discount",
        amount: "-12.25",
        explanation: "25% of 49.00",
      },
    ],
    totals: { firstInvoice: "36.75", perPeriod: "36.75", mrr: "36.75", arr: "441.00", tcv: "441.00" },
    requiresApproval: true,
    reasons: ["Discounts take 25% off, above the 20% threshold."],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Needs approval")).toBeInTheDocument();
    await expect(canvas.getByRole("list", { name: "Approval reasons" })).toHaveTextContent(
      "above the 20% threshold",
    );
    await expect(canvas.getByText("−$12.25")).toBeInTheDocument();
  },
};

/** A saved quote whose discount was approved: no "Needs approval", no reasons asking for it. */
export const ApprovedDiscount: Story = {
  args: { ...NeedsApproval.args, approvalState: "approved" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Discount approved")).toBeInTheDocument();
    await expect(canvas.queryByText("Needs approval")).toBeNull();
    await expect(canvas.queryByRole("list", { name: "Approval reasons" })).toBeNull();
  },
};

export const PendingApproval: Story = {
  args: { ...NeedsApproval.args, approvalState: "pending" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Approval pending")).toBeInTheDocument();
    await expect(canvas.getByRole("list", { name: "Approval reasons" })).toHaveTextContent(
      "above the 20% threshold",
    );
  },
};

export const ZeroDecimalCurrency: Story = {
  args: {
    currency: "JPY",
    billingPeriod: "year",
    lines: [{ id: "base", label: "Business plan", kind: "recurring", amount: "58800" }],
    totals: { firstInvoice: "58800", perPeriod: "58800", mrr: "4900", arr: "58800", tcv: "58800" },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("MRR").nextElementSibling).toHaveTextContent("¥4,900");
    await expect(canvas.getByText(/billed per year, in JPY/)).toBeInTheDocument();
  },
};

export const WithViolations: Story = {
  args: { lines: [], violations: ["Pick one support level."] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("list", { name: "Problems" })).toHaveTextContent("Pick one support level.");
    await expect(canvas.getByText("Nothing is charged for this selection.")).toBeInTheDocument();
  },
};
