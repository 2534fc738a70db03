/**
 * Tessera's `percentage` charge model as TMF620 v5 ProductOfferingPrices. TMF620's only place for a
 * rate is `percentage` ("to apply if this Product Offering Price is an Alteration"), so:
 * - on a transaction volume (Lago's percentage model, Stripe's "2.9% + 30¢"): a `usage` price with
 *   `percentage` and the volume's unit as `unitOfMeasure` (the rate applies to the metered money),
 *   not recurring and without a `price`; with a fixed fee per transaction it is a bundle of that
 *   rate and a `usage` price of the fee per transaction (the events component's unit). The
 *   per-transaction minimum and maximum have no TMF620 field: they are stated in the description
 *   and a `pricingLogicAlgorithm`.
 * - of other charges (`percentOf`): an alteration of those charges' prices, so `percentage` and a
 *   `popRelationship` (`percentOf`) to each of their ProductOfferingPrices in the same currency and
 *   book; it is billed with them, so it takes their price type and period (`recurring` for a
 *   licence fee), which is how the engine prices it.
 * @see https://getlago.com/docs/guide/plans/charges/charge-models/percentage
 */
import type { Charge, Package, PricePoint } from "@tessera/schema";
import { decimalNumber, money } from "./json.ts";

/** What the view builder lends the percentage mapping. */
export interface PercentageContext {
  /** The resource header (id, href, version, lastUpdate, @type) of a ProductOfferingPrice. */
  header(local: string): Record<string, unknown> & { id: string; href: string };
  /** The unit of a component's service. */
  unitOfComponent(pkg: Package, component: string | undefined): string | undefined;
  /** Adds a child resource to the view. */
  push(pop: Record<string, unknown> & { id: string; href: string; "@type": string }): void;
}

/** The rates in words: "2.9% of the volume + 0.30 USD per transaction (at least 0.50 USD each)". */
function describe(charge: Charge, pp: PricePoint, volumeUnit: string, eventUnit: string): string {
  const of = charge.percentOf ? `of ${charge.percentOf.join(" + ")}` : `of the ${volumeUnit} volume`;
  const fee = pp.fixedAmount ? ` + ${pp.fixedAmount} ${pp.currency} per ${eventUnit}` : "";
  const bounds = [
    pp.minAmount ? `at least ${pp.minAmount} ${pp.currency}` : "",
    pp.maxAmount ? `at most ${pp.maxAmount} ${pp.currency}` : "",
  ].filter(Boolean);
  return `${pp.percent ?? "0"}% ${of}${fee}${bounds.length ? ` (${bounds.join(", ")} per ${eventUnit})` : ""}`;
}

/**
 * The fields of a percentage price point's ProductOfferingPrice (beyond its header, name, status
 * and validity). `local` is its local id; `priceOf` lists the ProductOfferingPrices already made
 * for the package's other charges, by charge id.
 */
export function percentageFields(
  ctx: PercentageContext,
  pkg: Package,
  charge: Charge,
  pp: PricePoint,
  local: string,
  priceOf: (chargeId: string) => (Record<string, unknown> & { id: string; href: string })[],
): Record<string, unknown> {
  const volumeUnit = ctx.unitOfComponent(pkg, charge.component) ?? pp.currency;
  const eventUnit = ctx.unitOfComponent(pkg, charge.eventsComponent) ?? "transaction";
  const description = describe(charge, pp, volumeUnit, eventUnit);
  const percentage = decimalNumber(pp.percent ?? "0");
  const bounds =
    pp.minAmount || pp.maxAmount
      ? {
          pricingLogicAlgorithm: [
            {
              name: "per-transaction bounds",
              description: `Each ${eventUnit}'s fee is kept ${[
                pp.minAmount ? `at or above ${pp.minAmount} ${pp.currency}` : "",
                pp.maxAmount ? `at or below ${pp.maxAmount} ${pp.currency}` : "",
              ]
                .filter(Boolean)
                .join(" and ")}.`,
              "@type": "PricingLogicAlgorithm",
            },
          ],
        }
      : {};
  if (charge.percentOf) {
    const targets = charge.percentOf.flatMap((id) =>
      priceOf(id).filter((p) => (p.price as { unit?: string } | undefined)?.unit === pp.currency),
    );
    const first = targets[0];
    return {
      description,
      priceType: first?.priceType ?? "recurring",
      ...(first?.recurringChargePeriodType
        ? {
            recurringChargePeriodType: first.recurringChargePeriodType,
            recurringChargePeriodLength: first.recurringChargePeriodLength,
          }
        : {}),
      percentage,
      isBundle: false,
      popRelationship: targets.map((t) => ({
        id: t.id,
        href: t.href,
        ...(t.name ? { name: t.name } : {}),
        relationshipType: "percentOf",
        "@type": "ProductOfferingPriceRelationship",
      })),
    };
  }
  const rate = { priceType: "usage", percentage, unitOfMeasure: { amount: 1, units: volumeUnit } };
  if (!pp.fixedAmount) return { description, ...rate, isBundle: false, ...bounds };
  const parts = [
    { suffix: "rate", name: `${pp.percent}% of the ${volumeUnit} volume`, fields: rate },
    {
      suffix: "fee",
      name: `${pp.fixedAmount} ${pp.currency} per ${eventUnit}`,
      fields: {
        priceType: "usage",
        price: money(pp.currency, pp.fixedAmount),
        unitOfMeasure: { amount: 1, units: eventUnit },
      },
    },
  ].map((part) => {
    const child = {
      ...ctx.header(`${local}/${part.suffix}`),
      name: part.name,
      ...part.fields,
      isBundle: false,
      "@type": "ProductOfferingPrice",
    };
    ctx.push(child);
    return {
      id: child.id,
      href: child.href,
      name: child.name,
      "@type": "BundledProductOfferingPriceRelationship",
    };
  });
  return { description, priceType: "usage", isBundle: true, bundledPopRelationship: parts, ...bounds };
}
