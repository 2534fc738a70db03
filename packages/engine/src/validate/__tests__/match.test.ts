import type { PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  firstMatchingCase,
  impliedKind,
  isCatchAll,
  matchesCase,
  matchesPackage,
} from "../../paths/match.ts";
import { pkg, validCatalog } from "./fixture.ts";

const doc = validCatalog();
const basic = pkg(doc, "basic");
const pro = pkg(doc, "pro");
const ent = pkg(doc, "enterprise");
const outcome = { timing: "immediate" } as const;

describe("path-rule case matching", () => {
  it("implies the kind from tiers", () => {
    expect(impliedKind(basic, pro)).toBe("upgrade");
    expect(impliedKind(ent, pro)).toBe("downgrade");
    expect(impliedKind(pro, { ...pro, id: "pro-b" })).toBe("crossgrade");
  });

  it("matches a package on every field present", () => {
    expect(matchesPackage({}, basic)).toBe(true);
    expect(matchesPackage({ packages: ["basic"], portfolios: ["team"] }, basic)).toBe(true);
    expect(matchesPackage({ packages: ["pro"] }, basic)).toBe(false);
    expect(matchesPackage({ portfolios: ["other"] }, basic)).toBe(false);
    expect(matchesPackage({ minTier: 2 }, basic)).toBe(false);
    expect(matchesPackage({ minTier: 1, maxTier: 2 }, pro)).toBe(true);
    expect(matchesPackage({ maxTier: 2 }, ent)).toBe(false);
  });

  it("matches a move when kinds, from, to, billing period and phase all hold", () => {
    const c: PathRuleCase = {
      id: "annual-upgrades",
      kinds: ["upgrade"],
      from: { maxTier: 1 },
      to: { packages: ["pro", "enterprise"] },
      billingPeriods: ["year"],
      phases: ["evergreen"],
      outcome,
    };
    const move = {
      kind: "upgrade",
      from: basic,
      to: pro,
      billingPeriod: "year",
      phase: "evergreen",
    } as const;
    expect(matchesCase(c, move)).toBe(true);
    expect(matchesCase(c, { ...move, kind: "downgrade" })).toBe(false);
    expect(matchesCase(c, { ...move, billingPeriod: "month" })).toBe(false);
    expect(matchesCase(c, { ...move, phase: "trial" })).toBe(false);
    expect(matchesCase(c, { ...move, from: pro, to: ent })).toBe(false);
  });

  it("never matches a case with a `to` condition against a move without a target", () => {
    const c: PathRuleCase = { id: "to-any", to: {}, outcome };
    const { to: _none, ...terminate } = {
      kind: "terminate",
      from: basic,
      to: basic,
      billingPeriod: "month",
      phase: "evergreen",
    } as const;
    expect(matchesCase(c, terminate)).toBe(false);
    expect(isCatchAll(c)).toBe(false);
    expect(isCatchAll({ id: "any", outcome })).toBe(true);
    expect(matchesCase({ id: "any", outcome }, terminate)).toBe(true);
  });

  it("picks the first matching case", () => {
    const cases: PathRuleCase[] = [
      { id: "no-downgrades", kinds: ["downgrade"], outcome: { timing: "illegal" } },
      { id: "default", outcome },
    ];
    const down = {
      kind: "downgrade",
      from: ent,
      to: pro,
      billingPeriod: "month",
      phase: "evergreen",
    } as const;
    expect(firstMatchingCase(cases, down)?.id).toBe("no-downgrades");
    expect(firstMatchingCase(cases, { ...down, kind: "upgrade", from: pro, to: ent })?.id).toBe("default");
    expect(firstMatchingCase([], down)).toBeUndefined();
  });
});
