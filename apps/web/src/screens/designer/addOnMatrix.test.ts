/**
 * The add-on rows of the packaging matrix on the B2B SaaS sample (schemas/examples/saas.catalog.json):
 * reading included / available / not offered, and offering or withdrawing an add-on on one base,
 * which rewrites the add-on's compatibility in its simplest exact form.
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { addOnCellOf, setAddOnCell, setIncludedQuantity } from "./addOnMatrix.ts";

const saas = (): Catalog =>
  JSON.parse(
    readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
  ) as Catalog;
const at = (doc: Catalog, id: string) => doc.packages.findIndex((p) => p.id === id);
const pkg = (doc: Catalog, id: string) => doc.packages[at(doc, id)]!;
const errors = (doc: Catalog) => validate(doc).diagnostics.filter((d) => d.severity === "error");
const edit = (doc: Catalog, addOn: string, base: string, kind: "none" | "available" | "included") => {
  const r = setAddOnCell(doc, at(doc, addOn), at(doc, base), kind);
  if (!r.ok) throw new Error(`refused: ${r.references.join(", ")}`);
  return r.doc;
};

describe("add-on cells of the packaging matrix", () => {
  it("reads bundled, available and not offered", () => {
    const doc = saas();
    const sso = pkg(doc, "collab-sso");
    expect(addOnCellOf(sso, pkg(doc, "collab-enterprise"))).toEqual({
      kind: "included",
      quantity: 1,
      index: 0,
    });
    // SSO fits tier 3 and up.
    expect(addOnCellOf(sso, pkg(doc, "collab-business"))).toEqual({ kind: "available" });
    expect(addOnCellOf(sso, pkg(doc, "collab-team"))).toEqual({ kind: "none" });
  });

  it("offers an add-on one tier lower by lowering its minimum tier, keeping its other fields", () => {
    const doc = edit(saas(), "collab-sso", "collab-team", "available");
    expect(pkg(doc, "collab-sso").addOn).toEqual({
      portfolios: ["collab"],
      minTier: 2,
      maxQuantity: 1,
      onIncompatibleBase: "cancel",
    });
    expect(errors(doc)).toEqual([]);
  });

  it("withdraws from the bottom rung with a minimum tier, from the middle by naming the bases", () => {
    // Storage fits every base of its portfolio (no compatibility block but a maximum).
    let doc = edit(saas(), "collab-storage-pack", "collab-starter", "none");
    expect(pkg(doc, "collab-storage-pack").addOn).toEqual({
      portfolios: ["collab"],
      minTier: 2,
      maxQuantity: 20,
    });
    // Audit log (tier 2 up) withdrawn from Business only: Team and Enterprise by name.
    doc = edit(doc, "collab-audit-log", "collab-business", "none");
    expect(pkg(doc, "collab-audit-log").addOn).toEqual({ packages: ["collab-team", "collab-enterprise"] });
    expect(addOnCellOf(pkg(doc, "collab-audit-log"), pkg(doc, "collab-business")).kind).toBe("none");
    // Offered again on Starter: Team and Enterprise stay named, Starter joins them.
    doc = edit(doc, "collab-audit-log", "collab-starter", "available");
    expect(pkg(doc, "collab-audit-log").addOn).toEqual({
      packages: ["collab-starter", "collab-team", "collab-enterprise"],
    });
    // Compliance archive requires the audit log, which Business no longer offers: the validator
    // may warn, but no edit left a hard error about the add-ons themselves.
    expect(errors(doc).filter((d) => d.code.startsWith("addon."))).toEqual([]);
  });

  it("bundles an add-on (compatible first), sets its quantity, and un-bundles it", () => {
    let doc = edit(saas(), "collab-storage-pack", "collab-team", "included");
    expect(pkg(doc, "collab-team").includedAddOns).toEqual([{ addOn: "collab-storage-pack" }]);
    doc = setIncludedQuantity(doc, at(doc, "collab-team"), 0, 3);
    expect(pkg(doc, "collab-team").includedAddOns).toEqual([{ addOn: "collab-storage-pack", quantity: 3 }]);
    expect(errors(doc)).toEqual([]);
    doc = setIncludedQuantity(doc, at(doc, "collab-team"), 0, 1);
    expect(pkg(doc, "collab-team").includedAddOns).toEqual([{ addOn: "collab-storage-pack" }]);
    doc = edit(doc, "collab-storage-pack", "collab-team", "available");
    expect(pkg(doc, "collab-team").includedAddOns).toBeUndefined();
    // SSO bundled on Team: it becomes compatible with Team too.
    doc = edit(doc, "collab-sso", "collab-team", "included");
    expect(pkg(doc, "collab-sso").addOn?.minTier).toBe(2);
    expect(errors(doc)).toEqual([]);
  });

  it("refuses to leave an add-on with no base, pointing at its compatibility", () => {
    let doc = edit(saas(), "collab-sso", "collab-business", "none");
    // Enterprise bundles SSO and is the only base left: un-bundling and withdrawing it is refused.
    expect(pkg(doc, "collab-sso").addOn).toMatchObject({ portfolios: ["collab"], minTier: 4 });
    const r = setAddOnCell(doc, at(doc, "collab-sso"), at(doc, "collab-enterprise"), "none");
    expect(r).toEqual({ ok: false, references: [`/packages/${at(doc, "collab-sso")}/addOn`] });
    doc = edit(doc, "collab-sso", "collab-enterprise", "available");
    expect(pkg(doc, "collab-enterprise").includedAddOns).toEqual([{ addOn: "collab-audit-log" }]);
  });
});
