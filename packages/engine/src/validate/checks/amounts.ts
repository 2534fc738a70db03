/**
 * Precision of amounts charged as they are. A flat or one-time amount, a stairstep's step, a
 * tier's flat amount and an early termination fee are put on the invoice unchanged, so they must
 * be payable in the currency: no more decimals than its ISO 4217 minor unit (1200.005 USD or
 * 0.5 JPY cannot be paid). Unit and usage rates are different: they are multiplied by a quantity
 * first and only the line is rounded, so a rate of 0.0004 per API call is legitimate and is not
 * flagged here.
 *
 * @see https://docs.stripe.com/currencies#zero-decimal (Stripe: amounts are in the currency's
 * smallest unit; JPY has none below the yen)
 * @see https://docs.stripe.com/products-prices/pricing-models#per-unit (`unit_amount_decimal`
 * carries sub-cent unit prices; the line is rounded)
 */
import type { PricePoint } from "@tessera/schema";
import { minorUnit, roundMoney } from "../../currency.ts";
import { Decimal } from "../../decimal.ts";
import { type Check, type CheckContext, NONE } from "../check.ts";
import { flag } from "./report.ts";

/** Significant decimals of a decimal string: trailing zeros do not count ("10.500" has 1). */
function decimals(amount: string): number {
  const dot = amount.indexOf(".");
  if (dot < 0) return 0;
  let end = amount.length;
  while (end > dot + 1 && amount.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

function check(
  ctx: CheckContext,
  amount: string | undefined,
  currency: string,
  pointer: string,
  what: string,
): void {
  if (amount === undefined) return;
  const places = minorUnit(currency);
  if (decimals(amount) <= places) return;
  const exact = Decimal.tryParse(amount);
  const charged = exact ? roundMoney(exact, currency).toFixed(places) : undefined;
  const unit =
    places === 0
      ? `${currency} has no minor unit`
      : `${currency} amounts have ${places} decimal${places === 1 ? "" : "s"}`;
  flag(
    ctx,
    "price.amount-precision",
    "error",
    pointer,
    `is ${amount} ${currency}, ${what} charged as it is, but ${unit}${charged === undefined ? "" : `: the line would round to ${charged}`}. Enter an amount the customer can pay; only unit and usage rates may carry more decimals, because their line is rounded after multiplying by the quantity.`,
  );
}

export const amountsCheck: Check = {
  id: "amounts",
  codes: ["price.amount-precision"],
  run(ctx) {
    const packages = ctx.doc.packages;
    for (let i = 0; i < packages.length; i++) {
      const pkg = packages[i];
      if (pkg === undefined) continue;
      for (let j = 0; j < pkg.charges.length; j++) {
        const points = pkg.charges[j]?.pricePoints ?? NONE;
        for (let k = 0; k < points.length; k++) {
          const pp = points[k] as PricePoint;
          const at = `/packages/${i}/charges/${j}/pricePoints/${k}`;
          check(ctx, pp.amount, pp.currency, `${at}/amount`, "an amount");
          const steps = pp.steps ?? NONE;
          for (let s = 0; s < steps.length; s++)
            check(ctx, steps[s]?.amount, pp.currency, `${at}/steps/${s}/amount`, "a step's total");
          const tiers = pp.tiers ?? NONE;
          for (let t = 0; t < tiers.length; t++)
            check(
              ctx,
              tiers[t]?.flatAmount,
              pp.currency,
              `${at}/tiers/${t}/flatAmount`,
              "a tier's flat amount",
            );
        }
      }
      const fees = pkg.termination?.earlyTerminationFee?.amounts ?? NONE;
      for (let f = 0; f < fees.length; f++) {
        const fee = fees[f];
        if (fee !== undefined)
          check(
            ctx,
            fee.amount,
            fee.currency,
            `/packages/${i}/termination/earlyTerminationFee/amounts/${f}/amount`,
            "a fee",
          );
      }
    }
  },
};
