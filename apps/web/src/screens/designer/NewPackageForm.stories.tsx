import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Catalog } from "@tessera/schema";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { NewPackageForm } from "./NewPackageForm.tsx";
import { CatalogHarness, docOf } from "./stories/harness.tsx";

/** A catalog as "New catalog" creates it: a name, one currency, nothing else. */
const empty = {
  id: "helpdesk",
  name: "Helpdesk",
  currencies: ["USD"],
  services: [],
  portfolios: [],
  packages: [],
} as unknown as Catalog;

const meta = {
  title: "Designer/NewPackageForm",
  component: NewPackageForm,
  args: { doc: empty, set: () => {}, onCreate: fn() },
  render: (args) => (
    <CatalogHarness initial={empty}>
      {(doc, set) => <NewPackageForm doc={doc} set={set} onCreate={args.onCreate} />}
    </CatalogHarness>
  ),
} satisfies Meta<typeof NewPackageForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The first package of a new catalog: no portfolio exists yet, and instead of sending the
 * designer elsewhere the form offers one named after the catalog, then creates the package in it.
 */
export const FirstPackageOfANewCatalog: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "New package" }));
    await userEvent.type(canvas.getByLabelText("Package name"), "Support Team");
    await expect(canvas.getByRole("button", { name: "Create package" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("button", { name: "Add portfolio “Helpdesk”" }));
    await waitFor(() =>
      expect(docOf(canvasElement).portfolios).toEqual([{ id: "helpdesk", name: "Helpdesk" }]),
    );
    await expect(canvas.getByLabelText("In portfolio")).toHaveValue("helpdesk");
    await userEvent.click(canvas.getByRole("button", { name: "Create package" }));
    await expect(args.onCreate).toHaveBeenCalledWith("support-team");
    await expect(docOf(canvasElement).packages.map((p) => [p.id, p.portfolio])).toEqual([
      ["support-team", "helpdesk"],
    ]);
  },
};
