/**
 * The SAT-based checks: a package whose rules contradict its groups, an option no configuration
 * can hold, and defaults that cannot go together — each reported with the rules behind it.
 */
import type { Catalog, Condition, Consequence, Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

const rule = (id: string, when: Condition | undefined, consequence: Consequence): Rule => ({
  id,
  ...(when ? { when } : {}),
  // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
  then: consequence,
});

function logicDiagnostics(doc: Catalog) {
  return validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."));
}

describe("logic checks", () => {
  it("find nothing wrong in the reference catalog", () => {
    expect(logicDiagnostics(validCatalog())).toEqual([]);
  });

  it("report a package whose rules and groups admit no configuration", () => {
    const doc = validCatalog();
    const pro = pkg(doc, "pro");
    // Support is a 1..1 choice, but both options are forbidden.
    pro.rules = [
      rule("no-standard", undefined, { requireNone: ["support-standard"] }),
      rule("no-premium", undefined, { requireNone: ["support-premium"] }),
    ];
    const found = logicDiagnostics(doc);
    const index = doc.packages.indexOf(pro);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: "logic.unsatisfiable-package",
      severity: "error",
      pointer: `/packages/${index}`,
    });
    expect(found[0]!.message).toContain("`Always rule out Standard`");
    expect(found[0]!.message).toContain("`Always rule out Premium`");
    expect(found[0]!.message).toContain("option group `Support level`");
    expect(validate(doc).valid).toBe(false);
  });

  it("report an option no configuration can hold, with the rules that rule it out", () => {
    const doc = validCatalog();
    const pro = pkg(doc, "pro");
    // Premium needs SSO, but SSO is excluded whenever Premium is picked: Premium is never possible.
    pro.rules = [
      ...(pro.rules ?? []),
      rule("premium-no-sso", { allOf: ["support-premium"] }, { requireNone: ["sso"] }),
    ];
    const found = logicDiagnostics(doc);
    const index = doc.packages.indexOf(pro);
    expect(found).toEqual([
      expect.objectContaining({
        code: "logic.option-never-pickable",
        severity: "warning",
        pointer: `/packages/${index}/optionGroups/0/options/1`,
      }),
    ]);
    expect(found[0]!.message).toContain("`When Premium is picked, require Single sign-on`");
    expect(found[0]!.message).toContain("`When Premium is picked, rule out Single sign-on`");
  });

  it("report defaults that cannot all be picked together", () => {
    const doc = validCatalog();
    const pro = pkg(doc, "pro");
    pro.optionGroups?.push({
      id: "extras",
      name: "Extras",
      min: 0,
      options: [{ id: "extra-sandbox", name: "Sandbox", default: true }],
    });
    pro.rules = [
      ...(pro.rules ?? []),
      rule("sandbox-needs-premium", { allOf: ["extra-sandbox"] }, { requireAll: ["support-premium"] }),
    ];
    const found = logicDiagnostics(doc);
    const index = doc.packages.indexOf(pro);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: "logic.defaults-violate-rules",
      severity: "warning",
      pointer: `/packages/${index}/optionGroups/1/options/0/default`,
    });
    expect(found[0]!.message).toContain("`support-standard`");
    expect(found[0]!.message).toContain("`When Sandbox is picked, require Premium`");
  });
  /** A second add-on of the team portfolio, built from `sso` with its own ids. */
  function audit(doc: Catalog) {
    const sso = pkg(doc, "sso");
    const copy = structuredClone(sso);
    copy.id = "audit";
    copy.name = "Audit log";
    copy.components = [{ id: "audit-service", service: "saml", min: 1, max: 1 }];
    copy.charges = copy.charges.map((c) => ({ ...c, id: `audit-${c.id}` }));
    doc.packages.push(copy);
    return copy;
  }

  it("ignore add-ons no option of the package can interact with", () => {
    const doc = validCatalog();
    // Audit cannot be bought at all (every option of its 1..1 group is retired), but no rule of
    // any package mentions it: leaving it out is always possible.
    audit(doc).optionGroups = [
      {
        id: "audit-region",
        name: "Region",
        min: 1,
        max: 1,
        options: [{ id: "audit-eu", name: "EU", status: "retired" }],
      },
    ];
    expect(logicDiagnostics(doc)).toEqual([]);
  });

  it("follow add-ons through the add-ons they require", () => {
    const doc = validCatalog();
    // Premium needs SSO (`premium-needs-sso`); SSO requires Audit; Audit cannot be bought. So Pro
    // can never have Premium, and Enterprise, which includes SSO, has no configuration at all.
    const a = audit(doc);
    a.optionGroups = [
      {
        id: "audit-region",
        name: "Region",
        min: 1,
        max: 1,
        options: [{ id: "audit-eu", name: "EU", status: "retired" }],
      },
    ];
    const sso = pkg(doc, "sso");
    sso.addOn = { ...sso.addOn, requires: ["audit"] };
    const found = logicDiagnostics(doc);
    const index = doc.packages.indexOf(pkg(doc, "pro"));
    expect(found).toEqual([
      expect.objectContaining({
        code: "logic.option-never-pickable",
        severity: "warning",
        pointer: `/packages/${index}/optionGroups/0/options/1`,
      }),
      expect.objectContaining({
        code: "logic.unsatisfiable-package",
        severity: "error",
        pointer: `/packages/${doc.packages.indexOf(pkg(doc, "enterprise"))}`,
      }),
    ]);
    expect(found[0]!.message).toContain("`When Premium is picked, require Single sign-on`");
    expect(found[0]!.message).toContain("requires `Audit log`");
    expect(found[1]!.message).toContain("requires `Audit log`");
  });
});
