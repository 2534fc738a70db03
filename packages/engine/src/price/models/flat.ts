/**
 * flat: a fixed amount per billing period, whatever the quantity (an add-on bought 3 times still
 * bills its flat amount once: "flat stays flat", per the team's shared semantics).
 */
import { Decimal } from "../../decimal.ts";
import { showAmount } from "../explain.ts";
import type { ParsedPoint } from "../point.ts";
import type { Priced } from "./model.ts";

export function priceFlat(point: ParsedPoint, currency: string): Priced {
  const amount = point.amount ?? Decimal.ZERO;
  return { amount, explanation: `flat ${showAmount(amount, currency)}` };
}
