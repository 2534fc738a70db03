/**
 * The packaging matrix's model: for each service and base package, how the package offers the
 * service — included in a quantity (a component), as a pickable option, through a compatible
 * add-on, or not at all — and the edits that move a cell from one state to another. Edits that
 * would leave a charge or rule pointing at nothing are refused with the references that hold them
 * (`referencesTo`), so the designer sees what to change first.
 */
import { isCompatibleAddOn } from "@tessera/engine";
import type { Catalog, Package } from "@tessera/schema";
import { pointer, removeAt, setIn } from "./docEdit.ts";

export type Cell =
  | { kind: "included"; quantity: number; component: string; index: number }
  | { kind: "option"; option: string; group: number; index: number }
  | { kind: "add-on"; addOns: string[] }
  | { kind: "none" };

export type CellKind = "none" | "included" | "option";

/** How `pkg` offers `service`: its own component first, then an option, then a compatible add-on. */
export function cellOf(doc: Catalog, pkg: Package, service: string): Cell {
  const components = pkg.components ?? [];
  const c = components.findIndex((x) => x.service === service);
  if (c >= 0) {
    const comp = components[c]!;
    return { kind: "included", quantity: comp.included ?? 0, component: comp.id, index: c };
  }
  const groups = pkg.optionGroups ?? [];
  for (let g = 0; g < groups.length; g++) {
    const o = groups[g]!.options.findIndex((x) => x.service === service);
    if (o >= 0) return { kind: "option", option: groups[g]!.options[o]!.id, group: g, index: o };
  }
  const addOns = doc.packages
    .filter(
      (a) =>
        a.role === "add_on" &&
        a.status !== "retired" &&
        isCompatibleAddOn(a, pkg) &&
        ((a.components ?? []).some((x) => x.service === service) ||
          (a.optionGroups ?? []).some((g) => g.options.some((o) => o.service === service))),
    )
    .map((a) => a.name);
  return addOns.length > 0 ? { kind: "add-on", addOns } : { kind: "none" };
}

/**
 * Pointers of every place in package `index` that names `id` (a component's or option's), other
 * than the entity's own `id`: charges, rules, quantity rules, nested groups.
 */
export function referencesTo(doc: Catalog, index: number, id: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      if (value === id && path[path.length - 1] !== "id") found.push(pointer(path));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(value[i], [...path, i]);
    } else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(doc.packages[index], ["packages", index]);
  return found;
}

/** Every id in the catalog (a new id must not collide with any). */
export function idsIn(doc: Catalog): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === "object") {
      const id = (value as { id?: unknown }).id;
      if (typeof id === "string") ids.add(id);
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(doc);
  return ids;
}

/** `base`, or `base-2`, `base-3`… — the first not taken. */
export function freshId(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type CellEdit = { ok: true; doc: Catalog } | { ok: false; references: string[] };

/** Removes the component or option a cell stands for, unless something still names it. */
function clear(doc: Catalog, index: number, cell: Cell): CellEdit {
  if (cell.kind === "included") {
    const refs = referencesTo(doc, index, cell.component);
    if (refs.length > 0) return { ok: false, references: refs };
    return { ok: true, doc: removeAt(doc, ["packages", index, "components", cell.index]) };
  }
  if (cell.kind === "option") {
    const refs = referencesTo(doc, index, cell.option);
    if (refs.length > 0) return { ok: false, references: refs };
    return {
      ok: true,
      doc: removeAt(doc, ["packages", index, "optionGroups", cell.group, "options", cell.index]),
    };
  }
  return { ok: true, doc };
}

/** Moves the cell of (`service`, package `index`) to `kind`; "included" starts at `quantity`. */
export function setCell(
  doc: Catalog,
  index: number,
  service: string,
  kind: CellKind,
  quantity = 1,
): CellEdit {
  const pkg = doc.packages[index];
  const svc = doc.services.find((s) => s.id === service);
  if (!pkg || !svc) return { ok: true, doc };
  const cell = cellOf(doc, pkg, service);
  if (cell.kind === kind) return { ok: true, doc };
  const cleared = clear(doc, index, cell);
  if (!cleared.ok || kind === "none") return cleared;
  let next = cleared.doc;
  const taken = idsIn(next);
  const id = freshId(taken, `${pkg.id}-${service}`);
  const at = ["packages", index] as const;
  const current = next.packages[index]!;
  if (kind === "included") {
    const included = svc.kind === "usage" ? 0 : quantity;
    return {
      ok: true,
      doc: setIn(next, [...at, "components"], [...(current.components ?? []), { id, service, included }]),
    };
  }
  // An option goes into the package's "Extras" group (any number may be picked), made when missing.
  const groups = current.optionGroups ?? [];
  let g = groups.findIndex((x) => x.id === `${pkg.id}-extras`);
  if (g < 0) {
    g = groups.length;
    next = setIn(
      next,
      [...at, "optionGroups"],
      [...groups, { id: freshId(taken, `${pkg.id}-extras`), name: "Extras", min: 0, options: [] }],
    );
  }
  const options = next.packages[index]!.optionGroups![g]!.options;
  return {
    ok: true,
    doc: setIn(next, [...at, "optionGroups", g, "options"], [...options, { id, name: svc.name, service }]),
  };
}
