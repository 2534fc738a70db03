/**
 * stairstep: a fixed amount for the whole quantity band (previous upTo, upTo] the quantity falls in
 * (Chargebee's stairstep: "a flat price for each tier instead of a per-unit price"). Zero units
 * fall in no step and cost nothing.
 * @see https://www.chargebee.com/docs/billing/2.0/kb/product-catalog/what-are-pricing-models-available-for-plans-addons-charges-in-chargebee
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount, showUnits, UNITS, type UnitWords } from "../explain.ts";
import type { ParsedStep } from "../point.ts";
import type { Priced } from "./model.ts";

export function priceStairstep(
  steps: readonly ParsedStep[],
  quantity: number,
  currency: string,
  words: UnitWords = UNITS,
): Priced {
  if (quantity <= 0) return { amount: Decimal.ZERO, explanation: `no ${words.many} to price` };
  let previous = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.upTo === null || quantity <= step.upTo) {
      const band =
        step.upTo === null
          ? `over ${showCount(previous)}`
          : `${showCount(previous + 1)}–${showCount(step.upTo)}`;
      return {
        amount: step.amount,
        explanation: `${showUnits(quantity, words)} ${quantity === 1 ? "falls" : "fall"} in step ${i + 1} (${band}): ${showAmount(step.amount, currency)}`,
      };
    }
    previous = step.upTo;
  }
  return {
    amount: Decimal.ZERO,
    explanation: `no step covers ${showUnits(quantity, words)}`,
    problem: `No step of the price covers a quantity of ${showCount(quantity)}.`,
  };
}
