import type { Meta, StoryObj } from "@storybook/react-vite";
import type { Step, Tier } from "@tessera/schema";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { StepsEditor, TiersEditor } from "./BandsEditor.tsx";
import type { Path } from "./docEdit.ts";

/** The editors hold their bands the way the draft store does: `set(path, value)` on one document. */
function Bands() {
  const [doc, setDoc] = useState<{ tiers: Tier[]; steps: Step[] }>({
    tiers: [{ from: 0, unitAmount: "12.00" }],
    steps: [{ upTo: null, amount: "100.00" }],
  });
  const set = (path: Path, value: unknown) =>
    setDoc((d) => {
      const next = structuredClone(d) as Record<string, unknown>;
      let at = next as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      at[path.at(-1)!] = value;
      return next as typeof d;
    });
  return (
    <>
      <TiersEditor tiers={doc.tiers} path={["tiers"]} set={set} readOnly={false} />
      <StepsEditor steps={doc.steps} path={["steps"]} set={set} readOnly={false} />
      <output aria-label="Document">{JSON.stringify(doc)}</output>
    </>
  );
}

const meta = { title: "Designer/BandsEditor", component: Bands } satisfies Meta<typeof Bands>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Adding a band closes the open last one; a band can be removed while more than one is left. */
export const AddAndRemoveBands: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const doc = () => JSON.parse(canvas.getByRole("status", { name: "Document" }).textContent ?? "{}");
    await expect(canvas.queryByRole("button", { name: "Remove tier 1" })).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Add tier" }));
    await expect(doc().tiers).toEqual([
      { from: 0, unitAmount: "12.00", upTo: 10 },
      { from: 10, unitAmount: "12.00" },
    ]);
    await userEvent.clear(canvas.getByLabelText("Tier 2 unit amount"));
    await userEvent.type(canvas.getByLabelText("Tier 2 unit amount"), "10.00");
    await expect(doc().tiers[1]).toEqual({ from: 10, unitAmount: "10.00" });
    await userEvent.click(canvas.getByRole("button", { name: "Remove tier 1" }));
    await expect(doc().tiers).toEqual([{ from: 10, unitAmount: "10.00" }]);

    await userEvent.click(canvas.getByRole("button", { name: "Add step" }));
    await expect(doc().steps).toEqual([
      { upTo: 10, amount: "100.00" },
      { upTo: null, amount: "100.00" },
    ]);
    await expect(canvas.getByLabelText("Step 1 up to")).toHaveValue(10);
    await expect(canvas.getByLabelText("Step 2 up to")).toHaveAttribute("placeholder", "no limit");
  },
};
