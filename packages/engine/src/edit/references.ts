/**
 * Where a catalog names its own ids, as one table: every place an id refers to another entry
 * (a component's service, a charge's option, a rule's picks, an add-on's bases, a path case's
 * packages, a price point's book …). The designer reads it to show what points at a thing before
 * it is deleted, to remove those references, and to rename an id so that every reference follows.
 *
 * Ids live in two namespaces: price books have their own; everything else shares the catalog-wide
 * one (ids are unique across the catalog, see validate/checks/ids.ts).
 */
import type { Catalog, Condition, Formula, PackageMatch, Rule } from "@tessera/schema";
import { eachId, isCondition, isConsequence } from "../configure/formula.ts";
import { describeAt } from "../validate/describe.ts";

export type Namespace = "catalog" | "priceBook";
export type Token = string | number;

/** One reference: the id named, and where (the path of the string naming it). */
export interface Reference {
  id: string;
  namespace: Namespace;
  path: Token[];
  /**
   * How the reference goes away when its target does: `item` — an entry of a list whose other
   * entries keep their meaning (a display order, an add-on's requirements), dropped on its own;
   * `owner` — the entry holding it means nothing without the target (an included add-on, a
   * charge on a deleted option), dropped whole with `ownerPath`; `blocking` — the designer must
   * decide (a component's service, a package's portfolio, a path case's packages, a rule's picks).
   */
  removal: "item" | "owner" | "blocking";
  /** For `owner`: the path of the entry removed with the target. */
  ownerPath?: Token[];
}

type Visit = (r: Reference) => void;

function list(ids: readonly string[] | undefined, at: Token[], visit: Visit, removal: Reference["removal"]) {
  ids?.forEach((id, k) => {
    visit({ id, namespace: "catalog", path: [...at, k], removal });
  });
}

function condition(when: Condition | undefined, at: Token[], visit: Visit) {
  if (when === undefined) return;
  for (const key of ["allOf", "anyOf", "noneOf"] as const) list(when[key], [...at, key], visit, "blocking");
}

function formula(f: Formula, at: Token[], visit: Visit) {
  eachId(f, (id, path) => {
    const steps = path
      .split("/")
      .filter(Boolean)
      .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
    visit({ id, namespace: "catalog", path: [...at, ...steps], removal: "blocking" });
  });
}

function rule(r: Rule, at: Token[], visit: Visit) {
  if (r.when !== undefined) {
    if (isCondition(r.when)) condition(r.when, [...at, "when"], visit);
    else formula(r.when, [...at, "when"], visit);
  }
  if (isConsequence(r.then)) {
    for (const key of ["requireAll", "requireAny", "requireExactlyOne", "requireNone"] as const)
      list(r.then[key], [...at, "then", key], visit, "blocking");
  } else formula(r.then, [...at, "then"], visit);
}

function match(m: PackageMatch | undefined, at: Token[], visit: Visit) {
  if (m === undefined) return;
  list(m.packages, [...at, "packages"], visit, "blocking");
  list(m.portfolios, [...at, "portfolios"], visit, "blocking");
}

