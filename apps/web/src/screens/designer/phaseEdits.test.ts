/**
 * The phases form's edits keep every phase in a shape the engine accepts: whatever type a phase is
 * switched to, whatever length or discount kind is picked, the catalog validates without a phase
 * error (so no form action leaves a diagnostic the form cannot fix).
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog, MoneyAmount, Package, Phase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  addPhase,
  lengthKinds,
  PHASE_TYPES,
  phaseAs,
  withAmountOff,
  withDiscount,
  withLength,
} from "./phaseEdits.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

/** The errors of the sample with the Team package's phases replaced. */
function phaseErrors(phases: Phase[]): string[] {
  const doc: Catalog = {
    ...saas,
    packages: saas.packages.map((p) => (p.id === "collab-team" ? ({ ...p, phases } as Package) : p)),
  };
  return validate(doc)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.pointer}: ${d.message}`);
}

const TYPES = PHASE_TYPES.map((t) => t.value);

describe("the phases form's edits", () => {
  it("switches between every pair of types without leaving an error", () => {
    const starts: Phase[] = [
      { type: "trial", days: 14, requiresPaymentMethod: true },
      { type: "intro", periods: 3, discountPercent: "50" },
      {
        type: "discount",
        duration: { length: 6, unit: "week" },
        discountAmounts: saas.currencies.map((currency) => ({ currency, amount: "5" })) as [
          MoneyAmount,
          ...MoneyAmount[],
        ],
      },
      { type: "fixed_term", duration: { length: 12, unit: "month" } },
      { type: "evergreen" },
    ];
    for (const start of starts)
      for (const type of TYPES) {
        const ph = phaseAs(start, type, saas.currencies);
        expect(ph.type).toBe(type);
        expect(phaseErrors([ph]), `${start.type} → ${type}`).toEqual([]);
      }
  });

  it("carries the length and discount where the new type has them", () => {
    // An intro of 3 billing periods at 50% off becomes a discount phase of the same.
    expect(phaseAs({ type: "intro", periods: 3, discountPercent: "50" }, "discount", ["USD"])).toEqual({
      type: "discount",
      periods: 3,
      discountPercent: "50",
    });
    // A 30-day trial becomes a 30-day discount (days are for trials: a duration in days), 50% off.
    expect(phaseAs({ type: "trial", days: 30, requiresPaymentMethod: true }, "discount", ["USD"])).toEqual({
      type: "discount",
      duration: { length: 30, unit: "day" },
      discountPercent: "50",
    });
    // Evergreen keeps its discount but has no length.
    expect(phaseAs({ type: "discount", periods: 3, discountPercent: "10" }, "evergreen", ["USD"])).toEqual({
      type: "evergreen",
      discountPercent: "10",
    });
  });

  it("writes exactly one length, of every kind the type offers, and fixed amounts per currency", () => {
    for (const type of TYPES)
      for (const kind of lengthKinds(type)) {
        const ph = withLength(phaseAs({ type: "trial", days: 14 }, type, saas.currencies), kind, 2);
        expect(phaseErrors([ph]), `${type} lasting ${kind}`).toEqual([]);
      }
    const off = withDiscount({ type: "discount", periods: 2, discountPercent: "10" }, "amounts", [
      "USD",
      "EUR",
    ]);
    expect(off).toEqual({
      type: "discount",
      periods: 2,
      discountAmounts: [
        { currency: "USD", amount: "0" },
        { currency: "EUR", amount: "0" },
      ],
    });
    expect(withAmountOff(off, "EUR", "4.50", ["USD", "EUR"]).discountAmounts?.[1]).toEqual({
      currency: "EUR",
      amount: "4.50",
    });
    // A currency the catalog gained gets its amount; one it dropped goes.
    expect(withAmountOff(off, "USD", "3", ["USD", "GBP"]).discountAmounts).toEqual([
      { currency: "USD", amount: "3" },
      { currency: "GBP", amount: "0" },
    ]);
    expect(withDiscount(off, "none", ["USD"])).toEqual({ type: "discount", periods: 2 });
  });

  it("adds a trial first, then discounts before an evergreen phase", () => {
    const one = addPhase([]);
    expect(one).toEqual([{ type: "trial", days: 14 }]);
    const withEvergreen = addPhase([...one, { type: "evergreen" }]);
    expect(withEvergreen.map((p) => p.type)).toEqual(["trial", "discount", "evergreen"]);
    expect(phaseErrors(withEvergreen)).toEqual([]);
  });
});
