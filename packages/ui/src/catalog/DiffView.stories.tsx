import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { DiffView } from "./DiffView.tsx";

const meta = {
  title: "Catalog/DiffView",
  component: DiffView,
  args: {
    title: "Draft vs version 3",
    changes: [
      { pointer: "/packages/3", kind: "added", after: "Team Plus (tier 2)" },
      {
        pointer: "/packages/1/charges/0/pricePoints/0/amount",
        kind: "changed",
        before: "49.00",
        after: "59.00",
      },
      { pointer: "/services/4", kind: "removed", before: "Fax gateway" },
    ],
  },
} satisfies Meta<typeof DiffView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Changes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = canvas.getAllByRole("row");
    await expect(rows).toHaveLength(4);
    await expect(rows[2]).toHaveAttribute("data-kind", "changed");
    await expect(rows[2]).toHaveTextContent("49.0059.00");
  },
};

export const NoChanges: Story = {
  args: { changes: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No changes.")).toBeInTheDocument();
  },
};
