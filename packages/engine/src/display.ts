/**
 * Display of decimal-string amounts for people. Amounts stay strings end to end (the engine
 * computes them exactly), so they are never turned into floating point: `Intl.NumberFormat`
 * formats the decimal string itself (ECMA-402 NumberFormat v3 takes strings exactly), which gives
 * every ISO 4217 currency its symbol or code and grouping, and every fractional digit the amount
 * has is kept. The web app (through @tessera/ui), the portal's plain words and the server's
 * pricing page all use this one formatter.
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
export function displayMoney(amount: string, currency: string, locale = "en-US"): string {
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
