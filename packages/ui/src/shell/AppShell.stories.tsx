import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { AppShell } from "./AppShell.tsx";

const meta = {
  title: "Shell/AppShell",
  component: AppShell,
  parameters: { layout: "fullscreen" },
  args: {
    links: [
      { href: "/catalogs", label: "Catalog designer" },
      { href: "/quotes", label: "Quote builder" },
      { href: "/paths", label: "Path explorer" },
    ],
    current: "/quotes",
    onSignOut: fn(),
    onNavigate: fn(),
    children: <p>Screen content</p>,
  },
} satisfies Meta<typeof AppShell>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = {
  args: { role: "seller" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const nav = canvas.getByRole("navigation", { name: "Main" });
    await expect(within(nav).getByRole("link", { name: "Quote builder" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await userEvent.click(within(nav).getByRole("link", { name: "Path explorer" }));
    await expect(args.onNavigate).toHaveBeenCalledWith("/paths");
    await userEvent.click(canvas.getByRole("button", { name: "Sign out" }));
    await expect(args.onSignOut).toHaveBeenCalled();
  },
};

/** A reader sees only what a reader may use. */
export const ReaderWithFewerLinks: Story = {
  args: { role: "reader", links: [{ href: "/catalogs", label: "Catalogs" }], current: "/catalogs" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("link")).toHaveLength(1);
    await expect(canvas.queryByRole("link", { name: "Quote builder" })).toBeNull();
    await expect(canvas.getByText("reader")).toBeInTheDocument();
  },
};

export const SignedOut: Story = {
  args: { links: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("button", { name: "Sign out" })).toBeNull();
  },
};
