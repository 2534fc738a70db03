/**
 * A package's phases as a timeline (Kill Bill's plan phases): each phase lasts its duration and
 * has its own price relative to the package's recurring charges.
 *
 * - Lengths: `duration` (days, weeks, calendar months, years), or the older `days` (trial) and
 *   `periods` (billing periods, counted from the first full billing period). An evergreen phase
 *   has no length: it lasts until the subscription ends.
 * - Prices: trial is free; intro and discount take `discountPercent` or a fixed `discountAmounts`
 *   off each billing period; fixed_term and evergreen bill the regular price unless they state a
 *   discount of their own.
 * - Order: phases run one after another from an origin date (the subscription's start, or the date
 *   the alignment rules pick). A leading trial defers billing: recurring charges start when it ends.
 *   When the last phase is fixed_term the subscription ends with it; otherwise the regular price
 *   (evergreen) follows the last listed phase.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#components-catalog (plans,
 * phases TRIAL, DISCOUNT, FIXEDTERM, EVERGREEN, durations in DAYS, WEEKS, MONTHS, YEARS, UNLIMITED)
 */
import type { BillingPeriod, Package, Phase } from "@tessera/schema";
import { addDays, addMonths, addSpan, periodSpan, type TermLength } from "./calendar.ts";
import { Decimal } from "./decimal.ts";
import { parsePercent, percentOf } from "./price/percent.ts";

export type PhaseType = Phase["type"];

/** What a phase charges, relative to the package's recurring charges. */
export type PhasePrice =
  | { kind: "free" }
  | { kind: "regular" }
  | { kind: "percent"; percent: Decimal }
  | { kind: "amount"; amounts: ReadonlyMap<string, Decimal> };

/** A length of time, normalised. */
export type PhaseLength =
  | { unit: "day" | "week" | "month" | "year"; count: number }
  | { unit: "period"; count: number };

export interface PhasePlan {
  /** Position in the package's `phases`. */
  index: number;
  type: PhaseType;
  /** Undefined: unlimited (evergreen, or a phase with no usable length). */
  length: PhaseLength | undefined;
  price: PhasePrice;
  /** The phase in words: "30-day free trial", "20% off for 3 months", "regular price". */
  words: string;
}

/** One phase placed on the calendar: [start, end), `end` undefined for an unlimited phase. */
export interface PhaseSpan {
  plan: PhasePlan;
  start: string;
  end: string | undefined;
}

const cache = new WeakMap<Package, PhasePlan[]>();

/** The package's phases, normalised (cached per package object: catalogs are immutable). */
export function phasePlans(pkg: Package): PhasePlan[] {
  const known = cache.get(pkg);
  if (known) return known;
  const plans = (pkg.phases ?? []).map((ph, index) => planOf(ph, index));
  cache.set(pkg, plans);
  return plans;
}

function planOf(ph: Phase, index: number): PhasePlan {
  const length = lengthOf(ph);
  const price = priceOf(ph);
  return { index, type: ph.type, length, price, words: wordsOf(ph, length, price) };
}

function lengthOf(ph: Phase): PhaseLength | undefined {
  if (ph.type === "evergreen") return undefined;
  if (ph.duration) return { unit: ph.duration.unit, count: ph.duration.length };
  if (ph.days !== undefined) return { unit: "day", count: ph.days };
  if (ph.periods !== undefined) return { unit: "period", count: ph.periods };
  return undefined;
}

function priceOf(ph: Phase): PhasePrice {
  if (ph.type === "trial") return { kind: "free" };
  if (ph.discountAmounts && ph.discountAmounts.length > 0) {
    const amounts = new Map<string, Decimal>();
    for (const a of ph.discountAmounts) {
      const d = Decimal.tryParse(a.amount);
      if (d && !amounts.has(a.currency)) amounts.set(a.currency, d);
    }
    return { kind: "amount", amounts };
  }
  const percent = parsePercent(ph.discountPercent);
  if (percent && !percent.isZero()) return { kind: "percent", percent };
  return { kind: "regular" };
}