/** Calls `visit` for every reference in the catalog, in document order. */
export function eachReference(doc: Catalog, visit: Visit): void {
  doc.priceBooks?.forEach((b, i) => {
    if (b.fallback !== undefined)
      visit({ id: b.fallback, namespace: "priceBook", path: ["priceBooks", i, "fallback"], removal: "item" });
  });
  doc.portfolios.forEach((p, i) => {
    list(p.packageOrder, ["portfolios", i, "packageOrder"], visit, "item");
  });
  doc.packages.forEach((pkg, i) => {
    const at: Token[] = ["packages", i];
    visit({ id: pkg.portfolio, namespace: "catalog", path: [...at, "portfolio"], removal: "blocking" });
    if (pkg.successor !== undefined)
      visit({ id: pkg.successor, namespace: "catalog", path: [...at, "successor"], removal: "item" });
    pkg.components?.forEach((c, j) => {
      visit({
        id: c.service,
        namespace: "catalog",
        path: [...at, "components", j, "service"],
        removal: "blocking",
      });
    });
    pkg.optionGroups?.forEach((g, j) => {
      if (g.parentOption !== undefined)
        visit({
          id: g.parentOption,
          namespace: "catalog",
          path: [...at, "optionGroups", j, "parentOption"],
          removal: "item",
        });
      g.options.forEach((o, k) => {
        if (o.service !== undefined)
          visit({
            id: o.service,
            namespace: "catalog",
            path: [...at, "optionGroups", j, "options", k, "service"],
            removal: "item",
          });
      });
    });
    pkg.rules?.forEach((r, j) => {
      rule(r, [...at, "rules", j], visit);
    });
    pkg.quantityRules?.forEach((q, j) => {
      condition(q.when, [...at, "quantityRules", j, "when"], visit);
      q.terms.forEach((t, k) => {
        visit({
          id: t.component,
          namespace: "catalog",
          path: [...at, "quantityRules", j, "terms", k, "component"],
          removal: "owner",
          ownerPath: [...at, "quantityRules", j],
        });
      });
    });
    pkg.charges.forEach((c, j) => {
      const charge: Token[] = [...at, "charges", j];
      for (const key of ["component", "option", "eventsComponent"] as const) {
        const id = c[key];
        if (id !== undefined)
          visit({ id, namespace: "catalog", path: [...charge, key], removal: "owner", ownerPath: charge });
      }
      // A percentage of other charges: without one of them its meaning changes, so the designer decides.
      list(c.percentOf, [...charge, "percentOf"], visit, "blocking");
      c.pricePoints.forEach((p, k) => {
        if (p.priceBook !== undefined)
          visit({
            id: p.priceBook,
            namespace: "priceBook",
            path: [...charge, "pricePoints", k, "priceBook"],
            removal: "owner",
            ownerPath: [...charge, "pricePoints", k],
          });
      });
    });
    pkg.includedAddOns?.forEach((x, j) => {
      visit({
        id: x.addOn,
        namespace: "catalog",
        path: [...at, "includedAddOns", j, "addOn"],
        removal: "owner",
        ownerPath: [...at, "includedAddOns", j],
      });
    });
    const addOn = pkg.addOn;
    if (addOn) {
      list(addOn.packages, [...at, "addOn", "packages"], visit, "blocking");
      list(addOn.portfolios, [...at, "addOn", "portfolios"], visit, "blocking");
      list(addOn.requires, [...at, "addOn", "requires"], visit, "item");
      list(addOn.excludes, [...at, "addOn", "excludes"], visit, "item");
    }
    pkg.termination?.retentionOffers?.forEach((o, j) => {
      if (o.to !== undefined)
        visit({
          id: o.to,
          namespace: "catalog",
          path: [...at, "termination", "retentionOffers", j, "to"],
          removal: "owner",
          ownerPath: [...at, "termination", "retentionOffers", j],
        });
    });
  });
  // Alignment cases (lifecycle): `when` names packages and portfolios like a path-rule match.
  for (const kind of ["billing", "create", "change"] as const) {
    doc.alignments?.[kind]?.forEach((c, i) => {
      match(c.when, ["alignments", kind, i, "when"], visit);
    });
  }
  doc.pathRules?.forEach((c, i) => {
    match(c.from, ["pathRules", i, "from"], visit);
    match(c.to, ["pathRules", i, "to"], visit);
    c.priceBooks?.forEach((id, k) => {
      visit({ id, namespace: "priceBook", path: ["pathRules", i, "priceBooks", k], removal: "blocking" });
    });
  });
}

const startsWith = (path: readonly Token[], prefix: readonly Token[]) =>
  prefix.length <= path.length && prefix.every((t, i) => path[i] === t);

