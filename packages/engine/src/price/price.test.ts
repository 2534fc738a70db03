import type { Charge, Package, Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { fixtureCatalog, seatCharge } from "./fixture.ts";
import { price } from "./index.ts";

const AS_OF = "2026-01-15";
const q = (quote: Partial<Quote>): Quote => ({ package: "base", currency: "USD", ...quote });

const flat = (id: string, amount: string, extra: Partial<Charge> = {}): Charge => ({
  id,
  name: id,
  model: "flat",
  pricePoints: [{ currency: "USD", billingPeriod: "month", amount }],
  ...extra,
});

describe("price: models on a quote", () => {
  it("prices a graduated seat charge with included units and explains the tiers", () => {
    const catalog = fixtureCatalog({
      included: 5,
      charges: [
        seatCharge("tiered", {
          tiers: [
            { from: 0, upTo: 10, unitAmount: "8.00" },
            { from: 10, unitAmount: "6.00" },
          ],
        }),
      ],
    });
    const result = price(catalog, q({ quantities: { seats: 20 } }), AS_OF);
    expect(result.violations).toEqual([]);
    expect(result.lines).toHaveLength(1);
    const line = result.lines[0]!;
    expect(line).toMatchObject({ id: "seat-fee", kind: "recurring", quantity: 15, amount: "110.00" });
    expect(line.explanation).toBe(
      "20 − 5 included = 15; tier 1: 10 × 8.00 = 80.00; tier 2: 5 × 6.00 = 30.00",
    );
    expect(result.totals).toEqual({
      firstInvoice: "110.00",
      perPeriod: "110.00",
      mrr: "110.00",
      arr: "1320.00",
      tcv: "110.00",
    });
  });

  it("charges per started block (Stripe transform_quantity, round up)", () => {
    // https://docs.stripe.com/billing/subscriptions/usage-based/transform-quantities
    const catalog = fixtureCatalog({
      charges: [{ ...seatCharge("per_unit", { unitAmount: "5.00" }), blockSize: 5 }],
    });
    const result = price(catalog, q({ quantities: { seats: 11 } }), AS_OF);
    expect(result.lines[0]).toMatchObject({ quantity: 3, amount: "15.00" });
    expect(result.lines[0]!.explanation).toBe("11 units; 3 blocks of 5; 3 × 5.00 = 15.00");
  });

  it("prices an option's charge only when the option is picked", () => {
    const catalog = fixtureCatalog({ charges: [flat("premium", "99.00", { option: "opt-premium" })] });
    expect(price(catalog, q({ picks: [] }), AS_OF).lines).toHaveLength(0);
    expect(price(catalog, q({ picks: ["opt-premium"] }), AS_OF).totals.perPeriod).toBe("99.00");
  });

  it("puts one-time charges on the first invoice only", () => {
    const catalog = fixtureCatalog({
      charges: [
        flat("platform", "100.00"),
        { id: "setup", model: "one_time", pricePoints: [{ currency: "USD", amount: "500.00" }] },
      ],
      terms: [{ months: 12, default: true }],
    });
    const result = price(catalog, q({}), AS_OF);
    expect(result.totals).toEqual({
      firstInvoice: "600.00",
      perPeriod: "100.00",
      mrr: "100.00",
      arr: "1200.00",
      tcv: "1700.00",
    });
  });

  it("estimates usage from expected usage, in arrear (not on the first invoice)", () => {
    const catalog = fixtureCatalog({
      charges: [
        flat("platform", "10.00"),
        {
          id: "calls-fee",
          name: "API calls",
          model: "usage",
          component: "calls",
          pricePoints: [
            {
              currency: "USD",
              billingPeriod: "month",
              includedUnits: 1000,
              tiers: [
                { from: 0, upTo: 10000, unitAmount: "0.001" },
                { from: 10000, unitAmount: "0.0005" },
              ],
            },
          ],
        },
      ],
    });
    const rates = price(catalog, q({}), AS_OF);
    expect(rates.lines[1]).toMatchObject({ kind: "usage", amount: "0.00", perPeriod: false, periods: 0 });
    expect(rates.totals.perPeriod).toBe("10.00");

    const estimated = price(catalog, q({ expectedUsage: { calls: 21000 } }), AS_OF);
    // 21,000 − 1,000 = 20,000: 10,000 × 0.001 + 10,000 × 0.0005 = 15.00
    expect(estimated.lines[1]).toMatchObject({ kind: "usage", amount: "15.00", firstInvoice: "0.00" });
    expect(estimated.lines[1]!.description).toBe("API calls (estimated)");
    expect(estimated.totals.firstInvoice).toBe("10.00");
    expect(estimated.totals.perPeriod).toBe("25.00");
  });
});

describe("price: price point choice", () => {
  const catalog = fixtureCatalog({
    billingPeriods: ["month", "quarter", "year"],
    terms: [{ months: 12, default: true }],
    priceBooks: [
      { id: "list", name: "List", default: true },
      { id: "partner", name: "Partner", fallback: "list" },
      { id: "promo", name: "Promo", fallback: "partner" },
    ],
    charges: [
      {
        id: "seat-fee",
        model: "per_unit",
        component: "seats",
        pricePoints: [
          { currency: "USD", unitAmount: "10.00" },
          { currency: "USD", billingPeriod: "year", unitAmount: "100.00" },
          { currency: "USD", priceBook: "partner", unitAmount: "8.00" },
          { currency: "EUR", unitAmount: "9.00" },
          { currency: "JPY", unitAmount: "1500" },
        ],
      },
    ],
  });

  it("uses an exact billing-period match", () => {
    expect(
      price(catalog, q({ billingPeriod: "year", quantities: { seats: 2 } }), AS_OF).totals.perPeriod,
    ).toBe("200.00");
  });
  it("scales a monthly point by the months in the period", () => {
    const result = price(catalog, q({ billingPeriod: "quarter", quantities: { seats: 2 } }), AS_OF);
    expect(result.lines[0]!.amount).toBe("60.00");
    expect(result.lines[0]!.explanation).toBe("2 × 10.00 = 20.00 × 3 months (monthly price)");
    expect(result.totals.mrr).toBe("20.00");
    expect(result.totals.tcv).toBe("240.00");
  });
  it("follows the price book's fallback chain", () => {
    expect(price(catalog, q({ priceBook: "promo", quantities: { seats: 2 } }), AS_OF).totals.perPeriod).toBe(
      "16.00",
    );
  });
  it("matches the currency and rounds JPY to whole yen", () => {
    const result = price(catalog, q({ currency: "JPY", quantities: { seats: 3 } }), AS_OF);
    expect(result.totals.perPeriod).toBe("4500");
  });
  it("reports a charge without a price in the currency, with a pointer into the catalog", () => {
    const result = price(catalog, q({ currency: "KWD", quantities: { seats: 3 } }), AS_OF);
    expect(result.violations).toEqual([
      expect.objectContaining({ code: "price.no-price-point", pointer: "/packages/0/charges/0/pricePoints" }),
    ]);
    expect(result.lines).toEqual([]);
  });
});

describe("price: quotes that cannot be priced", () => {
  const catalog = fixtureCatalog({ charges: [flat("platform", "10.00")] });
  it.each([
    [{ package: "nope" }, "price.unknown-package", "/package"],
    [{ currency: "CHF" }, "price.unknown-currency", "/currency"],
    [{ termMonths: 24 }, "price.term-not-offered", "/termMonths"],
    [{ billingPeriod: "year" as const }, "price.period-not-offered", "/billingPeriod"],
    [{ priceBook: "secret" }, "price.unknown-price-book", "/priceBook"],
    [{ billingPeriod: "quarter" as const, termMonths: 1 }, "price.period-longer-than-term", "/billingPeriod"],
    [{ addOns: [{ package: "ghost" }] }, "price.unknown-add-on", "/addOns/0/package"],
    [{ quantities: { seats: -1 } }, "price.invalid-quantity", "/quantities/seats"],
  ])("%o → %s", (quote, code, pointer) => {
    const result = price(catalog, q(quote), AS_OF);
    expect(result.violations).toContainEqual(expect.objectContaining({ code, pointer, severity: "error" }));
  });
  it("prices a package that is not sellable on the pricing date, with a violation", () => {
    const c = fixtureCatalog({ charges: [flat("platform", "10.00")] });
    const base = c.packages.get("base")!.value;
    base.effectiveTo = "2026-01-14"; // the last day of sale is the day before AS_OF
    const result = price(c, q({}), AS_OF);
    expect(result.violations).toEqual([
      {
        code: "price.not-sellable",
        severity: "error",
        pointer: "/package",
        message: '"Base" was sold until 2026-01-14.',
      },
    ]);
    expect(result.totals.perPeriod).toBe("10.00");
  });
  it("refuses a term that is not a whole number of billing periods", () => {
    const c = fixtureCatalog({
      charges: [flat("platform", "10.00")],
      terms: [{ months: 4 }],
      billingPeriods: ["quarter"],
    });
    expect(price(c, q({}), AS_OF).violations).toEqual([
      expect.objectContaining({ code: "price.period-does-not-divide-term", pointer: "/billingPeriod" }),
    ]);
  });
  it("never throws on a bad pricing date", () => {
    expect(price(catalog, q({}), "yesterday").violations[0]!.code).toBe("price.as-of");
  });
});

describe("price: phases and commitment", () => {
  it("commitment discount off recurring charges, except charges that opt out", () => {
    const catalog = fixtureCatalog({
      terms: [{ months: 1 }, { months: 12, discountPercent: "10", default: true }],
      charges: [flat("platform", "100.00"), flat("support", "50.00", { commitmentDiscounts: false })],
    });
    const result = price(catalog, q({ termMonths: 12 }), AS_OF);
    const commitment = result.lines.find((l) => l.id === "commitment")!;
    expect(commitment).toMatchObject({ kind: "discount", amount: "-10.00", perPeriod: true, periods: 12 });
    expect(result.totals).toMatchObject({ perPeriod: "140.00", firstInvoice: "140.00", tcv: "1680.00" });
    expect(price(catalog, q({ termMonths: 1 }), AS_OF).lines.some((l) => l.kind === "discount")).toBe(false);
  });

  it("trial: recurring lines are free on the first invoice and start when the trial ends", () => {
    const catalog = fixtureCatalog({
      phases: [{ type: "trial", days: 14 }],
      charges: [
        flat("platform", "100.00"),
        { id: "setup", model: "one_time", pricePoints: [{ currency: "USD", amount: "50.00" }] },
      ],
    });
    const result = price(catalog, q({ startDate: "2026-03-01" }), AS_OF);
    expect(result.totals).toMatchObject({ firstInvoice: "50.00", perPeriod: "100.00" });
    expect(result.lines[0]!.firstInvoice).toBe("0.00");
    expect(result.schedule).toMatchObject({
      start: "2026-03-01",
      trialEnds: "2026-03-15",
      firstFullPeriodStart: "2026-03-15",
    });
    expect(result.notes[0]).toContain("Free trial until 2026-03-15");
  });

  it("intro: X% off for N periods as its own line; per period shows the regular price; TCV counts it N times", () => {
    const catalog = fixtureCatalog({
      terms: [{ months: 12, default: true }],
      phases: [{ type: "intro", periods: 3, discountPercent: "50" }],
      charges: [flat("platform", "100.00")],
    });
    const result = price(catalog, q({}), AS_OF);
    const intro = result.lines.find((l) => l.id === "intro")!;
    expect(intro).toMatchObject({ amount: "-50.00", perPeriod: false, periods: 3, firstInvoice: "-50.00" });
    expect(result.totals).toEqual({
      firstInvoice: "50.00",
      perPeriod: "100.00",
      mrr: "100.00",
      arr: "1200.00",
      tcv: "1050.00",
    });
    expect(result.notes[0]).toBe(
      "Intro price: 50.00 instead of 100.00 per month of recurring charges for the first 3 months.",
    );
  });
});

describe("price: billing anchor and proration", () => {
  const catalog = fixtureCatalog({ charges: [flat("platform", "31.00")] });

  it("prorates Jan 15 → Feb 1 as 17/31 of a month (Stripe backdating example)", () => {
    // https://stripe.com/docs/billing/subscriptions/backdating — "17 days of January 15 to February 1
    // is 17 divided by 31 (or 0.548) of a normal monthly charge"
    const result = price(catalog, q({ startDate: "2026-01-15", billingAnchorDay: 1 }), AS_OF);
    const proration = result.lines.find((l) => l.kind === "proration")!;
    expect(proration).toMatchObject({ amount: "17.00", firstInvoice: "17.00", periods: 1 });
    expect(result.lines[0]!.firstInvoice).toBe("0.00");
    expect(result.totals.firstInvoice).toBe("17.00");
    expect(result.totals.perPeriod).toBe("31.00");
    expect(result.schedule?.firstFullPeriodStart).toBe("2026-02-01");
  });

  it("prorates Feb 15 → Mar 1 in a non-leap year as exactly half a month (Stripe backdating example)", () => {
    // https://stripe.com/docs/billing/subscriptions/backdating
    const c = fixtureCatalog({ charges: [flat("platform", "100.00")] });
    const result = price(c, q({ startDate: "2026-02-15", billingAnchorDay: 1 }), AS_OF);
    expect(result.totals.firstInvoice).toBe("50.00");
  });

  it("bills a May 15 start anchored on the 1st on May 15, then on the 1st (Stripe billing cycle anchor)", () => {
    // https://stripe.com/docs/payments/checkout/billing-cycle — "a monthly subscription created on
    // May 15 with an anchor at June 1 is billed on May 15, then always on the 1st of the month"
    const result = price(catalog, q({ startDate: "2026-05-15", billingAnchorDay: 1 }), AS_OF);
    expect(result.schedule).toMatchObject({
      firstInvoiceDate: "2026-05-15",
      firstFullPeriodStart: "2026-06-01",
    });
    // May 15 → June 1 is 17 of May's 31 days.
    expect(result.totals.firstInvoice).toBe("17.00");
  });

  it("does not prorate when the anchor is the start day", () => {
    const result = price(catalog, q({ startDate: "2026-01-15", billingAnchorDay: 15 }), AS_OF);
    expect(result.lines.some((l) => l.kind === "proration")).toBe(false);
    expect(result.totals.firstInvoice).toBe("31.00");
  });

  it("clamps the anchor day to short months", () => {
    // Feb 10 anchored on the 31st: the first full period starts Feb 28; Jan 31 → Feb 28 is 28 days.
    const c = fixtureCatalog({ charges: [flat("platform", "28.00")] });
    const result = price(c, q({ startDate: "2026-02-10", billingAnchorDay: 31 }), AS_OF);
    expect(result.schedule?.firstFullPeriodStart).toBe("2026-02-28");
    expect(result.totals.firstInvoice).toBe("18.00");
  });
});

describe("price: seller discounts and approval", () => {
  const catalog = fixtureCatalog({
    quotePolicy: { approvalThresholdPercent: "15", maxDiscountPercent: "40" },
    charges: [
      flat("platform", "100.00"),
      flat("support", "50.00"),
      { id: "setup", model: "one_time", pricePoints: [{ currency: "USD", amount: "200.00" }] },
    ],
    terms: [{ months: 12, default: true }],
  });

  it("flags a discount over the threshold with a reason", () => {
    const result = price(catalog, q({ discounts: [{ id: "vip", percent: "25" }] }), AS_OF);
    expect(result.requiresApproval).toBe(true);
    expect(result.reasons).toEqual([
      "Discount `vip` takes 25% off recurring charges; more than 15% needs approval.",
    ]);
    expect(result.lines.find((l) => l.id === "vip")).toMatchObject({
      amount: "-37.50",
      perPeriod: true,
      periods: 12,
    });
    expect(result.totals.perPeriod).toBe("112.50");
    expect(result.violations).toEqual([]);
  });

  it("allows a discount at or under the threshold without approval", () => {
    const result = price(catalog, q({ discounts: [{ id: "small", percent: "15" }] }), AS_OF);
    expect(result.requiresApproval).toBe(false);
    expect(result.reasons).toEqual([]);
  });

  it("refuses a discount beyond the maximum", () => {
    const result = price(catalog, q({ discounts: [{ id: "huge", percent: "45" }] }), AS_OF);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ code: "price.discount-over-max", pointer: "/discounts/0" }),
    );
    expect(result.requiresApproval).toBe(true);
  });

  it("judges an amount discount by its share of what it reduces", () => {
    const result = price(
      catalog,
      q({ discounts: [{ id: "fixed", amount: "30", charge: "support" }] }),
      AS_OF,
    );
    expect(result.reasons).toEqual([
      'Discount `fixed` takes 30.00 (60%) off "support"; more than 15% needs approval.',
    ]);
    expect(result.violations.map((v) => v.code)).toEqual(["price.discount-over-max"]);
  });

  it("needs exactly one of percent and amount", () => {
    const result = price(catalog, q({ discounts: [{ id: "both", percent: "5", amount: "5" }] }), AS_OF);
    expect(result.violations).toContainEqual(
      expect.objectContaining({ code: "price.discount-shape", pointer: "/discounts/0" }),
    );
  });

  it("limits a recurring discount to its periods (TCV) and keeps it out of the per-period total", () => {
    const result = price(catalog, q({ discounts: [{ id: "first3", percent: "10", periods: 3 }] }), AS_OF);
    expect(result.lines.find((l) => l.id === "first3")).toMatchObject({
      amount: "-15.00",
      perPeriod: false,
      periods: 3,
    });
    expect(result.totals).toMatchObject({ perPeriod: "150.00", firstInvoice: "335.00", tcv: "1955.00" });
  });

  it("discounts one-time charges once", () => {
    const result = price(
      catalog,
      q({ discounts: [{ id: "setup-off", percent: "10", appliesTo: "one_time" }] }),
      AS_OF,
    );
    expect(result.lines.find((l) => l.id === "setup-off")).toMatchObject({
      amount: "-20.00",
      periods: 1,
      firstInvoice: "-20.00",
    });
    expect(result.totals).toMatchObject({ firstInvoice: "330.00", perPeriod: "150.00", tcv: "1980.00" });
  });

  it("without a policy, any seller discount needs approval", () => {
    const plain = fixtureCatalog({ charges: [flat("platform", "100.00")] });
    const result = price(plain, q({ discounts: [{ id: "tiny", percent: "1" }] }), AS_OF);
    expect(result.reasons).toEqual([
      "Discount `tiny` takes 1% off recurring charges; every seller discount needs approval.",
    ]);
  });

  it("judges several discounts together", () => {
    const result = price(
      catalog,
      q({
        discounts: [
          { id: "a", percent: "10" },
          { id: "b", percent: "10" },
        ],
      }),
      AS_OF,
    );
    expect(result.reasons).toEqual([
      "Discounts `a` and `b` together take 20% off recurring charges; more than 15% needs approval.",
    ]);
  });

  it("names a discount by the reason the seller wrote, not by the id made from it", () => {
    // 100.00 + 50.00 a month of recurring charges; 30% off = 45.00 a month, 12 months.
    const result = price(
      catalog,
      q({ discounts: [{ id: "multi-year-deal", percent: "30", description: "Multi-year deal" }] }),
      AS_OF,
    );
    expect(result.lines.find((l) => l.id === "multi-year-deal")).toMatchObject({ amount: "-45.00" });
    expect(result.reasons).toEqual([
      "Discount “Multi-year deal” takes 30% off recurring charges; more than 15% needs approval.",
    ]);
    const two = price(
      catalog,
      q({
        discounts: [
          { id: "a", percent: "10", description: "Loyalty" },
          { id: "b", percent: "10" },
        ],
      }),
      AS_OF,
    );
    expect(two.reasons).toEqual([
      "Discounts “Loyalty” and `b` together take 20% off recurring charges; more than 15% needs approval.",
    ]);
  });
});

