/**
 * Number formatting for explanations. Explanations show intermediate values exactly (a unit price
 * of 0.0004 stays 0.0004), padded to at least the currency's minor digits ("80" → "80.00").
 */
import { minorUnit } from "../currency.ts";
import type { Decimal } from "../decimal.ts";

/** An exact amount with at least the currency's minor digits and no spurious trailing zeros. */
export function showAmount(value: Decimal, currency: string): string {
  const minor = minorUnit(currency);
  const exact = value.toString();
  const dot = exact.indexOf(".");
  const digits = dot < 0 ? 0 : exact.length - dot - 1;
  return digits >= minor ? exact : value.toFixed(minor);
}

/** A whole number with thousands separators ("1,000,000"), for quantities. */
export function showCount(n: number): string {
  const text = String(n);
  return n < 1000 && n > -1000 ? text : text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
