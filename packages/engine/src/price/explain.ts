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

/** How a charge's quantity is counted in explanations: "1 seat", "25 seats", "250 GB". */
export interface UnitWords {
  one: string;
  many: string;
}

/** The words when nothing better is known (a charge on the package, or an add-on's units). */
export const UNITS: UnitWords = { one: "unit", many: "units" };

/**
 * The words of a service's unit ("seat" → seat / seats). Only a unit whose last word is a
 * lower-case noun is made plural; abbreviations (GB, kWh) and units already plural stay.
 */
export function unitWords(unit: string | undefined): UnitWords {
  if (unit === undefined) return UNITS;
  let words = wordsOf.get(unit);
  if (words === undefined) {
    words = pluralOf(unit);
    // A catalog names a handful of units; the bound only guards against an endless stream.
    if (wordsOf.size >= 1_000) wordsOf.clear();
    wordsOf.set(unit, words);
  }
  return words;
}

const counts = new Intl.NumberFormat("en-US");

/** A count for people: 2600000 → "2,600,000". */
export const formatCount = (n: number): string => counts.format(n);

/**
 * A quantity of a service in words, for lists of what a package includes: "10 seats", "1 seat",
 * "1,000 API calls", "100 GB file storage", "3 × Workspace". A unit that ends in a lower-case
 * word is a noun and stands alone; an abbreviation (GB, kWh) is followed by the service's name;
 * without a unit the service's name is counted.
 */
export function quantityInWords(quantity: number, service: { unit?: string; name: string }): string {
  const count = counts.format(quantity);
  const unit = service.unit?.trim();
  if (!unit) return `${count} × ${service.name}`;
  const words = unitWords(unit);
  const noun = quantity === 1 ? words.one : words.many;
  return /(?:^|\s)[a-z]+$/.test(unit) ? `${count} ${noun}` : `${count} ${noun} ${service.name.toLowerCase()}`;
}

const wordsOf = new Map<string, UnitWords>();

function pluralOf(unit: string): UnitWords {
  const u = unit.trim();
  if (!u) return UNITS;
  const last = /(?:^|\s)([a-z]+)$/.exec(u)?.[1];
  if (!last || last.endsWith("s")) return { one: u, many: u };
  if (/(x|z|ch|sh)$/.test(last)) return { one: u, many: `${u}es` };
  if (/[^aeiou]y$/.test(last)) return { one: u, many: `${u.slice(0, -1)}ies` };
  return { one: u, many: `${u}s` };
}

/** "1 seat", "25 seats", "1,000,000 API calls". */
export function showUnits(n: number, words: UnitWords): string {
  return `${showCount(n)} ${n === 1 ? words.one : words.many}`;
}
