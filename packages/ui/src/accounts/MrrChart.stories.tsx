import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { MrrChart } from "./MrrChart.tsx";

/** A customer who started on Starter, upgraded, added seats and storage, then scheduled a cancellation. */
const points = [
  { date: "2026-05-07", mrr: "38.00", label: "Started on Starter", projected: false },
  { date: "2026-07-16", mrr: "57.00", label: "Upgrade to Team", projected: false },
  { date: "2026-08-09", mrr: "190.00", label: "Seats: 18", projected: false },
  { date: "2026-10-21", mrr: "237.50", label: "Add Extra storage", projected: false },
  { date: "2026-12-07", mrr: "237.50", label: "today", projected: false },
  { date: "2027-05-07", mrr: "0.00", label: "Team cancellation takes effect", projected: true },
];

const meta = {
  title: "Accounts/MrrChart",
  component: MrrChart,
  args: { title: "MRR in USD", currency: "USD", points },
} satisfies Meta<typeof MrrChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithScheduledCancellation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img")).toHaveAccessibleDescription(/up to \$237\.50; \$237\.50 now/);
    await expect(canvas.getByTestId("mrr-projected")).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Show the numbers"));
    await expect(
      canvas.getByRole("cell", { name: "Team cancellation takes effect (scheduled)" }),
    ).toBeVisible();
  },
};

export const Empty: Story = {
  args: { points: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No revenue history yet.")).toBeVisible();
  },
};
