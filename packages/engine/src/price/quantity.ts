/**
 * How many units a charge bills, per the team's shared semantics:
 * - a charge on a component bills max(0, quantity − included), where the quantity is the quote's,
 *   else the component's default, else its min, else 0; then whole started blocks when the charge
 *   has a block size (per_unit, tiered, volume);
 * - a charge on an option bills 1 when the option is picked (the add-on quantity on an add-on);
 * - a package-level charge (neither) bills 1 on the base package and the add-on quantity on an add-on.
 * Usage charges take their quantity from the quote's expected usage instead (see models/usage.ts).
 */
import type { Charge, Component } from "@tessera/schema";
import { showCount } from "./explain.ts";

export interface BillableQuantity {
  /** Units (or blocks) fed to the price model. */
  quantity: number;
  /** Words for how the quantity was derived; empty when it is the plain quantity. */
  note: string;
}

/** Models whose quantity is counted in whole blocks when the charge sets blockSize. */
const BLOCK_MODELS = new Set<Charge["model"]>(["per_unit", "tiered", "volume"]);

export function componentQuantity(component: Component, chosen: number | undefined): number {
  return chosen ?? component.default ?? component.min ?? 0;
}

export function billableQuantity(
  charge: Charge,
  component: Component | undefined,
  units: number,
): BillableQuantity {
  if (!component) return { quantity: units, note: "" };
  const included = component.included ?? 0;
  const above = Math.max(0, units - included);
  let note =
    included > 0 ? `${showCount(units)} − ${showCount(included)} included = ${showCount(above)}` : "";
  const block = charge.blockSize;
  if (block && block > 1 && BLOCK_MODELS.has(charge.model)) {
    const down = charge.blockRounding === "down";
    const blocks = down ? Math.floor(above / block) : Math.ceil(above / block);
    const full = down && above % block !== 0 ? " (full blocks only)" : "";
    note = `${note ? `${note}; ` : `${showCount(above)} units; `}${showCount(blocks)} block${blocks === 1 ? "" : "s"} of ${showCount(block)}${full}`;
    return { quantity: blocks, note };
  }
  return { quantity: above, note };
}
