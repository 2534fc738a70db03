import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { LadderGraph } from "./LadderGraph.tsx";

const meta = {
  title: "Paths/LadderGraph",
  component: LadderGraph,
  args: {
    title: "Team collaboration ladder",
    nodes: [
      { id: "starter", name: "Starter", tier: 1 },
      { id: "business", name: "Business", tier: 2 },
      { id: "business-eu", name: "Business EU", tier: 2 },
      { id: "enterprise", name: "Enterprise", tier: 3 },
    ],
    edges: [
      { from: "starter", to: "business", kind: "upgrade", timing: "immediate" },
      { from: "business", to: "enterprise", kind: "upgrade", timing: "immediate" },
      { from: "enterprise", to: "business", kind: "downgrade", timing: "end_of_term" },
      { from: "business", to: "business-eu", kind: "crossgrade", timing: "next_billing_date" },
    ],
  },
} satisfies Meta<typeof LadderGraph>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ladder: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const svg = canvasElement.querySelector("svg");
    await expect(svg?.querySelectorAll("path[data-kind='upgrade']")).toHaveLength(2);
    await expect(svg?.querySelectorAll("path[data-kind='downgrade']")).toHaveLength(1);
    await expect(svg?.querySelectorAll("path[data-kind='crossgrade']")).toHaveLength(1);
    await expect(canvas.getByText("end of term")).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Moves as a list"));
    await expect(canvas.getByRole("list", { name: "Ladder moves" })).toHaveTextContent(
      "downgrade: Enterprise → Business (end of term)",
    );
  },
};

export const DeadEndAndUnreachable: Story = {
  args: {
    nodes: [
      { id: "starter", name: "Starter", tier: 1 },
      { id: "business", name: "Business", tier: 2, flag: "dead-end" },
      { id: "legacy", name: "Legacy Pro", tier: 3, flag: "unreachable" },
    ],
    edges: [{ from: "starter", to: "business", kind: "upgrade", timing: "immediate" }],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector("[data-node='business']")).toHaveAttribute(
      "data-flag",
      "dead-end",
    );
    await expect(canvasElement.querySelector("[data-node='legacy']")).toHaveAttribute(
      "data-flag",
      "unreachable",
    );
    await expect(canvas.getByText("unreachable", { selector: "text" })).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Moves as a list"));
    await expect(canvas.getByText(/Legacy Pro is unreachable/)).toBeInTheDocument();
  },
};

export const KeyboardSelect: Story = {
  args: { onSelectNode: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const enterprise = canvas.getByRole("button", { name: /Enterprise, tier 3/ });
    enterprise.focus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelectNode).toHaveBeenCalledWith("enterprise");
  },
};
