/**
 * Rules written as nested formulas: their ids and counts are checked where they sit (located
 * pointers), and the SAT checks find a rule that leaves no configuration, a rule that never
 * applies, and options every configuration must contain (core options) unless declared mandatory.
 */
import type { Catalog, Formula, Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { resolvePointer } from "../../diagnostic.ts";
import { validate } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

/** The reference catalog with a checklist of extras on `pro` and the given extra rules. */
function withRules(...rules: Rule[]): { doc: Catalog; at: number } {
  const doc = validCatalog();
  const pro = pkg(doc, "pro");
  pro.optionGroups?.push({
    id: "extras",
    name: "Extras",
    options: [
      { id: "extra-a", name: "Archive" },
      { id: "extra-b", name: "Backups" },
      { id: "extra-c", name: "Compliance" },
    ],
  });
  pro.rules = [...(pro.rules ?? []), ...rules];
  return { doc, at: doc.packages.indexOf(pro) };
}

const rule = (id: string, when: Formula | undefined, then: Formula, name?: string): Rule => ({
  id,
  ...(name ? { name } : {}),
  ...(when !== undefined ? { when } : {}),
  then,
});

function findings(doc: Catalog) {
  return validate(doc).diagnostics.map(({ code, severity, pointer }) => ({ code, severity, pointer }));
}

describe("rules with nested formulas", () => {
  it("accept every connective, and a valid one raises nothing", () => {
    const { doc } = withRules(
      rule("r-iff", { any: ["extra-a", "extra-b"] }, { iff: ["extra-c", "sso"] }, "Compliance goes with SSO"),
      rule(
        "r-count",
        { not: "support-standard" },
        { atMost: { k: 2, of: ["extra-a", "extra-b", "extra-c"] } },
      ),
      rule("r-imp", undefined, { implies: [{ all: ["extra-a", "extra-b"] }, { none: ["extra-c"] }] }),
      rule("r-exact", "extra-c", {
        exactly: { k: 1, of: ["extra-a", { atLeast: { k: 1, of: ["extra-b"] } }] },
      }),
    );
    expect(findings(doc)).toEqual([]);
    expect(validate(doc).valid).toBe(true);
  });

  it("report an unknown id where it sits in the formula", () => {
    const { doc, at } = withRules(
      rule("r1", { any: ["extra-a", { not: "nope" }] }, "missing"),
      rule("r2", undefined, { atLeast: { k: 1, of: ["extra-b", "basic"] } }),
    );
    const got = findings(doc).filter((d) => d.code === "ref.unknown-pick");
    expect(got.map((d) => d.pointer)).toEqual([
      `/packages/${at}/rules/1/when/any/1/not`,
      `/packages/${at}/rules/1/then`,
      `/packages/${at}/rules/2/then/atLeast/of/1`,
    ]);
    for (const d of got) expect(resolvePointer(doc, d.pointer).found).toBe(true);
  });

  it("report counts whose k cannot mean what was meant", () => {
    const three = ["extra-a", "extra-b", "extra-c"] as [string, ...string[]];
    const { doc, at } = withRules(
      rule("r1", undefined, { any: [{ atLeast: { k: 4, of: three } }, "extra-a"] }),
      rule("r2", "extra-a", { atMost: { k: 3, of: three } }),
      rule("r3", "extra-a", { atLeast: { k: 0, of: three } }),
      rule("r4", "extra-a", { exactly: { k: 3, of: three } }),
    );
    const got = validate(doc).diagnostics.filter((d) => d.code === "rule.count-out-of-range");
    expect(got.map((d) => d.pointer)).toEqual([
      `/packages/${at}/rules/1/then/any/0/atLeast/k`,
      `/packages/${at}/rules/2/then/atMost/k`,
      `/packages/${at}/rules/3/then/atLeast/k`,
    ]);
    expect(got[0]!.message).toContain("at least 4 of 3 formulas can never hold");
    expect(got[1]!.message).toContain("always holds");
  });

  it("refuse an empty list and a node with two connectives in the schema layer", () => {
    const { doc, at } = withRules(
      rule("r1", undefined, { all: [] } as unknown as Formula),
      rule("r2", undefined, { any: ["extra-a"], all: ["extra-b"] } as Formula),
    );
    const result = validate(doc);
    expect(result.valid).toBe(false);
    const pointers = result.diagnostics.map((d) => d.pointer);
    expect(pointers.some((p) => p.startsWith(`/packages/${at}/rules/1/then`))).toBe(true);
    expect(pointers.some((p) => p.startsWith(`/packages/${at}/rules/2/then`))).toBe(true);
  });

  it("point at a rule that leaves the package no configuration", () => {
    const { doc, at } = withRules(
      rule(
        "both-supports",
        undefined,
        { all: ["support-standard", "support-premium"] },
        "Both support levels",
      ),
    );
    const got = validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."));
    expect(got.map(({ code, pointer }) => ({ code, pointer }))).toEqual([
      { code: "logic.unsatisfiable-package", pointer: `/packages/${at}` },
      { code: "logic.rule-never-holds", pointer: `/packages/${at}/rules/1/then` },
    ]);
    expect(got[0]!.message).toContain("rule `Both support levels`");
  });

  it("warn about a rule whose condition no configuration satisfies", () => {
    const { doc, at } = withRules(
      rule("never", { all: ["support-standard", "support-premium"] }, "extra-a"),
      rule("sometimes", { any: ["support-premium", "extra-c"] }, { not: "extra-b" }),
    );
    const got = validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."));
    expect(got).toEqual([
      expect.objectContaining({
        code: "logic.rule-never-applies",
        severity: "warning",
        pointer: `/packages/${at}/rules/1/when`,
      }),
    ]);
    expect(got[0]!.message).toContain("option group `Support level`");
  });

  it("warn about an option every configuration must contain, unless it is mandatory", () => {
    const { doc, at } = withRules(rule("always-archive", undefined, "extra-a", "Archive for everyone"));
    const got = validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."));
    expect(got).toEqual([
      expect.objectContaining({
        code: "logic.option-always-required",
        severity: "warning",
        pointer: `/packages/${at}/optionGroups/1/options/0`,
      }),
    ]);
    expect(got[0]!.message).toContain("rule `Archive for everyone` requires it");
    expect(got[0]!.message).toContain("`mandatory`");
    const extras = pkg(doc, "pro").optionGroups![1]!;
    extras.options[0]!.mandatory = true;
    expect(validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."))).toEqual([]);
  });

  it("say nothing about a group that needs all of its options", () => {
    const doc = validCatalog();
    pkg(doc, "pro").optionGroups?.push({
      id: "base-kit",
      name: "Base kit",
      min: 1,
      options: [{ id: "kit", name: "Kit" }],
    });
    expect(validate(doc).diagnostics.filter((d) => d.code.startsWith("logic."))).toEqual([]);
  });
});
