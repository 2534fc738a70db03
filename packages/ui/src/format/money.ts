/**
 * Display of decimal-string amounts. Amounts stay strings end to end (the engine computes them
 * exactly), so they are never turned into floating point: `Intl.NumberFormat` formats the decimal
 * string itself (ECMA-402 NumberFormat v3 takes strings exactly), which gives every ISO 4217
 * currency its symbol or code and grouping, and every fractional digit the amount has is kept.
 * @see https://tc39.es/ecma402/#sec-intl.numberformat.prototype.format
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, digits: number, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats "12345.5" in USD as "$12,345.5", "1000.125" KWD as "KWD 1,000.125", "4394" JPY as
 * "¥4,394"; negative amounts take a true minus sign ("−$5.00"). Text that is not a decimal or a
 * code Intl does not know is shown as it is, after the code.
 */
export function formatMoney(amount: string, currency: string, locale = "en-US"): string {
  const negative = amount.startsWith("-");
  const digits = negative ? amount.slice(1) : amount;
  if (!/^\d+(\.\d+)?$/.test(digits)) return `${currency} ${amount}`;
  const fraction = digits.split(".")[1]?.length ?? 0;
  let text: string;
  try {
    text = formatter(currency, Math.min(fraction, 100), locale).format(digits as unknown as number);
  } catch {
    return `${currency} ${amount}`;
  }
  return negative ? `−${text}` : text;
}

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
