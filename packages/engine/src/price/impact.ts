/**
 * Margin impact of a quote's seller discounts, as an approver judges it (Salesforce CPQ shows the
 * discount and the resulting margin beside each approval request): what the seller discounts take
 * over the whole term, and that as a percent of the list value of the term.
 *
 * List value = Σ amount × periods of the charge lines (recurring, one-time, estimated usage,
 * proration) before any discount. Seller discounts = the discount lines of the quote's own
 * discounts (not the commitment or introductory discounts the catalog grants by itself).
 */
import { formatMoney } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { PriceResult } from "./types.ts";

export interface DiscountImpact {
  /** What the seller discounts take over the term, positive, in the quote's currency. */
  amount: string;
  /** The list value of the term before any discount. */
  listValue: string;
  /** amount ÷ listValue × 100, rounded to two decimals ("0" without a list value). */
  percentOfList: string;
  /**
   * What the catalog's own discounts (commitment, introductory) take over the term, positive: with
   * `amount` it explains the gap between the list value and the quoted TCV.
   */
  catalogDiscounts: string;
}

/** The seller discounts' share of the term's list value; `discountIds` are the quote's discount ids. */
export function discountImpact(priced: PriceResult, discountIds: readonly string[]): DiscountImpact {
  const ids = new Set(discountIds);
  let list = Decimal.ZERO;
  let taken = Decimal.ZERO;
  let catalog = Decimal.ZERO;
  for (const line of priced.lines) {
    const overTerm = Decimal.parse(line.amount).mul(line.periods);
    if (line.kind !== "discount") list = list.add(overTerm);
    else if (ids.has(line.id.replace(/#\d+$/, "").replace(/:one-time$/, "")))
      taken = taken.add(overTerm.neg());
    else catalog = catalog.add(overTerm.neg());
  }
  return {
    amount: formatMoney(taken, priced.currency),
    listValue: formatMoney(list, priced.currency),
    percentOfList: list.isZero() ? "0" : taken.mul(100).div(list, 2).toString(),
    catalogDiscounts: formatMoney(catalog, priced.currency),
  };
}
