/**
 * The price grid's model: rows and cells of flat and banded charges, pasting a spreadsheet block,
 * band bounds edited once for every currency, and fill by exchange rate rounded per currency
 * (ISO 4217 minor units: USD 2, JPY 0, KWD 3; half away from zero).
 */
import type { Charge } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  addBand,
  amountsHint,
  bandsOf,
  cellValue,
  convert,
  fillFrom,
  gridRows,
  parseBlock,
  pasteBlock,
  removeBand,
  setBandUpTo,
  setCellValue,
} from "./priceGrid.ts";

const flat = (): Charge => ({
  id: "fee",
  model: "flat",
  pricePoints: [
    { currency: "USD", billingPeriod: "month", amount: "29.00" },
    { currency: "USD", billingPeriod: "year", amount: "290.00" },
  ],
});

const tiered = (): Charge => ({
  id: "seats",
  model: "tiered",
  pricePoints: [
    {
      currency: "USD",
      billingPeriod: "month",
      tiers: [
        { from: 0, upTo: 10, unitAmount: "12.00" },
        { from: 10, unitAmount: "10.00" },
      ],
    },
  ],
});

describe("price grid", () => {
  it("lays a flat charge out as one row per billing period the package offers", () => {
    const rows = gridRows(flat(), ["month", "year"]);
    expect(rows).toEqual([
      { book: undefined, period: "month", band: undefined },
      { book: undefined, period: "year", band: undefined },
    ]);
    expect(cellValue(flat(), rows[1]!, "USD", "list")).toBe("290.00");
    expect(cellValue(flat(), rows[1]!, "EUR", "list")).toBe("");
  });

  it("shows rows added for another price book until they are priced, then keeps them by their points", () => {
    const partner = { book: "partner", period: "month" as const };
    const rows = gridRows(flat(), ["month", "year"], [partner]);
    expect(rows.map((r) => [r.book, r.period])).toEqual([
      [undefined, "month"],
      [undefined, "year"],
      ["partner", "month"],
    ]);
    // Typing a price in the new row creates the partner point; it no longer needs the extra row.
    const priced = setCellValue(flat(), rows[2]!, "USD", "23.20", "list");
    expect(priced.pricePoints[2]).toEqual({
      currency: "USD",
      billingPeriod: "month",
      priceBook: "partner",
      amount: "23.20",
    });
    expect(gridRows(priced, ["month", "year"]).map((r) => r.book)).toEqual([undefined, undefined, "partner"]);
    // A banded charge gets a row per band in the new group too.
    expect(gridRows(tiered(), ["month"], [partner]).filter((r) => r.book === "partner")).toHaveLength(2);
  });

  it("creates a point when a blank cell is typed in, and drops it when emptied", () => {
    const rows = gridRows(flat(), ["month", "year"]);
    const withEur = setCellValue(flat(), rows[0]!, "EUR", "27.00", "list");
    expect(withEur.pricePoints[2]).toEqual({ currency: "EUR", billingPeriod: "month", amount: "27.00" });
    expect(setCellValue(withEur, rows[0]!, "EUR", "", "list").pricePoints).toHaveLength(2);
  });

  it("pastes a block copied from a spreadsheet right and down from the cell", () => {
    const { cells, errors } = parseBlock("27.00\t$25.00\n€270\t1,250.00\r\n");
    expect(errors).toEqual([]);
    expect(cells).toEqual([
      ["27.00", "25.00"],
      ["270", "1250.00"],
    ]);
    const rows = gridRows(flat(), ["month", "year"]);
    const next = pasteBlock(flat(), rows, ["USD", "EUR", "GBP"], 0, 1, cells, "list");
    expect(cellValue(next, rows[0]!, "EUR", "list")).toBe("27.00");
    expect(cellValue(next, rows[0]!, "GBP", "list")).toBe("25.00");
    expect(cellValue(next, rows[1]!, "GBP", "list")).toBe("1250.00");
    expect(parseBlock("12\tabc").errors).toEqual(["row 1, column 2: “abc” is not an amount"]);
  });

  it("edits tier bounds once for every currency's point", () => {
    let c = setCellValue(tiered(), gridRows(tiered(), ["month"])[1]!, "EUR", "9.00", "list");
    expect(c.pricePoints[1]?.tiers).toEqual([
      { from: 0, upTo: 10, unitAmount: "0" },
      { from: 10, unitAmount: "9.00" },
    ]);
    c = setBandUpTo(c, 0, 20);
    for (const p of c.pricePoints)
      expect(p.tiers?.map((t) => [t.from, t.upTo])).toEqual([
        [0, 20],
        [20, undefined],
      ]);
    c = addBand(c, 100);
    expect(bandsOf(c)).toEqual([
      { from: 0, upTo: 20 },
      { from: 20, upTo: 100 },
      { from: 100, upTo: null },
    ]);
    expect(c.pricePoints[0]?.tiers?.[2]).toEqual({ from: 100, unitAmount: "10.00" });
    c = removeBand(c, 1);
    expect(bandsOf(c)).toEqual([
      { from: 0, upTo: 20 },
      { from: 20, upTo: null },
    ]);
  });

  it("converts by rate and rounds to each currency's minor unit, half away from zero", () => {
    expect(convert("29.00", "0.925", "EUR", true)).toBe("26.83"); // 26.825 → 26.83
    expect(convert("29.00", "151.5", "JPY", true)).toBe("4394"); // 4393.5 → 4394
    expect(convert("29.00", "0.3075", "KWD", true)).toBe("8.918"); // 8.9175 → 8.918
    // A unit rate keeps the source's finer decimals: 0.0004 USD × 0.92 = 0.000368 → 0.0004 EUR.
    expect(convert("0.0004", "0.92", "EUR", false)).toBe("0.0004");
    expect(convert("0.0004", "150", "JPY", false)).toBe("0.0600");
  });

  it("fills every row of the other currencies from one currency", () => {
    const rows = gridRows(flat(), ["month", "year"]);
    const next = fillFrom(flat(), rows, "USD", { EUR: "0.925", JPY: "151.5", GBP: "" }, "list");
    expect(rows.map((r) => cellValue(next, r, "EUR", "list"))).toEqual(["26.83", "268.25"]);
    expect(rows.map((r) => cellValue(next, r, "JPY", "list"))).toEqual(["4394", "43935"]);
    expect(rows.map((r) => cellValue(next, r, "GBP", "list"))).toEqual(["", ""]);
  });
});

describe("the hint under a charge's grid", () => {
  it("gives each currency's decimals for amounts charged as they are, not 'whole minor units'", () => {
    expect(amountsHint("flat", ["USD", "EUR", "JPY", "KWD"])).toBe(
      "Amounts are charged as they are, so each has at most its currency's decimals (USD 2, EUR 2, JPY 0, KWD 3).",
    );
    expect(amountsHint("per_unit", ["USD"])).toMatch(/^Unit rates: they may carry more decimals/);
  });
});
