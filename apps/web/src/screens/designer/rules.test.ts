import type { Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  draftOf,
  draftProblems,
  emptyDraft,
  isEditable,
  quantityRuleInWords,
  ruleInWords,
  ruleOf,
} from "./rules.ts";

const NAMES: Record<string, string> = {
  a: "Alpha",
  b: "Beta",
  c: "Gamma",
  x: "EU region",
  y: "US region",
  z: "Zeta",
};
const name = (id: string) => NAMES[id] ?? id;
/** A rule; its consequence is given as `must` ("then" in the schema). */
const rule = ({ must, ...rest }: Omit<Rule, "then"> & { must: Rule["then"] }): Rule =>
  // biome-ignore lint/suspicious/noThenProperty: "then" is the schema's name for a rule's consequence
  ({ ...rest, then: must });

describe("ruleInWords", () => {
  it.each<[Rule, string]>([
    [
      rule({ id: "r", when: { allOf: ["a"] }, must: { requireAll: ["x"] } }),
      "When Alpha is picked, require EU region.",
    ],
    [
      rule({ id: "r", when: { allOf: ["a", "b"] }, must: { requireNone: ["x", "y"] } }),
      "When Alpha and Beta are picked, rule out EU region and US region.",
    ],
    [
      rule({ id: "r", when: { anyOf: ["a", "b", "c"] }, must: { requireAny: ["x", "y"] } }),
      "When any of Alpha, Beta or Gamma is picked, require at least one of EU region or US region.",
    ],
    [
      rule({ id: "r", when: { allOf: ["a"], noneOf: ["b"] }, must: { requireExactlyOne: ["x", "y"] } }),
      "When Alpha is picked and Beta is not picked, require exactly one of EU region or US region.",
    ],
    [
      rule({
        id: "r",
        when: { allOf: ["a"], anyOf: ["b", "c"], noneOf: ["x", "y"] },
        must: { requireAll: ["z"] },
      }),
      "When Alpha is picked, any of Beta or Gamma is picked and none of EU region or US region is picked, require Zeta.",
    ],
    [
      rule({ id: "r", must: { requireAny: ["x", "y"] } }),
      "Always require at least one of EU region or US region.",
    ],
  ])("%#: %s", (r, words) => {
    expect(ruleInWords(r, name)).toBe(words);
  });
});

describe("rule drafts", () => {
  it("round-trips every form of rule through the form", () => {
    const rules: Rule[] = [
      rule({
        id: "r1",
        description: "Why",
        when: { allOf: ["a"], anyOf: ["b", "c"], noneOf: ["x"] },
        must: { requireExactlyOne: ["y", "z"] },
      }),
      rule({ id: "r2", must: { requireNone: ["a"] } }),
      rule({ id: "r3", when: { noneOf: ["a", "b"] }, must: { requireAny: ["c", "x"] } }),
    ];
    for (const r of rules) expect(ruleOf(draftOf(r))).toEqual(r);
  });

  it("leaves out empty parts of the condition, an empty condition and a blank description", () => {
    const d = emptyDraft();
    d.id = " r ";
    d.description = "  ";
    d.when.anyOf = ["a"];
    d.thenIds = ["b"];
    expect(ruleOf(d)).toEqual(rule({ id: "r", when: { anyOf: ["a"] }, must: { requireAll: ["b"] } }));
  });

  it("says what is missing before a draft can be added", () => {
    const d = emptyDraft();
    expect(draftProblems(d, new Set())).toEqual([
      "Give the rule an id.",
      "Pick what the rule should require all of.",
    ]);
    d.id = "Bad Id";
    d.thenIds = ["a"];
    expect(draftProblems(d, new Set())).toEqual([
      "The id may use lower-case letters, digits, '-', '_' and '.', and starts with a letter or digit.",
    ]);
    d.id = "taken";
    expect(draftProblems(d, new Set(["taken"]))).toEqual(["The id `taken` is already used in this catalog."]);
    d.id = "fresh";
    d.thenKind = "requireExactlyOne";
    expect(draftProblems(d, new Set(["taken"]))).toEqual([
      "“Exactly one of” needs at least two picks; to require a single one, use “require all of”.",
    ]);
    d.thenIds = ["a", "b"];
    expect(draftProblems(d, new Set(["taken"]))).toEqual([]);
  });
});

describe("formula rules", () => {
  const formula: Rule = rule({
    id: "f",
    when: { all: [{ any: ["a", "b"] }, { not: "c" }] },
    must: { iff: ["x", "y"] },
  });

  it("read as one sentence", () => {
    expect(ruleInWords(formula, name)).toBe(
      "If (Alpha or Beta) and not Gamma, then EU region exactly when US region.",
    );
    expect(ruleInWords(rule({ id: "g", must: { atLeast: { k: 2, of: ["a", "b", "c"] } } }), name)).toBe(
      "Always: at least two of Alpha, Beta or Gamma.",
    );
  });

  it("are shown read-only: the form does not edit them", () => {
    expect(isEditable(formula)).toBe(false);
    expect(isEditable(rule({ id: "r", when: { allOf: ["a"] }, must: { requireAll: ["x"] } }))).toBe(true);
  });

  it("keep a rule's name through the form", () => {
    const d = draftOf({ ...rule({ id: "r", must: { requireAll: ["x"] } }), name: "EU needs X" });
    expect(ruleOf(d).name).toBe("EU needs X");
  });
});

describe("quantity rules in words", () => {
  const name = (id: string) => ({ s: "Storage", u: "Seats" })[id] ?? id;
  it("reads the two common shapes and writes out any other sum", () => {
    expect(
      quantityRuleInWords(
        {
          id: "q",
          terms: [
            { component: "s", coefficient: 1 },
            { component: "u", coefficient: -10 },
          ],
          comparator: "<=",
          bound: 0,
        },
        name,
      ),
    ).toBe("Storage is at most 10 × Seats");
    expect(
      quantityRuleInWords(
        { id: "q", terms: [{ component: "u", coefficient: 1 }], comparator: ">=", bound: 3 },
        name,
      ),
    ).toBe("Seats is at least 3");
    expect(
      quantityRuleInWords(
        {
          id: "q",
          terms: [
            { component: "s", coefficient: 2 },
            { component: "u", coefficient: 3 },
          ],
          comparator: "==",
          bound: 12,
        },
        name,
      ),
    ).toBe("2 × Storage + 3 × Seats is exactly 12");
  });
});
