/**
 * Calendar dates as "YYYY-MM-DD" strings and whole day numbers (days since 1970-01-01, UTC).
 * Billing periods advance by calendar months from an anchor date, clamping to the month's end
 * (Jan 31 → Feb 28 → Mar 31), as Stripe's billing cycle anchor and Kill Bill's alignment do.
 * @see https://docs.stripe.com/billing/subscriptions/billing-cycle
 */
import type { BillingPeriod } from "@tessera/schema";

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YMD {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function parseYmd(date: string): YMD | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month))
    return undefined;
  return ymd;
}

/** Whether the text is a real calendar date (2026-02-30 is not). */
export function isDate(date: string): boolean {
  return parseYmd(date) !== undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a date; throws on malformed input (validate dates at the edge first). */
export function toDay(date: string): number {
  const ymd = parseYmd(date);
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(ymd.year, ymd.month - 1, ymd.day) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/**
 * `date` plus `months` calendar months. The day of month is `anchorDay` (default: the date's own
 * day), clamped to the target month's length.
 */
export function addMonths(date: string, months: number, anchorDay?: number): string {
  const ymd = parseYmd(date);
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  const index = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(anchorDay ?? ymd.day, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A length of calendar time billing counts in: whole weeks (7 days each) or whole calendar months
 * (clamped to short months). Terms, billing periods and phases all reduce to one.
 */
export interface Span {
  unit: "week" | "month";
  count: number;
}

/** A term's length: a number is months (the original form), or a span of weeks or months. */
export type TermLength = number | Span;

/** The span of a term length. */
export function termSpan(term: TermLength): Span {
  return typeof term === "number" ? { unit: "month", count: term } : term;
}

/** The length of a catalog term, quote or arrangement term: weeks when given, else months (default 1). */
export function termLengthOf(t: { months?: number | undefined; weeks?: number | undefined }): Span {
  return t.weeks !== undefined ? { unit: "week", count: t.weeks } : { unit: "month", count: t.months ?? 1 };
}

/**
 * The term a public pricing table quotes a package on (issue 12): billed monthly on its shortest
 * month term (1 month when sold), billed yearly on a 12-month term; `undefined` when the package
 * is not billed that way. The pricing page and the self-service configurator it links to share it.
 */
export function pricingTableTerm(
  pkg: { billingPeriods: readonly string[]; terms: readonly { months?: number | undefined }[] },
  period: "month" | "year",
): number | undefined {
  if (!pkg.billingPeriods.includes(period)) return undefined;
  const terms = pkg.terms.flatMap((t) => (t.months === undefined ? [] : [t.months])).sort((a, b) => a - b);
  return period === "month" ? terms[0] : terms.find((m) => m === 12);
}

/**
 * The term a quote asks for: termWeeks, else termMonths, else the package's default term (else its
 * first, else one month).
 */
export function quotedTerm(
  q: { termMonths?: number | undefined; termWeeks?: number | undefined },
  terms: readonly {
    months?: number | undefined;
    weeks?: number | undefined;
    default?: boolean | undefined;
  }[],
): Span {
  if (q.termWeeks !== undefined) return { unit: "week", count: q.termWeeks };
  if (q.termMonths !== undefined) return { unit: "month", count: q.termMonths };
  const t = terms.find((x) => x.default) ?? terms[0];
  return t ? termLengthOf(t) : { unit: "month", count: 1 };
}

/** The term length as the fields a quote, arrangement or catalog term carries it in. */
export function termFields(span: Span): { months: number } | { weeks: number } {
  return span.unit === "week" ? { weeks: span.count } : { months: span.count };
}

/** The term as a quote names it: termMonths or termWeeks. */
export function quoteTermOf(span: Span): { termMonths: number } | { termWeeks: number } {
  return span.unit === "week" ? { termWeeks: span.count } : { termMonths: span.count };
}

/** "12 months", "6 weeks", "1 month". */
export function spanWords(span: Span): string {
  return `${span.count} ${span.unit}${span.count === 1 ? "" : "s"}`;
}

/** "12-month", "6-week": a span as an adjective. */
export function spanAdjective(span: Span): string {
  return `${span.count}-${span.unit}`;
}

/** Whether two spans are the same length in the same unit. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.unit === b.unit && a.count === b.count;
}

/** The span of one billing period; `upfront` bills the whole term at once. */
export function periodSpan(period: BillingPeriod, term: TermLength): Span {
  switch (period) {
    case "week":
      return { unit: "week", count: 1 };
    case "two_weeks":
      return { unit: "week", count: 2 };
    case "month":
      return { unit: "month", count: 1 };
    case "quarter":
      return { unit: "month", count: 3 };
    case "half_year":
      return { unit: "month", count: 6 };
    case "year":
      return { unit: "month", count: 12 };
    case "upfront":
      return termSpan(term);
  }
}

/**
 * Months in one billing period; `upfront` bills the whole term at once. Week-based periods are
 * not a whole number of months: use {@link periodSpan} and {@link perMonth} for them.
 */
export function monthsPerPeriod(period: BillingPeriod, termMonths: number): number {
  const span = periodSpan(period, termMonths);
  return span.unit === "month" ? span.count : 1;
}

/**
 * How many months one period of `span` stands for, as a fraction [numerator, denominator], for
 * monthly and yearly run rates: a month-based span is `count` months; a week-based span is
 * `count` × 12/52 months, so a year is exactly 52 weeks (a weekly price's ARR is 52 × the price,
 * its MRR 52/12 × the price).
 */
export function monthsOf(span: Span): readonly [bigint, bigint] {
  return span.unit === "month" ? [BigInt(span.count), 1n] : [BigInt(span.count) * 12n, 52n];
}

/** `date` plus `count` spans (negative goes back); months keep `anchorDay` (default the date's day). */
export function addSpan(date: string, span: Span, count = 1, anchorDay?: number): string {
  return span.unit === "week"
    ? addDays(date, 7 * span.count * count)
    : addMonths(date, span.count * count, anchorDay);
}

/** The end (exclusive) of a term of `term` starting on `start`. */
export function termEnd(start: string, term: TermLength): string {
  return addSpan(start, termSpan(term));
}

/** Words for a billing period as an adverb: "weekly", "every two weeks", "monthly", "up front". */
export const PERIOD_ADVERB: Record<BillingPeriod, string> = {
  week: "weekly",
  two_weeks: "every two weeks",
  month: "monthly",
  quarter: "quarterly",
  half_year: "every half year",
  year: "yearly",
  upfront: "up front",
};

/** "per week", "every two weeks", "per month", …, "up front": how a price is billed. */
export const PERIOD_PER: Record<BillingPeriod, string> = {
  week: "per week",
  two_weeks: "every two weeks",
  month: "per month",
  quarter: "per quarter",
  half_year: "per half year",
  year: "per year",
  upfront: "up front",
};

/** A billing period as an adjective: "weekly", "two-week", "monthly", "half-year", "yearly". */
export const PERIOD_ADJECTIVE: Record<BillingPeriod, string> = {
  week: "weekly",
  two_weeks: "two-week",
  month: "monthly",
  quarter: "quarterly",
  half_year: "half-year",
  year: "yearly",
  upfront: "up-front",
};

/** One billing period as a noun: "week", "two-week period", "month", "half year", "term" (up front). */
export const PERIOD_NOUN: Record<BillingPeriod, string> = {
  week: "week",
  two_weeks: "two-week period",
  month: "month",
  quarter: "quarter",
  half_year: "half year",
  year: "year",
  upfront: "term",
};

/** How many billing periods of `period` a term holds, or undefined when not a whole number. */
export function periodsInTerm(term: TermLength, period: BillingPeriod): number | undefined {
  const t = termSpan(term);
  const p = periodSpan(period, term);
  if (t.unit !== p.unit || t.count % p.count !== 0) return undefined;
  return t.count / p.count;
}

/**
 * Why a term cannot be billed per `period`, or undefined when it can: a term is billed in whole
 * periods, so the period may not be longer than the term and must divide it (an 18-month term is
 * billed per month, per quarter, per half year or up front, never per year; a term in weeks is
 * billed weekly, every two weeks or up front, a term in months never weekly). One sentence, e.g.
 * "A yearly billing period is longer than the 1-month term."
 */
export function termPeriodMismatch(
  term: TermLength,
  period: BillingPeriod,
): { code: "period-longer-than-term" | "period-does-not-divide-term"; message: string } | undefined {
  // Up front is the whole term, so only the others can mismatch.
  const t = termSpan(term);
  const p = periodSpan(period, term);
  const adjective = PERIOD_ADJECTIVE[period];
  if (t.unit !== p.unit)
    return {
      code: "period-does-not-divide-term",
      message: `The ${spanAdjective(t)} term is not a whole number of ${adjective} billing periods (a term in ${t.unit}s is billed in ${t.unit}-based periods).`,
    };
  if (p.count > t.count)
    return {
      code: "period-longer-than-term",
      message: `A ${adjective} billing period is longer than the ${spanAdjective(t)} term.`,
    };
  if (t.count % p.count !== 0)
    return {
      code: "period-does-not-divide-term",
      message: `The ${spanAdjective(t)} term is not a whole number of ${adjective} billing periods.`,
    };
  return undefined;
}

export interface Period {
  /** First day of the period. */
  start: string;
  /** First day after the period. */
  end: string;
}

/**
 * The billing period that contains `date`, for periods of `span` (a number is months) repeating
 * from `anchor` (forwards and backwards). Month periods keep the anchor's day of month, clamped to
 * short months; week periods are 7 × count days.
 */
export function periodContaining(anchor: string, span: number | Span, date: string): Period {
  const s = termSpan(span);
  if (s.unit === "week") {
    const len = 7 * s.count;
    const k = Math.floor((toDay(date) - toDay(anchor)) / len);
    const start = toDay(anchor) + k * len;
    return { start: fromDay(start), end: fromDay(start + len) };
  }
  const months = s.count;
  const anchorYmd = parseYmd(anchor);
  if (!anchorYmd) throw new RangeError(`not a date: ${anchor}`);
  const target = toDay(date);
  // Estimate the period index from the month distance, then correct by at most a step or two.
  const ymd = parseYmd(date);
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  const monthDistance = (ymd.year - anchorYmd.year) * 12 + (ymd.month - anchorYmd.month);
  let k = Math.floor(monthDistance / months);
  const startOf = (i: number) => addMonths(anchor, i * months, anchorYmd.day);
  while (toDay(startOf(k)) > target) k--;
  while (toDay(startOf(k + 1)) <= target) k++;
  return { start: startOf(k), end: startOf(k + 1) };
}
