/**
 * Display of decimal-string amounts. Amounts stay strings end to end (the engine computes them
 * exactly), so formatting is text work: group the integer digits, keep every fractional digit.
 */
const CURRENCY_SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** Formats "12345.5" in USD as "$12,345.5"; unknown currencies get their code: "KWD 1,000.125". */
export function formatMoney(amount: string, currency: string): string {
  const negative = amount.startsWith("-");
  const digits = negative ? amount.slice(1) : amount;
  const [whole = "0", fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  const symbol = CURRENCY_SYMBOLS[currency];
  const text = symbol ? `${symbol}${body}` : `${currency} ${body}`;
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
  month: "month",
  quarter: "quarter",
  year: "year",
  upfront: "term (upfront)",
};
