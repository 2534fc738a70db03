/**
 * The add-on rows of the packaging matrix: for each add-on and base package, whether the base
 * cannot take it, offers it (available, bought separately) or bundles it (included, free and not
 * removable, in a quantity). Offering or withdrawing an add-on on one base rewrites the add-on's
 * compatibility in the simplest form that says exactly the new set of bases: its portfolio(s) from
 * a minimum tier when the set is a top slice of the ladder, else those plus named extra bases, else
 * the named bases alone. Compatibility follows the engine's `isCompatibleAddOn`.
 */
import { isCompatibleAddOn } from "@tessera/engine";
import type { AddOnCompatibility, Catalog, Package } from "@tessera/schema";
import { setIn } from "./docEdit.ts";
import type { CellEdit } from "./matrix.ts";

export type AddOnCellKind = "none" | "available" | "included";
export type AddOnCell =
  | { kind: "none" }
  | { kind: "available" }
  | { kind: "included"; quantity: number; index: number };

/** How base package `base` offers add-on `addOn`. */
export function addOnCellOf(addOn: Package, base: Package): AddOnCell {
  const i = (base.includedAddOns ?? []).findIndex((x) => x.addOn === addOn.id);
  if (i >= 0) return { kind: "included", quantity: base.includedAddOns![i]!.quantity ?? 1, index: i };
  return isCompatibleAddOn(addOn, base) ? { kind: "available" } : { kind: "none" };
}

const bases = (doc: Catalog) => doc.packages.filter((p) => p.role === "base");
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

/**
 * The compatibility block saying that exactly `fit` (base ids) take `addOn`, keeping its other
 * fields (max quantity, requires, excludes, fate on a base change); undefined when none can (an
 * add-on that fits no base is refused by the validator).
 */
export function compatibilityFor(
  doc: Catalog,
  addOn: Package,
  fit: ReadonlySet<string>,
): AddOnCompatibility | undefined {
  if (fit.size === 0) return undefined;
  const { packages: _p, portfolios: _f, minTier: _t, ...rest } = addOn.addOn ?? {};
  const all = bases(doc);
  const portfolios = addOn.addOn?.portfolios?.length ? addOn.addOn.portfolios : [addOn.portfolio];
  const explicitPortfolios = (addOn.addOn?.portfolios?.length ?? 0) > 0;
  const inPortfolios = all.filter((b) => portfolios.includes(b.portfolio));
  const tiers = [...new Set(inPortfolios.map((b) => b.tier))].sort((a, b) => a - b);
  // A top slice of the ladder: the portfolios from some tier up, and nothing else.
  for (const t of tiers) {
    const slice = new Set(inPortfolios.filter((b) => b.tier >= t).map((b) => b.id));
    if (!sameSet(slice, fit)) continue;
    const lowest = t === tiers[0];
    if (lowest) return { ...(explicitPortfolios ? { portfolios } : {}), ...rest } as AddOnCompatibility;
    // A minimum tier is written with the portfolios it counts in, so the block reads on its own.
    return { portfolios, minTier: t, ...rest } as AddOnCompatibility;
  }
  // The current slice plus named bases, when nothing of the slice was withdrawn.
  const minTier = addOn.addOn?.minTier;
  const slice = inPortfolios.filter((b) => minTier === undefined || b.tier >= minTier).map((b) => b.id);
  if (slice.length > 0 && slice.every((id) => fit.has(id))) {
    const extra = all.filter((b) => fit.has(b.id) && !slice.includes(b.id)).map((b) => b.id);
    return {
      portfolios,
      ...(minTier !== undefined ? { minTier } : {}),
      ...(extra.length > 0 ? { packages: extra } : {}),
      ...rest,
    } as AddOnCompatibility;
  }
  // Otherwise the bases by name (packages without portfolios: exactly those).
  return { packages: all.filter((b) => fit.has(b.id)).map((b) => b.id), ...rest } as AddOnCompatibility;
}

/** Pointers of the bundlings of `addOn` on bases it no longer fits (they must let go first). */
function strandedBundles(doc: Catalog, addOn: Package): string[] {
  const out: string[] = [];
  doc.packages.forEach((p, i) => {
    (p.includedAddOns ?? []).forEach((inc, j) => {
      if (inc.addOn === addOn.id && !isCompatibleAddOn(addOn, p))
        out.push(`/packages/${i}/includedAddOns/${j}`);
    });
  });
  return out;
}

/**
 * Moves the cell (add-on `addOnIndex`, base `baseIndex`) to `kind`. Withdrawing the last base an
 * add-on fits is refused (pointing at the add-on's compatibility), and so is withdrawing it from a
 * base while the compatibility rewrite would drop it from bases that bundle it.
 */
export function setAddOnCell(
  doc: Catalog,
  addOnIndex: number,
  baseIndex: number,
  kind: AddOnCellKind,
): CellEdit {
  const addOn = doc.packages[addOnIndex];
  const base = doc.packages[baseIndex];
  if (!addOn || !base || addOn.role !== "add_on" || base.role !== "base") return { ok: true, doc };
  const cell = addOnCellOf(addOn, base);
  if (cell.kind === kind) return { ok: true, doc };
  let next = doc;
  // Bundling.
  const included = base.includedAddOns ?? [];
  if (cell.kind === "included") {
    const rest = included.filter((x) => x.addOn !== addOn.id);
    next = setIn(next, ["packages", baseIndex, "includedAddOns"], rest.length > 0 ? rest : undefined);
  }
  if (kind === "included")
    next = setIn(next, ["packages", baseIndex, "includedAddOns"], [...included, { addOn: addOn.id }]);
  // Compatibility.
  const fit = new Set(
    bases(doc)
      .filter((b) => isCompatibleAddOn(addOn, b))
      .map((b) => b.id),
  );
  const wants = kind !== "none";
  if (fit.has(base.id) === wants) return { ok: true, doc: next };
  if (wants) fit.add(base.id);
  else fit.delete(base.id);
  const compat = compatibilityFor(doc, addOn, fit);
  if (!compat) return { ok: false, references: [`/packages/${addOnIndex}/addOn`] };
  next = setIn(next, ["packages", addOnIndex, "addOn"], Object.keys(compat).length > 0 ? compat : undefined);
  const lost = strandedBundles(next, next.packages[addOnIndex]!);
  if (lost.length > 0) return { ok: false, references: lost };
  return { ok: true, doc: next };
}

/** Sets how many units of an included add-on a base bundles (1, the default, is written as absent). */
export function setIncludedQuantity(
  doc: Catalog,
  baseIndex: number,
  index: number,
  quantity: number,
): Catalog {
  return setIn(
    doc,
    ["packages", baseIndex, "includedAddOns", index, "quantity"],
    quantity === 1 ? undefined : quantity,
  );
}
