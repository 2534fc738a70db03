/**
 * Phases with durations, week-based billing and billing alignment on a quote. Each case names the
 * public example it follows; the expected numbers are worked out by hand in the comments.
 */
import type { Catalog, Charge, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../compile.ts";
import { fixtureCatalog } from "./fixture.ts";
import { price } from "./index.ts";

/** A flat recurring charge of `amount` USD per `period` (a monthly point when no period is given). */
function flat(amount: string, period?: Package["billingPeriods"][number]): Charge {
  return {
    id: "plan",
    name: "Plan",
    model: "flat",
    pricePoints: [{ currency: "USD", amount, ...(period ? { billingPeriod: period } : {}) }],
  };
}

const line = (r: ReturnType<typeof price>, id: string) => r.lines.find((l) => l.id === id);

describe("phases with durations (Kill Bill plan phases)", () => {
  it("Kill Bill's Standard plan (killbill-xml-builder README): a 30-day TRIAL, then EVERGREEN 100.00 USD a month", () => {
    // Trial 2026-01-01 + 30 days = 2026-01-31: nothing is invoiced before; recurring charges start
    // then and the 12-month term runs from it: 12 × 100.00 = 1,200.00 TCV; first invoice 0.00.
    const catalog = fixtureCatalog({
      charges: [flat("100.00")],
      terms: [{ months: 12, default: true }],
      phases: [{ type: "trial", duration: { length: 30, unit: "day" } }, { type: "evergreen" }],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-01" }, "2026-01-01");
    expect(r.violations).toEqual([]);
    expect(r.totals).toMatchObject({
      firstInvoice: "0.00",
      perPeriod: "100.00",
      mrr: "100.00",
      tcv: "1200.00",
    });
    expect(r.schedule?.trialEnds).toBe("2026-01-31");
    expect(r.schedule?.phases).toEqual([
      {
        type: "trial",
        index: 0,
        start: "2026-01-01",
        end: "2026-01-31",
        words: "30 days free trial",
        invoices: 0,
      },
      {
        type: "evergreen",
        index: 1,
        start: "2026-01-31",
        words: "regular price, until cancelled",
        invoices: 12,
      },
    ]);
  });

  it("a percent discount phase of 3 months then evergreen (Kill Bill DISCOUNT phase), on monthly billing", () => {
    // 80.00 a month, 25% off for 3 months: 20.00 off each of the first 3 invoices (Jan, Feb, Mar).
    // TCV over 12 months = 12 × 80.00 − 3 × 20.00 = 960.00 − 60.00 = 900.00; the first invoice is
    // 80.00 − 20.00 = 60.00; the regular per-period price stays 80.00.
    const catalog = fixtureCatalog({
      charges: [flat("80.00")],
      terms: [{ months: 12, default: true }],
      phases: [{ type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "25" }],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-01" }, "2026-01-01");
    expect(r.violations).toEqual([]);
    expect(line(r, "phase-1")).toMatchObject({
      amount: "-20.00",
      periods: 3,
      firstInvoice: "-20.00",
      perPeriod: false,
    });
    expect(r.totals).toMatchObject({ firstInvoice: "60.00", perPeriod: "80.00", tcv: "900.00" });
    expect(r.schedule?.phases?.[0]).toMatchObject({ start: "2026-01-01", end: "2026-04-01", invoices: 3 });
  });

  it("a fixed-amount discount phase: 5.00 off each of the first 2 quarters (Chargebee's fixed-amount coupon for N periods)", () => {
    // 90.00 a quarter, 5.00 off for 6 months = 2 quarterly invoices: TCV over 12 months =
    // 4 × 90.00 − 2 × 5.00 = 350.00; first invoice 85.00.
    const catalog = fixtureCatalog({
      charges: [flat("90.00", "quarter")],
      terms: [{ months: 12, default: true }],
      billingPeriods: ["quarter"],
      phases: [
        {
          type: "discount",
          duration: { length: 6, unit: "month" },
          discountAmounts: [
            { currency: "USD", amount: "5.00" },
            { currency: "EUR", amount: "5.00" },
            { currency: "JPY", amount: "500" },
            { currency: "KWD", amount: "1.500" },
          ],
        },
      ],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-01" }, "2026-01-01");
    expect(r.violations).toEqual([]);
    expect(line(r, "phase-1")).toMatchObject({ amount: "-5.00", periods: 2 });
    expect(r.totals).toMatchObject({ firstInvoice: "85.00", perPeriod: "90.00", tcv: "350.00" });
  });

  it("an evergreen phase with its own price after a discount phase is the regular price from then on", () => {
    // 100.00 a month: 50% off for 3 months, then 10% off until cancelled. Invoices 1–3: −50.00
    // each; invoices 4–12: −10.00 each. Regular bill 90.00 (so MRR 90.00); TCV = 1,200.00 − 150.00
    // − 90.00 = 960.00.
    const catalog = fixtureCatalog({
      charges: [flat("100.00")],
      terms: [{ months: 12, default: true }],
      phases: [
        { type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "50" },
        { type: "evergreen", discountPercent: "10" },
      ],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-01" }, "2026-01-01");
    expect(r.violations).toEqual([]);
    expect(line(r, "phase-1")).toMatchObject({ amount: "-50.00", periods: 3, perPeriod: false });
    expect(line(r, "phase-2")).toMatchObject({
      amount: "-10.00",
      periods: 9,
      perPeriod: true,
      firstInvoice: "0.00",
    });
    expect(r.totals).toMatchObject({
      perPeriod: "90.00",
      mrr: "90.00",
      tcv: "960.00",
      firstInvoice: "50.00",
    });
  });

  it("the legacy intro phase (periods) prices exactly as before", () => {
    // 20% off 50.00 for the first 2 months: −10.00 × 2; TCV 12 × 50.00 − 20.00 = 580.00.
    const catalog = fixtureCatalog({
      charges: [flat("50.00")],
      terms: [{ months: 12, default: true }],
      phases: [{ type: "intro", periods: 2, discountPercent: "20" }],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-01" }, "2026-01-01");
    expect(line(r, "intro")).toMatchObject({
      description: "Intro price (first 2 months)",
      amount: "-10.00",
      periods: 2,
    });
    expect(r.totals.tcv).toBe("580.00");
  });
});

describe("week-based billing periods", () => {
  it("a 6-week fixed term billed weekly (Stripe recurring price with interval=week)", () => {
    // 10.00 a week over 6 weeks: 6 invoices, TCV 60.00. MRR = 10.00 × 52 ÷ 12 = 43.333… → 43.33;
    // ARR = 10.00 × 52 = 520.00.
    const catalog = fixtureCatalog({
      charges: [flat("10.00", "week")],
      terms: [{ weeks: 6, default: true }],
      billingPeriods: ["week"],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-05" }, "2026-01-05");
    expect(r.violations).toEqual([]);
    expect(r.termWeeks).toBe(6);
    expect(r.schedule?.termPeriods).toBe(6);
    expect(r.totals).toEqual({
      firstInvoice: "10.00",
      perPeriod: "10.00",
      mrr: "43.33",
      arr: "520.00",
      tcv: "60.00",
    });
  });

  it("every two weeks: a 52-week term is 26 invoices; MRR = price × 26 ÷ 12", () => {
    // 24.00 every two weeks: MRR = 24.00 × 26 ÷ 12 = 52.00; ARR = 24.00 × 26 = 624.00; TCV 26 × 24.00.
    const catalog = fixtureCatalog({
      charges: [flat("24.00", "two_weeks")],
      terms: [{ weeks: 52, default: true }],
      billingPeriods: ["two_weeks"],
    });
    const r = price(catalog, { package: "base", currency: "USD" }, "2026-01-05");
    expect(r.totals).toMatchObject({ mrr: "52.00", arr: "624.00", tcv: "624.00" });
  });

  it("a monthly price point is not scaled to weeks: the quote says which price is missing", () => {
    const catalog = fixtureCatalog({
      charges: [flat("40.00")],
      terms: [{ weeks: 4, default: true }],
      billingPeriods: ["week"],
    });
    const r = price(catalog, { package: "base", currency: "USD" }, "2026-01-05");
    expect(r.violations.map((v) => v.code)).toContain("price.no-price-point");
  });

  it("a term in months is not a whole number of weeks: refused with the reason", () => {
    const catalog = fixtureCatalog({
      charges: [flat("10.00", "week")],
      terms: [{ months: 3, default: true }],
      billingPeriods: ["week"],
    });
    const r = price(catalog, { package: "base", currency: "USD" }, "2026-01-05");
    expect(r.violations).toContainEqual(
      expect.objectContaining({
        code: "price.period-does-not-divide-term",
        message:
          "The 3-month term is not a whole number of weekly billing periods (a term in months is billed in month-based periods).",
      }),
    );
  });

  it("Stripe's duration_in_months on a weekly price: 20% off for 1 month covers every weekly invoice dated within it", () => {
    // From Monday 2026-01-05, one month runs to 2026-02-05: invoices on Jan 5, 12, 19, 26 and
    // Feb 2 are within it (5 invoices), each 2.00 off 10.00. Over a 12-week term TCV =
    // 12 × 10.00 − 5 × 2.00 = 110.00.
    const catalog = fixtureCatalog({
      charges: [flat("10.00", "week")],
      terms: [{ weeks: 12, default: true }],
      billingPeriods: ["week"],
      phases: [{ type: "discount", duration: { length: 1, unit: "month" }, discountPercent: "20" }],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-05" }, "2026-01-05");
    expect(r.violations).toEqual([]);
    expect(line(r, "phase-1")).toMatchObject({ amount: "-2.00", periods: 5 });
    expect(r.totals.tcv).toBe("110.00");
  });

  it("a FIXEDTERM phase last ends the subscription: a 6-week fixed term inside a 12-week term bills 6 invoices (Kill Bill FIXEDTERM)", () => {
    // 15.00 a week; the fixed-term phase of 6 weeks ends the subscription on 2026-02-16 (Jan 5 +
    // 42 days): 6 invoices, TCV 6 × 15.00 = 90.00, not 12 × 15.00.
    const catalog = fixtureCatalog({
      charges: [flat("15.00", "week")],
      terms: [{ weeks: 12, default: true }],
      billingPeriods: ["week"],
      phases: [{ type: "fixed_term", duration: { length: 6, unit: "week" } }],
    });
    const r = price(catalog, { package: "base", currency: "USD", startDate: "2026-01-05" }, "2026-01-05");
    expect(r.violations).toEqual([]);
    expect(r.schedule?.ends).toBe("2026-02-16");
    expect(r.totals.tcv).toBe("90.00");
    expect(r.notes).toContain(
      "The subscription ends on 2026-02-16, when its fixed-term phase ends: 6 weeks of the term are billed.",
    );
  });
});

describe("billing alignment on a quote (Kill Bill billing alignment)", () => {
  const base = () => fixtureCatalog({ charges: [flat("31.00")], terms: [{ months: 12, default: true }] });
  const quote = { package: "base", currency: "USD", startDate: "2026-01-15", billingAnchorDay: 1 };

  it("ACCOUNT (the default): the account's billing day 1 prorates 17 of 31 days up to 2026-02-01 (Stripe's billing_cycle_anchor)", () => {
    // 31.00 × 17 ÷ 31 = 17.00 on the first invoice; full periods from 2026-02-01.
    const r = price(base(), quote, "2026-01-15");
    expect(r.totals.firstInvoice).toBe("17.00");
    expect(r.schedule).toMatchObject({ firstFullPeriodStart: "2026-02-01", billingAlignment: "account" });
  });

  it("SUBSCRIPTION: the subscription bills on its own anniversary, the billing day is not used", () => {
    // No partial period: the first invoice is a full 31.00 period from 2026-01-15.
    const doc: Catalog = {
      ...base().doc,
      alignments: { billing: [{ id: "own-anniversary", alignment: "subscription" }] },
    };
    const r = price(compile(doc), quote, "2026-01-15");
    expect(r.violations).toEqual([]);
    expect(r.totals.firstInvoice).toBe("31.00");
    expect(r.schedule).toMatchObject({
      firstFullPeriodStart: "2026-01-15",
      billingAlignment: "subscription",
    });
    expect(r.notes).toContain(
      "Billing follows the subscription's own anniversary (billing alignment subscription, case own-anniversary): the billing day 1 is not used.",
    );
  });
});
