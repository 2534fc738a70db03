/**
 * Ids are unique across the whole catalog (services, portfolios, packages, components, option
 * groups, options, charges, rules, quantity rules, path cases, retention offers), so a pick, a
 * charge or an explanation can name anything unambiguously. Price books have their own namespace.
 *
 * Runs in two passes so the common case (no duplicate) builds no pointer strings: the first pass
 * only tells whether some id repeats; locations are computed only when one does.
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

/** Calls `visit` with every list of catalog-wide ids that `compile` does not index up front. */
function eachUnindexedIdList(doc: Catalog, visit: (items: readonly { id: string }[]) => void): void {
  for (const pkg of doc.packages) {
    if (pkg.optionGroups) visit(pkg.optionGroups);
    visit(pkg.charges);
    if (pkg.rules) visit(pkg.rules);
    if (pkg.quantityRules) visit(pkg.quantityRules);
    if (pkg.termination?.retentionOffers) visit(pkg.termination.retentionOffers);
  }
  if (doc.pathRules) visit(doc.pathRules);
}

/**
 * Whether any catalog-wide id repeats, with set operations only (the clean case allocates little
 * and builds no string). Services, portfolios, packages, components and options are the keys of
 * `compile`'s maps, which keep a repeated id once: a kind repeats an id when its map is smaller than
 * its list, two kinds share one when a key of one map is in another. The other ids go into sets,
 * checked the same way against their own count and against the maps' keys. They are spread over
 * one set per ~2,000 ids by a few of their characters: V8 puts a hash table of more than ~4,000
 * entries in large-object space, whose fresh pages cost milliseconds to touch.
 */
function hasDuplicate(doc: Catalog, catalog: CompiledCatalog): boolean {
  let components = 0;
  let options = 0;
  for (const pkg of doc.packages) {
    if (pkg.components) components += pkg.components.length;
    if (pkg.optionGroups) for (const g of pkg.optionGroups) options += g.options.length;
  }
  const c = catalog;
  if (
    c.services.size !== doc.services.length ||
    c.portfolios.size !== doc.portfolios.length ||
    c.packages.size !== doc.packages.length ||
    c.components.size !== components ||
    c.options.size !== options
  )
    return true;
  const maps: ReadonlyMap<string, unknown>[] = [
    c.portfolios,
    c.packages,
    c.components,
    c.options,
    c.services,
  ];
  for (let i = 0; i < maps.length; i++)
    for (const id of (maps[i] as ReadonlyMap<string, unknown>).keys())
      for (let j = i + 1; j < maps.length; j++)
        if ((maps[j] as ReadonlyMap<string, unknown>).has(id)) return true;

  let count = 0;
  eachUnindexedIdList(doc, (items) => {
    count += items.length;
  });
  let n = 1;
  while (n * 2048 < count) n *= 2;
  const sets: Set<string>[] = [];
  for (let i = 0; i < n; i++) sets.push(new Set());
  const setOf = (id: string) =>
    sets[
      (id.charCodeAt(id.length - 1) * 31 + id.charCodeAt(id.length >> 1) * 7 + id.length) & (n - 1)
    ] as Set<string>;
  eachUnindexedIdList(doc, (items) => {
    for (let i = 0; i < items.length; i++) {
      const id = (items[i] as { id: string }).id;
      setOf(id).add(id);
    }
  });
  let distinct = 0;
  for (const set of sets) distinct += set.size;
  if (distinct !== count) return true;
  for (const map of maps) for (const id of map.keys()) if (setOf(id).has(id)) return true;
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
