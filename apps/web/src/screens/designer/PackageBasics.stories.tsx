import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { PackageBasics } from "./PackageBasics.tsx";
import { docOf, PackageHarness } from "./stories/harness.tsx";

const meta = {
  title: "Designer/PackageBasics",
  component: PackageBasics,
  args: { ctx: undefined as never, onRenamed: () => {} },
  render: () => (
    <PackageHarness packageId="collab-team">
      {(ctx) => <PackageBasics ctx={ctx} onRenamed={() => {}} />}
    </PackageHarness>
  ),
} satisfies Meta<typeof PackageBasics>;

export default meta;
type Story = StoryObj<typeof meta>;

const popular = (el: HTMLElement) =>
  docOf(el)
    .packages.filter((p) => p.popular)
    .map((p) => p.id);

/** Business carries the "most popular" badge; marking Team moves it (one per portfolio). */
export const MostPopular: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(popular(canvasElement)).toEqual(["collab-business"]);
    const box = canvas.getByLabelText(/^Most popular/);
    await expect(box).not.toBeChecked();
    await userEvent.click(box);
    await waitFor(() => expect(popular(canvasElement)).toEqual(["collab-team"]));
    await userEvent.click(box);
    await waitFor(() => expect(popular(canvasElement)).toEqual([]));
    // An add-on is never "most popular": the toggle goes with the role, and so would the badge.
    await userEvent.click(box);
    await userEvent.selectOptions(canvas.getByLabelText("Role"), "add_on");
    await expect(canvas.queryByLabelText(/^Most popular/)).toBeNull();
    await waitFor(() => expect(popular(canvasElement)).toEqual([]));
  },
};

/**
 * Clearing a package's name leaves it findable: the heading shows its id marked "(no name)", the
 * field says a name is required, and the role reads as words, not the schema's `add_on`.
 */
export const BlankName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("option", { name: "add-on" })).toBeInTheDocument();
    await expect(canvas.getByRole("option", { name: "base package" })).toBeInTheDocument();
    await userEvent.clear(canvas.getByLabelText("Name"));
    await waitFor(() =>
      expect(docOf(canvasElement).packages.find((p) => p.id === "collab-team")?.name).toBe(""),
    );
    await expect(canvas.getByRole("heading", { level: 2 })).toHaveTextContent("collab-team (no name)");
    await expect(canvas.getByText(/^Required: the name buyers see/)).toBeInTheDocument();
    await expect(
      canvas.getByRole("button", { name: "Delete package collab-team (no name)" }),
    ).toBeInTheDocument();
  },
};
