import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { PriceChart } from "./PriceChart.tsx";

/** Graduated: units 1–10 at 8.00, 11–20 at 6.00, above at 4.00 (totals as the engine prices them). */
const tiered = [
  { quantity: 0, amount: "0.00" },
  { quantity: 5, amount: "40.00" },
  { quantity: 10, amount: "80.00" },
  { quantity: 15, amount: "110.00" },
  { quantity: 20, amount: "140.00" },
  { quantity: 25, amount: "160.00" },
  { quantity: 30, amount: "180.00" },
];

const meta = {
  title: "Pricing/PriceChart",
  component: PriceChart,
  args: { title: "Seats", model: "tiered", currency: "USD", unit: "seats", points: tiered },
} satisfies Meta<typeof PriceChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Tiered: Story = {
  args: { marker: 15 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const img = canvas.getByRole("img");
    await expect(img).toHaveAccessibleName(/Seats/);
    await expect(img).toHaveAccessibleDescription(/up to \$180.00/);
    await expect(canvas.getByTestId("chart-marker")).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Show the numbers"));
    await expect(canvas.getByRole("cell", { name: "$110.00" })).toBeVisible();
  },
};

export const Stairstep: Story = {
  args: {
    title: "Storage",
    model: "stairstep",
    unit: "GB",
    points: [
      { quantity: 0, amount: "0" },
      { quantity: 100, amount: "50.00" },
      { quantity: 500, amount: "150.00" },
      { quantity: 1000, amount: "250.00" },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const d = canvas.getByTestId("chart-line").getAttribute("d") ?? "";
    // Steps are drawn flat then vertical: each point adds two segments.
    await expect(d.split("L")).toHaveLength(7);
    await expect(canvas.queryByTestId("chart-marker")).toBeNull();
  },
};

export const Empty: Story = {
  args: { points: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No price points to chart yet.")).toBeInTheDocument();
  },
};
