/**
 * The packaging matrix's model on the B2B SaaS sample (schemas/examples/saas.catalog.json): how
 * each package offers each service, and cell edits that add, move and refuse to orphan.
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { cellOf, referencesTo, setCell } from "./matrix.ts";

const saas = (): Catalog =>
  JSON.parse(
    readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
  ) as Catalog;
const at = (doc: Catalog, id: string) => doc.packages.findIndex((p) => p.id === id);
const pkg = (doc: Catalog, id: string) => doc.packages[at(doc, id)]!;

describe("packaging matrix cells", () => {
  it("reads included quantities, options, add-ons and gaps", () => {
    const doc = saas();
    expect(cellOf(doc, pkg(doc, "collab-enterprise"), "svc-seat")).toMatchObject({
      kind: "included",
      quantity: 50,
    });
    expect(cellOf(doc, pkg(doc, "collab-team"), "svc-support-premium")).toMatchObject({
      kind: "option",
      option: "team-support-premium",
    });
    // SSO is an add-on from tier 3: Business has it, Team does not.
    expect(cellOf(doc, pkg(doc, "collab-business"), "svc-sso")).toEqual({
      kind: "add-on",
      addOns: [pkg(doc, "collab-sso").name],
    });
    expect(cellOf(doc, pkg(doc, "collab-team"), "svc-sso")).toEqual({ kind: "none" });
    expect(cellOf(doc, pkg(doc, "collab-starter"), "svc-hipaa")).toEqual({ kind: "none" });
  });

  it("adds a service as included, then moves it to an option, then removes it; the catalog stays valid", () => {
    let doc = saas();
    const team = at(doc, "collab-team");
    let r = setCell(doc, team, "svc-sandbox", "included", 2);
    expect(r.ok).toBe(true);
    doc = (r as { doc: Catalog }).doc;
    expect(cellOf(doc, doc.packages[team]!, "svc-sandbox")).toMatchObject({ kind: "included", quantity: 2 });
    expect(validate(doc).valid).toBe(true);
    r = setCell(doc, team, "svc-sandbox", "option");
    doc = (r as { doc: Catalog }).doc;
    const cell = cellOf(doc, doc.packages[team]!, "svc-sandbox");
    expect(cell).toMatchObject({ kind: "option", option: "collab-team-svc-sandbox" });
    expect(doc.packages[team]!.optionGroups?.find((g) => g.id === "collab-team-extras")?.min).toBe(0);
    expect(validate(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    r = setCell(doc, team, "svc-sandbox", "none");
    doc = (r as { doc: Catalog }).doc;
    expect(cellOf(doc, doc.packages[team]!, "svc-sandbox")).toEqual({ kind: "none" });
  });

  it("refuses to remove what a charge still names, and says where", () => {
    const doc = saas();
    const team = at(doc, "collab-team");
    const r = setCell(doc, team, "svc-support-premium", "none");
    expect(r).toEqual({ ok: false, references: referencesTo(doc, team, "team-support-premium") });
    expect((r as { references: string[] }).references).toContain(`/packages/${team}/charges/2/option`);
  });

  it("starts a usage service at zero included units (usage is metered, not bundled)", () => {
    const doc = saas();
    const sso = at(doc, "collab-sso");
    const r = setCell(doc, sso, "svc-api-calls", "included", 5) as { doc: Catalog };
    expect(r.doc.packages[sso]!.components?.at(-1)).toEqual({
      id: "collab-sso-svc-api-calls",
      service: "svc-api-calls",
      included: 0,
    });
  });
});
