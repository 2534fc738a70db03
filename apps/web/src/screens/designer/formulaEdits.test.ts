/**
 * Formula-rule edits keep every node in the schema's shape and inside the engine's `formulas`
 * check, whatever connective a node is switched to and however many sub-formulas it is given: the
 * rule validates without a schema or `rule.count-out-of-range` error, and holds as the designer
 * meant (checked with the engine's `ruleHolds`).
 */
import { readFileSync } from "node:fs";
import { ruleHolds, validate } from "@tessera/engine";
import type { Catalog, Formula, Package, Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  FORMULA_KINDS,
  formulaAs,
  kRange,
  withChild,
  withK,
  withNewChild,
  withoutChild,
} from "./formulaEdits.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;
const business = saas.packages.find((p) => p.id === "collab-business") as Package;
const picks = (business.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id));
const [a, b, c] = picks as [string, string, string];

/**
 * The shape errors of the sample with one formula rule added to Business: schema, references and
 * counts (what a rule means — `logic.*`, e.g. a rule that can never hold — is the designer's to say).
 */
function ruleErrors(rule: Rule): string[] {
  const doc: Catalog = {
    ...saas,
    packages: saas.packages.map((p) =>
      p.id === business.id ? { ...p, rules: [...(p.rules ?? []), rule] } : p,
    ),
  };
  return validate(doc)
    .diagnostics.filter((d) => d.pointer.includes("/rules/") && /^(schema\.|ref\.|rule\.)/.test(d.code))
    .map((d) => `${d.code} ${d.pointer}: ${d.message}`);
}

describe("formula rule edits", () => {
  it("switch any node to any connective without an error", () => {
    const starts: Formula[] = [
      a,
      { all: [a, b] },
      { not: a },
      { implies: [a, b] },
      { atLeast: { k: 2, of: [a, b, c] } },
    ];
    for (const start of starts)
      for (const { value: kind } of FORMULA_KINDS) {
        const then = formulaAs(start, kind, a);
        expect(ruleErrors({ id: "f-rule", then }), `${JSON.stringify(start)} → ${kind}`).toEqual([]);
      }
  });

  it("keeps k where it means something as sub-formulas come and go", () => {
    let f = formulaAs({ any: [a, b, c] }, "atMost", a);
    // At most 1 of three (k carried as 1).
    expect(f).toEqual({ atMost: { k: 1, of: [a, b, c] } });
    f = withK(f, 3);
    expect(f).toEqual({ atMost: { k: 2, of: [a, b, c] } });
    f = withoutChild(f, 2) as Formula;
    expect(f).toEqual({ atMost: { k: 1, of: [a, b] } });
    expect(kRange("atLeast", 2)).toEqual({ min: 1, max: 2 });
    expect(withK(formulaAs(f, "atLeast", a), 0)).toEqual({ atLeast: { k: 1, of: [a, b] } });
    // biome-ignore lint/suspicious/noThenProperty: "then" is the schema's name for a rule's consequence
    expect(ruleErrors({ id: "f-rule", then: f })).toEqual([]);
  });

  it("refuses to empty a list or unpair a pair, and adds nothing to a full node", () => {
    expect(withoutChild({ all: [a] }, 0)).toBeUndefined();
    expect(withoutChild({ implies: [a, b] }, 0)).toBeUndefined();
    expect(withNewChild({ not: a }, b)).toBeUndefined();
    expect(withNewChild({ all: [a] }, b)).toEqual({ all: [a, b] });
    expect(withChild({ implies: [a, b] }, 1, { not: c })).toEqual({ implies: [a, { not: c }] });
  });

  it("writes the rule the designer means: if a then not both b and c", () => {
    // Built node by node as the form does: then = a → implies [a, a]; second side → not → all of b, c.
    let then = formulaAs(a, "implies", a);
    then = withChild(then, 1, formulaAs(formulaAs(b, "all", a), "not", a));
    then = withChild(then, 1, { not: withNewChild({ all: [b] }, c) as Formula });
    expect(then).toEqual({ implies: [a, { not: { all: [b, c] } }] });
    const rule: Rule = { id: "f-rule", then };
    expect(ruleErrors(rule)).toEqual([]);
    expect(ruleHolds(rule, new Set([a, b, c]))).toBe(false);
    expect(ruleHolds(rule, new Set([a, b]))).toBe(true);
    expect(ruleHolds(rule, new Set([b, c]))).toBe(true);
  });
});