describe("price: add-ons", () => {
  const addOn = (id: string, charge: Charge) => ({
    id,
    name: id,
    portfolio: "pf",
    role: "add_on" as const,
    tier: 0,
    status: "active" as const,
    terms: [{ months: 1 }] as [{ months: number }],
    billingPeriods: ["month"] as ["month"],
    charges: [charge],
  });

  it("bills package-level add-on charges by the add-on quantity (per_unit multiplies, flat stays flat)", () => {
    const catalog = fixtureCatalog({
      charges: [flat("platform", "100.00")],
      addOns: [
        addOn("storage", {
          id: "storage-fee",
          model: "per_unit",
          pricePoints: [{ currency: "USD", unitAmount: "50.00" }],
        }),
        addOn("sso", { id: "sso-fee", model: "flat", pricePoints: [{ currency: "USD", amount: "300.00" }] }),
      ],
    });
    const result = price(
      catalog,
      q({
        addOns: [
          { package: "storage", quantity: 3 },
          { package: "sso", quantity: 2 },
        ],
      }),
      AS_OF,
    );
    expect(result.lines.map((l) => [l.id, l.quantity, l.amount])).toEqual([
      ["platform", 1, "100.00"],
      ["storage-fee@storage", 3, "150.00"],
      ["sso-fee@sso", 1, "300.00"],
    ]);
  });

  it("lists included add-ons at 0 and bills only units above the included quantity", () => {
    const catalog = fixtureCatalog({
      charges: [flat("platform", "100.00")],
      includedAddOns: [{ addOn: "storage", quantity: 1 }],
      addOns: [
        addOn("storage", {
          id: "storage-fee",
          model: "per_unit",
          pricePoints: [{ currency: "USD", unitAmount: "50.00" }],
        }),
      ],
    });
    const result = price(catalog, q({ addOns: [{ package: "storage", quantity: 3 }] }), AS_OF);
    expect(result.lines.map((l) => [l.id, l.amount, l.explanation])).toEqual([
      ["platform", "100.00", "flat 100.00"],
      ["included:storage", "0.00", "included in Base"],
      ["storage-fee@storage", "100.00", "2 × 50.00 = 100.00"],
    ]);
  });
});

