/**
 * per_unit: unit price × quantity. With a block size the quantity is already the number of started
 * blocks and the unit price is per block (Stripe `transform_quantity` with `round: up`).
 * @see https://docs.stripe.com/billing/subscriptions/usage-based/transform-quantities
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount } from "../explain.ts";
import type { ParsedPoint } from "../point.ts";
import type { Priced } from "./model.ts";

export function pricePerUnit(point: ParsedPoint, quantity: number, currency: string): Priced {
  const unit = point.unitAmount ?? point.amount ?? Decimal.ZERO;
  const amount = unit.mul(quantity);
  return {
    amount,
    explanation: `${showCount(quantity)} × ${showAmount(unit, currency)} = ${showAmount(amount, currency)}`,
  };
}
