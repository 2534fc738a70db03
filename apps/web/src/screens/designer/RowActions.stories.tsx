import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { RowActions } from "./RowActions.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const meta = {
  title: "Designer/RowActions",
  component: RowActions,
  args: { doc: saas, path: ["services", 0], name: "User seat", set: () => {} },
} satisfies Meta<typeof RowActions>;

export default meta;
type Story = StoryObj<typeof meta>;

const team = saas.packages.findIndex((p) => p.id === "collab-team");

/** A service that components are built from cannot go: the references are listed instead. */
export const DeleteRefused: Story = {
  render: () => (
    <CatalogHarness>
      {(doc, set) => <RowActions doc={doc} path={["services", 0]} name="User seat" set={set} />}
    </CatalogHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Delete User seat" }));
    const dialog = await canvas.findByRole("alertdialog", { name: "Before deleting User seat" });
    await expect(within(dialog).getAllByRole("listitem").length).toBeGreaterThanOrEqual(4);
    await expect(within(dialog).getAllByRole("listitem")[0]).toHaveTextContent("“service” of component");
    await expect(within(dialog).queryByRole("button", { name: "Delete with its references" })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(canvas.queryByRole("alertdialog")).toBeNull());
    await expect(docOf(canvasElement).services).toHaveLength(saas.services.length);
  },
};

/** An option whose only reference is its own charge goes with the charge, once confirmed. */
export const DeleteWithReferences: Story = {
  render: () => (
    <CatalogHarness>
      {(doc, set) => (
        <RowActions
          doc={doc}
          path={["packages", team, "optionGroups", 0, "options", 1]}
          name="Premium support"
          set={set}
          minItems={1}
        />
      )}
    </CatalogHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Delete Premium support" }));
    const dialog = await canvas.findByRole("alertdialog", { name: "Before deleting Premium support" });
    await expect(dialog).toHaveTextContent("charge “team-premium-support-fee”");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete with its references" }));
    await waitFor(() => {
      const pkg = docOf(canvasElement).packages[team];
      expect(pkg?.optionGroups?.[0]?.options.map((o) => o.id)).toEqual(["team-support-standard"]);
      expect(pkg?.charges.some((c) => c.id === "team-premium-support-fee")).toBe(false);
    });
  },
};

/** Moving and duplicating: the copy follows the original with new ids. */
export const MoveAndDuplicate: Story = {
  render: () => (
    <CatalogHarness>
      {(doc, set) => (
        <RowActions doc={doc} path={["packages", team, "charges", 0]} name="Team seats" set={set} />
      )}
    </CatalogHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Move Team seats up" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("button", { name: "Duplicate Team seats" }));
    await waitFor(() =>
      expect(
        docOf(canvasElement)
          .packages[team]?.charges.map((c) => c.id)
          .slice(0, 2),
      ).toEqual(["team-seat-fee", "team-seat-fee-copy"]),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Move Team seats down" }));
    await waitFor(() => expect(docOf(canvasElement).packages[team]?.charges[1]?.id).toBe("team-seat-fee"));
  },
};
