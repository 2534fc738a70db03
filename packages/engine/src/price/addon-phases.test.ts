/**
 * An add-on's own phases on a quote (issue 13: "add-on phases too"). Each case names the public
 * example it follows; the expected numbers are worked out by hand in the comments. The base is
 * 100.00 USD a month on a 12-month term, billed on the start date's day unless a case sets an
 * anchor.
 */
import type { Charge, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { fixtureCatalog } from "./fixture.ts";
import { price } from "./index.ts";

const plan: Charge = {
  id: "plan",
  name: "Plan",
  model: "flat",
  pricePoints: [{ currency: "USD", amount: "100.00" }],
};

function addOn(id: string, amount: string, phases: NonNullable<Package["phases"]>): Package {
  return {
    id,
    name: id === "analytics" ? "Analytics" : "Onboarding desk",
    portfolio: "pf",
    role: "add_on",
    tier: 0,
    status: "active",
    terms: [{ months: 12 }],
    billingPeriods: ["month"],
    charges: [{ id: `${id}-fee`, model: "flat", pricePoints: [{ currency: "USD", amount }] }],
    phases,
  };
}

function quoteWith(
  add: Package,
  extra: { phases?: NonNullable<Package["phases"]>; start?: string; anchor?: number } = {},
) {
  const catalog = fixtureCatalog({
    charges: [plan],
    terms: [{ months: 12, default: true }],
    addOns: [add],
    ...(extra.phases ? { phases: extra.phases } : {}),
  });
  const r = price(
    catalog,
    {
      package: "base",
      currency: "USD",
      startDate: extra.start ?? "2026-06-01",
      ...(extra.anchor !== undefined ? { billingAnchorDay: extra.anchor } : {}),
      addOns: [{ package: add.id }],
    },
    extra.start ?? "2026-06-01",
  );
  expect(r.violations).toEqual([]);
  return r;
}

const amounts = (r: ReturnType<typeof price>) =>
  r.lines.map((l) => [l.id, l.amount, l.firstInvoice, l.periods]);

describe("add-on phases on a quote", () => {
  it("a 14-day add-on trial (Kill Bill TRIAL phase, bundle billing alignment): billed pro rata from its end", () => {
    // Analytics 30.00 a month, 14-day trial from 2026-06-01 to 2026-06-15. The first invoice
    // (2026-06-01) leaves it out: 100.00. On 2026-06-15 it is billed to the next billing date,
    // 16 of June's 30 days: 30.00 × 16/30 = 16.00. From 2026-07-01 it bills 30.00 a month.
    // TCV = 12 × 100.00 + 12 × 30.00 − 30.00 (the invoice in the trial) + 16.00 = 1,546.00.
    const r = quoteWith(
      addOn("analytics", "30.00", [
        { type: "trial", duration: { length: 14, unit: "day" } },
        { type: "evergreen" },
      ]),
    );
    expect(amounts(r)).toEqual([
      ["plan", "100.00", "100.00", 12],
      ["analytics-fee@analytics", "30.00", "30.00", 12],
      ["phase-1@analytics", "-30.00", "-30.00", 1],
      ["trial-end@analytics", "16.00", "0.00", 1],
    ]);
    expect(r.totals).toMatchObject({ firstInvoice: "100.00", perPeriod: "130.00", tcv: "1546.00" });
    expect(r.lines[2]?.description).toBe("Analytics: 14 days free trial (2026-06-01 to 2026-06-15)");
    expect(r.notes).toContain(
      "Analytics: 14 days free trial from 2026-06-01 to 2026-06-15: not billed on the invoices of that time, then billed from 2026-06-15 (30.00 per month).",
    );
    expect(r.lines[3]?.explanation).toBe(
      "16 of 30 days × 30.00 of Analytics's recurring charges = 16.00, billed on 2026-06-15",
    );
    expect(r.schedule?.phases).toBeUndefined();
    expect(r.schedule?.addOnPhases).toEqual([
      {
        package: "analytics",
        name: "Analytics",
        phases: [
          {
            type: "trial",
            index: 0,
            start: "2026-06-01",
            end: "2026-06-15",
            words: "14 days free trial",
            invoices: 1,
          },
          {
            type: "evergreen",
            index: 1,
            start: "2026-06-15",
            words: "regular price, until cancelled",
            invoices: 11,
          },
        ],
      },
    ]);
  });

  it("a 25% discount for 3 months on the add-on (Stripe coupon duration repeating, duration_in_months 3)", () => {
    // 40.00 a month, 25% off on the invoices of 2026-06-01, 07-01 and 08-01: −10.00 three times.
    // First invoice 100.00 + 40.00 − 10.00 = 130.00; TCV 1,200.00 + 480.00 − 30.00 = 1,650.00.
    const r = quoteWith(
      addOn("analytics", "40.00", [
        { type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "25" },
        { type: "evergreen" },
      ]),
    );
    const discount = r.lines.find((l) => l.id === "phase-1@analytics");
    expect(discount).toMatchObject({
      packageId: "analytics",
      kind: "discount",
      amount: "-10.00",
      firstInvoice: "-10.00",
      periods: 3,
      perPeriod: false,
      description: "Analytics: 3 months 25% off (3 months)",
    });
    expect(r.totals).toMatchObject({ firstInvoice: "130.00", perPeriod: "140.00", tcv: "1650.00" });
    expect(r.notes).toContain(
      "Analytics: 3 months 25% off: 30.00 instead of 40.00 per month of recurring charges for 3 months from 2026-06-01 to 2026-09-01.",
    );
  });

  it("the base's own phase discounts the base only, not an add-on with phases of its own", () => {
    // Base: 20% off for 3 months (Kill Bill DISCOUNT phase) on 100.00 → −20.00, not 20% of
    // 130.00 = −26.00; Analytics (30.00) is priced by its own 25% phase: −7.50. First invoice
    // 100.00 + 30.00 − 20.00 − 7.50 = 102.50.
    const r = quoteWith(
      addOn("analytics", "30.00", [
        { type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "25" },
      ]),
      { phases: [{ type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "20" }] },
    );
    expect(r.lines.find((l) => l.id === "phase-1")?.amount).toBe("-20.00");
    expect(r.lines.find((l) => l.id === "phase-1@analytics")?.amount).toBe("-7.50");
    expect(r.totals.firstInvoice).toBe("102.50");
    expect(r.schedule?.phases?.map((p) => p.words)).toEqual(["3 months 20% off"]);
    expect(r.schedule?.addOnPhases?.[0]?.phases.map((p) => p.words)).toEqual(["3 months 25% off"]);
  });

  it("a fixed-term add-on (Kill Bill FIXEDTERM phase) bills only within its term", () => {
    // Onboarding desk 50.00 a month for 3 months: invoices of June, July and August, then it ends
    // on 2026-09-01. TCV 1,200.00 + 3 × 50.00 = 1,350.00.
    const r = quoteWith(
      addOn("desk", "50.00", [{ type: "fixed_term", duration: { length: 3, unit: "month" } }]),
    );
    expect(r.lines.find((l) => l.id === "desk-fee@desk")).toMatchObject({ amount: "50.00", periods: 3 });
    expect(r.totals).toMatchObject({ firstInvoice: "150.00", tcv: "1350.00" });
    expect(r.schedule?.addOnPhases?.[0]?.ends).toBe("2026-09-01");
    expect(r.notes).toContain(
      "Onboarding desk ends on 2026-09-01, when its fixed-term phase ends: 3 months of it are billed.",
    );
  });

  it("an add-on trial ending in the partial first period before the billing anchor (Stripe billing_cycle_anchor)", () => {
    // Start 2026-06-16, billed on the 1st: the partial period 06-16 → 07-01 is 15 of June's 30
    // days. The base: 100.00 × 15/30 = 50.00 on the first invoice; Analytics is in its 7-day trial
    // then, so it is left out. Its trial ends 06-23: 8 of 30 days × 30.00 = 8.00, billed then.
    const r = quoteWith(
      addOn("analytics", "30.00", [{ type: "trial", duration: { length: 7, unit: "day" } }]),
      { start: "2026-06-16", anchor: 1 },
    );
    expect(r.lines.find((l) => l.id === "proration")?.amount).toBe("50.00");
    expect(r.lines.find((l) => l.id === "trial-end@analytics")).toMatchObject({
      amount: "8.00",
      firstInvoice: "0.00",
    });
    expect(r.totals.firstInvoice).toBe("50.00");
  });

  it("an add-on trial that ends before the base's own trial does changes nothing", () => {
    // Base: 30-day trial from 2026-06-01 (charges start 2026-07-01); Analytics' 7-day trial ended
    // on 2026-06-08: every invoice bills it at 30.00.
    const r = quoteWith(
      addOn("analytics", "30.00", [{ type: "trial", duration: { length: 7, unit: "day" } }]),
      {
        phases: [{ type: "trial", duration: { length: 30, unit: "day" } }],
      },
    );
    expect(r.lines.filter((l) => l.packageId === "analytics").map((l) => l.id)).toEqual([
      "analytics-fee@analytics",
    ]);
    expect(r.totals).toMatchObject({ firstInvoice: "0.00", tcv: "1560.00" });
  });
});