/** A JSON Pointer for a path. */
export function pointerOfPath(path: readonly Token[]): string {
  return path.map((t) => `/${String(t).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export interface Referrer extends Reference {
  pointer: string;
  /** Where it is, in words: "`addOn/requires/0` of package `collab-sso` (/packages/4/addOn/requires/0)". */
  where: string;
}

/**
 * The references to any of `ids` (in `namespace`), except those inside `within` (the subtree
 * being deleted with them: a package's own rules naming its own options do not block its deletion).
 */
export function referencesTo(
  doc: Catalog,
  ids: ReadonlySet<string>,
  namespace: Namespace = "catalog",
  within?: readonly Token[],
): Referrer[] {
  const found: Referrer[] = [];
  eachReference(doc, (r) => {
    if (r.namespace !== namespace || !ids.has(r.id)) return;
    if (within && startsWith(r.path, within)) return;
    const pointer = pointerOfPath(r.path);
    found.push({ ...r, pointer, where: describeAt(doc, pointer) });
  });
  return found;
}

/** Every catalog-wide id defined inside the value at `path` (a package's components, options …). */
export function idsWithin(doc: Catalog, path: readonly Token[]): Set<string> {
  const ids = new Set<string>();
  let value: unknown = doc;
  for (const t of path) value = (value as Record<Token, unknown> | undefined)?.[t];
  const walk = (v: unknown, key: string | undefined) => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const obj = v as Record<string, unknown>;
    if (typeof obj.id === "string" && key !== "priceBooks") ids.add(obj.id);
    for (const [k, x] of Object.entries(obj)) if (typeof x === "object") walk(x, k);
  };
  walk(value, typeof path.at(-2) === "string" ? (path.at(-2) as string) : undefined);
  return ids;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function parentOf(root: unknown, path: readonly Token[]): { parent: Record<Token, unknown>; key: Token } {
  let cur = root as Record<Token, unknown>;
  for (const t of path.slice(0, -1)) cur = cur[t] as Record<Token, unknown>;
  return { parent: cur, key: path[path.length - 1] as Token };
}

/**
 * The catalog with the id `from` renamed to `to`, at its definition and at every reference in the
 * same namespace. Pure: `doc` is not changed. The caller checks `to` first (a valid, unused id).
 */
export function renameId(doc: Catalog, from: string, to: string, namespace: Namespace = "catalog"): Catalog {
  if (from === to) return doc;
  const out = clone(doc);
  eachReference(doc, (r) => {
    if (r.namespace !== namespace || r.id !== from) return;
    const { parent, key } = parentOf(out, r.path);
    parent[key] = to;
  });
  const rename = (items: { id: string }[] | undefined) => {
    for (const x of items ?? []) if (x.id === from) x.id = to;
  };
  if (namespace === "priceBook") {
    rename(out.priceBooks);
    return out;
  }
  rename(out.services);
  rename(out.portfolios);
  rename(out.packages);
  rename(out.pathRules);
  for (const p of out.packages) {
    rename(p.components);
    rename(p.optionGroups);
    for (const g of p.optionGroups ?? []) rename(g.options);
    rename(p.charges);
    rename(p.rules);
    rename(p.quantityRules);
    rename(p.termination?.retentionOffers);
  }
  return out;
}

/** Deletes the values at `paths` (array entries are spliced out, object keys deleted), deepest last index first. */
function deleteAll(root: unknown, paths: readonly Token[][]): void {
  // A path inside another one goes with it; the same path twice is deleted once.
  const outer = paths.filter(
    (p, i) =>
      !paths.some(
        (q, j) =>
          (q.length < p.length && startsWith(p, q)) || (j < i && q.length === p.length && startsWith(p, q)),
      ),
  );
  const sorted = [...outer].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i] as Token;
      const y = b[i] as Token;
      if (x === y) continue;
      if (typeof x === "number" && typeof y === "number") return y - x;
      return String(x) < String(y) ? -1 : 1;
    }
    return b.length - a.length;
  });
  for (const path of sorted) {
    const { parent, key } = parentOf(root, path);
    if (parent === undefined) continue;
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }
}

/** Optional lists and blocks that mean nothing once empty, removed rather than left as `[]`/`{}`. */
function prune(doc: Catalog): void {
  const emptyList = (o: Record<string, unknown> | undefined, key: string) => {
    if (o && Array.isArray(o[key]) && (o[key] as unknown[]).length === 0) delete o[key];
  };
  for (const p of doc.portfolios) emptyList(p as never, "packageOrder");
  for (const pkg of doc.packages) {
    for (const key of ["includedAddOns", "rules", "quantityRules"]) emptyList(pkg as never, key);
    if (pkg.addOn) {
      for (const key of ["requires", "excludes", "packages", "portfolios"])
        emptyList(pkg.addOn as never, key);
    }
    if (pkg.termination) emptyList(pkg.termination as never, "retentionOffers");
  }
}

/**
 * What deleting the entry at `path` does to the catalog: the references to it and to everything
 * defined inside it, found outside it. `removable` when none of them blocks (see
 * `Reference.removal`); then `remove()` gives the catalog without the entry and without those
 * references.
 */
export function deletion(
  doc: Catalog,
  path: readonly Token[],
  namespace: Namespace = "catalog",
): { referrers: Referrer[]; removable: boolean; remove: () => Catalog } {
  const ids = namespace === "priceBook" ? new Set([entryId(doc, path)]) : idsWithin(doc, path);
  const referrers = referencesTo(doc, ids, namespace, path);
  const removable = referrers.every((r) => r.removal !== "blocking");
  return {
    referrers,
    removable,
    remove: () => {
      const out = clone(doc);
      deleteAll(out, [
        path as Token[],
        ...referrers.map((r) => (r.removal === "owner" ? (r.ownerPath ?? r.path) : r.path)),
      ]);
      prune(out);
      return out;
    },
  };
}

function entryId(doc: Catalog, path: readonly Token[]): string {
  let v: unknown = doc;
  for (const t of path) v = (v as Record<Token, unknown> | undefined)?.[t];
  return (v as { id?: string } | undefined)?.id ?? "";
}
