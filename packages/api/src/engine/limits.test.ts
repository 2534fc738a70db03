import { resolvePointer } from "@tessera/engine";
import { describe, expect, it } from "vitest";
import {
  defaultEngineOptions,
  type EngineLimits,
  engineOptionsFromEnv,
  exceededLimit,
  largestPackage,
} from "./limits.ts";

const limits: EngineLimits = {
  maxOptionsPerPackage: 5,
  maxRulesPerPackage: 3,
  maxOptions: 8,
  budgetMs: 1_000,
};

const pkg = (id: string, groups: number[], rules = 0, quantityRules = 0) => ({
  id,
  name: id.toUpperCase(),
  optionGroups: groups.map((n, g) => ({
    id: `${id}-g${g}`,
    options: Array.from({ length: n }, (_, i) => ({ id: `${id}-${g}-${i}` })),
  })),
  rules: Array.from({ length: rules }, (_, i) => ({ id: `${id}-r${i}` })),
  quantityRules: Array.from({ length: quantityRules }, (_, i) => ({ id: `${id}-q${i}` })),
});

describe("exceededLimit", () => {
  it("accepts a catalog at every limit", () => {
    expect(exceededLimit({ packages: [pkg("a", [2, 3], 2, 1), pkg("b", [3])] }, limits)).toBeUndefined();
  });

  it("counts options across a package's groups and points at its groups", () => {
    const doc = { packages: [pkg("a", [1]), pkg("b", [3, 3])] };
    const d = exceededLimit(doc, limits)!;
    expect(d).toMatchObject({
      code: "limit.package-options",
      severity: "error",
      pointer: "/packages/1/optionGroups",
    });
    expect(resolvePointer(doc, d.pointer).found).toBe(true);
    expect(d.message).toBe(
      'Package "B" has 6 options; the limit is 5 options per package (TESSERA_MAX_OPTIONS_PER_PACKAGE). Split it into smaller packages or ask an administrator to raise the limit.',
    );
  });

  it("counts pick rules and quantity rules together", () => {
    const doc = { packages: [pkg("a", [1], 2, 2)] };
    const d = exceededLimit(doc, limits)!;
    expect(d).toMatchObject({ code: "limit.package-rules", pointer: "/packages/0/rules" });
    expect(d.message).toContain(
      "has 4 rules; the limit is 3 rules per package (TESSERA_MAX_RULES_PER_PACKAGE)",
    );
    const onlyQuantity = { packages: [pkg("a", [1], 0, 4)] };
    expect(exceededLimit(onlyQuantity, limits)!.pointer).toBe("/packages/0/quantityRules");
  });

  it("counts options across the catalog, with thousands separated", () => {
    const doc = { packages: [pkg("a", [5]), pkg("b", [4])] };
    expect(exceededLimit(doc, limits)).toMatchObject({ code: "limit.options", pointer: "/packages" });
    const big = exceededLimit(
      { packages: [pkg("a", [12_345])] },
      { ...limits, maxOptionsPerPackage: 10_000 },
    )!;
    expect(big.message).toContain("has 12,345 options; the limit is 10,000 options per package");
  });

  it("never throws on documents of the wrong shape (validate reports those)", () => {
    for (const doc of [
      null,
      1,
      "x",
      [],
      {},
      { packages: 3 },
      { packages: [null, 1, { optionGroups: "x" }, { optionGroups: [null, { options: 4 }] }] },
    ])
      expect(exceededLimit(doc, limits)).toBeUndefined();
    expect(largestPackage({ packages: [] })).toBeUndefined();
    expect(largestPackage(null)).toBeUndefined();
  });
});

describe("largestPackage", () => {
  it("names the package with the most options and rules, by name or id", () => {
    expect(largestPackage({ packages: [pkg("a", [1]), pkg("b", [2, 2], 1)] })).toEqual({
      pointer: "/packages/1",
      sentence: 'Its largest package, "B", has 4 options and 1 rule.',
    });
  });
});

describe("engineOptionsFromEnv", () => {
  it("reads each variable, in MB for the cache, and keeps the default for a bad value with a warning", () => {
    const warnings: string[] = [];
    const options = engineOptionsFromEnv(
      {
        TESSERA_MAX_OPTIONS: "5000",
        TESSERA_ENGINE_BUDGET_MS: "250",
        TESSERA_ENGINE_CACHE_MB: "8",
        TESSERA_ENGINE_THREADS: "two",
      },
      (m) => warnings.push(m),
    );
    const defaults = defaultEngineOptions();
    expect(options).toEqual({
      ...defaults,
      maxOptions: 5000,
      budgetMs: 250,
      resultCacheBytes: 8 * 1024 * 1024,
    });
    expect(warnings).toEqual([
      `TESSERA_ENGINE_THREADS=two is not a positive whole number; using ${defaults.threads}.`,
    ]);
  });
});
