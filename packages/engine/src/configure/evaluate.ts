/**
 * Direct check of one full configuration (a set of picked options and add-ons, everything else
 * unpicked) against the package's constraints, with the semantics model.ts encodes. Used for
 * `complete`: the picks alone, with nothing more chosen, must satisfy every applying group, rule
 * and add-on constraint. Linear in the size of the package.
 */
import type { Package } from "@tessera/schema";
import { ruleHolds } from "./formula.ts";
import type { PackageLogic } from "./model.ts";

/** Whether picking exactly `on` (options and add-ons; nothing else) is a valid configuration. */
export function isValidConfiguration(logic: PackageLogic, on: ReadonlySet<string>): boolean {
  const { base } = logic;
  for (const id of on) {
    const v = logic.index.get(id);
    if (v === undefined) return false;
    if (logic.vars[v]!.incompatible !== undefined) return false;
  }
  for (const inc of base.includedAddOns ?? []) if (!on.has(inc.addOn)) return false;
  const packages: Package[] = [base];
  for (const [id, a] of logic.addOns) {
    if (!on.has(id)) continue;
    packages.push(a);
    if (a.addOn?.requires?.some((r) => !on.has(r))) return false;
    if (a.addOn?.excludes?.some((e) => on.has(e))) return false;
  }
  // Options of add-ons not picked cannot be picked.
  for (const id of on) {
    const variable = logic.vars[logic.index.get(id)!]!;
    if (variable.kind === "option" && variable.packageId !== base.id && !on.has(variable.packageId))
      return false;
  }
  for (const pkg of packages) {
    const { ownOptions, mandatory } = shapeOf(pkg);
    for (const [gi, g] of (pkg.optionGroups ?? []).entries()) {
      let picked = 0;
      for (const o of g.options) {
        if (!on.has(o.id)) continue;
        if (o.status === "retired") return false;
        picked++;
      }
      const parentOk =
        g.parentOption === undefined || (ownOptions.has(g.parentOption) && on.has(g.parentOption));
      if (!parentOk) {
        if (picked > 0) return false;
        continue;
      }
      if (mandatory[gi]!.some((id) => !on.has(id))) return false;
      if (picked < (g.min ?? 0) || picked > (g.max ?? g.options.length)) return false;
    }
    for (const r of pkg.rules ?? []) if (!ruleHolds(r, on)) return false;
  }
  return true;
}

/** Per package (a compiled catalog's packages do not change): its option ids and mandatory ones per group. */
const shapes = new WeakMap<Package, { ownOptions: Set<string>; mandatory: string[][] }>();

function shapeOf(pkg: Package): { ownOptions: Set<string>; mandatory: string[][] } {
  let s = shapes.get(pkg);
  if (!s) {
    const groups = pkg.optionGroups ?? [];
    s = {
      ownOptions: new Set(groups.flatMap((g) => g.options.map((o) => o.id))),
      mandatory: groups.map((g) => g.options.filter((o) => o.mandatory === true).map((o) => o.id)),
    };
    shapes.set(pkg, s);
  }
  return s;
}
