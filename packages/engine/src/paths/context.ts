/**
 * Everything one `paths` evaluation shares: the arrangement's current package, billing period and
 * price and configuration, and the held add-ons.
 */
import type { Arrangement, HeldAddOn, Package } from "@tessera/schema";
import { daysBetween, type Period, periodContaining, periodSpan, termLengthOf } from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import type { Configuration } from "../configure/types.ts";
import { formatMoney, minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { phaseOn, phasePlans, timeline } from "../phases.ts";
import type { Phase } from "./match.ts";
import { type PathIndex, pathIndex } from "./path-index.ts";
import { configurationOf, mrrOf, QuoteKeys, type Recurring, recurringOf } from "./recurring.ts";

/** What was invoiced for one item for the current period: the amount and the days it covered. */
export interface BilledItem {
  from: string;
  amount: Decimal;
  days: number;
}

export interface PathContext {
  catalog: CompiledCatalog;
  index: PathIndex;
  arrangement: Arrangement;
  asOf: string;
  currency: string;
  minor: number;
  /** The held base package as this catalog version defines it; undefined when it is missing. */
  current: Package | undefined;
  phase: Phase;
  /** When the phase in force ends, and its position in the package's phases (when known). */
  phaseEnds: string | undefined;
  phaseIndex: number | undefined;
  /** The billing period containing asOf (already invoiced, for in-advance billing). */
  period: Period;
  /** Days in that period, and days of it from asOf to its end. */
  periodDays: number;
  unusedDays: number;
  currentRecurring: Decimal;
  /** The part of currentRecurring billed in arrear (not yet invoiced for the current period). */
  currentArrear: Decimal;
  currentMrr: Decimal;
  /**
   * What was invoiced for the current billing period (the arrangement's `billed` record for this
   * period): the amount and the days from `from` to the period's end it covered. Flexible
   * proration credits from it; undefined when the arrangement records nothing for this period.
   */
  billed: { from: string; amount: Decimal; days: number } | undefined;
  /**
   * The record's `items` for this period, by package id (flexible style, item by item); undefined
   * when it has none. An item missing from it was not billed for the period.
   */
  billedItems: ReadonlyMap<string, BilledItem> | undefined;
  /** One-time charges the current arrangement prices with (a move adds only what exceeds them). */
  currentOneTime: Decimal;
  /** Error messages the current arrangement already has (not blamed on a move). */
  currentErrors: ReadonlySet<string>;
  /** configure() of the current arrangement: add-on states and reasons; undefined without a package. */
  currentConfig: Configuration | undefined;
  /** Held add-ons by package id. */
  held: ReadonlyMap<string, HeldAddOn>;
  /** price() of the arrangement (cached); `key` names it when a move derived it (see derivedKey). */
  price(a: Arrangement, key?: string): Recurring;
  /**
   * Why the arrangement a move would produce is refused: every price() error (a move never reports
   * a price it could not compute; one the current arrangement already has says so), and the new
   * configure() violations when `configured` (rules, add-on requires/excludes, quantity rules;
   * ones the current arrangement already has are not blamed on the move).
   */
  errorsOf(a: Arrangement, configured: boolean, key?: string): string[];
  /** Cache key of the current arrangement changed by `change` (see QuoteKeys.derived). */
  derivedKey(change: string): string;
  /** The bill per period including observed usage priced as overage (for right-sizing). */
  costWithUsage(a: Arrangement): Recurring;
  money(d: Decimal): string;
  nameOf(id: string): string;
}

export function createContext(catalog: CompiledCatalog, arrangement: Arrangement, asOf: string): PathContext {
  const keys = new QuoteKeys();
  const price = (a: Arrangement, key?: string): Recurring => recurringOf(catalog, a, asOf, false, key, keys);
  const costWithUsage = (a: Arrangement): Recurring => recurringOf(catalog, a, asOf, true, undefined, keys);
  const current = catalog.packages.get(arrangement.package)?.value;
  const span = periodSpan(arrangement.billingPeriod, termLengthOf(arrangement.term));
  const { phase, phaseEnds, phaseIndex } = phaseInForce(arrangement, current, asOf);

  let currentErrors = new Set<string>();
  let currentPriceErrors = new Set<string>();
  let currentRecurring: Decimal;
  let currentConfig: Configuration | undefined;
  let currentOneTime = Decimal.ZERO;
  let currentArrear = Decimal.ZERO;
  const snapshot = arrangement.recurring !== undefined ? Decimal.tryParse(arrangement.recurring) : undefined;
  if (current) {
    const priced = price(arrangement);
    currentConfig = configurationOf(catalog, arrangement, undefined, keys);
    currentPriceErrors = new Set(priced.errors.map((e) => e.message));
    currentErrors = new Set([
      ...currentPriceErrors,
      ...currentConfig.violations.filter((v) => v.severity === "error").map((v) => v.message),
    ]);
    currentRecurring = snapshot ?? priced.perPeriod;
    currentArrear = Decimal.min(priced.inArrear, currentRecurring);
    currentOneTime = priced.oneTime;
  } else {
    currentRecurring = snapshot ?? Decimal.ZERO;
  }
  const period = periodContaining(arrangement.billingAnchor, span, asOf);
  let billed: PathContext["billed"];
  let billedItems: Map<string, BilledItem> | undefined;
  const record = arrangement.billed;
  if (record && record.periodStart === period.start) {
    const from = record.from ?? period.start;
    const amount = Decimal.tryParse(record.amount);
    if (amount && from >= period.start && from < period.end)
      billed = { from, amount, days: daysBetween(from, period.end) };
    if (record.items) {
      const items = new Map<string, BilledItem>();
      for (const item of record.items) {
        const itemFrom = item.from ?? period.start;
        const itemAmount = Decimal.tryParse(item.amount);
        if (itemAmount && itemFrom >= period.start && itemFrom < period.end)
          items.set(item.package, {
            from: itemFrom,
            amount: itemAmount,
            days: daysBetween(itemFrom, period.end),
          });
      }
      billedItems = items;
    }
  }
  const held = new Map<string, HeldAddOn>();
  for (const h of arrangement.addOns ?? []) held.set(h.package, h);

  return {
    catalog,
    index: pathIndex(catalog),
    arrangement,
    asOf,
    currency: arrangement.currency,
    minor: minorUnit(arrangement.currency),
    current,
    phase,
    phaseEnds,
    phaseIndex,
    period,
    periodDays: daysBetween(period.start, period.end),
    unusedDays: daysBetween(asOf, period.end),
    currentRecurring,
    currentArrear,
    currentMrr: mrrOf(
      currentRecurring,
      arrangement.billingPeriod,
      termLengthOf(arrangement.term),
      arrangement.currency,
    ),
    currentErrors,
    currentConfig,
    currentOneTime,
    billed,
    billedItems,
    held,
    price,
    derivedKey: (change) => keys.derived(arrangement, change),
    errorsOf(a, configured, key) {
      const out = new Set<string>();
      for (const e of price(a, key).errors)
        out.add(
          currentPriceErrors.has(e.message)
            ? `The arrangement cannot be priced as it stands, so this move cannot be either: ${e.message}`
            : e.message,
        );
      if (configured)
        for (const v of configurationOf(catalog, a, key, keys).violations)
          if (v.severity === "error" && !currentErrors.has(v.message)) out.add(v.message);
      return [...out];
    },
    costWithUsage,
    money: (d) => formatMoney(d, arrangement.currency),
    nameOf: (id) => catalog.packages.get(id)?.value.name ?? id,
  };
}

/**
 * The phase in force on asOf: the arrangement's own until its phaseEnds; after it, the package's
 * phases that follow it, laid from that day (a discount phase then a fixed term), else evergreen.
 */
function phaseInForce(
  a: Arrangement,
  pkg: Package | undefined,
  asOf: string,
): { phase: Phase; phaseEnds: string | undefined; phaseIndex: number | undefined } {
  if (a.phase === undefined || a.phase === "evergreen")
    return { phase: "evergreen", phaseEnds: undefined, phaseIndex: undefined };
  if (a.phaseEnds === undefined || a.phaseEnds > asOf)
    return { phase: a.phase, phaseEnds: a.phaseEnds, phaseIndex: a.phaseIndex };
  const plans = pkg ? phasePlans(pkg) : [];
  const at = a.phaseIndex ?? plans.findIndex((p) => p.type === a.phase);
  const next =
    at >= 0
      ? phaseOn(timeline(plans.slice(at + 1), a.phaseEnds, a.billingPeriod, termLengthOf(a.term)), asOf)
      : undefined;
  if (!next || next.plan.type === "evergreen")
    return { phase: "evergreen", phaseEnds: undefined, phaseIndex: undefined };
  return { phase: next.plan.type, phaseEnds: next.end, phaseIndex: next.plan.index };
}
