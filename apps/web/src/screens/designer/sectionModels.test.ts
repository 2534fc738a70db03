/**
 * The pure edits behind the package sections: what a new package, a renewal policy, a fee kind,
 * a retention offer's kind and an entitlement's kind write — only the fields the form shows
 * (phases: phaseEdits.test.ts).
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog, RetentionOffer } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { withBranding } from "./BrandingSection.tsx";
import { withKind } from "./EntitlementsEditor.tsx";
import { newPackage } from "./NewPackageForm.tsx";
import { withPopular } from "./PackageBasics.tsx";
import { withPolicy } from "./RenewalSection.tsx";
import { offerAs } from "./RetentionOffers.tsx";
import { feeAs } from "./TerminationSection.tsx";
import { nextTermMonths, termIn, termWords } from "./TermsSection.tsx";

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

  it("writes a term in months or weeks, never both, carrying the length across (12 months ⇄ 52 weeks)", () => {
    const annual = { months: 12, discountPercent: "5", default: true };
    const weekly = termIn(annual, "weeks");
    expect(weekly).toEqual({ weeks: 52, discountPercent: "5", default: true });
    expect(termIn(weekly, "months")).toEqual(annual);
    // A 6-week fixed term billed weekly (issue 13's example); lengths clamp to the schema's bounds.
    expect(termIn({ ...weekly, length: 6 }, "weeks")).toEqual({
      weeks: 6,
      discountPercent: "5",
      default: true,
    });
    expect(termIn({ months: 1, length: 500 }, "months")).toEqual({ months: 120 });
    expect(termIn({ weeks: 1, length: 0 }, "weeks")).toEqual({ weeks: 1 });
    expect(termWords({ weeks: 6 })).toBe("6 weeks");
    const doc = {
      ...saas,
      packages: saas.packages.map((p) =>
        p.id === "collab-team"
          ? {
              ...p,
              terms: [{ weeks: 6 }] as typeof p.terms,
              billingPeriods: ["week"] as typeof p.billingPeriods,
            }
          : p,
      ),
    };
    // The term itself is fine (the week prices the grid then asks for are another matter).
    expect(validate(doc).diagnostics.filter((d) => d.pointer.includes("/terms"))).toEqual([]);
  });

  it("marks one base package of a portfolio most popular, unmarking the others of that portfolio only", () => {
    const team = saas.packages.findIndex((p) => p.id === "collab-team");
    const next = withPopular(saas.packages, team, true);
    expect(next.filter((p) => p.popular).map((p) => p.id)).toEqual(["collab-team"]);
    const doc = { ...saas, packages: next };
    expect(validate(doc).diagnostics.filter((d) => d.code.startsWith("package.popular"))).toEqual([]);
    // Unmarked: the key goes (not popular is the default).
    expect(withPopular(next, team, false)[team]).not.toHaveProperty("popular");
    const other = { ...saas.packages[0]!, id: "other-base", portfolio: "elsewhere", popular: true };
    expect(withPopular([...next, other], team, true).at(-1)?.popular).toBe(true);
  });

  it("removes a blank branding field, and the branding when nothing is left", () => {
    const b = withBranding(undefined, { companyName: "Acme Ltd", footer: "  " });
    expect(b).toEqual({ companyName: "Acme Ltd" });
    // An address keeps its line breaks as typed.
    expect(withBranding(b, { address: "1 Main St\nSpringfield" })?.address).toBe("1 Main St\nSpringfield");
    expect(withBranding(b, { companyName: "" })).toBeUndefined();
  });
});
