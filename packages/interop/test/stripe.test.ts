/**
 * Stripe Products and Prices from the B2B SaaS sample. Expected payloads are derived by hand from
 * the sample's price points and Stripe's pricing-model docs
 * (https://docs.stripe.com/products-prices/pricing-models: graduated tiers, metered usage,
 * `unit_amount` in the currency's minor unit, `unit_amount_decimal` for fractions of it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { exportStripe } from "../src/index.ts";

const sample = (name: string): Catalog =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../schemas/examples", `${name}.catalog.json`), "utf8"),
  );

describe("exportStripe", () => {
  const { products, prices, losses } = exportStripe(sample("saas"));
  const byKey = (key: string) => prices.find((p) => p.lookup_key === key);

  it("makes one product per package with the ladder in metadata", () => {
    expect(products.map((p) => p.id)).toEqual(sample("saas").packages.map((p) => p.id));
    expect(products[1]).toMatchObject({
      id: "collab-team",
      name: "Team",
      active: true,
      metadata: { tessera_role: "base", tessera_tier: "2" },
    });
  });

  it("graduated seat tiers in cents, recurring monthly and licensed", () => {
    // saas: team seats 12.00 up to 10, 10.00 up to 50, then 8.00 (USD, month).
    expect(byKey("collab-team.team-seat-fee.usd.month")).toMatchObject({
      product: "collab-team",
      currency: "usd",
      billing_scheme: "tiered",
      tiers_mode: "graduated",
      tiers: [
        { up_to: 10, unit_amount: 1200 },
        { up_to: 50, unit_amount: 1000 },
        { up_to: "inf", unit_amount: 800 },
      ],
      recurring: { interval: "month", interval_count: 1, usage_type: "licensed" },
    });
  });

  it("metered usage: the included 100,000 calls as a free first tier and sub-cent rates as decimals", () => {
    // 0.0004 USD = 0.04 cents per call, for calls 100,001 to 1,100,000 (bands shifted by the allowance).
    expect(byKey("collab-team.team-api-calls.usd.month")).toMatchObject({
      billing_scheme: "tiered",
      tiers_mode: "graduated",
      tiers: [
        { up_to: 100000, unit_amount: 0 },
        { up_to: 1100000, unit_amount_decimal: "0.04" },
        { up_to: 10100000, unit_amount_decimal: "0.03" },
        { up_to: "inf", unit_amount_decimal: "0.02" },
      ],
      recurring: { interval: "month", usage_type: "metered" },
    });
  });

  it("uses the currency's minor unit (JPY has none) and keeps price books apart by key", () => {
    const yen = prices.find((p) => p.currency === "jpy" && p.unit_amount !== undefined)!;
    const point = sample("saas")
      .packages.flatMap((p) => p.charges)
      .find((c) => c.id === yen.metadata.tessera_charge)!
      .pricePoints.find((pp) => pp.currency === "JPY" && pp.unitAmount !== undefined)!;
    expect(yen.unit_amount).toBe(Number(point.unitAmount));
    expect(
      prices
        .filter((p) => p.metadata.tessera_price_book === "partner")
        .every((p) => p.lookup_key.endsWith(".partner")),
    ).toBe(true);
    expect(new Set(prices.map((p) => p.lookup_key)).size).toBe(prices.length);
  });

  it("lists what Stripe cannot hold, pointing into the catalog", () => {
    const codes = new Set(losses.map((l) => l.code));
    for (const code of ["stripe.paths", "stripe.dropped", "stripe.intro", "stripe.option"])
      expect(codes).toContain(code);
    for (const l of losses) expect(l.pointer).toMatch(/^\/(packages|pathRules)/);
    // No sample bills up front any more; a package that does is listed with its billing periods.
    const doc = sample("saas");
    doc.packages[0]!.billingPeriods = [...doc.packages[0]!.billingPeriods, "upfront"];
    expect(exportStripe(doc).losses).toContainEqual(
      expect.objectContaining({ code: "stripe.upfront", pointer: "/packages/0/billingPeriods" }),
    );
  });

  it.each(["hybrid", "connectivity"])("%s exports with unique lookup keys", (name) => {
    const out = exportStripe(sample(name));
    expect(out.prices.length).toBeGreaterThan(0);
    expect(new Set(out.prices.map((p) => p.lookup_key)).size).toBe(out.prices.length);
    for (const p of out.prices)
      expect(p.unit_amount === undefined || Number.isInteger(p.unit_amount)).toBe(true);
  });
});

describe("exportStripe: week-based billing", () => {
  it("the hybrid weekly bean box: interval week, count 1 and 2 (Stripe recurring.interval=week, interval_count)", () => {
    // 9.50 a bag weekly is 950 cents per unit; 19.00 every two weeks is 1900 cents.
    const { prices } = exportStripe(sample("hybrid"));
    const weekly = prices.find((p) => p.lookup_key === "brew-beans-weekly.weekly-beans-fee.usd.week");
    const biweekly = prices.find((p) => p.lookup_key === "brew-beans-weekly.weekly-beans-fee.usd.two_weeks");
    expect(weekly?.recurring).toMatchObject({ interval: "week", interval_count: 1 });
    expect(weekly?.unit_amount).toBe(950);
    expect(biweekly?.recurring).toMatchObject({ interval: "week", interval_count: 2 });
    expect(biweekly?.unit_amount).toBe(1900);
  });
});
