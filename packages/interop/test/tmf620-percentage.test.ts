/**
 * The percentage charge model in the TMF620 v5 view. Worked examples:
 * - Stripe's online card pricing as Lago's percentage-model template, "2.9% + $0.30" per
 *   successful card charge (getlago.com/docs/templates/per-transaction/stripe), here with a
 *   per-transaction minimum of 0.50 and maximum of 5.00 (Lago's percentage model options);
 * - Lago v2's plain 2% of the volume (getlago.com/docs/guide/plans/charges/charge-models/percentage);
 * - premium support at 20% of the licence and gateway fees (the engine's percentOf example,
 *   packages/engine/src/price/percentage.test.ts: 20% of 149.50 = 29.90 each month).
 * With TESSERA_TMF620_OAS set (see tmf620.test.ts), every resource is checked against the
 * specification's ProductOfferingPrice schema.
 */
import { validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { stringifyTmf, type TmfResource, toTmf620 } from "../src/index.ts";
import { oasValidator } from "./tmf620-oas.ts";

const catalog: Catalog = {
  id: "money",
  name: "Money",
  currencies: ["USD"],
  services: [
    { id: "svc-volume", name: "Payment volume", unit: "USD", kind: "usage", status: "active" },
    { id: "svc-payments", name: "Payments", unit: "payment", kind: "usage", status: "active" },
  ],
  portfolios: [{ id: "pf", name: "Payments" }],
  packages: [
    {
      id: "payments",
      name: "Payments",
      portfolio: "pf",
      role: "base",
      tier: 1,
      status: "active",
      components: [
        { id: "volume", service: "svc-volume", name: "Payment volume" },
        { id: "payments-count", service: "svc-payments", name: "Payments" },
      ],
      terms: [{ months: 1, default: true }],
      billingPeriods: ["month"],
      charges: [
        {
          id: "card-fees",
          name: "Card payments",
          model: "percentage",
          component: "volume",
          eventsComponent: "payments-count",
          pricePoints: [
            { currency: "USD", percent: "2.9", fixedAmount: "0.30", minAmount: "0.50", maxAmount: "5.00" },
          ],
        },
        {
          id: "transfer-fees",
          name: "Transfers",
          model: "percentage",
          component: "volume",
          pricePoints: [{ currency: "USD", percent: "2" }],
        },
        {
          id: "support",
          name: "Premium support",
          model: "percentage",
          percentOf: ["licence"],
          pricePoints: [{ currency: "USD", percent: "20" }],
        },
        {
          id: "licence",
          name: "Licence",
          model: "flat",
          pricePoints: [{ currency: "USD", billingPeriod: "month", amount: "149.50" }],
        },
      ],
    },
  ],
};

const view = toTmf620(catalog, 1);
const pop = (local: string): TmfResource => {
  const found = view.productOfferingPrice.find((p) => p.id === `money:${local}`);
  if (!found) throw new Error(`no ProductOfferingPrice ${local}`);
  return JSON.parse(stringifyTmf(found));
};

describe("TMF620: percentage charges", () => {
  it("maps a catalog the engine accepts", () => {
    expect(validate(catalog).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a rate plus a fee per transaction is a usage bundle of the rate and the fee, with the bounds stated", () => {
    const card = pop("card-fees/USD/once/list");
    expect(card).toMatchObject({
      name: "Card payments (USD, once)",
      priceType: "usage",
      isBundle: true,
      description:
        "2.9% of the USD volume + 0.30 USD per payment (at least 0.50 USD, at most 5.00 USD per payment)",
      pricingLogicAlgorithm: [
        expect.objectContaining({
          description: "Each payment's fee is kept at or above 0.50 USD and at or below 5.00 USD.",
        }),
      ],
    });
    expect(card).not.toHaveProperty("recurringChargePeriodType");
    expect(card).not.toHaveProperty("price");
    expect(card.bundledPopRelationship).toEqual([
      expect.objectContaining({ id: "money:card-fees/USD/once/list/rate" }),
      expect.objectContaining({ id: "money:card-fees/USD/once/list/fee" }),
    ]);
    // 2.9 % of each USD of volume; 0.30 USD for each payment.
    expect(pop("card-fees/USD/once/list/rate")).toMatchObject({
      priceType: "usage",
      percentage: 2.9,
      unitOfMeasure: { amount: 1, units: "USD" },
    });
    expect(pop("card-fees/USD/once/list/fee")).toMatchObject({
      priceType: "usage",
      price: { unit: "USD", value: 0.3 },
      unitOfMeasure: { amount: 1, units: "payment" },
    });
  });

  it("a plain rate on the volume is one usage price with the percentage", () => {
    expect(pop("transfer-fees/USD/once/list")).toEqual(
      expect.objectContaining({
        priceType: "usage",
        percentage: 2,
        unitOfMeasure: { amount: 1, units: "USD" },
        isBundle: false,
        description: "2% of the USD volume",
      }),
    );
  });

  it("a percent of other charges is an alteration of their prices, billed with them", () => {
    expect(pop("support/USD/once/list")).toMatchObject({
      priceType: "recurring",
      recurringChargePeriodType: "month",
      recurringChargePeriodLength: 1,
      percentage: 20,
      description: "20% of licence",
      popRelationship: [
        {
          id: "money:licence/USD/month/list",
          relationshipType: "percentOf",
          "@type": "ProductOfferingPriceRelationship",
        },
      ],
    });
  });

  const conforms = oasValidator();
  if (conforms)
    it("conforms to the TMF620 v5.0.0 ProductOfferingPrice schema (real specification)", () => {
      const all = JSON.parse(stringifyTmf(view.productOfferingPrice)) as TmfResource[];
      for (const r of all) expect(conforms("ProductOfferingPrice", r), r.id).toEqual([]);
      expect(
        conforms("ProductOfferingPrice", { ...pop("transfer-fees/USD/once/list"), percentage: "2" }),
      ).not.toEqual([]);
    });
});