describe("price: minor units", () => {
  it("rounds KWD lines to 3 decimals, half away from zero", () => {
    const catalog = fixtureCatalog({
      charges: [
        {
          id: "seat-fee",
          model: "per_unit",
          component: "seats",
          pricePoints: [{ currency: "KWD", unitAmount: "0.3335" }],
        },
      ],
    });
    const result = price(catalog, q({ currency: "KWD", quantities: { seats: 1 } }), AS_OF);
    expect(result.lines[0]!.amount).toBe("0.334");
  });
});

describe("price: more first-invoice and discount cases", () => {
  it("upfront billing bills the whole term at once; MRR spreads it over the term", () => {
    const catalog = fixtureCatalog({
      billingPeriods: ["upfront"],
      terms: [{ months: 12, default: true }],
      // A point without billingPeriod is a monthly amount, scaled to the 12-month upfront period.
      charges: [{ id: "platform", model: "flat", pricePoints: [{ currency: "USD", amount: "100.00" }] }],
    });
    const result = price(catalog, q({ billingPeriod: "upfront", billingAnchorDay: 1 }), AS_OF);
    expect(result.lines[0]).toMatchObject({ amount: "1200.00", periods: 1 });
    expect(result.totals).toEqual({
      firstInvoice: "1200.00",
      perPeriod: "1200.00",
      mrr: "100.00",
      arr: "1200.00",
      tcv: "1200.00",
    });
    expect(result.lines.some((l) => l.kind === "proration")).toBe(false);
  });

  it("keeps in-arrear recurring charges off the first invoice and out of the proration", () => {
    const catalog = fixtureCatalog({
      charges: [flat("platform", "31.00"), flat("overage", "62.00", { timing: "in_arrear" })],
    });
    const result = price(catalog, q({ startDate: "2026-01-15", billingAnchorDay: 1 }), AS_OF);
    expect(result.lines[1]).toMatchObject({ id: "overage", firstInvoice: "0.00", perPeriod: true });
    expect(result.totals).toMatchObject({ firstInvoice: "17.00", perPeriod: "93.00" });
  });

  it("states the partial period billed when a trial ends off the anchor day", () => {
    const catalog = fixtureCatalog({
      phases: [{ type: "trial", days: 14 }],
      charges: [flat("platform", "31.00")],
    });
    const result = price(catalog, q({ startDate: "2026-01-01", billingAnchorDay: 1 }), AS_OF);
    expect(result.totals.firstInvoice).toBe("0.00");
    expect(result.lines.some((l) => l.kind === "proration")).toBe(false);
    expect(result.notes).toContain(
      "The invoice on 2026-01-15 prorates 17 of 31 days up to the billing anchor on 2026-02-01: 17.00.",
    );
  });

  it("a percent off all charges is two lines: per period off recurring, once off one-time", () => {
    const catalog = fixtureCatalog({
      terms: [{ months: 12, default: true }],
      charges: [
        flat("platform", "100.00"),
        { id: "setup", model: "one_time", pricePoints: [{ currency: "USD", amount: "50.00" }] },
      ],
    });
    const result = price(
      catalog,
      q({ discounts: [{ id: "all10", percent: "10", appliesTo: "all" }] }),
      AS_OF,
    );
    expect(result.lines.filter((l) => l.kind === "discount").map((l) => [l.id, l.amount, l.periods])).toEqual(
      [
        ["all10", "-10.00", 12],
        ["all10:one-time", "-5.00", 1],
      ],
    );
    expect(result.totals).toMatchObject({ firstInvoice: "135.00", tcv: "1125.00" });
  });

  it("refuses an amount off all charges, a discount for a charge not on the quote, and discounts above the price", () => {
    const catalog = fixtureCatalog({ charges: [flat("platform", "100.00")] });
    const codes = (discounts: Quote["discounts"]) =>
      price(catalog, q({ discounts: discounts ?? [] }), AS_OF).violations.map((v) => [v.code, v.pointer]);
    expect(codes([{ id: "x", amount: "5", appliesTo: "all" }])).toEqual([
      ["price.discount-ambiguous", "/discounts/0/appliesTo"],
    ]);
    expect(codes([{ id: "x", percent: "5", charge: "nope" }])).toEqual([
      ["price.discount-unknown-charge", "/discounts/0/charge"],
    ]);
    expect(
      codes([
        { id: "a", percent: "60" },
        { id: "b", percent: "60" },
      ]),
    ).toEqual([["price.discounts-exceed-price", "/discounts"]]);
  });

  it("applies the commitment discount to estimated usage only when the charge opts in", () => {
    const usage = (commitmentDiscounts?: boolean): Charge => ({
      id: "calls-fee",
      model: "usage",
      component: "calls",
      ...(commitmentDiscounts === undefined ? {} : { commitmentDiscounts }),
      pricePoints: [{ currency: "USD", billingPeriod: "month", unitAmount: "0.01" }],
    });
    const terms: Package["terms"] = [{ months: 12, discountPercent: "10", default: true }];
    const off = price(
      fixtureCatalog({ terms, charges: [usage()] }),
      q({ expectedUsage: { calls: 1000 } }),
      AS_OF,
    );
    expect(off.lines.some((l) => l.id === "commitment")).toBe(false);
    const on = price(
      fixtureCatalog({ terms, charges: [usage(true)] }),
      q({ expectedUsage: { calls: 1000 } }),
      AS_OF,
    );
    expect(on.lines.find((l) => l.id === "commitment")?.amount).toBe("-1.00");
  });

  it("prices volume tiers with their flat amount, and stairstep steps, on component quantities", () => {
    const catalog = fixtureCatalog({
      charges: [
        seatCharge("volume", {
          tiers: [
            { from: 0, upTo: 10, unitAmount: "10.00", flatAmount: "5.00" },
            { from: 10, unitAmount: "8.00", flatAmount: "20.00" },
          ],
        }),
      ],
    });
    expect(price(catalog, q({ quantities: { seats: 12 } }), AS_OF).lines[0]).toMatchObject({
      amount: "116.00",
      explanation: "12 seats fall in tier 2 (over 10): 12 × 8.00 = 96.00 + flat 20.00 = 116.00",
    });
    const steps = fixtureCatalog({
      charges: [
        seatCharge("stairstep", {
          steps: [
            { upTo: 5, amount: "50.00" },
            { upTo: null, amount: "90.00" },
          ],
        }),
      ],
    });
    expect(price(steps, q({ quantities: { seats: 6 } }), AS_OF).lines[0]!.amount).toBe("90.00");
  });
});

