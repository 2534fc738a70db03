/**
 * Everything one `paths` evaluation shares: the arrangement's current package, billing period and
 * price and configuration, and the held add-ons.
 */
import type { Arrangement, HeldAddOn, Package } from "@tessera/schema";
import { daysBetween, monthsPerPeriod, type Period, periodContaining } from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import type { Configuration } from "../configure/types.ts";
import { formatMoney, minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { Phase } from "./match.ts";
import { type PathIndex, pathIndex } from "./path-index.ts";
import { configurationOf, mrrOf, QuoteKeys, type Recurring, recurringOf } from "./recurring.ts";

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
  const months = monthsPerPeriod(arrangement.billingPeriod, arrangement.term.months);
  const phase =
    arrangement.phase !== undefined &&
    arrangement.phase !== "evergreen" &&
    (arrangement.phaseEnds === undefined || arrangement.phaseEnds > asOf)
      ? arrangement.phase
      : "evergreen";

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
  const period = periodContaining(arrangement.billingAnchor, months, asOf);
  let billed: PathContext["billed"];
  const record = arrangement.billed;
  if (record && record.periodStart === period.start) {
    const from = record.from ?? period.start;
    const amount = Decimal.tryParse(record.amount);
    if (amount && from >= period.start && from < period.end)
      billed = { from, amount, days: daysBetween(from, period.end) };
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
    period,
    periodDays: daysBetween(period.start, period.end),
    unusedDays: daysBetween(asOf, period.end),
    currentRecurring,
    currentArrear,
    currentMrr: mrrOf(
      currentRecurring,
      arrangement.billingPeriod,
      arrangement.term.months,
      arrangement.currency,
    ),
    currentErrors,
    currentConfig,
    currentOneTime,
    billed,
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
