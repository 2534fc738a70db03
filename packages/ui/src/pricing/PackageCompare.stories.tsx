import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { PackageCompare } from "./PackageCompare.tsx";

const meta = {
  title: "Pricing/PackageCompare",
  component: PackageCompare,
  args: {
    onSelect: fn(),
    highlightId: "business",
    packages: [
      {
        id: "enterprise",
        name: "Enterprise",
        tier: 3,
        priceLabel: "$99.00 / month",
        features: ["25 seats", "SAML SSO", "TAM"],
      },
      {
        id: "starter",
        name: "Starter",
        tier: 1,
        priceLabel: "$19.00 / month",
        features: ["3 seats", "Email support"],
      },
      {
        id: "business",
        name: "Business",
        tier: 2,
        priceLabel: "$49.00 / month",
        features: ["10 seats", "Priority support"],
      },
    ],
  },
} satisfies Meta<typeof PackageCompare>;

export default meta;
type Story = StoryObj<typeof meta>;

export const GoodBetterBest: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const headings = canvas.getAllByRole("heading").map((h) => h.textContent);
    await expect(headings).toEqual(["Starter", "Business", "Enterprise"]);
    await expect(canvas.getByText("Popular")).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Choose Business" }));
    await expect(args.onSelect).toHaveBeenCalledWith("business");
  },
};

export const OneSelected: Story = {
  args: { selectedId: "starter" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Selected" })).toHaveAttribute("aria-pressed", "true");
    await expect(canvas.getByRole("article", { name: "Starter" })).toHaveAttribute("aria-current", "true");
  },
};

export const Unavailable: Story = {
  args: {
    packages: [
      {
        id: "legacy",
        name: "Legacy",
        tier: 1,
        features: ["Retired plan"],
        unavailableReason: "Retired: sell Starter instead.",
      },
      { id: "starter", name: "Starter", tier: 1, features: ["3 seats"] },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Retired: sell Starter instead.")).toBeInTheDocument();
    await expect(canvas.getAllByRole("button")).toHaveLength(1);
  },
};
