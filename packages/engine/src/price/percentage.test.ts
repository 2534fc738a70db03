/**
 * Charge models on money and blocks (issue 13, Missing: charge models), from public worked examples;
 * every expected number is worked out by hand in the comment next to it.
 * - Lago's percentage charge model and its Stripe template: a rate on the transaction volume plus a
 *   fixed fee per transaction ("2.9% + $0.30" for online card payments), per-transaction minimum
 *   and maximum (getlago.com/docs/guide/plans/charges/charge-models/percentage,
 *   getlago.com/docs/templates/per-transaction/stripe). Lago v2's example: 1,000 USD at 2% = 20 USD.
 * - A percentage of other charges (premium support priced as a share of the licence fees).
 * - Stripe's transform_quantity: usage divided into packages and rounded up or down (its car-rental
 *   example bills started hours of minutes reported; docs.stripe.com/billing/subscriptions/
 *   usage-based/transform-quantities).
 */
import type { Catalog, Charge, Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../compile.ts";
import { validate } from "../validate/index.ts";
import { price } from "./index.ts";

function catalogWith(charges: Charge[]): Catalog {
  return {
    id: "money",
    name: "Money",
    currencies: ["USD"],
    services: [
      { id: "svc-volume", name: "Payment volume", unit: "USD", kind: "usage", status: "active" },
      { id: "svc-payments", name: "Payments", unit: "payment", kind: "usage", status: "active" },
      { id: "svc-minutes", name: "Rental minutes", unit: "minute", kind: "usage", status: "active" },
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
          { id: "minutes", service: "svc-minutes", name: "Rental minutes" },
        ],
        terms: [{ months: 1, default: true }],
        billingPeriods: ["month"],
        charges,
      },
    ],
  };
}

const quote = (expectedUsage?: Quote["expectedUsage"]): Quote => ({
  package: "payments",
  termMonths: 1,
  billingPeriod: "month",
  currency: "USD",
  ...(expectedUsage ? { expectedUsage } : {}),
});

const card = (point: Partial<Charge["pricePoints"][number]>): Charge => ({
  id: "card-fees",
  name: "Card payments",
  model: "percentage",
  component: "volume",
  eventsComponent: "payments-count",
  pricePoints: [{ currency: "USD", percent: "2.9", fixedAmount: "0.30", ...point }],
});

