/**
 * percentage: a rate on money rather than on units.
 * - On a transaction volume (Lago's percentage charge model; Stripe's card pricing "2.9% + 30¢"):
 *   the charge's component meters the volume in whole currency units, its `eventsComponent` the
 *   number of transactions. Each transaction costs volume × percent + fixedAmount, kept within
 *   minAmount..maxAmount. With an expected volume V and count N the estimate is
 *   clamp(V × percent ÷ 100 + N × fixed, N × min, N × max): exact without bounds, and with bounds
 *   exact when the transactions are alike (the N transactions are taken at the average amount).
 *   Billed in arrear; without an expected volume the line states the rates.
 * - Of other charges (`percentOf`): percent ÷ 100 × the sum of those charges' lines on the same
 *   package, billed with them.
 * Amounts are exact here; the line is rounded once.
 * @see https://getlago.com/docs/guide/plans/charges/charge-models/percentage
 * @see https://getlago.com/docs/templates/per-transaction/stripe (2.9% + 0.30 per card payment)
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount } from "../explain.ts";
import { percentOfExact } from "../percent.ts";
import type { ParsedPoint } from "../point.ts";
import type { Priced } from "./model.ts";

export interface VolumeInput {
  /** Expected transaction volume in one billing period (whole currency units). */
  volume: number | undefined;
  /** Expected transactions in one billing period; needed for the fixed fee and the bounds. */
  count: number | undefined;
  currency: string;
}

export interface PricedVolume extends Priced {
  estimated: boolean;
}

/** The rates in words: "2.9% + 0.30 per transaction (at least 0.50, at most 5.00 each)". */
export function describePercentage(point: ParsedPoint, currency: string): string {
  const rate = `${(point.percent ?? Decimal.ZERO).toString()}%`;
  const fixed = point.fixedAmount ? ` + ${showAmount(point.fixedAmount, currency)} per transaction` : "";
  const bounds = [
    point.minAmount ? `at least ${showAmount(point.minAmount, currency)}` : "",
    point.maxAmount ? `at most ${showAmount(point.maxAmount, currency)}` : "",
  ].filter(Boolean);
  return `${rate}${fixed}${bounds.length > 0 ? ` (${bounds.join(", ")} each)` : ""}`;
}

export function priceVolumePercentage(point: ParsedPoint, input: VolumeInput): PricedVolume {
  const { currency } = input;
  const rates = describePercentage(point, currency);
  if (input.volume === undefined)
    return {
      amount: Decimal.ZERO,
      estimated: false,
      explanation: `rates: ${rates} of the transaction volume; billed in arrear on actual transactions`,
    };
  const perEvent =
    point.fixedAmount !== undefined || point.minAmount !== undefined || point.maxAmount !== undefined;
  if (perEvent && input.count === undefined)
    return {
      amount: Decimal.ZERO,
      estimated: false,
      explanation: `rates: ${rates}; the estimate needs the expected number of transactions`,
    };
  const count = input.count ?? 0;
  const rated = percentOfExact(Decimal.of(input.volume), point.percent ?? Decimal.ZERO);
  const fixed = (point.fixedAmount ?? Decimal.ZERO).mul(count);
  let amount = rated.add(fixed);
  let text = `estimated: ${showCount(input.volume)} × ${(point.percent ?? Decimal.ZERO).toString()}% = ${showAmount(rated, currency)}`;
  if (point.fixedAmount)
    text += ` + ${showCount(count)} × ${showAmount(point.fixedAmount, currency)} = ${showAmount(amount, currency)}`;
  if (point.minAmount) {
    const floor = point.minAmount.mul(count);
    if (amount.lt(floor)) {
      amount = floor;
      text += `; at least ${showAmount(point.minAmount, currency)} per transaction: ${showCount(count)} × ${showAmount(point.minAmount, currency)} = ${showAmount(floor, currency)}`;
    }
  }
  if (point.maxAmount) {
    const ceiling = point.maxAmount.mul(count);
    if (amount.gt(ceiling)) {
      amount = ceiling;
      text += `; at most ${showAmount(point.maxAmount, currency)} per transaction: ${showCount(count)} × ${showAmount(point.maxAmount, currency)} = ${showAmount(ceiling, currency)}`;
    }
  }
  return { amount, estimated: true, explanation: text };
}

/** percent ÷ 100 × the sum of the named charges' lines (`base`, already rounded). */
export function pricePercentOf(point: ParsedPoint, base: Decimal, names: string, currency: string): Priced {
  const percent = point.percent ?? Decimal.ZERO;
  const amount = percentOfExact(base, percent);
  return {
    amount,
    explanation: `${percent.toString()}% of ${names} (${showAmount(base, currency)}) = ${showAmount(amount, currency)}`,
  };
}
