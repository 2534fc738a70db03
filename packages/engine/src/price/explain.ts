/**
 * Number formatting for explanations. Explanations show intermediate values exactly (a unit price
 * of 0.0004 stays 0.0004), padded to at least the currency's minor digits ("80" → "80.00").
 */
import { minorUnit } from "../currency.ts";
import type { Decimal } from "../decimal.ts";

/** An exact amount with at least the currency's minor digits and no spurious trailing zeros. */
export function showAmount(value: Decimal, currency: string): string {
  const minor = minorUnit(currency);
  if (value.scale <= minor) return value.toFixed(minor);
  // Exact digits, then drop trailing zeros beyond the minor digits (string work, no BigInt division).
  const text = value.toFixed();
  const keep = text.length - value.scale + minor;
  let end = text.length;
  while (end > keep && text.charCodeAt(end - 1) === 48) end--;
  return minor === 0 && end === keep ? text.slice(0, keep - 1) : text.slice(0, end);
}

/** A whole number with thousands separators ("1,000,000"), for quantities. */
export function showCount(n: number): string {
  const text = String(n);
  return n < 1000 && n > -1000 ? text : text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
