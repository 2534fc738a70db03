/**
 * Worked examples from public billing documentation, with their published totals. Each case cites
 * the page it comes from.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../decimal.ts";
import { quantityInWords, unitWords } from "./explain.ts";
import { priceOneTime } from "./models/one-time.ts";
import { pricePerUnit } from "./models/per-unit.ts";
import { priceStairstep } from "./models/stairstep.ts";
import { priceGraduated } from "./models/tiered.ts";
import { priceUsage } from "./models/usage.ts";
import { priceVolume } from "./models/volume.ts";
import type { ParsedPoint, ParsedTier } from "./point.ts";

const d = Decimal.parse;
const tier = (from: number, upTo: number | null, unit: string, flat?: string): ParsedTier => ({
  from,
  upTo,
  unitAmount: d(unit),
  flatAmount: flat === undefined ? undefined : d(flat),
});
const point = (p: Partial<ParsedPoint>): ParsedPoint => ({
  index: 0,
  currency: "USD",
  billingPeriod: "month",
  book: "list",
  amount: undefined,
  unitAmount: undefined,
  percent: undefined,
  fixedAmount: undefined,
  minAmount: undefined,
  maxAmount: undefined,
  tiers: undefined,
  steps: undefined,
  includedUnits: 0,
  malformed: false,
  ...p,
});

// Stripe "Set up tiered pricing": fonts 1-5 at 7 USD, 6-10 at 6.50 USD, 11+ at 6 USD.
// https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing
const typographic = [tier(0, 5, "7"), tier(5, 10, "6.50"), tier(10, null, "6")];

describe("volume (Stripe volume-based pricing table)", () => {
  // https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing#volume-based-pricing
  it.each([
    [1, "7.00"],
    [5, "35.00"],
    [6, "39.00"],
    [20, "120.00"],
    [25, "150.00"],
  ])("%i fonts cost %s USD", (quantity, total) => {
    expect(priceVolume(typographic, quantity, "USD").amount.toFixed(2)).toBe(total);
  });

  it("explains the band", () => {
    expect(priceVolume(typographic, 6, "USD").explanation).toBe(
      "6 units fall in tier 2 (6–10): 6 × 6.50 = 39.00",
    );
  });

  it("counts in the service's unit when it has one", () => {
    expect(priceVolume(typographic, 6, "USD", unitWords("font")).explanation).toBe(
      "6 fonts fall in tier 2 (6–10): 6 × 6.50 = 39.00",
    );
    expect(priceVolume(typographic, 1, "USD", unitWords("font")).explanation).toBe(
      "1 font falls in tier 1 (1–5): 1 × 7.00 = 7.00",
    );
  });
});

describe("unit words", () => {
  it.each([
    ["seat", "seats"],
    ["API call", "API calls"],
    ["box", "boxes"],
    ["delivery", "deliveries"],
    ["GB", "GB"],
    ["kWh", "kWh"],
    ["bags", "bags"],
  ])("%s → %s", (unit, many) => {
    expect(unitWords(unit)).toEqual({ one: unit, many });
  });

  it("says units when the charge has no service to count", () => {
    expect(unitWords(undefined)).toEqual({ one: "unit", many: "units" });
    expect(unitWords("  ")).toEqual({ one: "unit", many: "units" });
  });
});

describe("graduated (Stripe graduated pricing table)", () => {
  // https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing#graduated-pricing
  it.each([
    [1, "7.00"],
    [5, "35.00"],
    [6, "41.50"],
    [20, "127.50"],
    [25, "157.50"],
  ])("%i fonts cost %s USD", (quantity, total) => {
    expect(priceGraduated(typographic, quantity, "USD").amount.toFixed(2)).toBe(total);
  });

  it("explains each band", () => {
    expect(priceGraduated(typographic, 20, "USD").explanation).toBe(
      "tier 1: 5 × 7.00 = 35.00; tier 2: 5 × 6.50 = 32.50; tier 3: 10 × 6.00 = 60.00",
    );
  });

  it("adds a band's flat amount once when the quantity reaches it", () => {
    const tiers = [tier(0, 5, "0", "20"), tier(5, null, "4", "10")];
    expect(priceGraduated(tiers, 3, "USD").amount.toFixed(2)).toBe("20.00");
    expect(priceGraduated(tiers, 8, "USD").amount.toFixed(2)).toBe("42.00");
  });
});

describe("graduated vs volume on 15,000 API calls (Zuplo pricing models)", () => {
  // https://zuplo.com/docs/articles/monetization/pricing-models
  const tiers = [tier(0, 1000, "0.10"), tier(1000, 10000, "0.05"), tier(10000, null, "0.01")];
  it("graduated: 1,000 × 0.10 + 9,000 × 0.05 + 5,000 × 0.01 = 600", () => {
    expect(priceGraduated(tiers, 15000, "USD").amount.toFixed(2)).toBe("600.00");
  });
  it("volume: 15,000 × 0.01 = 150", () => {
    expect(priceVolume(tiers, 15000, "USD").amount.toFixed(2)).toBe("150.00");
  });
});

describe("graduated API requests (Autumn graduated pricing)", () => {
  // https://docs.useautumn.com/documentation/modelling-pricing/graduated-pricing
  it("15,000 requests: 1,000 × 0.01 + 9,000 × 0.008 + 5,000 × 0.005 = 107", () => {
    const tiers = [tier(0, 1000, "0.01"), tier(1000, 10000, "0.008"), tier(10000, null, "0.005")];
    expect(priceGraduated(tiers, 15000, "USD").amount.toFixed(2)).toBe("107.00");
  });
});

describe("Chargebee pricing models", () => {
  // https://www.chargebee.com/saas-pricing-models/
  it("tiered: 15 licenses pay 20 for the first 9 and 15 for the rest = 270", () => {
    const tiers = [tier(0, 9, "20"), tier(9, null, "15")];
    expect(priceGraduated(tiers, 15, "USD").amount.toFixed(2)).toBe("270.00");
  });
  it("stairstep: 100 for 500 GB, 200 for 2 TB, 400 for 4 TB", () => {
    const steps = [
      { upTo: 500, amount: d("100") },
      { upTo: 2000, amount: d("200") },
      { upTo: 4000, amount: d("400") },
    ];
    expect(priceStairstep(steps, 500, "USD").amount.toFixed(2)).toBe("100.00");
    expect(priceStairstep(steps, 501, "USD").amount.toFixed(2)).toBe("200.00");
    expect(priceStairstep(steps, 1500, "USD").amount.toFixed(2)).toBe("200.00");
    expect(priceStairstep(steps, 4000, "USD").amount.toFixed(2)).toBe("400.00");
    expect(priceStairstep(steps, 4001, "USD").problem).toMatch(/No step/);
    expect(priceStairstep(steps, 0, "USD").amount.isZero()).toBe(true);
  });
});

describe("package pricing with free units (Lago package charge model)", () => {
  // https://getlago.com/docs/guide/plans/charges/charge-models/package
  it("5 per 100 units with the first 100 free: 201 units cost 10", () => {
    const p = point({ unitAmount: d("5"), includedUnits: 100 });
    const priced = priceUsage(p, { expected: 201, blockSize: 100, scale: 1, currency: "USD" });
    expect(priced.amount.toFixed(2)).toBe("10.00");
    expect(priced.estimated).toBe(true);
    expect(priced.explanation).toBe(
      "estimated: 201 expected − 100 included = 101 → 2 blocks of 100; 2 × 5.00 = 10.00",
    );
  });
});

describe("usage without expected usage", () => {
  it("is a rate line of amount 0 that states the rates", () => {
    const p = point({ includedUnits: 1000, tiers: [tier(0, 1000, "0.0004"), tier(1000, null, "0.0003")] });
    const priced = priceUsage(p, { expected: undefined, blockSize: 1, scale: 1, currency: "USD" });
    expect(priced.amount.isZero()).toBe(true);
    expect(priced.estimated).toBe(false);
    expect(priced.explanation).toBe(
      "rates: 1,000 units included, then 1–1,000: 0.0004, over 1,000: 0.0003; billed in arrear on actual usage",
    );
  });

  it("scales a monthly rate card's allowance and bands to a quarter", () => {
    const p = point({ includedUnits: 100, tiers: [tier(0, 100, "1"), tier(100, null, "0.5")] });
    // quarter: 300 included, band 1 is 300 units wide: 900 − 300 = 600 → 300 × 1 + 300 × 0.5
    const priced = priceUsage(p, { expected: 900, blockSize: 1, scale: 3, currency: "USD" });
    expect(priced.amount.toFixed(2)).toBe("450.00");
  });
});

describe("per unit and one-time", () => {
  it("multiplies unit price by quantity, keeping sub-cent unit prices exact", () => {
    expect(pricePerUnit(point({ unitAmount: d("0.0004") }), 12345, "USD").amount.toString()).toBe("4.938");
  });
  it("one-time: fixed amount plus unit amount per unit", () => {
    const priced = priceOneTime(point({ amount: d("100"), unitAmount: d("49.99") }), 3, "USD");
    expect(priced.amount.toFixed(2)).toBe("249.97");
    expect(priced.explanation).toBe("once 100.00 + 3 × 49.99 = 149.97");
  });
});

describe("a quantity of a service in words", () => {
  it.each([
    [50, { unit: "seat", name: "User seat" }, "50 seats"],
    [1, { unit: "seat", name: "User seat" }, "1 seat"],
    [1000, { unit: "GB", name: "File storage" }, "1,000 GB file storage"],
    [2500, { unit: "API call", name: "API calls" }, "2,500 API calls"],
    [3, { name: "Workspace" }, "3 × Workspace"],
    [12, { unit: "kWh", name: "Charging" }, "12 kWh charging"],
  ])("%i of %o → %s", (quantity, service, words) => {
    expect(quantityInWords(quantity, service)).toBe(words);
  });
});
