import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { TokenSignIn } from "./TokenSignIn.tsx";

const meta = {
  title: "Feedback/TokenSignIn",
  component: TokenSignIn,
  args: { onSubmit: fn() },
} satisfies Meta<typeof TokenSignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const submit = canvas.getByRole("button", { name: "Sign in" });
    await expect(submit).toBeDisabled();
    await userEvent.type(canvas.getByLabelText("API token"), "  tsk_seller_123  ");
    await expect(submit).toBeEnabled();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSubmit).toHaveBeenCalledWith("tsk_seller_123");
  },
};

export const Rejected: Story = {
  args: { error: "That token is not valid or was revoked." },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("API token");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription("That token is not valid or was revoked.");
  },
};

export const Pending: Story = {
  args: { pending: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Signing in…" })).toBeDisabled();
  },
};
