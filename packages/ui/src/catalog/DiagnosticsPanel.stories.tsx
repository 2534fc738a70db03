import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { DiagnosticsPanel } from "./DiagnosticsPanel.tsx";

const meta = {
  title: "Catalog/DiagnosticsPanel",
  component: DiagnosticsPanel,
  args: {
    onSelect: fn(),
    diagnostics: [
      {
        code: "price.missing-currency",
        severity: "warning",
        pointer: "/packages/1/charges/0",
        message: "Charge business-base has no EUR price, so Business cannot be sold in EUR.",
      },
      {
        code: "tiers.gap",
        severity: "error",
        pointer: "/packages/0/charges/1/pricePoints/0/tiers/1",
        message: "Tier 2 starts at 12 but tier 1 ends at 10: units 11 and 12 have no price.",
      },
    ],
  },
} satisfies Meta<typeof DiagnosticsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ErrorsFirstAndLinked: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("1 error")).toBeInTheDocument();
    await expect(canvas.getByText("1 warning")).toBeInTheDocument();
    const items = canvas.getAllByRole("listitem");
    await expect(items[0]).toHaveAttribute("data-severity", "error");
    await userEvent.click(canvas.getByRole("button", { name: /^\/packages\/0\/charges\/1/ }));
    await expect(args.onSelect).toHaveBeenCalledWith("/packages/0/charges/1/pricePoints/0/tiers/1");
  },
};

export const Valid: Story = {
  args: { diagnostics: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("The catalog is valid.")).toBeInTheDocument();
    await expect(canvas.getByText("0 errors")).toBeInTheDocument();
  },
};

export const Checking: Story = {
  args: { pending: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("checking…")).toBeInTheDocument();
    await expect(canvas.getByRole("region", { name: "Diagnostics" })).toHaveAttribute("aria-busy", "true");
  },
};

/**
 * In the designer's 340px column, a message that quotes a long JSON Pointer (a price point's
 * amount) wraps: nothing is cut off and the page does not scroll sideways.
 */
export const LongPointerWraps: Story = {
  args: {
    diagnostics: [
      {
        code: "price.amount-precision",
        severity: "error",
        pointer: "/packages/0/charges/0/pricePoints/0/amount",
        message:
          "`amount` of price point 1 of charge `support-team-fee` (/packages/0/charges/0/pricePoints/0/amount) is 0.005 USD, an amount charged as it is, but USD amounts have 2 decimals: the line would round to 0.01.",
      },
    ],
  },
  render: (args) => (
    <div style={{ width: 340 }}>
      <DiagnosticsPanel {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const item = canvas.getByRole("listitem");
    await expect(item.scrollWidth).toBeLessThanOrEqual(item.clientWidth);
    // The pointer is the link under the message, not repeated inside the sentence.
    await expect(item).toHaveTextContent(
      "`amount` of price point 1 of charge `support-team-fee` is 0.005 USD, an amount charged as it is",
    );
    const panel = canvas.getByRole("region", { name: "Diagnostics" });
    await expect(panel.getBoundingClientRect().width).toBeLessThanOrEqual(340);
  },
};
