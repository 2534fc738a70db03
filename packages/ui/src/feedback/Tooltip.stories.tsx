import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { Tooltip } from "./Tooltip.tsx";

const meta = {
  title: "Feedback/Tooltip",
  component: Tooltip,
  args: {
    id: "why-disabled",
    text: "Publishing is refused while the catalog has errors.",
    children: (
      <button type="button" className="ts-button" aria-disabled="true" aria-describedby="why-disabled">
        Publish
      </button>
    ),
  },
} satisfies Meta<typeof Tooltip>;

export default meta;
type Story = StoryObj<typeof meta>;

export const HoverAndFocus: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Publish" });
    const tip = canvas.getByRole("tooltip", { hidden: true });
    await expect(button).toHaveAccessibleDescription("Publishing is refused while the catalog has errors.");
    await expect(tip).toHaveClass("ts-visually-hidden");
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await expect(tip).toHaveClass("ts-tip__bubble");
    await userEvent.keyboard("{Escape}");
    await expect(tip).toHaveClass("ts-visually-hidden");
    await userEvent.tab();
    await userEvent.hover(button);
    await expect(tip).toHaveClass("ts-tip__bubble");
    await userEvent.unhover(button);
    await expect(tip).toHaveClass("ts-visually-hidden");
  },
};
