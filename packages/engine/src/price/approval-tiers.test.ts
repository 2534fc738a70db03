/**
 * Tiered approval (Salesforce CPQ advanced approvals: a larger discount climbs to more approvers).
 * Base of the fixture: platform 100.00 + support 50.00 = 150.00 recurring a month, setup 200.00 once.
 */
import type { Charge, Quote, QuotePolicy } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { fixtureCatalog } from "./fixture.ts";
import { discountImpact } from "./impact.ts";
import { price } from "./index.ts";

const AS_OF = "2026-01-15";
const q = (quote: Partial<Quote>): Quote => ({ package: "base", currency: "USD", ...quote });
const flat = (id: string, amount: string): Charge => ({
  id,
  model: "flat",
  pricePoints: [{ currency: "USD", amount }],
});

const charges: Charge[] = [
  flat("platform", "100.00"),
  flat("support", "50.00"),
  { id: "setup", model: "one_time", pricePoints: [{ currency: "USD", amount: "200.00" }] },
];
const quotePolicy: QuotePolicy = {
  approvalTiers: [
    { aboveDiscountPercent: "10", approvers: 1, name: "Sales manager" },
    { aboveDiscountPercent: "25", approvers: 2, name: "Sales manager and finance" },
  ],
  maxDiscountPercent: "40",
};
const tiered = fixtureCatalog({
  quotePolicy,
  charges,
  terms: [{ months: 12, default: true }],
});

describe("price: approval tiers", () => {
  it("needs no approver at or under the lowest tier", () => {
    const result = price(tiered, q({ discounts: [{ id: "small", percent: "10" }] }), AS_OF);
    expect(result.requiresApproval).toBe(false);
    expect(result.approvalsRequired).toBe(0);
    expect(result.approvalTier).toBeUndefined();
  });

  it("needs one approver above the first tier", () => {
    const result = price(tiered, q({ discounts: [{ id: "mid", percent: "20" }] }), AS_OF);
    expect(result.approvalsRequired).toBe(1);
    expect(result.approvalTier).toBe("Sales manager");
    expect(result.reasons).toEqual([
      "Discount `mid` takes 20% off recurring charges; more than 10% needs approval by one approver (Sales manager).",
    ]);
  });

  it("needs two distinct approvers above the second tier", () => {
    const result = price(tiered, q({ discounts: [{ id: "big", percent: "30" }] }), AS_OF);
    expect(result.approvalsRequired).toBe(2);
    expect(result.approvalTier).toBe("Sales manager and finance");
  });

  it("judges an amount by its share: 40.00 off 150.00 is 26.67%, the second tier", () => {
    // 40.00 × 100 = 4,000 > 25 × 150.00 = 3,750, so the share is above 25%.
    const result = price(tiered, q({ discounts: [{ id: "fixed", amount: "40" }] }), AS_OF);
    expect(result.approvalsRequired).toBe(2);
  });

  it("judges two discounts together: 8% + 8% = 16% of recurring reaches the first tier only", () => {
    const result = price(
      tiered,
      q({
        discounts: [
          { id: "a", percent: "8" },
          { id: "b", percent: "8" },
        ],
      }),
      AS_OF,
    );
    expect(result.approvalsRequired).toBe(1);
    expect(result.reasons).toEqual([
      "Discounts `a` and `b` together take 16% off recurring charges; more than 10% needs approval by one approver (Sales manager).",
    ]);
  });

  it("keeps a catalog without tiers on one approver above approvalThresholdPercent", () => {
    const plain = fixtureCatalog({
      quotePolicy: { approvalThresholdPercent: "15" },
      charges,
      terms: [{ months: 12, default: true }],
    });
    const result = price(plain, q({ discounts: [{ id: "vip", percent: "35" }] }), AS_OF);
    expect(result.approvalsRequired).toBe(1);
    expect(result.reasons).toEqual([
      "Discount `vip` takes 35% off recurring charges; more than 15% needs approval.",
    ]);
  });

  it("states the margin impact: what seller discounts take over the term, as a percent of list", () => {
    // List over 12 months: (100.00 + 50.00) × 12 = 1,800.00 recurring + 200.00 setup = 2,000.00.
    // 20% off recurring = 30.00 a month × 12 = 360.00, and 360 ÷ 2,000 = 18% of list.
    const result = price(tiered, q({ discounts: [{ id: "mid", percent: "20" }] }), AS_OF);
    expect(discountImpact(result, ["mid"])).toEqual({
      amount: "360.00",
      listValue: "2000.00",
      percentOfList: "18",
      catalogDiscounts: "0.00",
    });
    expect(discountImpact(price(tiered, q({}), AS_OF), [])).toEqual({
      amount: "0.00",
      listValue: "2000.00",
      percentOfList: "0",
      catalogDiscounts: "0.00",
    });
  });

  it("states what the catalog's commitment discount takes, so list − discounts = the quoted TCV", () => {
    // 12-month term with a 10% commitment discount: 150.00 × 10% = 15.00 a month × 12 = 180.00.
    // The seller's 20% applies after it: (150.00 − 15.00) × 20% = 27.00 a month × 12 = 324.00.
    // List 2,000.00 − 180.00 − 324.00 = 1,496.00 = 12 × 123.00 + 200.00 setup, the quoted TCV.
    const committed = fixtureCatalog({
      quotePolicy,
      charges,
      terms: [{ months: 12, default: true, discountPercent: "10" }],
    });
    const result = price(committed, q({ discounts: [{ id: "mid", percent: "20" }] }), AS_OF);
    expect(discountImpact(result, ["mid"])).toEqual({
      amount: "324.00",
      listValue: "2000.00",
      percentOfList: "16.2",
      catalogDiscounts: "180.00",
    });
    expect(result.totals.tcv).toBe("1496.00");
  });
});
