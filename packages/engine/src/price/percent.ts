/**
 * Percent arithmetic on exact decimals: a percent of an amount is rounded once, half away from
 * zero, to the currency's minor unit.
 */
import { minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";

/** `amount × percent ÷ 100`, exact (no rounding). */
export function percentOfExact(amount: Decimal, percent: Decimal): Decimal {
  const product = amount.mul(percent);
  return product.mulDiv(1n, 100n, product.scale + 2);
}

/** `amount × percent ÷ 100`, rounded to the currency's minor unit. */
export function percentOf(amount: Decimal, percent: Decimal, currency: string): Decimal {
  return amount.mul(percent).mulDiv(1n, 100n, minorUnit(currency));
}

/** What percent `part` is of `whole`, to 4 decimals, for display ("100" when whole is 0). */
export function percentShare(part: Decimal, whole: Decimal): Decimal {
  if (whole.isZero()) return part.isZero() ? Decimal.ZERO : Decimal.HUNDRED;
  return part.mul(100).div(whole, 4);
}

/** Parses a schema Percent; undefined when malformed or outside 0..100. */
export function parsePercent(text: string | undefined): Decimal | undefined {
  if (text === undefined) return undefined;
  const d = Decimal.tryParse(text);
  if (!d || d.isNegative() || d.gt(Decimal.HUNDRED)) return undefined;
  return d;
}
