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
