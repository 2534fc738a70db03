/**
 * The pure edits behind the package sections: what a new package, a renewal policy, a fee kind,
 * a retention offer's kind and an entitlement's kind write — only the fields the form shows
 * (phases: phaseEdits.test.ts).
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog, RetentionOffer } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { withKind } from "./EntitlementsEditor.tsx";
import { newPackage } from "./NewPackageForm.tsx";
import { withPolicy } from "./RenewalSection.tsx";
import { offerAs } from "./RetentionOffers.tsx";
import { feeAs } from "./TerminationSection.tsx";
import { nextTermMonths } from "./TermsSection.tsx";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

describe("the package sections' edits", () => {
  it("a new base package sits on the next rung and validates; a new add-on is tier 0", () => {
    const pkg = newPackage(saas, "collab-growth", "Growth", "collab", "base");
    expect(pkg.tier).toBe(5);
    expect(pkg.charges[0]?.id).toBe("collab-growth-fee");
    expect(pkg.charges[0]?.pricePoints.map((p) => p.currency)).toEqual(saas.currencies);
    const doc = { ...saas, packages: [...saas.packages, pkg] };
    expect(validate(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(newPackage(saas, "collab-x", "X", "collab", "add_on").tier).toBe(0);
  });

  it("offers the next common term length", () => {
    expect(nextTermMonths([{ months: 1 }, { months: 12 }])).toBe(24);
    expect(nextTermMonths([1, 12, 24, 36, 6, 3, 48, 60].map((months) => ({ months })))).toBe(61);
  });

  it("keeps an uplift cap only under the capped policy", () => {
    expect(withPolicy({ pricePolicy: "capped", upliftCapPercent: "7", autoRenew: true }, "list")).toEqual({
      pricePolicy: "list",
      autoRenew: true,
    });
    expect(withPolicy(undefined, "capped")).toEqual({ pricePolicy: "capped", upliftCapPercent: "5" });
    expect(withPolicy({ pricePolicy: "locked" }, undefined)).toBeUndefined();
  });

  it("writes an early termination fee with only its kind's fields, a flat one in every currency", () => {
    expect(feeAs({ kind: "remaining_percent", percent: "50" }, "flat", ["USD", "EUR"])).toEqual({
      kind: "flat",
      amounts: [
        { currency: "USD", amount: "0.00" },
        { currency: "EUR", amount: "0.00" },
      ],
    });
    expect(feeAs(undefined, "remaining_percent", ["USD"])).toEqual({
      kind: "remaining_percent",
      percent: "100",
    });
    expect(feeAs({ kind: "flat" }, undefined, ["USD"])).toBeUndefined();
  });

  it("turns a retention offer into the other kind without leftovers", () => {
    const discount: RetentionOffer = {
      id: "o",
      name: "Stay",
      kind: "discount",
      discountPercent: "25",
      periods: 2,
    };
    expect(offerAs(discount, "downgrade")).toEqual({ id: "o", name: "Stay", kind: "downgrade" });
    expect(offerAs({ id: "o", name: "Stay", kind: "downgrade", to: "p" }, "discount")).toEqual({
      id: "o",
      name: "Stay",
      kind: "discount",
      discountPercent: "25",
      months: 3,
    });
    expect(offerAs(discount, "discount")).toEqual(discount);
  });

  it("changes an entitlement's kind, carrying a number written as text", () => {
    expect(withKind({ key: "seats", value: "25" }, "number")).toEqual({ key: "seats", value: 25 });
    expect(withKind({ key: "seats", value: 25 }, "text")).toEqual({ key: "seats", value: "25" });
    expect(withKind({ key: "sso", value: false }, "on")).toEqual({ key: "sso" });
    expect(withKind({ key: "sso" }, "off")).toEqual({ key: "sso", value: false });
  });
});
