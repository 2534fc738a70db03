/**
 * Oracle for the configurator on feature-model-shaped packages of a few hundred options (the
 * generator of the scale benchmarks, at a size an independent solver decides quickly), with wide
 * groups of interchangeable options added so the symmetry shortcut (configure/symmetry.ts) is
 * exercised too: after seeded clicks, every option's state must equal the one an independent
 * solver finds, and every reason must be sufficient and subset-minimal.
 *
 * The independent solver is a plain DPLL written here (unit propagation over occurrence lists,
 * chronological backtracking) on its own encoding of the package: cardinalities as one clause per
 * forbidden subset, which needs no auxiliary variables and shares nothing with the engine's
 * sequential counters, CDCL solver or model covers.
 */
import { compile, configure } from "@tessera/engine";
import type { Catalog, Condition, Consequence, OptionGroup, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { generateFeatureModelCatalog } from "./generate/featureModel.ts";
import { createRandom } from "./generate/random.ts";

/** Literals: variable v is v + 1 when true, −(v + 1) when false. */
type Clause = number[];

/** Every k-subset of xs. */
function subsets<T>(xs: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const rec = (from: number, acc: T[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = from; i < xs.length; i++) {
      acc.push(xs[i]!);
      rec(i + 1, acc);
      acc.pop();
    }
  };
  rec(0, []);
  return out;
}

/** The package as clauses over its options, straight from the semantics in configure's README. */
function encode(pkg: Package): { index: Map<string, number>; clauses: Clause[] } {
  const index = new Map<string, number>();
  for (const g of pkg.optionGroups ?? []) for (const o of g.options) index.set(o.id, index.size);
  const lit = (id: string) => index.get(id)! + 1;
  const clauses: Clause[] = [];
  for (const g of pkg.optionGroups ?? []) {
    const xs = g.options.map((o) => lit(o.id));
    const guard = g.parentOption === undefined ? [] : [-lit(g.parentOption)];
    for (const x of xs) if (guard.length > 0) clauses.push([-x, -guard[0]!]);
    const max = g.max ?? xs.length;
    const min = g.min ?? 0;
    // At most max: no max + 1 of them together. At least min: any n − min + 1 of them hold one.
    if (max < xs.length) for (const s of subsets(xs, max + 1)) clauses.push([...guard, ...s.map((x) => -x)]);
    if (min > 0) for (const s of subsets(xs, xs.length - min + 1)) clauses.push([...guard, ...s]);
    for (const o of g.options) if (o.status === "retired") clauses.push([-lit(o.id)]);
  }
  for (const r of pkg.rules ?? []) {
    // The generator writes list-form rules only (no nested formulas), which is all this encodes.
    const w = (r.when ?? {}) as Condition;
    const premise = [...(w.allOf ?? []).map((id) => -lit(id)), ...(w.noneOf ?? []).map((id) => lit(id))];
    const anyOf = w.anyOf ?? [];
    const conds = anyOf.length > 0 ? anyOf.map((id) => [...premise, -lit(id)]) : [premise];
    const t = r.then as Consequence;
    for (const c of conds) {
      for (const id of t.requireAll ?? []) clauses.push([...c, lit(id)]);
      if (t.requireAny) clauses.push([...c, ...t.requireAny.map(lit)]);
      for (const id of t.requireNone ?? []) clauses.push([...c, -lit(id)]);
    }
  }
  return { index, clauses };
}

/** A plain DPLL: a model (1 true, 0 false per variable) extending the assumptions, or null. */
function dpll(
  n: number,
  clauses: Clause[],
  assumptions: readonly number[],
  phase: Int8Array,
): Uint8Array | null {
  const occ: number[][] = Array.from({ length: 2 * n + 2 }, () => []);
  const slot = (l: number) => (l > 0 ? 2 * l : -2 * l + 1);
  clauses.forEach((c, i) => {
    for (const l of c) occ[slot(-l)]!.push(i); // clauses to re-check when l becomes false
  });
  const val = new Int8Array(n + 1); // 1 true, −1 false, 0 free
  const trail: number[] = [];
  const litValue = (l: number) => (l > 0 ? val[l]! : -val[-l]!);
  const set = (l: number) => {
    val[Math.abs(l)] = l > 0 ? 1 : -1;
    trail.push(l);
  };
  const propagate = (from: number): boolean => {
    for (let q = from; q < trail.length; q++) {
      for (const ci of occ[slot(trail[q]!)]!) {
        let free = 0;
        let unit = 0;
        let sat = false;
        for (const l of clauses[ci]!) {
          const v = litValue(l);
          if (v === 1) {
            sat = true;
            break;
          }
          if (v === 0) {
            free++;
            unit = l;
          }
        }
        if (sat) continue;
        if (free === 0) return false;
        if (free === 1) set(unit);
      }
    }
    return true;
  };
  const undo = (to: number) => {
    while (trail.length > to) val[Math.abs(trail.pop()!)] = 0;
  };
  // Unit clauses and assumptions first.
  for (const c of clauses)
    if (c.length === 1 && litValue(c[0]!) !== 1) {
      if (litValue(c[0]!) === -1) return null;
      set(c[0]!);
    }
  for (const a of assumptions) {
    if (litValue(a) === -1) return null;
    if (litValue(a) === 0) set(a);
  }
  if (clauses.some((c) => c.length === 0) || !propagate(0)) return null;
  const search = (): boolean => {
    let v = 1;
    while (v <= n && val[v] !== 0) v++;
    if (v > n) return true;
    for (const first of [phase[v - 1] ? v : -v, phase[v - 1] ? -v : v]) {
      const mark = trail.length;
      set(first);
      if (propagate(mark) && search()) return true;
      undo(mark);
    }
    return false;
  };
  if (!search()) return null;
  const model = new Uint8Array(n);
  for (let v = 1; v <= n; v++) model[v - 1] = val[v] === 1 ? 1 : 0;
  return model;
}

/** States by the oracle: can each option be true / false under the picks. */
function oracleStates(n: number, clauses: Clause[], picks: number[]): { canT: Uint8Array; canF: Uint8Array } {
  const canT = new Uint8Array(n);
  const canF = new Uint8Array(n);
  const phase = new Int8Array(n);
  const take = (m: Uint8Array) => {
    for (let v = 0; v < n; v++) {
      if (m[v]) canT[v] = 1;
      else canF[v] = 1;
    }
  };
  for (let v = 0; v < n; v++) {
    for (const value of [1, 0]) {
      if ((value ? canT : canF)[v]) continue;
      phase.fill(value);
      const m = dpll(n, clauses, [...picks, value ? v + 1 : -(v + 1)], phase);
      if (m) take(m);
    }
  }
  return { canT, canF };
}

/** Adds groups of interchangeable options (and a rule on one of them, which sets it apart). */
function withWideGroups(doc: Catalog, seed: number): Catalog {
  const rng = createRandom(seed);
  const pkg = doc.packages[0]!;
  const groups = pkg.optionGroups!;
  const someOption = () => rng.pick(rng.pick(groups).options).id;
  const wide = (id: string, size: number, min: number, max: number, parent?: string): OptionGroup => ({
    id,
    name: id,
    min,
    max,
    ...(parent ? { parentOption: parent } : {}),
    options: Array.from({ length: size }, (_, k) => ({
      id: `${id}-${k}`,
      name: `${id} ${k}`,
    })) as OptionGroup["options"],
  });
  const a = wide("wa", 20, 1, 1);
  const b = wide("wb", 18, 0, 2, someOption());
  const c = wide("wc", 17, 1, 3, a.options[3]!.id);
  pkg.optionGroups = [...groups, a, b, c];
  // biome-ignore-start lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
  pkg.rules = [
    ...(pkg.rules ?? []),
    { id: "w-r1", when: { allOf: [a.options[5]!.id] }, then: { requireAll: [someOption()] } },
    { id: "w-r2", when: { allOf: [b.options[0]!.id] }, then: { requireNone: [a.options[0]!.id] } },
    {
      id: "w-r3",
      when: { allOf: [someOption()] },
      then: { requireNone: [c.options[1]!.id, b.options[2]!.id] },
    },
  ];
  // biome-ignore-end lint/suspicious/noThenProperty: see above
  return doc;
}

function check(doc: Catalog, seed: number, clicks: number) {
  const pkg = doc.packages[0]!;
  const { index, clauses } = encode(pkg);
  const n = index.size;
  const catalog = compile(doc);
  const rng = createRandom(seed);
  const picks: string[] = [];
  for (let step = 0; step <= clicks; step++) {
    const result = configure(catalog, { package: pkg.id, picks: [...picks] });
    expect(result.valid).toBe(true);
    const lits = picks.map((id) => index.get(id)! + 1);
    const { canT, canF } = oracleStates(n, clauses, lits);
    for (const o of result.options) {
      const v = index.get(o.id)!;
      const expected = picks.includes(o.id)
        ? "selected"
        : canT[v] && canF[v]
          ? "available"
          : canT[v]
            ? "required"
            : "disabled";
      if (o.state === "switch") {
        // A pick-one switch: out with the current picks, possible once `replaces` are given up.
        expect(`${o.id}: ${expected}`).toBe(`${o.id}: disabled`);
        const replaces = (o as { replaces?: string[] }).replaces ?? [];
        expect(replaces.length).toBeGreaterThan(0);
        const rest = picks.filter((id) => !replaces.includes(id)).map((id) => index.get(id)! + 1);
        expect(dpll(n, clauses, [...rest, v + 1], new Int8Array(n))).not.toBeNull();
        continue;
      }
      expect(`${o.id}: ${o.state}`).toBe(`${o.id}: ${expected}`);
      if (o.state !== "required" && o.state !== "disabled") continue;
      // The reason's picks force the state, and no smaller set of them does.
      const why = (o.reason?.picks ?? []).map((id) => index.get(id)! + 1);
      expect(why.every((l) => lits.includes(l))).toBe(true);
      const opposite = o.state === "required" ? -(v + 1) : v + 1;
      const phase = new Int8Array(n);
      expect(dpll(n, clauses, [...why, opposite], phase)).toBeNull();
      for (const drop of why) {
        expect(dpll(n, clauses, [...why.filter((l) => l !== drop), opposite], phase)).not.toBeNull();
      }
    }
    const available = result.options.filter((o) => o.state === "available");
    if (available.length === 0) break;
    picks.push(rng.pick(available).id);
  }
}

describe("configure on feature-model-shaped packages agrees with an independent DPLL solver", () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: states after each of 3 clicks, reasons sufficient and minimal`, () => {
      const shape = { id: `fm${seed}`, options: 200 + 20 * seed, rules: 150 + 25 * seed, groupSize: 3 };
      check(withWideGroups(generateFeatureModelCatalog(seed, shape), seed), seed, 3);
    });
  }
});

describe("generateFeatureModelCatalog", () => {
  it("builds a deep tree (10+ levels) of every group kind, with rules of 2 to 10 options", () => {
    const doc = generateFeatureModelCatalog(42, { id: "fm", options: 2500, rules: 2800, groupSize: 3.1 });
    const pkg = doc.packages[0]!;
    const groups = pkg.optionGroups!;
    const parentOf = new Map<string, string | undefined>();
    for (const g of groups) for (const o of g.options) parentOf.set(o.id, g.parentOption);
    const depth = (id: string): number => {
      const p = parentOf.get(id);
      return p === undefined ? 1 : 1 + depth(p);
    };
    expect(Math.max(...[...parentOf.keys()].map(depth))).toBeGreaterThanOrEqual(10);
    expect(parentOf.size).toBe(2500);
    const kinds = new Set(
      groups.map((g) =>
        g.min === g.max && g.min === g.options.length
          ? "mandatory"
          : `${g.min}..${g.max === g.options.length ? "n" : g.max}`,
      ),
    );
    for (const k of ["mandatory", "0..n", "1..n", "1..1"]) expect(kinds.has(k)).toBe(true);
    const sizes = pkg.rules!.map((r) => JSON.stringify(r).match(/fm-o\d+/g)!.length);
    expect(pkg.rules!.length).toBe(2800);
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(8);
  });
});
