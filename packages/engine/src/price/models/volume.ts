/**
 * volume: the band the whole quantity falls in prices every unit, plus that band's flatAmount.
 * Bands are (from, upTo]; zero units fall in no band and cost nothing.
 * @see https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing#volume-based-pricing
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount, showUnits, UNITS, type UnitWords } from "../explain.ts";
import type { ParsedTier } from "../point.ts";
import type { Priced } from "./model.ts";

export function priceVolume(
  tiers: readonly ParsedTier[],
  quantity: number,
  currency: string,
  words: UnitWords = UNITS,
): Priced {
  if (quantity <= 0) return { amount: Decimal.ZERO, explanation: `no ${words.many} to price` };
  const index = tiers.findIndex((t) => quantity > t.from && (t.upTo === null || quantity <= t.upTo));
  const tier = index >= 0 ? tiers[index] : undefined;
  if (!tier)
    return {
      amount: Decimal.ZERO,
      explanation: `no tier covers ${showUnits(quantity, words)}`,
      problem: `No tier of the price covers a quantity of ${showCount(quantity)}.`,
    };
  const unitsAmount = tier.unitAmount.mul(quantity);
  const flat = tier.flatAmount ?? Decimal.ZERO;
  const amount = unitsAmount.add(flat);
  const band =
    tier.upTo === null
      ? `over ${showCount(tier.from)}`
      : `${showCount(tier.from + 1)}–${showCount(tier.upTo)}`;
  let explanation = `${showUnits(quantity, words)} ${quantity === 1 ? "falls" : "fall"} in tier ${index + 1} (${band}): ${showCount(quantity)} × ${showAmount(tier.unitAmount, currency)} = ${showAmount(unitsAmount, currency)}`;
  if (!flat.isZero())
    explanation += ` + flat ${showAmount(flat, currency)} = ${showAmount(amount, currency)}`;
  return { amount, explanation };
}
