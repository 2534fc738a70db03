/**
 * tiered (graduated): the quantity fills the bands in order and each band prices its own units
 * (units from+1..upTo); a band's flatAmount is added once when the quantity reaches the band.
 * Zero units reach no band and cost nothing.
 * @see https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing#graduated-pricing
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount, UNITS, type UnitWords } from "../explain.ts";
import type { ParsedTier } from "../point.ts";
import type { Priced } from "./model.ts";

/**
 * Prices `quantity` through graduated `tiers`. `scale` multiplies band bounds and flat amounts
 * (a monthly rate card applied to a 3-month period has bands 3 × as wide).
 */
export function priceGraduated(
  tiers: readonly ParsedTier[],
  quantity: number,
  currency: string,
  scale = 1,
  words: UnitWords = UNITS,
): Priced {
  let amount = Decimal.ZERO;
  const parts: string[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const from = tier.from * scale;
    if (quantity <= from) break;
    const upper = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo * scale);
    const units = upper - from;
    if (units <= 0) continue;
    const unitsAmount = tier.unitAmount.mul(units);
    let part = `tier ${i + 1}: ${showCount(units)} × ${showAmount(tier.unitAmount, currency)} = ${showAmount(unitsAmount, currency)}`;
    amount = amount.add(unitsAmount);
    if (tier.flatAmount && !tier.flatAmount.isZero()) {
      const flat = tier.flatAmount.mul(scale);
      amount = amount.add(flat);
      part += ` + flat ${showAmount(flat, currency)}`;
    }
    parts.push(part);
  }
  if (parts.length === 0 && quantity <= 0) return { amount, explanation: `no ${words.many} to price` };
  const last = tiers[tiers.length - 1];
  if (last && last.upTo !== null && quantity > last.upTo * scale) {
    return {
      amount,
      explanation: parts.join("; "),
      problem: `No tier of the price covers ${words.many} above ${showCount(last.upTo * scale)} (asked: ${showCount(quantity)}).`,
    };
  }
  return { amount, explanation: parts.join("; ") };
}
