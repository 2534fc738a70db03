/**
 * The one seam between lifecycle paths and pricing and configuration: an arrangement (current or
 * the candidate a move would produce) becomes a Quote, priced by `price()` and checked by
 * `configure()`. Nothing else in paths prices, so "the arrangement applyMove returns prices the
 * same as price() would" holds by construction.
 */
import type { Arrangement, BillingPeriod, Quote } from "@tessera/schema";
import { monthsOf, periodSpan, type TermLength, termFields, termLengthOf } from "../calendar.ts";
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
  /** The part of perPeriod billed in arrear (charges with timing in_arrear), not yet invoiced mid-period. */
  inArrear: Decimal;
  /** Sum of its one-time lines (setup fees, devices): what adding something one-time costs. */
  oneTime: Decimal;
  /**
   * perPeriod by item: the base package's lines (with the quote-wide discounts, which sit on the
   * base) and each add-on's own lines, by package id. The items sum to perPeriod.
   */
  byPackage: ReadonlyMap<string, Decimal>;
  /** Errors that keep the arrangement from being priced (missing prices, terms, periods). */
  errors: Diagnostic[];
}

/**
 * Results cached per compiled catalog (a published version is immutable, so a quote priced or
 * configured once as of a date stays right): customers on the same plan, and repeated `paths`
 * calls, reuse them. Keys are the quote's JSON, or a parent's key plus the change a move makes
 * (so building a move does not serialise its whole quote again). Each cache keeps its most recent
 * CACHE_LIMIT entries per scope (pricing date and usage).
 */
const CACHE_LIMIT = 4096;

class ScopedCache<V> {
  private readonly catalogs = new WeakMap<CompiledCatalog, Map<string, Map<string, V>>>();

  get(catalog: CompiledCatalog, scope: string, key: string, make: () => V): V {
    let scopes = this.catalogs.get(catalog);
    if (!scopes) {
      scopes = new Map();
      this.catalogs.set(catalog, scopes);
    }
    let map = scopes.get(scope);
    if (!map) {
      if (scopes.size >= 64) scopes.delete(scopes.keys().next().value!);
      map = new Map();
      scopes.set(scope, map);
    }
    let v = map.get(key);
    if (v === undefined) {
      v = make();
      if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value!);
      map.set(key, v);
    }
    return v;
  }
}

const priced = new ScopedCache<Recurring>();
const configured = new ScopedCache<Configuration>();

/**
 * The Quote an arrangement stands for: package, term, billing period, currency, price book, picks,
 * quantities, the add-ons it pays for (included ones are free and priced by the base) and its
 * discounts.
 */
export function quoteOf(a: Arrangement): Quote {
  const q: Quote = {
    package: a.package,
    ...quoteTerm(a),
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

interface Keyed {
  key: string;
  quote?: Quote;
}

/**
 * The cache keys (and, once needed, the quotes) of the arrangement objects one evaluation sees.
 * Scoped to that evaluation, so an arrangement a caller mutates between calls is keyed afresh.
 */
export class QuoteKeys {
  private readonly map = new WeakMap<Arrangement, Keyed>();

  of(arrangement: Arrangement): Keyed {
    let k = this.map.get(arrangement);
    if (!k) {
      const quote = quoteOf(arrangement);
      k = { key: JSON.stringify(quote), quote };
      this.map.set(arrangement, k);
    }
    return k;
  }

  /**
   * The key of a move's arrangement: `parent`'s key plus `change`, a text that identifies what the
   * move changed (it must determine the move's quote given the parent's), so the move's quote is
   * serialised only when it has to be priced.
   */
  derived(parent: Arrangement, change: string): string {
    return `${internId(this.of(parent).key)}\u0000${change}`;
  }
}

function quoteFor(arrangement: Arrangement, k: Keyed): Quote {
  k.quote ??= quoteOf(arrangement);
  return k.quote;
}

function keyFor(arrangement: Arrangement, key: string | undefined, keys: QuoteKeys | undefined): Keyed {
  if (key !== undefined) return { key };
  if (keys) return keys.of(arrangement);
  const quote = quoteOf(arrangement);
  return { key: JSON.stringify(quote), quote };
}

/**
 * A short stand-in for a long key (a parent's quote JSON), so derived keys stay short to hash.
 * Ids are never reused: a forgotten key gets a fresh id, so a derived key never names another quote.
 */
const interned = new Map<string, string>();
let nextId = 0;
function internId(key: string): string {
  let id = interned.get(key);
  if (id === undefined) {
    if (interned.size >= CACHE_LIMIT) interned.delete(interned.keys().next().value!);
    id = `#${nextId++}`;
    interned.set(key, id);
  }
  return id;
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
  key?: string,
  keys?: QuoteKeys,
): Recurring {
  const k = keyFor(arrangement, key, keys);
  const usage = withUsage ? arrangement.usage : undefined;
  const scope = usage ? `${asOf}|${JSON.stringify(usage)}` : asOf;
  return priced.get(catalog, scope, k.key, () => {
    const plain = quoteFor(arrangement, k);
    const quote: Quote = usage ? { ...plain, expectedUsage: usage } : plain;
    const result = price(catalog, quote, asOf);
    // Whether a package is still sold is availability's question (a held package stays priced
    // for its customers: grandfathering); everything else that stops a price is an error here.
    const errors = result.violations.filter((v) => v.severity === "error" && v.code !== "price.not-sellable");
    let oneTime = Decimal.ZERO;
    let inArrear = Decimal.ZERO;
    const byPackage = new Map<string, Decimal>();
    for (const line of result.lines) {
      if (line.perPeriod)
        byPackage.set(
          line.packageId,
          (byPackage.get(line.packageId) ?? Decimal.ZERO).add(Decimal.parse(line.amount)),
        );
      if (line.kind === "one_time") oneTime = oneTime.add(Decimal.parse(line.amount));
      else if (line.kind === "recurring" && line.perPeriod && line.chargeId !== null)
        if (catalog.charges.get(line.chargeId)?.value.timing === "in_arrear")
          inArrear = inArrear.add(Decimal.parse(line.amount));
    }
    return { perPeriod: Decimal.parse(result.totals.perPeriod), inArrear, oneTime, errors, byPackage };
  });
}

/**
 * The configuration of an arrangement (configure() on its quote): what makes it invalid (option
 * rules, add-on requires/excludes, quantity bounds and rules such as storage ≤ 10 × seats), and
 * which add-ons the current picks leave available, required or disabled.
 */
export function configurationOf(
  catalog: CompiledCatalog,
  arrangement: Arrangement,
  key?: string,
  keys?: QuoteKeys,
): Configuration {
  const k = keyFor(arrangement, key, keys);
  return configured.get(catalog, "", k.key, () => configure(catalog, quoteFor(arrangement, k)));
}

/**
 * Monthly recurring revenue of a per-period amount, rounded once to the currency's minor unit (a
 * week is 12/52 of a month, see calendar.monthsOf).
 */
export function mrrOf(
  perPeriod: Decimal,
  period: BillingPeriod,
  term: TermLength,
  currency: string,
): Decimal {
  const [num, den] = monthsOf(periodSpan(period, term));
  return perPeriod.mulDiv(den, num, minorUnit(currency));
}

/** The arrangement's term as a quote names it: termMonths or termWeeks. */
function quoteTerm(a: Arrangement): { termMonths: number } | { termWeeks: number } {
  const f = termFields(termLengthOf(a.term));
  return "weeks" in f ? { termWeeks: f.weeks } : { termMonths: f.months };
}
