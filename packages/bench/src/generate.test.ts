import { validate } from "@tessera/engine";
import type { Condition, Consequence, OptionGroup, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { generateBigPackage, PROFILES } from "./generate/big.ts";
import { createRandom } from "./generate/random.ts";
import { generateCatalog } from "./generate.ts";

const s1 = generateCatalog({ seed: 7, scale: 1 });

function holds(c: Condition | undefined, picked: ReadonlySet<string>): boolean {
  if (c === undefined) return true;
  if (c.allOf && !c.allOf.every((x) => picked.has(x))) return false;
  if (c.anyOf && !c.anyOf.some((x) => picked.has(x))) return false;
  if (c.noneOf?.some((x) => picked.has(x))) return false;
  return true;
}

function satisfied(t: Consequence, picked: ReadonlySet<string>): boolean {
  const n = (ids: readonly string[]) => ids.filter((x) => picked.has(x)).length;
  if (t.requireAll) return n(t.requireAll) === t.requireAll.length;
  if (t.requireAny) return n(t.requireAny) > 0;
  if (t.requireExactlyOne) return n(t.requireExactlyOne) === 1;
  return n(t.requireNone ?? []) === 0;
}

/** Every rule, group cardinality and nesting condition of `pkg` holds for `picked`. */
function violations(pkg: Package, picked: ReadonlySet<string>): string[] {
  const out: string[] = [];
  // The generator writes list rules only (no nested formulas).
  for (const r of pkg.rules ?? [])
    if (holds(r.when as Condition | undefined, picked) && !satisfied(r.then as Consequence, picked))
      out.push(r.id);
  for (const g of pkg.optionGroups ?? []) {
    const n = g.options.filter((o) => picked.has(o.id)).length;
    const applies = g.parentOption === undefined || picked.has(g.parentOption);
    if (!applies && n > 0) out.push(`${g.id} (parent not picked)`);
    if (applies && (n < (g.min ?? 0) || n > (g.max ?? g.options.length))) out.push(`${g.id} (${n} picked)`);
  }
  return out;
}

describe("generateCatalog", () => {
  it("is deterministic: same seed, same catalog; another seed, another catalog", () => {
    expect(JSON.stringify(generateCatalog({ seed: 7, scale: 1 }))).toBe(JSON.stringify(s1));
    expect(JSON.stringify(generateCatalog({ seed: 8, scale: 1 }))).not.toBe(JSON.stringify(s1));
  });

  it("has the reference size at scale 1, with every price model", () => {
    expect(s1.services.length).toBeGreaterThanOrEqual(5000);
    expect(s1.packages.length).toBeGreaterThanOrEqual(1000);
    const models = new Set(s1.packages.flatMap((p) => p.charges.map((c) => c.model)));
    expect([...models].sort()).toEqual([
      "flat",
      "one_time",
      "per_unit",
      "stairstep",
      "tiered",
      "usage",
      "volume",
    ]);
    const big = s1.packages.find((p) => p.id === "big-0")!;
    expect(big.optionGroups!.reduce((n, g) => n + g.options.length, 0)).toBeGreaterThanOrEqual(1000);
    expect(big.rules!.length).toBeGreaterThanOrEqual(3000);
    expect(big.optionGroups!.some((g) => g.parentOption !== undefined)).toBe(true);
    const last = s1.pathRules!.at(-1)!;
    expect(Object.keys(last).filter((k) => k !== "id" && k !== "description" && k !== "outcome")).toEqual([]);
  });

  it("validates with zero diagnostics", () => {
    const result = validate(JSON.parse(JSON.stringify(s1)));
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("multiplies services, packages and big packages by the scale", () => {
    const s2 = generateCatalog({ seed: 7, scale: 2 });
    expect(s2.services.length).toBe(2 * s1.services.length);
    expect(s2.packages.length).toBe(2 * s1.packages.length);
    expect(s2.packages.filter((p) => /^big-\d+$/.test(p.id)).map((p) => p.id)).toEqual(["big-0", "big-1"]);
    expect(() => generateCatalog({ seed: 7, scale: 0 })).toThrow(RangeError);
  });
});

describe("the big package", () => {
  const { base, addOns, profiles } = generateBigPackage(
    createRandom(11),
    0,
    "pf-big-0",
    Array.from({ length: 40 }, (_, k) => `svc-${k}`),
  );
  const groupOf = new Map<string, OptionGroup>();
  for (const g of base.optionGroups!) for (const o of g.options) groupOf.set(o.id, g);

  it("is satisfiable for each profile, so every option can be picked", () => {
    const covered = new Set<string>();
    for (let p = 0; p < PROFILES; p++) {
      const picked = new Set([...profiles].filter(([, q]) => q === p).map(([id]) => id));
      for (const id of picked) covered.add(id);
      if (p > 0) picked.add(`big-0-addon-${p}`);
      expect(violations(base, picked)).toEqual([]);
      const packs = addOns.filter((a) => picked.has(a.id));
      for (const a of packs) for (const x of a.addOn?.excludes ?? []) expect(picked.has(x)).toBe(false);
    }
    expect(covered.size).toBe(groupOf.size);
  });

  it("proposes defaults that satisfy every rule", () => {
    const defaults = new Set(
      base.optionGroups!.flatMap((g) => g.options.filter((o) => o.default).map((o) => o.id)),
    );
    expect(defaults.size).toBeGreaterThan(0);
    expect(violations(base, defaults)).toEqual([]);
  });

  it("has rules that interact: long requires chains across groups, cross-group excludes", () => {
    const requires = new Map<string, string[]>();
    let crossExcludes = 0;
    for (const r of base.rules!) {
      const a = (r.when as Condition | undefined)?.allOf;
      const then = r.then as Consequence;
      if (a?.length === 1 && then.requireAll)
        requires.set(a[0]!, [...(requires.get(a[0]!) ?? []), ...then.requireAll]);
      if (a?.length === 1 && then.requireNone?.some((x) => groupOf.get(x) !== groupOf.get(a[0]!)))
        crossExcludes++;
    }
    // Longest chain of requires (depth-limited DFS from every option) visiting distinct groups.
    const depth = (id: string, seen: Set<string>): number => {
      let best = 0;
      for (const next of requires.get(id) ?? []) {
        if (seen.has(next) || seen.size > 12) continue;
        seen.add(next);
        best = Math.max(best, 1 + depth(next, seen));
        seen.delete(next);
      }
      return best;
    };
    const longest = Math.max(...[...requires.keys()].slice(0, 50).map((id) => depth(id, new Set([id]))));
    expect(longest).toBeGreaterThanOrEqual(5);
    expect(crossExcludes).toBeGreaterThanOrEqual(900);
    const consequenceKinds = new Set(base.rules!.map((r) => Object.keys(r.then)[0]));
    expect([...consequenceKinds].sort()).toEqual([
      "requireAll",
      "requireAny",
      "requireExactlyOne",
      "requireNone",
    ]);
  });
});
