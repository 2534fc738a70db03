/**
 * What every price model returns: the exact (unrounded) amount for one billing period of the price
 * point and the words that explain it. Rounding to the currency happens once, on the line.
 */
import type { Decimal } from "../../decimal.ts";

export interface Priced {
  amount: Decimal;
  explanation: string;
  /** Set when the price point cannot price this quantity (no band covers it). */
  problem?: string;
}
