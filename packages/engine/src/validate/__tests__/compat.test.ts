import type { Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { isCompatibleAddOn } from "../checks/addons.ts";
import { pkg, validCatalog } from "./fixture.ts";

const doc = validCatalog();
const basic = pkg(doc, "basic");
const pro = pkg(doc, "pro");
const other: Package = { ...basic, id: "solo", portfolio: "solo", tier: 5 };
const addOn = (compat: Package["addOn"]): Package => {
  const a: Package = { ...pkg(doc, "sso") };
  if (compat === undefined) delete a.addOn;
  else a.addOn = compat;
  return a;
};

describe("add-on compatibility", () => {
  it("without a compatibility block fits every base of its own portfolio", () => {
    expect(isCompatibleAddOn(addOn(undefined), basic)).toBe(true);
    expect(isCompatibleAddOn(addOn(undefined), other)).toBe(false);
    expect(isCompatibleAddOn(addOn({ packages: [], maxQuantity: 2 }), basic)).toBe(true);
  });

  it("fits named packages, or listed (else its own) portfolios from minTier", () => {
    expect(isCompatibleAddOn(addOn({ packages: ["basic"] }), basic)).toBe(true);
    expect(isCompatibleAddOn(addOn({ packages: ["basic"] }), pro)).toBe(false);
    expect(isCompatibleAddOn(addOn({ portfolios: ["team"], minTier: 2 }), basic)).toBe(false);
    expect(isCompatibleAddOn(addOn({ portfolios: ["team"], minTier: 2 }), pro)).toBe(true);
    expect(isCompatibleAddOn(addOn({ portfolios: ["team"], minTier: 2 }), other)).toBe(false);
    // Tiers rank one portfolio's ladder: minTier alone stays in the add-on's own portfolio.
    expect(isCompatibleAddOn(addOn({ minTier: 2 }), other)).toBe(false);
    expect(isCompatibleAddOn(addOn({ minTier: 2 }), basic)).toBe(false);
    expect(isCompatibleAddOn(addOn({ minTier: 2 }), pro)).toBe(true);
    // An explicitly named base fits even below minTier.
    expect(isCompatibleAddOn(addOn({ packages: ["basic"], portfolios: ["team"], minTier: 2 }), basic)).toBe(
      true,
    );
  });

  it("never fits an add-on on an add-on", () => {
    expect(isCompatibleAddOn(addOn(undefined), addOn(undefined))).toBe(false);
  });
});
