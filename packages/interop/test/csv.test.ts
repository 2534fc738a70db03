/** Price points through a spreadsheet and back: the PM's round trip, the diff, and located errors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { applyPriceSheet, exportPriceSheet } from "../src/index.ts";

const sample = (name: string): Catalog =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../schemas/examples", `${name}.catalog.json`), "utf8"),
  );

describe("price sheet CSV", () => {
  it.each(["saas", "hybrid", "connectivity"])("%s: export then import changes nothing", (name) => {
    const catalog = sample(name);
    const r = applyPriceSheet(catalog, exportPriceSheet(catalog));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.diff.changes).toEqual([]);
    expect(r.catalog).toEqual(catalog);
    expect(r.valid).toBe(true);
  });

  it("writes one row per price point, tiers as upTo=amount bands", () => {
    const lines = exportPriceSheet(sample("saas")).split("\n");
    expect(lines[0]).toBe(
      "package,charge,model,currency,billing_period,price_book,amount,unit_amount,included_units,tiers,steps,percent,fixed_amount,min_amount,max_amount",
    );
    // saas: team seats 12.00 up to 10, 10.00 up to 50, then 8.00 (USD, month).
    expect(lines).toContain(
      "collab-team,team-seat-fee,tiered,USD,month,,,,,10=12.00; 50=10.00; inf=8.00,,,,,",
    );
  });

  it("writes a percentage charge's rate, fee per transaction and per-transaction bounds", () => {
    // hybrid: Office Brew's pay-per-cup card processing, 2.5% + 0.10 USD per payment, at least
    // 0.15 and at most 1.50 per payment.
    const lines = exportPriceSheet(sample("hybrid")).split("\n");
    expect(lines).toContain("brew-office,office-cup-card-fees,percentage,USD,,,,,,,,2.5,0.10,0.15,1.50");
    const sheet = exportPriceSheet(sample("hybrid")).replace(
      "brew-office,office-cup-card-fees,percentage,USD,,,,,,,,2.5,0.10,0.15,1.50",
      "brew-office,office-cup-card-fees,percentage,USD,,,,,,,,2.9,0.10,0.15,1.50",
    );
    const r = applyPriceSheet(sample("hybrid"), sheet);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.diff.changes.map((c) => c.code)).toEqual(["price.changed"]);
    const fee = r.catalog.packages
      .find((p) => p.id === "brew-office")!
      .charges.find((c) => c.id === "office-cup-card-fees")!;
    expect(fee.pricePoints[0]).toEqual({
      currency: "USD",
      percent: "2.9",
      fixedAmount: "0.10",
      minAmount: "0.15",
      maxAmount: "1.50",
    });
    const wrong = applyPriceSheet(sample("hybrid"), sheet.replace(",2.9,0.10,", ",2.9%,0.10,"));
    expect(wrong.ok).toBe(false);
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(["csv.percent"]);
  });

  it("shows an edited price as a diff before it is applied", () => {
    const catalog = sample("saas");
    const sheet = exportPriceSheet(catalog).replace(
      "collab-team,team-seat-fee,tiered,USD,month,,,,,10=12.00; 50=10.00; inf=8.00,,,,,",
      "collab-team,team-seat-fee,tiered,USD,month,,,,,10=13.00; 50=10.00; inf=8.00,,,,,",
    );
    const r = applyPriceSheet(catalog, sheet);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.diff.breaking).toBe(false);
    expect(r.diff.changes.map((c) => [c.code, c.message])).toEqual([
      ["price.changed", "Charge team-seat-fee of collab-team changed its price in USD per month."],
    ]);
    expect(catalog.packages[1]!.charges[0]!.pricePoints[0]!.tiers![0]!.unitAmount).toBe("12.00");
    expect(r.catalog.packages[1]!.charges[0]!.pricePoints[0]!.tiers![0]!.unitAmount).toBe("13.00");
  });

  it("treats a deleted row as a removed price point, which breaks consumers", () => {
    const catalog = sample("saas");
    const sheet = exportPriceSheet(catalog)
      .split("\n")
      .filter((l) => !l.startsWith("collab-team,team-seat-fee,tiered,JPY,month"))
      .join("\n");
    const r = applyPriceSheet(catalog, sheet);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.diff.changes.map((c) => c.code)).toEqual(["price.removed"]);
    expect(r.diff.breaking).toBe(true);
    expect(r.valid).toBe(false);
  });

  it("points at the row and column of every bad cell", () => {
    const sheet = [
      // A sheet written before the percentage columns existed still reads.
      "package,charge,model,currency,billing_period,price_book,amount,unit_amount,included_units,tiers,steps",
      "collab-team,team-storage-fee,per_unit,USD,month,,,2.00,,,",
      "collab-nope,team-storage-fee,per_unit,USD,month,,,2.00,,,",
      "collab-team,team-storage-fee,per_unit,CHF,weekly,vip,,$2,,,",
      "collab-team,team-seat-fee,volume,USD,month,,,,,10=12.00; lots=1,",
    ].join("\n");
    const r = applyPriceSheet(sample("saas"), sheet);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.location?.at])).toEqual([
      ["csv.unknown-package", "A3"],
      ["csv.currency", "D4"],
      ["csv.billing-period", "E4"],
      ["csv.price-book", "F4"],
      ["csv.amount", "H4"],
      ["csv.model-changed", "C5"],
      ["csv.bands", "J5"],
    ]);
    expect(r.diagnostics[4]!.message).toBe(
      '"$2" is not an amount; write a plain decimal like 12.50 (no currency sign or thousands separator).',
    );
  });

  it("reports malformed CSV and a missing header with a location", () => {
    const quote = applyPriceSheet(sample("saas"), 'package,charge,currency\n"collab-team,x,USD\n');
    expect(quote.ok).toBe(false);
    expect(quote.diagnostics[0]).toMatchObject({ code: "csv.syntax", location: { column: 1 } });
    const header = applyPriceSheet(sample("saas"), "collab-team,team-seat-fee,USD\n");
    expect(header.diagnostics.map((d) => [d.code, d.location?.at])).toEqual([["csv.header", "A1"]]);
  });
});
