/**
 * Display of decimal-string amounts: the engine's `displayMoney` (Intl.NumberFormat over the exact
 * decimal string, never a float), under the name the components use.
 */
import { displayMoney } from "@tessera/engine";

/** Formats "12345.5" in USD as "$12,345.5"; see `displayMoney`. */
export const formatMoney = displayMoney;

/** Formats a signed change: "+$20.00", "−$5.00", "±$0.00". */
export function formatDelta(amount: string, currency: string): string {
  if (amount.startsWith("-")) return formatMoney(amount, currency);
  const zero = /^0*(\.0*)?$/.test(amount);
  return `${zero ? "±" : "+"}${formatMoney(amount, currency)}`;
}

/** Human names of billing periods, as used in "per month". */
export const PERIOD_LABEL: Record<string, string> = {
  week: "week",
  two_weeks: "two-week period",
  month: "month",
  quarter: "quarter",
  half_year: "half year",
  year: "year",
  upfront: "term (upfront)",
};
