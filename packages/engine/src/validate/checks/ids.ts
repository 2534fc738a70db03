/**
 * Ids are unique across the whole catalog (services, portfolios, packages, components, option
 * groups, options, charges, rules, quantity rules, path cases, retention offers), so a pick, a
 * charge or an explanation can name anything unambiguously. Price books have their own namespace.
 *
 * Runs in two passes so the common case (no duplicate) builds no pointer strings: the first pass
 * only counts ids; locations are computed only when some id repeats.
 */
import type { Catalog } from "@tessera/schema";
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

/** Counts ids and distinct ids in one pass (no pointers: the clean case must stay cheap). */
function countIds(doc: Catalog): { ids: number; distinct: number } {
  const seen = new Set<string>();
  let ids = 0;
  const list = (items: readonly { id: string }[] | undefined) => {
    if (items === undefined) return;
    ids += items.length;
    for (let i = 0; i < items.length; i++) seen.add((items[i] as { id: string }).id);
  };
  list(doc.services);
  list(doc.portfolios);
  list(doc.packages);
  for (const pkg of doc.packages) {
    list(pkg.components);
    if (pkg.optionGroups) {
      list(pkg.optionGroups);
      for (const g of pkg.optionGroups) list(g.options);
    }
    list(pkg.charges);
    list(pkg.rules);
    list(pkg.quantityRules);
    list(pkg.termination?.retentionOffers);
  }
  list(doc.pathRules);
  return { ids, distinct: seen.size };
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
    const { ids, distinct } = countIds(doc);
    if (ids === distinct) return;
    const firstAt = new Map<string, string>();
    eachId(doc, (id, at) => {
      const first = firstAt.get(id);
      if (first === undefined) firstAt.set(id, at());
      else report(ctx, id, at(), first);
    });
  },
};
