/**
 * Whether an option or an add-on can be priced on a quote's term, billing period, currency and
 * price book — the same price point choice `price` makes (point.ts) — and, when it cannot, why in
 * one sentence. `configure` uses it to disable what a quote could not price, and to keep a quote
 * with an unpriced pick incomplete (otherwise the line would silently drop out of the totals).
 *
 * An add-on can be priced when one of its own `terms` fits in the quote's term (it may run month to
 * month inside a longer contract, never commit beyond it) and each of its package-level charges
 * has a price point; an option when each charge on it (of the package it belongs to) has one.
 */
import type { BillingPeriod, Charge, Package } from "@tessera/schema";
import { PERIOD_PER, periodSpan, type Span, spanAdjective, termLengthOf } from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import { bookChain, choiceKey, choosePoint } from "./point.ts";

/** What a quote is priced in. */
export interface PricingContext {
  currency: string;
  book: string;
  period: BillingPeriod;
  /** The quote's term. */
  term: Span;
}

/** Charges on options, by package then option id, built once per compiled catalog. */
const optionCharges = new WeakMap<CompiledCatalog, Map<Package, Map<string, Charge[]>>>();

function chargesOn(catalog: CompiledCatalog, pkg: Package, option: string | undefined): Charge[] {
  if (option === undefined) return pkg.charges.filter((c) => c.option === undefined);
  let perPackage = optionCharges.get(catalog);
  if (!perPackage) {
    perPackage = new Map();
    optionCharges.set(catalog, perPackage);
  }
  let byOption = perPackage.get(pkg);
  if (!byOption) {
    byOption = new Map();
    for (const c of pkg.charges) {
      if (c.option === undefined) continue;
      const list = byOption.get(c.option);
      if (list) list.push(c);
      else byOption.set(c.option, [c]);
    }
    perPackage.set(pkg, byOption);
  }
  return byOption.get(option) ?? [];
}

/** Name of a price book for sentences: its name when the catalog declares it, else its id. */
function bookName(catalog: CompiledCatalog, book: string): string {
  return catalog.doc.priceBooks?.find((b) => b.id === book)?.name ?? book;
}

/**
 * Why `option` (of `pkg`), or the add-on `pkg` itself when `option` is undefined, cannot be priced
 * in `ctx`; undefined when it can. `name` is what the sentence calls it.
 */
export function unpricedReason(
  catalog: CompiledCatalog,
  pkg: Package,
  option: string | undefined,
  name: string,
  ctx: PricingContext,
): string | undefined {
  if (option === undefined && pkg.role === "add_on") {
    // An add-on may run on shorter terms inside the base's (a monthly add-on on a 24-month
    // contract), but not commit the customer beyond it: one of its terms must fit in the quote's.
    const lengths = pkg.terms.map(termLengthOf).filter((t) => t.unit === ctx.term.unit);
    const shortest = Math.min(...lengths.map((t) => t.count));
    if (lengths.length === 0)
      return `${name} is sold only on terms in ${pkg.terms.map(termLengthOf)[0]?.unit ?? "month"}s, and this term is ${spanAdjective(ctx.term)}.`;
    if (shortest > ctx.term.count)
      return `${name} is sold only on terms of ${shortest} ${ctx.term.unit}s or more, longer than this ${spanAdjective(ctx.term)} term.`;
  }
  const charges = chargesOn(catalog, pkg, option);
  if (charges.length === 0) return undefined;
  const span = periodSpan(ctx.period, ctx.term);
  const perPeriod = span.unit === "month" ? span.count : 0;
  const key = choiceKey(ctx.currency, ctx.book, ctx.period, perPeriod);
  for (const c of charges) {
    if (choosePoint(catalog, c, ctx.currency, ctx.book, ctx.period, perPeriod, key)) continue;
    const books = bookChain(catalog, ctx.book).map((b) => bookName(catalog, b));
    const where =
      books.length > 1 ? `the ${books[0]} price book or its fallbacks` : `the ${books[0]} price book`;
    return `${name} has no price ${PERIOD_PER[ctx.period]} in ${ctx.currency} in ${where}.`;
  }
  return undefined;
}
