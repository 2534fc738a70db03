/**
 * Kill Bill catalog XML, both ways. The import fixture is our own catalog modelled on the example
 * catalog of the Kill Bill subscription guide
 * (https://docs.killbill.io/latest/userguide_subscription.html#_catalog); expected values are
 * read off the fixture by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { exportKillBill, importKillBill } from "../src/index.ts";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "fixtures", "killbill", name), "utf8");
const sample = (name: string): Catalog =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../schemas/examples", `${name}.catalog.json`), "utf8"),
  );

function imported(text: string) {
  const r = importKillBill(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r;
}

describe("importKillBill: the StreamFlix fixture", () => {
  const r = imported(fixture("streaming.xml"));
  const pkg = (id: string) => r.catalog.packages.find((p) => p.id === id)!;

  it("validates, with only the losses it should report", () => {
    expect(r.valid).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // premium-annual has no DISCOUNT phase and the student plan no phases at all.
    expect(
      r.diagnostics.filter((d) => d.code === "killbill.phase.differs").map((d) => d.location?.line),
    ).toEqual([157, 186]);
  });

  it("maps products to packages with roles and ladder tiers in file order", () => {
    expect(r.catalog.packages.map((p) => [p.id, p.name, p.role, p.tier])).toEqual([
      ["basic", "Basic streaming", "base", 1],
      ["premium", "Premium streaming", "base", 2],
      ["extrascreen", "Extra screen", "add_on", 1],
      ["rentals", "Pay-per-view rentals", "add_on", 1],
    ]);
    expect(r.catalog.effectiveDate).toBe("2026-03-01");
    expect(r.catalog.currencies).toEqual(["USD", "EUR"]);
  });

  it("turns plans into price points per currency, billing period and price list", () => {
    const recurring = pkg("premium").charges.find((c) => c.model === "flat")!;
    expect(recurring.pricePoints).toEqual([
      { currency: "USD", billingPeriod: "month", amount: "19.99" },
      { currency: "EUR", billingPeriod: "month", amount: "16.99" },
      { currency: "USD", billingPeriod: "year", amount: "199.00" },
      { currency: "EUR", billingPeriod: "year", amount: "169.00" },
      { currency: "USD", billingPeriod: "month", priceBook: "students", amount: "9.99" },
      { currency: "EUR", billingPeriod: "month", priceBook: "students", amount: "8.49" },
    ]);
    expect(r.catalog.priceBooks).toEqual([
      { id: "default", name: "Default price list", default: true },
      { id: "students", name: "Student discount", fallback: "default" },
    ]);
    expect(pkg("premium").billingPeriods).toEqual(["month", "year"]);
    expect(pkg("premium").terms).toEqual([{ months: 1, default: true }, { months: 12 }]);
  });

  it("reads the trial's fixed price as a one-time fee and the DISCOUNT phase as an intro percentage", () => {
    expect(pkg("premium").charges.find((c) => c.model === "one_time")!.pricePoints).toEqual([
      { currency: "USD", amount: "5.00" },
      { currency: "EUR", amount: "5.00" },
    ]);
    // 19.99 × 80% = 15.992 → 15.99 and 16.99 × 80% = 13.592 → 13.59: one 20% reproduces both.
    expect(pkg("premium").phases).toEqual([
      { type: "trial", days: 7 },
      { type: "intro", periods: 3, discountPercent: "20" },
    ]);
    expect(pkg("basic").phases).toEqual([{ type: "trial", days: 7 }]);
  });

  it("maps included and available add-ons both ways round", () => {
    expect(pkg("premium").includedAddOns).toEqual([{ addOn: "extrascreen" }]);
    expect(pkg("extrascreen").addOn).toEqual({ packages: ["basic", "premium"] });
    expect(pkg("rentals").addOn).toEqual({ packages: ["premium"] });
  });

  it("stacks tiered blocks into cumulative bands, the free first tier becoming the allowance", () => {
    // Tiers: 2 free rentals, the next 8 at 3.99, the rest at 2.99 → included 2, bands (0,8], (8,∞).
    const usage = pkg("rentals").charges[0]!;
    expect(usage.model).toBe("usage");
    expect(usage.pricePoints[0]).toEqual({
      currency: "USD",
      billingPeriod: "month",
      includedUnits: 2,
      tiers: [
        { from: 0, upTo: 8, unitAmount: "3.99" },
        { from: 8, unitAmount: "2.99" },
      ],
    });
    expect(r.catalog.services).toEqual([
      { id: "rentals-2", name: "Movie rentals", unit: "rentals", kind: "usage", status: "active" },
    ]);
  });

  it("keeps the order of change and cancel cases as path rules", () => {
    expect(
      r.catalog.pathRules!.map((c) => [
        c.kinds,
        c.from?.packages,
        c.to?.packages,
        c.phases,
        c.outcome.timing,
      ]),
    ).toEqual([
      [["upgrade", "downgrade", "crossgrade"], undefined, undefined, ["trial"], "immediate"],
      [["upgrade"], ["basic"], ["premium"], undefined, "immediate"],
      [["upgrade", "downgrade", "crossgrade"], undefined, undefined, undefined, "next_billing_date"],
      // The ADD_ON category's cancel case is the add-ons' own cancel policy.
      [["remove_add_on"], ["extrascreen", "rentals"], undefined, undefined, "immediate"],
      [["terminate"], undefined, undefined, undefined, "next_billing_date"],
    ]);
  });
});

describe("importKillBill: inputs it cannot take", () => {
  it("reports malformed XML with its line and column", () => {
    const r = importKillBill("<catalog>\n  <catalogName>x</catalogName>\n  <oops>\n</catalog>");
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: "killbill.xml.syntax",
        severity: "error",
        location: { line: 4, column: 10 },
      }),
    ]);
  });

  it("refuses XML that is not a Kill Bill catalog", () => {
    const r = importKillBill('<?xml version="1.0"?>\n<html><body/></html>');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
      ["killbill.xml.not-catalog", 2, 1],
    ]);
  });

  it("locates each structural problem: a bad enum, an unknown element, a missing one, wrong order", () => {
    const text = fixture("streaming.xml")
      .replace("<category>BASE</category>", "<category>CORE</category>")
      .replace("<unit>UNLIMITED</unit>", "<unit>FOREVER</unit>")
      .replace(
        '<product name="ExtraScreen" prettyName="Extra screen">',
        '<product name="ExtraScreen"><color>red</color>',
      )
      .replace("<catalogName>StreamFlix</catalogName>", "");
    const r = importKillBill(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line, d.location?.at])).toEqual([
      ["killbill.xml.missing", 8, "/catalog"],
      ["killbill.xml.value", 21, "/catalog/products/product/category"],
      ["killbill.xml.unknown-element", 35, "/catalog/products/product[3]/color"],
      ["killbill.xml.value", 104, "/catalog/plans/plan/finalPhase/duration/unit"],
    ]);
    expect(r.diagnostics[1]!.message).toBe(
      '<category> holds "CORE", which is not one of BASE, ADD_ON, STANDALONE.',
    );
  });

  it("imports but does not validate a catalog that names a product it does not define", () => {
    const r = importKillBill(
      fixture("streaming.xml").replace("<product>Basic</product>", "<product>Basik</product>"),
    );
    expect(r.ok && r.valid).toBe(false);
    const e = r.diagnostics.find((d) => d.code === "killbill.ref.unknown-product")!;
    expect(e.location).toEqual({ line: 88, column: 9, at: "/catalog/plans/plan" });
  });

  it("reports elements out of the order the XSD's sequences require", () => {
    const r = importKillBill(
      fixture("streaming.xml")
        .replace("<recurringBillingMode>IN_ADVANCE</recurringBillingMode>\n    <currencies>", "<currencies>")
        .replace(
          "</currencies>",
          "</currencies>\n    <recurringBillingMode>IN_ADVANCE</recurringBillingMode>",
        ),
    );
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([["killbill.xml.order", 15]]);
  });

  it("reports what Tessera cannot hold, where it is", () => {
    const text = fixture("streaming.xml")
      .replace('usageType="CONSUMABLE"', 'usageType="CAPACITY"')
      .replace("<billingPeriod>ANNUAL</billingPeriod>", "<billingPeriod>WEEKLY</billingPeriod>")
      .replace(
        "<toPriceList>DEFAULT</toPriceList>",
        "<fromPriceList>Students</fromPriceList><toPriceList>DEFAULT</toPriceList>",
      );
    const r = imported(text);
    const codes = r.diagnostics.map((d) => `${d.code}@${d.location?.line}`);
    expect(codes).toContain("killbill.usage.unsupported@223");
    expect(codes).toContain("killbill.plan.billing-period@157");
    expect(codes).toContain("killbill.rule.priceList@81");
  });
});

describe("exportKillBill", () => {
  it.each(["saas", "hybrid", "connectivity"])(
    "%s: import(export(x)) validates and exports to the same XML",
    (name) => {
      const first = exportKillBill(sample(name));
      const back = imported(first.xml);
      expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(exportKillBill(back.catalog).xml).toBe(first.xml);
    },
  );

  it("saas: keeps what Kill Bill can carry and lists the rest", () => {
    const saas = sample("saas");
    const { losses, xml } = exportKillBill(saas);
    const back = imported(xml).catalog;
    expect(back.packages.map((p) => [p.id, p.name, p.role])).toEqual(
      saas.packages.map((p) => [p.id, p.name, p.role]),
    );
    expect(back.currencies).toEqual(saas.currencies);
    // Flat package charges (not option charges, a listed loss) come back as the plan's price.
    const flat = (c: Catalog, id: string) =>
      c.packages
        .find((p) => p.id === id)!
        .charges.filter((ch) => ch.model === "flat" && !ch.option)
        .flatMap((ch) => ch.pricePoints);
    for (const p of saas.packages)
      for (const point of flat(saas, p.id).filter((x) => x.billingPeriod && !x.priceBook))
        expect(flat(back, p.id)).toContainEqual(
          expect.objectContaining({
            currency: point.currency,
            billingPeriod: point.billingPeriod,
            amount: point.amount,
          }),
        );
    expect(new Set(losses.map((l) => l.code))).toEqual(
      new Set([
        "killbill.export.quantity-charge",
        "killbill.export.dropped",
        "killbill.export.terms",
        "killbill.export.intro-unpriced",
        "killbill.export.option-charge",
        // No billing-period loss: the sample's add-ons bill like their bases (no up-front billing).
        "killbill.export.rule-outcome",
        "killbill.export.renew",
        "killbill.export.end-of-term",
      ]),
    );
    for (const l of losses) expect(l.pointer).toMatch(/^\/(packages|pathRules)/);
  });

  it("writes the StreamFlix fixture back with the same prices, phases, add-ons and usage tiers", () => {
    const once = imported(fixture("streaming.xml")).catalog;
    const twice = imported(exportKillBill(once).xml).catalog;
    const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const strip = (c: Catalog) =>
      c.packages.map((p) => ({ ...p, charges: p.charges.map((ch) => sorted(ch.pricePoints)) }));
    expect(strip(twice)).toEqual(strip(once));
  });
});
