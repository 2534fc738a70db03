/**
 * one_time: charged once on the first invoice (setup, onboarding, a shipped device): the point's
 * amount, plus unitAmount × quantity when the point has a unit amount (devices per component unit).
 */
import { Decimal } from "../../decimal.ts";
import { showAmount, showCount } from "../explain.ts";
import type { ParsedPoint } from "../point.ts";
import type { Priced } from "./model.ts";

export function priceOneTime(point: ParsedPoint, quantity: number, currency: string): Priced {
  const parts: string[] = [];
  let amount = Decimal.ZERO;
  if (point.amount) {
    amount = amount.add(point.amount);
    parts.push(`once ${showAmount(point.amount, currency)}`);
  }
  if (point.unitAmount) {
    const units = point.unitAmount.mul(quantity);
    amount = amount.add(units);
    parts.push(
      `${showCount(quantity)} × ${showAmount(point.unitAmount, currency)} = ${showAmount(units, currency)}`,
    );
  }
  return { amount, explanation: parts.length > 0 ? parts.join(" + ") : "no amount" };
}
