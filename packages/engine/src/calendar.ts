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

/** Months in one billing period; `upfront` bills the whole term at once. */
export function monthsPerPeriod(period: BillingPeriod, termMonths: number): number {
  switch (period) {
    case "month":
      return 1;
    case "quarter":
      return 3;
    case "year":
      return 12;
    case "upfront":
      return termMonths;
  }
}

/**
 * Why a term cannot be billed per `period`, or undefined when it can: a term is billed in whole
 * periods, so the period may not be longer than the term and must divide it (an 18-month term is
 * billed per month, per quarter or up front, never per year). One sentence, e.g. "A yearly billing
 * period is longer than the 1-month term."
 */
export function termPeriodMismatch(
  termMonths: number,
  period: BillingPeriod,
): { code: "period-longer-than-term" | "period-does-not-divide-term"; message: string } | undefined {
  // Up front is the whole term, so only month, quarter and year can mismatch.
  const months = monthsPerPeriod(period, termMonths);
  if (months > termMonths)
    return {
      code: "period-longer-than-term",
      message: `A ${period}ly billing period is longer than the ${termMonths}-month term.`,
    };
  if (termMonths % months !== 0)
    return {
      code: "period-does-not-divide-term",
      message: `The ${termMonths}-month term is not a whole number of ${period}ly billing periods.`,
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
 * The billing period that contains `date`, for periods of `months` months repeating from `anchor`
 * (forwards and backwards). Periods keep the anchor's day of month, clamped to short months.
 */
export function periodContaining(anchor: string, months: number, date: string): Period {
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