function lineOf(doc: Catalog, q: Quote, id: string) {
  const result = price(compile(doc), q, "2026-06-01");
  expect(result.violations).toEqual([]);
  const line = result.lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id}`);
  return { line, result };
}

describe("percentage of a transaction volume (Lago percentage model, Stripe template)", () => {
  it("Lago v2: 1,000 USD of payments at 2 % = 20.00", () => {
    const doc = catalogWith([
      {
        id: "fees",
        model: "percentage",
        component: "volume",
        pricePoints: [{ currency: "USD", percent: "2" }],
      },
    ]);
    const { line } = lineOf(doc, quote({ volume: 1000 }), "fees");
    expect(line).toMatchObject({ kind: "usage", amount: "20.00", firstInvoice: "0.00" });
  });

  it("Stripe card pricing 2.9 % + 0.30: 100 payments worth 5,000 USD → 145.00 + 30.00 = 175.00", () => {
    const { line } = lineOf(
      catalogWith([card({})]),
      quote({ volume: 5000, "payments-count": 100 }),
      "card-fees",
    );
    expect(line.amount).toBe("175.00");
    expect(line.explanation).toContain("5,000 × 2.9% = 145.00 + 100 × 0.30 = 175.00");
  });

  it("a per-transaction minimum: 40 payments worth 400 USD, at least 0.75 each → 30.00", () => {
    // 400 × 2.9 % + 40 × 0.30 = 11.60 + 12.00 = 23.60 would be 0.59 each; with min 0.75 each,
    // 40 × 0.75 = 30.00 is charged instead.
    const { line } = lineOf(
      catalogWith([card({ minAmount: "0.75" })]),
      quote({ volume: 400, "payments-count": 40 }),
      "card-fees",
    );
    expect(line.amount).toBe("30.00");
  });

  it("a per-transaction maximum: 10 payments worth 100,000 USD, at most 25.00 each → 250.00", () => {
    // 100,000 × 2.9 % + 10 × 0.30 = 2,900.00 + 3.00 = 2,903.00 > 10 × 25.00 = 250.00.
    const { line } = lineOf(
      catalogWith([card({ maxAmount: "25.00" })]),
      quote({ volume: 100000, "payments-count": 10 }),
      "card-fees",
    );
    expect(line.amount).toBe("250.00");
  });

  it("without an expected volume the line states the rates and bills nothing yet", () => {
    const { line } = lineOf(
      catalogWith([card({ minAmount: "0.50", maxAmount: "25.00" })]),
      quote(),
      "card-fees",
    );
    expect(line.amount).toBe("0.00");
    expect(line.explanation).toBe(
      "rates: 2.9% + 0.30 per transaction (at least 0.50, at most 25.00 each) of the transaction volume; billed in arrear on actual transactions",
    );
  });
});

describe("percentage of other charges", () => {
  it("premium support at 20 % of the licence fees: 20 % × (100.00 + 49.50) = 29.90", () => {
    const doc = catalogWith([
      { id: "licence", name: "Licence", model: "flat", pricePoints: [{ currency: "USD", amount: "100.00" }] },
      { id: "gateway", name: "Gateway", model: "flat", pricePoints: [{ currency: "USD", amount: "49.50" }] },
      {
        id: "support",
        name: "Premium support",
        model: "percentage",
        percentOf: ["licence", "gateway"],
        pricePoints: [{ currency: "USD", percent: "20" }],
      },
    ]);
    const { line, result } = lineOf(doc, quote(), "support");
    expect(line).toMatchObject({ kind: "recurring", amount: "29.90", firstInvoice: "29.90" });
    expect(line.explanation).toBe("20% of Licence + Gateway (149.50) = 29.90");
    expect(result.totals.perPeriod).toBe("179.40");
  });
});

describe("block rounding (Stripe transform_quantity)", () => {
  const hourly = (blockRounding?: "up" | "down"): Charge => ({
    id: "rental",
    model: "usage",
    component: "minutes",
    blockSize: 60,
    ...(blockRounding ? { blockRounding } : {}),
    pricePoints: [{ currency: "USD", tiers: [{ from: 0, upTo: null, unitAmount: "12.00" }] }],
  });

  it("up (the default): 150 minutes are 3 started hours, 3 × 12.00 = 36.00", () => {
    expect(lineOf(catalogWith([hourly()]), quote({ minutes: 150 }), "rental").line.amount).toBe("36.00");
    expect(lineOf(catalogWith([hourly("up")]), quote({ minutes: 150 }), "rental").line.amount).toBe("36.00");
  });

  it("down: only the 2 full hours of 150 minutes, 2 × 12.00 = 24.00", () => {
    const { line } = lineOf(catalogWith([hourly("down")]), quote({ minutes: 150 }), "rental");
    expect(line.amount).toBe("24.00");
    expect(line.explanation).toContain("2 full blocks of 60");
  });

  it("down on a per-unit component charge: 25 seats in packs of 10 bill 2 packs", () => {
    const doc = catalogWith([
      {
        id: "packs",
        model: "per_unit",
        component: "minutes",
        blockSize: 10,
        blockRounding: "down",
        pricePoints: [{ currency: "USD", unitAmount: "5.00" }],
      },
    ]);
    const q = { ...quote(), quantities: { minutes: 25 } };
    expect(lineOf(doc, q, "packs").line.amount).toBe("10.00");
  });
});

describe("validation of the new charge fields", () => {
  const codes = (doc: Catalog) => validate(doc).diagnostics.map((d) => [d.code, d.severity, d.pointer]);

  it("the worked examples' catalogs are clean", () => {
    expect(codes(catalogWith([card({ minAmount: "0.50", maxAmount: "25.00" })]))).toEqual([]);
  });

  it("reports each way a percentage charge can be wrong, where it is", () => {
    expect(codes(catalogWith([{ ...card({}), percentOf: ["x"] }]))).toContainEqual([
      "charge.percentage-target",
      "error",
      "/packages/0/charges/0",
    ]);
    const { component: _c, eventsComponent: _e, ...noTarget } = card({});
    expect(codes(catalogWith([noTarget]))).toContainEqual([
      "charge.percentage-target",
      "error",
      "/packages/0/charges/0",
    ]);
    expect(
      codes(
        catalogWith([
          {
            id: "support",
            model: "percentage",
            percentOf: ["support", "nope"],
            pricePoints: [{ currency: "USD", percent: "20", fixedAmount: "1.00" }],
          },
        ]),
      ),
    ).toEqual([
      ["charge.percent-of-invalid", "error", "/packages/0/charges/0/percentOf/0"],
      ["charge.percent-of-invalid", "error", "/packages/0/charges/0/percentOf/1"],
      ["price.ignored-field", "warning", "/packages/0/charges/0/pricePoints/0/fixedAmount"],
    ]);
    const { eventsComponent: _x, ...noEvents } = card({});
    expect(codes(catalogWith([noEvents]))).toContainEqual([
      "charge.events-component",
      "error",
      "/packages/0/charges/0/pricePoints/0/fixedAmount",
    ]);
    expect(codes(catalogWith([{ ...card({}), eventsComponent: "ghost" }]))).toContainEqual([
      "charge.events-component",
      "error",
      "/packages/0/charges/0/eventsComponent",
    ]);
    expect(codes(catalogWith([card({ minAmount: "5.00", maxAmount: "1.00" })]))).toContainEqual([
      "price.min-above-max",
      "error",
      "/packages/0/charges/0/pricePoints/0/minAmount",
    ]);
    const noRate = card({});
    delete noRate.pricePoints[0]!.percent;
    expect(codes(catalogWith([noRate]))).toContainEqual([
      "price.model-fields",
      "error",
      "/packages/0/charges/0/pricePoints/0",
    ]);
  });

  it("warns about block rounding without blocks", () => {
    expect(
      codes(
        catalogWith([
          {
            id: "flat",
            model: "flat",
            blockRounding: "down",
            pricePoints: [{ currency: "USD", amount: "1.00" }],
          },
        ]),
      ),
    ).toEqual([["charge.block-rounding-ignored", "warning", "/packages/0/charges/0/blockRounding"]]);
  });
});
