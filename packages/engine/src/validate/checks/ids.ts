/**
 * Ids are unique across the whole catalog (services, portfolios, packages, components, option
 * groups, options, charges, rules, quantity rules, path cases, retention offers), so a pick, a
 * charge or an explanation can name anything unambiguously. Price books have their own namespace.
 *
 * Runs in two passes so the common case (no duplicate) builds no pointer strings: the first pass
 * only counts ids; locations are computed only when some id repeats.
 */
import type { Catalog } from "@tessera/schema";
import type { CompiledCatalog } from "../../compile.ts";
import type { Check, CheckContext } from "../check.ts";
import { describeAt } from "../describe.ts";

/** Calls `visit(id, pointer)` for every catalog-wide id, in document order; pointers built lazily. */
function eachId(doc: Catalog, visit: (id: string, at: () => string) => void): void {
  const list = <T extends { id: string }>(items: readonly T[] | undefined, base: string) => {
    if (items === undefined) return;
    for (let i = 0; i < items.length; i++) visit((items[i] as T).id, () => `${base}/${i}`);
  };
  list(doc.services, "/services");
  list(doc.portfolios, "/portfolios");
  for (let i = 0; i < doc.packages.length; i++) {
    const pkg = doc.packages[i];
    if (pkg === undefined) continue;
    const at = `/packages/${i}`;
    visit(pkg.id, () => at);
    list(pkg.components, `${at}/components`);
    const groups = pkg.optionGroups ?? [];
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j];
      if (g === undefined) continue;
      visit(g.id, () => `${at}/optionGroups/${j}`);
      list(g.options, `${at}/optionGroups/${j}/options`);
    }
    list(pkg.charges, `${at}/charges`);
    list(pkg.rules, `${at}/rules`);
    list(pkg.quantityRules, `${at}/quantityRules`);
    list(pkg.termination?.retentionOffers, `${at}/termination/retentionOffers`);
  }
  list(doc.pathRules, "/pathRules");
}

function report(ctx: CheckContext, id: string, at: string, first: string): void {
  ctx.report({
    code: "id.duplicate",
    severity: "error",
    pointer: `${at}/id`,
    message: `${describeAt(ctx.doc, at)} reuses the id \`${id}\` of ${describeAt(ctx.doc, first).replace(/^[A-Z]/, (c) => c.toLowerCase())}: ids must be unique across the whole catalog.`,
  });
}

/**
 * Whether any id repeats, reusing the maps `compile` already built (services, portfolios, packages,
 * components, groups, options, charges; first occurrence wins there): a category repeats an id
 * when its map is smaller than its list, two categories share one when a key of the smaller map is
 * in the larger; the remaining kinds (rules, quantity rules, retention offers, path cases) go
 * through one small set. Lookups only, so the clean case allocates almost nothing.
 */
function hasDuplicate(doc: Catalog, catalog: CompiledCatalog): boolean {
  const counts = { components: 0, groups: 0, options: 0, charges: 0 };
  for (const pkg of doc.packages) {
    counts.components += pkg.components?.length ?? 0;
    counts.charges += pkg.charges.length;
    if (pkg.optionGroups) {
      counts.groups += pkg.optionGroups.length;
      for (const g of pkg.optionGroups) counts.options += g.options.length;
    }
  }
  const mapped: [ReadonlyMap<string, unknown>, number][] = [
    [catalog.services, doc.services.length],
    [catalog.portfolios, doc.portfolios.length],
    [catalog.packages, doc.packages.length],
    [catalog.components, counts.components],
    [catalog.groups, counts.groups],
    [catalog.options, counts.options],
    [catalog.charges, counts.charges],
  ];
  for (const [map, count] of mapped) if (map.size !== count) return true;
  const maps = mapped.map(([m]) => m).sort((x, y) => x.size - y.size);
  for (let i = 0; i < maps.length; i++)
    for (const id of (maps[i] as ReadonlyMap<string, unknown>).keys())
      for (let j = i + 1; j < maps.length; j++)
        if ((maps[j] as ReadonlyMap<string, unknown>).has(id)) return true;
  const rest = new Set<string>();
  const claim = (id: string): boolean => {
    if (rest.has(id)) return true;
    for (const m of maps) if (m.has(id)) return true;
    rest.add(id);
    return false;
  };
  for (const pkg of doc.packages) {
    if (pkg.rules) for (const r of pkg.rules) if (claim(r.id)) return true;
    if (pkg.quantityRules) for (const r of pkg.quantityRules) if (claim(r.id)) return true;
    if (pkg.termination?.retentionOffers)
      for (const o of pkg.termination.retentionOffers) if (claim(o.id)) return true;
  }
  if (doc.pathRules) for (const c of doc.pathRules) if (claim(c.id)) return true;
  return false;
}

export const idsCheck: Check = {
  id: "ids",
  codes: ["id.duplicate"],
  run(ctx) {
    const { doc } = ctx;
    const books = new Map<string, string>();
    doc.priceBooks?.forEach((b, i) => {
      const first = books.get(b.id);
      if (first === undefined) books.set(b.id, `/priceBooks/${i}`);
      else report(ctx, b.id, `/priceBooks/${i}`, first);
    });
    if (!hasDuplicate(doc, ctx.catalog)) return;
    const firstAt = new Map<string, string>();
    eachId(doc, (id, at) => {
      const first = firstAt.get(id);
      if (first === undefined) firstAt.set(id, at());
      else report(ctx, id, at(), first);
    });
  },
};
