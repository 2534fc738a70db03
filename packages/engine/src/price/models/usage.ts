/**
 * usage: a metered rate card billed in arrear. With an expected usage per billing period the line is
 * an estimate: (expected − includedUnits) billable units, in whole blocks when the charge has a
 * block size, priced through the tiers graduated (each band prices its own units), or × unitAmount
 * when the point has no tiers. Without an expected usage the line only states the rates.
 *
 * A monthly rate card (a point without billingPeriod) used for a longer period scales its included
 * units and band bounds by the months in the period, so the estimate equals that many months of the
 * same usage spread evenly.
 * @see https://getlago.com/docs/guide/plans/charges/charge-models/package
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount, showUnits, UNITS, type UnitWords } from "../explain.ts";
import type { ParsedPoint } from "../point.ts";
import type { Priced } from "./model.ts";
import { priceGraduated } from "./tiered.ts";

export interface UsageInput {
  /** Expected usage in one billing period; undefined prices the line as rates only. */
  expected: number | undefined;
  /** Units per block, 1 without a block size. */
  blockSize: number;
  /** Whether a started block counts (up, the default) or only full blocks (down). */
  roundDown?: boolean;
  /** Months the price point's amounts are multiplied by (1 for an exact billing-period match). */
  scale: number;
  currency: string;
  /** How the metered unit is named ("API calls"); "units" by default. */
  words?: UnitWords;
}

export interface PricedUsage extends Priced {
  estimated: boolean;
}

export function priceUsage(point: ParsedPoint, input: UsageInput): PricedUsage {
  const { currency, scale, blockSize } = input;
  const included = point.includedUnits * scale;
  const per = blockSize > 1 ? ` per block of ${showCount(blockSize)}` : "";
  if (input.expected === undefined) {
    const rates = describeRates(point, currency, scale, per);
    const allowance = included > 0 ? `${showUnits(included, input.words ?? UNITS)} included, then ` : "";
    return {
      amount: Decimal.ZERO,
      estimated: false,
      explanation: `rates: ${allowance}${rates}; billed in arrear on actual usage`,
    };
  }
  const billable = Math.max(0, input.expected - included);
  const quantity =
    blockSize > 1
      ? input.roundDown
        ? Math.floor(billable / blockSize)
        : Math.ceil(billable / blockSize)
      : billable;
  const head =
    `estimated: ${showCount(input.expected)} expected` +
    (included > 0 ? ` − ${showCount(included)} included = ${showCount(billable)}` : "") +
    (blockSize > 1
      ? ` → ${showCount(quantity)} ${input.roundDown ? "full " : ""}blocks of ${showCount(blockSize)}`
      : "");
  if (quantity === 0)
    return { amount: Decimal.ZERO, estimated: true, explanation: `${head}; nothing to bill` };
  if (point.tiers) {
    const priced = priceGraduated(point.tiers, quantity, currency, scale, input.words);
    return { amount: priced.amount, estimated: true, explanation: `${head}; ${priced.explanation}` };
  }
  const unit = point.unitAmount ?? Decimal.ZERO;
  const amount = unit.mul(quantity);
  return {
    amount,
    estimated: true,
    explanation: `${head}; ${showCount(quantity)} × ${showAmount(unit, currency)} = ${showAmount(amount, currency)}`,
  };
}

function describeRates(point: ParsedPoint, currency: string, scale: number, per: string): string {
  if (!point.tiers) return `${showAmount(point.unitAmount ?? Decimal.ZERO, currency)}${per}`;
  return point.tiers
    .map((t) => {
      const from = t.from * scale;
      const band =
        t.upTo === null ? `over ${showCount(from)}` : `${showCount(from + 1)}–${showCount(t.upTo * scale)}`;
      const flat =
        t.flatAmount && !t.flatAmount.isZero()
          ? ` + flat ${showAmount(t.flatAmount.mul(scale), currency)}`
          : "";
      return `${band}: ${showAmount(t.unitAmount, currency)}${per}${flat}`;
    })
    .join(", ");
}
