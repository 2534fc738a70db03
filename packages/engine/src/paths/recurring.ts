/**
 * The one seam between lifecycle paths and pricing and configuration: an arrangement (current or
 * the candidate a move would produce) becomes a Quote, priced by `price()` and checked by
 * `configure()`. Nothing else in paths prices, so "the arrangement applyMove returns prices the
 * same as price() would" holds by construction.
 */
import type { Arrangement, BillingPeriod, Quote } from "@tessera/schema";
import { monthsPerPeriod } from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import { configure } from "../configure/configure.ts";
import type { Configuration } from "../configure/types.ts";
import { minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { price } from "../price/index.ts";

export interface Recurring {
  /** Regular bill of one billing period. */
  perPeriod: Decimal;
  /** Sum of its one-time lines (setup fees, devices): what adding something one-time costs. */
  oneTime: Decimal;
  /** Errors that keep the arrangement from being priced (missing prices, terms, periods). */
  errors: Diagnostic[];
}

/**
 * Results cached per compiled catalog (a published version is immutable, so a quote priced or
 * configured once as of a date stays right): customers on the same plan, and repeated `paths`
 * calls, reuse them. Each cache keeps its most recent CACHE_LIMIT entries.
 */
const CACHE_LIMIT = 4096;
const priced = new WeakMap<CompiledCatalog, Map<string, Recurring>>();
const configured = new WeakMap<CompiledCatalog, Map<string, Configuration>>();

function cached<V>(
  store: WeakMap<CompiledCatalog, Map<string, V>>,
  catalog: CompiledCatalog,
  key: string,
  make: () => V,
): V {
  let map = store.get(catalog);
  if (!map) {
    map = new Map();
    store.set(catalog, map);
  }
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value!);
    map.set(key, v);
  }
  return v;
}

/**
 * The Quote an arrangement stands for: package, term, billing period, currency, price book, picks,
 * quantities, the add-ons it pays for (included ones are free and priced by the base) and its
 * discounts.
 */
export function quoteOf(a: Arrangement): Quote {
  const q: Quote = {
    package: a.package,
    termMonths: a.term.months,
    billingPeriod: a.billingPeriod,
    currency: a.currency,
  };
  if (a.priceBook !== undefined) q.priceBook = a.priceBook;
  if (a.paymentTerm !== undefined) q.paymentTerm = a.paymentTerm;
  if (a.picks !== undefined) q.picks = a.picks;
  if (a.quantities !== undefined) q.quantities = a.quantities;
  const addOns = (a.addOns ?? []).filter((h) => !h.included);
  if (addOns.length > 0) {
    q.addOns = addOns.map((h) => {
      const sel: NonNullable<Quote["addOns"]>[number] = { package: h.package };
      if (h.quantity !== undefined) sel.quantity = h.quantity;
      if (h.picks !== undefined) sel.picks = h.picks;
      if (h.quantities !== undefined) sel.quantities = h.quantities;
      return sel;
    });
  }
  if (a.discounts !== undefined && a.discounts.length > 0) q.discounts = a.discounts;
  return q;
}

/** The quote of an arrangement and its cache key, made once per arrangement object. */
const quotes = new WeakMap<Arrangement, { quote: Quote; key: string }>();
function keyed(arrangement: Arrangement): { quote: Quote; key: string } {
  let k = quotes.get(arrangement);
  if (!k) {
    const quote = quoteOf(arrangement);
    k = { quote, key: JSON.stringify(quote) };
    quotes.set(arrangement, k);
  }
  return k;
}

/**
 * Prices an arrangement's regular bill per billing period with price(): the only caller of price()
 * in paths. With `withUsage`, the observed usage is priced too (as expected usage: overage beyond
 * the allowance), which is what right-sizing compares.
 */
export function recurringOf(
  catalog: CompiledCatalog,
  arrangement: Arrangement,
  asOf: string,
  withUsage = false,
): Recurring {
  const { quote: plain, key } = keyed(arrangement);
  const quote =
    withUsage && arrangement.usage !== undefined ? { ...plain, expectedUsage: arrangement.usage } : plain;
  const usageKey = quote === plain ? "" : JSON.stringify(arrangement.usage);
  return cached(priced, catalog, `${asOf}|${usageKey}|${key}`, () => {
    const result = price(catalog, quote, asOf);
    const errors = result.violations.filter((v) => v.severity === "error");
    let oneTime = Decimal.ZERO;
    for (const line of result.lines)
      if (line.kind === "one_time") oneTime = oneTime.add(Decimal.parse(line.amount));
    return { perPeriod: Decimal.parse(result.totals.perPeriod), oneTime, errors };
  });
}

/**
 * The configuration of an arrangement (configure() on its quote): what makes it invalid (option
 * rules, add-on requires/excludes, quantity bounds and rules such as storage ≤ 10 × seats), and
 * which add-ons the current picks leave available, required or disabled.
 */
export function configurationOf(catalog: CompiledCatalog, arrangement: Arrangement): Configuration {
  const { quote, key } = keyed(arrangement);
  return cached(configured, catalog, key, () => configure(catalog, quote));
}

/** Monthly recurring revenue of a per-period amount, rounded once to the currency's minor unit. */
export function mrrOf(
  perPeriod: Decimal,
  period: BillingPeriod,
  termMonths: number,
  currency: string,
): Decimal {
  return perPeriod.mulDiv(1n, BigInt(monthsPerPeriod(period, termMonths)), minorUnit(currency));
}
