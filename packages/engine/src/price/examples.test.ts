/**
 * Every sample quote in schemas/examples prices without violations against its catalog, with
 * totals that are the sums of its rounded lines and an explanation on every line.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Catalog, Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../compile.ts";
import { minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { price } from "./index.ts";

const dir = new URL("../../../../schemas/examples/", import.meta.url);
const quotes = readdirSync(dir).filter((f) => f.endsWith(".quote.json"));
const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, dir), "utf8")) as T;

describe("sample quotes", () => {
  it("exist", () => {
    expect(quotes.length).toBeGreaterThan(0);
  });

  it.each(quotes)("%s prices cleanly", (file) => {
    const catalog = compile(read<Catalog>(file.replace(".quote.json", ".catalog.json")));
    const quote = read<Quote>(file);
    const result = price(catalog, quote, quote.startDate ?? "2026-06-01");
    expect(result.violations).toEqual([]);
    expect(result.lines.length).toBeGreaterThan(0);
    const digits = minorUnit(result.currency);
    const exact = new RegExp(digits === 0 ? "^-?\\d+$" : `^-?\\d+\\.\\d{${digits}}$`);
    let first = Decimal.ZERO;
    let perPeriod = Decimal.ZERO;
    let tcv = Decimal.ZERO;
    for (const line of result.lines) {
      expect(line.amount).toMatch(exact);
      expect(line.explanation.length).toBeGreaterThan(0);
      first = first.add(Decimal.parse(line.firstInvoice));
      if (line.perPeriod) perPeriod = perPeriod.add(Decimal.parse(line.amount));
      tcv = tcv.add(Decimal.parse(line.amount).mul(line.periods));
    }
    expect(result.totals.firstInvoice).toBe(first.toFixed(digits));
    expect(result.totals.perPeriod).toBe(perPeriod.toFixed(digits));
    expect(result.totals.tcv).toBe(tcv.toFixed(digits));
    // Every picked option with a charge and every add-on bought shows up as a line.
    for (const addOn of quote.addOns ?? [])
      expect(result.lines.some((l) => l.packageId === addOn.package)).toBe(true);
  });
});

/**
 * The samples' charges on money and blocks, priced from hand-worked numbers (sources as in
 * percentage.test.ts: Lago's percentage model with per-transaction min/max and Stripe's
 * "2.9% + 30¢"-style card pricing; Stripe's transform_quantity rounding up).
 */
describe("sample charges on money and blocks", () => {
  const line = (sample: string, quote: Quote, id: string) => {
    const result = price(compile(read<Catalog>(`${sample}.catalog.json`)), quote, "2026-06-01");
    expect(result.violations).toEqual([]);
    const found = result.lines.find((l) => l.id === id);
    if (!found) throw new Error(`no line ${id}`);
    return found;
  };
  const office = (volume: number, payments: number): Quote => ({
    package: "brew-office",
    termMonths: 12,
    billingPeriod: "month",
    currency: "USD",
    quantities: { "office-beans": 20 },
    expectedUsage: { "office-cup-volume": volume, "office-cup-payments": payments },
  });

  it("hybrid pay-per-cup card processing, 2.5% + 0.10, within 0.15..1.50 a payment", () => {
    // 400 payments worth 1,200.00: 1,200 × 2.5% = 30.00 + 400 × 0.10 = 40.00 → 70.00 (0.175 a
    // payment, inside the bounds).
    expect(line("hybrid", office(1200, 400), "office-cup-card-fees").amount).toBe("70.00");
    // 200 one-dollar espressos: 5.00 + 20.00 = 25.00 is 0.125 a payment, under the 0.15 minimum:
    // 200 × 0.15 = 30.00.
    expect(line("hybrid", office(200, 200), "office-cup-card-fees").amount).toBe("30.00");
    // 2 catering payments worth 500.00: 12.50 + 0.20 = 12.70, 6.35 a payment, over the 1.50
    // maximum: 2 × 1.50 = 3.00.
    expect(line("hybrid", office(500, 2), "office-cup-card-fees").amount).toBe("3.00");
  });

  it("connectivity roaming in started blocks of 100 MB: 1.50 for each of the first 10, then 0.80", () => {
    const trio = (mb: number): Quote => ({
      package: "nc-trio",
      termMonths: 24,
      billingPeriod: "month",
      currency: "EUR",
      expectedUsage: { "trio-roaming-mb": mb },
    });
    // 250 MB → 3 started blocks × 1.50 = 4.50.
    expect(line("connectivity", trio(250), "trio-roaming").amount).toBe("4.50");
    // 1,530 MB → 16 blocks: 10 × 1.50 = 15.00 + 6 × 0.80 = 4.80 → 19.80.
    expect(line("connectivity", trio(1530), "trio-roaming").amount).toBe("19.80");
  });
});