/** "3 months", "30 days", "2 billing periods". */
export function lengthWords(length: PhaseLength): string {
  const unit = length.unit === "period" ? "billing period" : length.unit;
  return `${length.count} ${unit}${length.count === 1 ? "" : "s"}`;
}

function wordsOf(ph: Phase, length: PhaseLength | undefined, price: PhasePrice): string {
  const label = ph.name !== undefined ? `${ph.name}: ` : "";
  const how =
    price.kind === "free"
      ? "free"
      : price.kind === "percent"
        ? `${price.percent.toString()}% off`
        : price.kind === "amount"
          ? `${[...price.amounts].map(([c, a]) => `${a.toString()} ${c}`).join(" / ")} off each billing period`
          : "regular price";
  const what =
    ph.type === "trial"
      ? "free trial"
      : ph.type === "fixed_term"
        ? `fixed term at ${how}`
        : ph.type === "evergreen"
          ? how === "regular price"
            ? "regular price, until cancelled"
            : `${how}, until cancelled`
          : how;
  return `${label}${length ? `${lengthWords(length)} ` : ""}${what}`;
}

/**
 * The end of a phase of `length` starting on `start`. Billing-period lengths count whole periods
 * of `period` on `term` (from `start`).
 */
export function phaseEnd(
  start: string,
  length: PhaseLength,
  period: BillingPeriod,
  term: TermLength,
): string {
  switch (length.unit) {
    case "day":
      return addDays(start, length.count);
    case "week":
      return addDays(start, 7 * length.count);
    case "month":
      return addMonths(start, length.count);
    case "year":
      return addMonths(start, 12 * length.count);
    case "period":
      return addSpan(start, periodSpan(period, term), length.count);
  }
}

/**
 * The phases placed on the calendar from `origin`: each starts where the previous one ends; an
 * unlimited phase ends the list. Phases listed after an unlimited one never start (the validator
 * reports them) and are left out.
 */
export function timeline(
  plans: readonly PhasePlan[],
  origin: string,
  period: BillingPeriod,
  term: TermLength,
): PhaseSpan[] {
  const out: PhaseSpan[] = [];
  let at = origin;
  for (const plan of plans) {
    if (!plan.length) {
      out.push({ plan, start: at, end: undefined });
      break;
    }
    const end = phaseEnd(at, plan.length, period, term);
    out.push({ plan, start: at, end });
    at = end;
  }
  return out;
}

/** The phase in force on `date`, or undefined when the timeline is over (regular price). */
export function phaseOn(spans: readonly PhaseSpan[], date: string): PhaseSpan | undefined {
  for (const s of spans) if (s.start <= date && (s.end === undefined || date < s.end)) return s;
  return undefined;
}

/** The day the leading trial phases end (recurring charges start), or undefined without one. */
export function trialEnd(spans: readonly PhaseSpan[]): string | undefined {
  let end: string | undefined;
  for (const s of spans) {
    if (s.plan.type !== "trial" || s.end === undefined) break;
    end = s.end;
  }
  return end;
}

/** When the last phase is a fixed term, the day the subscription ends with it. */
export function fixedTermEnd(spans: readonly PhaseSpan[]): string | undefined {
  const last = spans[spans.length - 1];
  return last?.plan.type === "fixed_term" ? last.end : undefined;
}

/** A phase's price for one billing period whose regular recurring amount is `regular`. */
export function phaseAmount(price: PhasePrice, regular: Decimal, currency: string): Decimal {
  switch (price.kind) {
    case "free":
      return Decimal.ZERO;
    case "regular":
      return regular;
    case "percent":
      return regular.sub(percentOf(regular, price.percent, currency));
    case "amount": {
      const off = price.amounts.get(currency) ?? Decimal.ZERO;
      return Decimal.max(Decimal.ZERO, regular.sub(off));
    }
  }
}
