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
    // dagre lays every label out as a node of its own: no label overlaps another or a package box.
    const boxes = [...(svg?.querySelectorAll(".ts-ladder__node rect, .ts-ladder__label-box") ?? [])].map(
      (el) => el.getBoundingClientRect(),
    );
    await expect(boxes).toHaveLength(8);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) =>
            a.left < b.right - 0.5 &&
            b.left < a.right - 0.5 &&
            a.top < b.bottom - 0.5 &&
            b.top < a.bottom - 0.5,
        ),
    );
    await expect(overlapping).toEqual([]);
    await userEvent.click(canvas.getByText("Moves as a list"));
    await expect(canvas.getByRole("list", { name: "Ladder moves" })).toHaveTextContent(
      "downgrade: Enterprise → Business (end of term, no case)",
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
    await expect(canvasElement.querySelector("[data-node='business'] .ts-ladder__node")).toHaveAttribute(
      "data-flag",
      "dead-end",
    );
    await expect(canvasElement.querySelector("[data-node='legacy'] .ts-ladder__node")).toHaveAttribute(
      "data-flag",
      "unreachable",
    );
    await expect(canvas.getByText("tier 3 · unreachable", { selector: "text" })).toBeInTheDocument();
    await userEvent.click(canvas.getByText("Moves as a list"));
    await expect(canvas.getByText(/Legacy Pro is unreachable/)).toBeInTheDocument();
  },
};

export const KeyboardSelect: Story = {
  args: { onSelectNode: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const enterprise = canvas.getByRole("button", { name: /^Enterprise tier 3/ });
    enterprise.focus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelectNode).toHaveBeenCalledWith("enterprise");
  },
};

export const DrawAndPickMoves: Story = {
  args: {
    onConnect: fn(),
    onSelectEdge: fn(),
    edges: [
      { from: "starter", to: "business", kind: "upgrade", timing: "immediate", caseId: "upgrade-now" },
      { from: "enterprise", to: "business", kind: "downgrade", timing: "illegal", caseId: "no-downgrade" },
    ],
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole("button", { name: /^downgrade Enterprise to Business: blocked case no-downgrade/ }),
    );
    await expect(args.onSelectEdge).toHaveBeenCalledWith(
      expect.objectContaining({ from: "enterprise", to: "business" }),
    );
    // Keyboard: Enter on Starter's dot, then on Enterprise, draws Starter → Enterprise.
    canvas.getByRole("button", { name: "Draw a move from Starter" }).focus();
    await userEvent.keyboard("{Enter}");
    await expect(canvas.getByRole("status")).toHaveTextContent("Drawing a move from Starter");
    canvas.getByRole("button", { name: /^Enterprise tier 3: draw the move from Starter here/ }).focus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onConnect).toHaveBeenCalledWith("starter", "enterprise");
    await expect(canvas.queryByRole("status")).toBeNull();
  },
};
