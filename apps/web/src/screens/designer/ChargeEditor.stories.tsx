import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ChargeEditor } from "./ChargeEditor.tsx";
import { docOf, PackageHarness, saas } from "./stories/harness.tsx";

const team = saas.packages.findIndex((p) => p.id === "collab-team");
const storage = saas.packages[team]?.charges.findIndex((c) => c.id === "team-storage-fee") ?? -1;

const meta = {
  title: "Designer/ChargeEditor",
  component: ChargeEditor,
  args: {
    doc: saas,
    path: ["packages", team, "charges", storage],
    charge: saas.packages[team]?.charges[storage] as never,
    targets: [],
    unitOf: () => "GB",
    taken: new Set<string>(),
    set: () => {},
    readOnly: false,
  },
  render: () => (
    <PackageHarness packageId="collab-team">
      {(ctx) => {
        const j = ctx.pkg.charges.findIndex((c) => c.id.startsWith("team-storage"));
        const charge = ctx.pkg.charges[j];
        return charge ? (
          <ChargeEditor
            doc={ctx.doc}
            path={[...ctx.at, "charges", j]}
            charge={charge}
            targets={(ctx.pkg.components ?? []).map((c) => ({
              value: `component:${c.id}`,
              label: `component ${c.name}`,
            }))}
            unitOf={ctx.unitOf}
            taken={ctx.takenIds}
            set={ctx.set}
            readOnly={false}
          />
        ) : null;
      }}
    </PackageHarness>
  ),
} satisfies Meta<typeof ChargeEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Per unit → tiered: each rate becomes one open band; the unit amount field is gone, and with it the field. */
export const SwitchModel: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Eight points: more than one per currency, so they start folded.
    await userEvent.click(canvas.getByText(/^Price points \(8\)/));
    await expect(canvas.getAllByLabelText("Unit amount").length).toBe(8);
    await expect(canvas.getAllByText("$2.00").length).toBeGreaterThan(0);
    await userEvent.selectOptions(canvas.getByLabelText("Price model"), "tiered");
    await expect(canvas.queryAllByLabelText("Unit amount")).toHaveLength(0);
    await expect(canvas.getAllByRole("table", { name: "Tiers" })).toHaveLength(8);
    await waitFor(() => {
      const charge = docOf(canvasElement).packages[team]?.charges[storage];
      expect(charge?.model).toBe("tiered");
      expect(charge?.blockSize).toBe(10);
      expect(charge?.pricePoints.every((p) => p.unitAmount === undefined && p.tiers?.length === 1)).toBe(
        true,
      );
    });
    // Flat counts no blocks: the block size field and value go.
    await userEvent.selectOptions(canvas.getByLabelText("Price model"), "flat");
    await expect(canvas.queryByLabelText("Block size")).toBeNull();
    await waitFor(() =>
      expect(docOf(canvasElement).packages[team]?.charges[storage]?.blockSize).toBeUndefined(),
    );
  },
};

/** Renaming the charge's id is checked like a new id. */
export const RenameId: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const id = canvas.getByLabelText("Charge id");
    await userEvent.clear(id);
    await userEvent.type(id, "team-seat-fee");
    await expect(canvas.getByRole("alert")).toHaveTextContent("already used");
    await userEvent.clear(id);
    await userEvent.type(id, "team-extra-storage{Enter}");
    await waitFor(() =>
      expect(docOf(canvasElement).packages[team]?.charges[storage]?.id).toBe("team-extra-storage"),
    );
  },
};
