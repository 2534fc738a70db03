/**
 * The public view of a catalog (src/public/view.ts) on the three samples: it keeps every diagnostic
 * of the original (nothing it drops was needed to validate), prices the samples' list-price quotes
 * to the same totals, and leaves out the quote policy, the other price books, the path rules and
 * the retention offers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, price, validate } from "@tessera/engine";
import type { Catalog, Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { publicView } from "../src/public/view.ts";

const examples = join(import.meta.dirname, "../../../schemas/examples");
const read = <T>(file: string): T => {
  const doc = JSON.parse(readFileSync(join(examples, file), "utf8"));
  delete doc.$schema;
  return doc as T;
};
const codes = (doc: Catalog) =>
  validate(doc)
    .diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`)
    .sort();

describe.each(["saas", "hybrid", "connectivity"])("the public view of the %s sample", (name) => {
  const doc = read<Catalog>(`${name}.catalog.json`);
  const view = publicView(doc);

  it("validates exactly as the catalog does", () => {
    expect(codes(view)).toEqual(codes(doc));
  });

  it("prices the sample quote at list prices to the same totals", () => {
    const quote = read<Quote>(`${name}.quote.json`);
    const listQuote: Quote = { ...quote };
    delete listQuote.priceBook;
    const asOf = "2026-12-07";
    expect(price(compile(view), listQuote, asOf).totals).toEqual(price(compile(doc), listQuote, asOf).totals);
  });

  it("leaves out what sales keeps to itself", () => {
    const text = JSON.stringify(view);
    expect(view.quotePolicy).toBeUndefined();
    expect(view.pathRules).toBeUndefined();
    expect(view.priceBooks?.length ?? 0).toBeLessThanOrEqual(1);
    expect(text).not.toContain("retentionOffers");
    expect(doc.packages.length).toBe(view.packages.length);
  });
});
