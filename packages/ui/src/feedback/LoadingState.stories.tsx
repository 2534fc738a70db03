import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { LoadingState } from "./LoadingState.tsx";

const meta = {
  title: "Feedback/LoadingState",
  component: LoadingState,
  args: { label: "Loading catalogs" },
} satisfies Meta<typeof LoadingState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Spinner: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading catalogs…");
  },
};

export const WithProgress: Story = {
  args: { label: "Validating 5,000 services", percent: 40 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("progressbar", { name: "Validating 5,000 services" })).toHaveAttribute(
      "value",
      "40",
    );
    await expect(canvas.getByRole("status")).toHaveTextContent("(40%)");
  },
};
