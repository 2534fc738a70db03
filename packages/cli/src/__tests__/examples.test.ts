/**
 * The sample documents in schemas/examples are the first thing people run the CLI on: each
 * catalog validates without a single diagnostic, each quote is a complete, valid selection, and
 * each arrangement's price snapshot is what the engine prices it at.
 */
import { readFileSync } from "node:fs";
import { configure, price, validate } from "@tessera/engine";
import { type Arrangement, type Quote, validateArrangement, validateQuote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { examples } from "./harness.ts";

const read = (name: string): unknown => JSON.parse(readFileSync(`${examples}${name}`, "utf8"));

describe.each(["saas", "hybrid", "connectivity"])("the %s example", (name) => {
  const result = validate(read(`${name}.catalog.json`));
  const catalog = result.catalog!;

  it("validates with no diagnostics at all", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has a quote that matches the schema and is a complete, valid selection", () => {
    const quote = read(`${name}.quote.json`);
    expect(validateQuote(quote), JSON.stringify(validateQuote.errors)).toBe(true);
    const q = quote as Quote;
    expect(q.catalogId).toBe(catalog.doc.id);
    const configuration = configure(catalog, q);
    expect(configuration.violations).toEqual([]);
    expect(configuration.complete).toBe(true);
    expect(price(catalog, q, q.startDate ?? "2026-12-01").violations).toEqual([]);
  });

  it("has an arrangement whose price snapshot is the engine's recurring price", () => {
    const doc = read(`${name}.arrangement.json`);
    expect(validateArrangement(doc), JSON.stringify(validateArrangement.errors)).toBe(true);
    const a = doc as Arrangement;
    const quote: Quote = {
      package: a.package,
      ...(a.term.weeks !== undefined ? { termWeeks: a.term.weeks } : { termMonths: a.term.months ?? 1 }),
      billingPeriod: a.billingPeriod,
      currency: a.currency,
      startDate: a.term.start,
      ...(a.picks ? { picks: a.picks } : {}),
      ...(a.quantities ? { quantities: a.quantities } : {}),
      ...(a.addOns
        ? {
            addOns: a.addOns.map((h) => ({
              package: h.package,
              ...(h.quantity ? { quantity: h.quantity } : {}),
            })),
          }
        : {}),
    };
    const priced = price(catalog, quote, a.term.start);
    // An arrangement may hold a package that is no longer sold to new customers (the retired
    // Fibre 100): pricing it as a new quote says so, and still prices it.
    expect(priced.violations.filter((v) => v.code !== "price.not-sellable")).toEqual([]);
    expect(priced.totals.perPeriod).toBe(a.recurring);
  });
});
