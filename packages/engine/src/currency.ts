/**
 * ISO 4217 minor units: how many decimals each currency's amounts are rounded to.
 * Currencies not listed use 2, the ISO 4217 default for most active codes.
 * @see https://www.iso.org/iso-4217-currency-codes.html
 */
import type { Decimal } from "./decimal.ts";

const MINOR_UNITS: Readonly<Record<string, number>> = {
  // zero-decimal currencies
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // three-decimal currencies
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // four-decimal units of account
  CLF: 4,
  UYW: 4,
};

/** Number of decimals of the currency's minor unit (JPY 0, USD 2, KWD 3). */
export function minorUnit(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** Rounds an amount to the currency's minor unit, half away from zero. */
export function roundMoney(amount: Decimal, currency: string): Decimal {
  return amount.round(minorUnit(currency));
}

/** Formats an amount as a decimal string with exactly the currency's minor digits. */
export function formatMoney(amount: Decimal, currency: string): string {
  return amount.toFixed(minorUnit(currency));
}
