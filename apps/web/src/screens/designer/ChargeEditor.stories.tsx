import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ChargeEditor } from "./ChargeEditor.tsx";
import { docOf, PackageHarness, saas } from "./stories/harness.tsx";

const team = saas.packages.findIndex((p) => p.id === "collab-team");
const storage = saas.packages[team]?.charges.findIndex((c) => c.id === "team-storage-fee") ?? -1;

/** The editor of Team's charge whose id starts with `prefix`, editable. */
function chargeOfTeam(prefix: string) {
  return (
    <PackageHarness packageId="collab-team">
      {(ctx) => {
        const j = ctx.pkg.charges.findIndex((c) => c.id.startsWith(prefix));
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
  );
}

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
  render: () => chargeOfTeam("team-storage"),
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

/** Blocks of 10 GB: a started block is charged unless the designer says only full blocks count. */
export const BlockRounding: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const charge = () => docOf(canvasElement).packages[team]?.charges[storage];
    await userEvent.selectOptions(canvas.getByLabelText("A started block"), "down");
    await waitFor(() => expect(charge()?.blockRounding).toBe("down"));
    // Blocks of one unit round nothing: the choice and its value go.
    await userEvent.clear(canvas.getByLabelText("Block size"));
    await userEvent.type(canvas.getByLabelText("Block size"), "1");
    await expect(canvas.queryByLabelText("A started block")).toBeNull();
    await waitFor(() => {
      expect(charge()?.blockSize).toBe(1);
      expect(charge()?.blockRounding).toBeUndefined();
    });
  },
};

const support = saas.packages[team]?.charges.findIndex((c) => c.id === "team-premium-support-fee") ?? -1;

/**
 * Premium support as a percent of the seat fee (the schema's own example of `percentOf`), then as a
 * percent of a transaction volume with a fee, minimum and maximum per transaction.
 */
export const Percentage: Story = {
  render: () => chargeOfTeam("team-premium-support"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const charge = () => docOf(canvasElement).packages[team]?.charges[support];
    await userEvent.selectOptions(canvas.getByLabelText("Price model"), "percentage");
    await waitFor(() => expect(charge()?.percentOf).toEqual(["team-seat-fee"]));
    await expect(canvas.queryAllByLabelText("Amount")).toHaveLength(0);
    await userEvent.click(canvas.getByText(/^Price points \(/));
    const percents = canvas.getAllByLabelText("Percent (%)");
    await userEvent.clear(percents[0] as HTMLElement);
    await userEvent.type(percents[0] as HTMLElement, "20");
    await waitFor(() => expect(charge()?.pricePoints[0]?.percent).toBe("20"));
    // On the API-call component: a transaction volume, counted by that component.
    await userEvent.selectOptions(canvas.getByLabelText("Charged on"), "component:team-api");
    await expect(canvas.queryByText("A percent of these charges")).toBeNull();
    await userEvent.selectOptions(canvas.getByLabelText("Transactions counted by"), "team-api");
    await userEvent.type(canvas.getAllByLabelText("Fee per transaction")[0] as HTMLElement, "0.30");
    await waitFor(() => {
      const c = charge();
      expect(c?.component).toBe("team-api");
      expect(c?.percentOf).toBeUndefined();
      expect(c?.eventsComponent).toBe("team-api");
      expect(c?.pricePoints[0]).toMatchObject({ percent: "20", fixedAmount: "0.30" });
    });
  },
};