describe("price: annualised totals", () => {
  it("derives ARR from the period price, not from the rounded MRR", () => {
    // 1,000.00 a year: MRR 83.33 (rounded), yet ARR is the yearly price itself, not 83.33 × 12 = 999.96.
    const catalog = fixtureCatalog({
      charges: [
        {
          id: "platform",
          model: "flat",
          pricePoints: [{ currency: "USD", billingPeriod: "year", amount: "1000.00" }],
        },
      ],
      terms: [{ months: 12, default: true }],
      billingPeriods: ["year"],
    });
    const result = price(catalog, q({ billingPeriod: "year", termMonths: 12 }), AS_OF);
    expect(result.violations).toEqual([]);
    expect(result.totals).toMatchObject({
      perPeriod: "1000.00",
      mrr: "83.33",
      arr: "1000.00",
      tcv: "1000.00",
    });
  });

  it("annualises a quarterly price exactly", () => {
    const catalog = fixtureCatalog({
      charges: [
        {
          id: "platform",
          model: "flat",
          pricePoints: [{ currency: "USD", billingPeriod: "quarter", amount: "100.01" }],
        },
      ],
      terms: [{ months: 12, default: true }],
      billingPeriods: ["quarter"],
    });
    const result = price(catalog, q({ billingPeriod: "quarter", termMonths: 12 }), AS_OF);
    expect(result.totals).toMatchObject({ perPeriod: "100.01", mrr: "33.34", arr: "400.04", tcv: "400.04" });
  });
});
