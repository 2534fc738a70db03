/**
 * The propositional core: the solver against brute force on random small CNFs (models, cores under
 * assumptions, kept levels across calls), model patching and the consequences (with pooled,
 * anchored and patched models) against enumeration, and the cardinality encodings against counting.
 */
import { describe, expect, it } from "vitest";
import { type Anchors, consequences } from "./backbone.ts";
import { CnfBuilder, clausesOf, cnfOf, FALSE, TRUE } from "./cnf.ts";
import { ModelPatcher } from "./patch.ts";
import { neg, pos, Solver } from "./solver.ts";

function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a % n;
  };
}

const holds = (clause: readonly number[], bits: number) =>
  clause.some((l) => ((bits >> (l >> 1)) & 1) === (l & 1 ? 0 : 1));

describe("Solver", () => {
  it("agrees with brute force on 200 random 3-CNFs, under random assumptions", () => {
    const r = rng(11);
    for (let round = 0; round < 200; round++) {
      const n = 3 + r(8);
      const clauses: number[][] = Array.from({ length: 2 + r(n * 4) }, () =>
        Array.from({ length: 1 + r(3) }, () => (r(n) << 1) | r(2)),
      );
      const solver = new Solver(cnfOf(n, clauses));
      for (let q = 0; q < 4; q++) {
        const assumptions = Array.from({ length: r(3) }, () => (r(n) << 1) | r(2));
        const models: number[] = [];
        for (let bits = 0; bits < 1 << n; bits++) {
          if (clauses.every((c) => holds(c, bits)) && assumptions.every((a) => holds([a], bits)))
            models.push(bits);
        }
        const res = solver.solve(assumptions);
        expect(res?.sat).toBe(models.length > 0);
        if (res?.sat) {
          let bits = 0;
          for (let v = 0; v < n; v++) if (solver.modelValue(v)) bits |= 1 << v;
          expect(models).toContain(bits);
        } else if (res && !res.sat) {
          // The core is a subset of the assumptions that is unsatisfiable on its own.
          for (const l of res.core) expect(assumptions).toContain(l);
          const coreModels = [...Array(1 << n).keys()].filter(
            (bits) => clauses.every((c) => holds(c, bits)) && res.core.every((a) => holds([a], bits)),
          );
          expect(coreModels).toEqual([]);
        }
      }
    }
  }, 30_000);

  it("answers like a fresh solver after `load` reuses it for 200 formulas in turn", () => {
    const r = rng(23);
    const reused = new Solver();
    for (let round = 0; round < 200; round++) {
      // Sizes vary up and down, so loads both grow the solver and reuse larger arrays.
      const n = 1 + r(round % 2 ? 40 : 8);
      const clauses: number[][] = Array.from({ length: 1 + r(n * 4) }, () =>
        Array.from({ length: 1 + r(3) }, () => (r(n) << 1) | r(2)),
      );
      const cnf = cnfOf(n, clauses);
      reused.load(cnf);
      const fresh = new Solver(cnf);
      expect(reused.ok).toBe(fresh.ok);
      for (let q = 0; q < 3; q++) {
        const assumptions = Array.from({ length: r(4) }, () => (r(n) << 1) | r(2));
        const a = reused.solve(assumptions);
        const b = fresh.solve(assumptions);
        expect(a?.sat).toBe(b?.sat);
        if (a?.sat)
          expect(clauses.every((c) => c.some((l) => reused.modelValue(l >> 1) === !(l & 1)))).toBe(true);
        // Same state, same search: the very same core.
        if (a && !a.sat && b && !b.sat) expect(a.core).toEqual(b.core);
      }
    }
  });

  it("falsifies the literals of one long clause in linear work (the at-least-one of a wide group)", () => {
    // All but the last variable are assumed false in index order; each assumption moves the
    // clause's watch. A search for the next watch that always started at the clause's third literal
    // would rescan the literals already false: n²/2 steps. Starting where the last search stopped
    // keeps it linear.
    for (const n of [1_000, 8_000]) {
      const clause = Array.from({ length: n }, (_, v) => pos(v));
      const solver = new Solver(cnfOf(n, [clause]));
      const res = solver.solve(Array.from({ length: n - 1 }, (_, v) => neg(v)));
      expect(res?.sat).toBe(true);
      expect(solver.modelValue(n - 1)).toBe(true);
      expect(solver.watchScans).toBeLessThanOrEqual(2 * n);
    }
  });

  it("traces the picks and clause labels behind a propagated literal", () => {
    // 0 → 1 (label 7), 1 → 2 (label 8), 3 → ¬2 (label 9)
    const solver = new Solver(
      cnfOf(
        4,
        [
          [neg(0), pos(1)],
          [neg(1), pos(2)],
          [neg(3), neg(2)],
        ],
        [7, 8, 9],
      ),
    );
    expect(solver.probe([pos(0)])).toBe(-1);
    expect(solver.value(pos(2))).toBe(1);
    expect(solver.value(neg(3))).toBe(1);
    const cone = solver.cone([neg(3)]);
    expect(cone.decisions).toEqual([pos(0)]);
    expect(cone.labels.sort()).toEqual([7, 8, 9]);
    expect(solver.pushProbe(pos(3))).toBe(false);
    expect(solver.conflictCone()?.decisions.sort()).toEqual([pos(0), pos(3)]);
  });
});

describe("cardinality encodings", () => {
  it("at most k / at least k (guarded) accept exactly the assignments with the right count", () => {
    for (let n = 1; n <= 7; n++) {
      for (let k = 0; k <= n + 1; k++) {
        for (const kind of ["atMost", "atLeast"] as const) {
          const b = new CnfBuilder();
          const xs = Array.from({ length: n }, () => pos(b.newVar()));
          const g = pos(b.newVar());
          b[kind](k, xs, g, 0);
          const cnf = b.build();
          const solver = new Solver(cnf);
          for (let bits = 0; bits < 1 << (n + 1); bits++) {
            const assumptions = [...xs, g].map((x, i) => ((bits >> i) & 1 ? x : x ^ 1));
            const count = xs.filter((_, i) => (bits >> i) & 1).length;
            const guard = (bits >> n) & 1;
            const want = !guard || (kind === "atMost" ? count <= k : count >= k);
            expect(solver.solve(assumptions)?.sat, `${kind} ${k} of ${n}, bits ${bits}`).toBe(want);
          }
        }
      }
    }
  }, 30_000);

  it("folds the constants TRUE and FALSE away", () => {
    const b = new CnfBuilder();
    const x = pos(b.newVar());
    b.clause([x, TRUE], 0); // satisfied: dropped
    b.clause([x, FALSE], 0); // becomes the unit x
    const cnf = b.build();
    expect(clausesOf(cnf)).toEqual([[x]]);
  });
});

describe("consequences", () => {
  it("finds the backbone and the impossible values of a small formula", () => {
    // x0 ∨ x1, ¬x1, x2 → x1: x0 always true, x1 and x2 always false, x3 free.
    const solver = new Solver(cnfOf(4, [[pos(0), pos(1)], [neg(1)], [neg(2), pos(1)]], [0, 1, 2]));
    const c = consequences(solver, [], [0, 1, 2, 3]);
    expect([...c.canBeTrue]).toEqual([1, 0, 0, 1]);
    expect([...c.canBeFalse]).toEqual([0, 1, 1, 1]);
  });
});

/** Random small CNFs with their models (bit sets) by enumeration. */
function randomFormulas(seed: number, count: number) {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const n = 3 + r(8);
    const clauses: number[][] = Array.from({ length: 1 + r(n * 3) }, () =>
      Array.from({ length: 1 + r(3) }, () => (r(n) << 1) | r(2)),
    );
    const models: number[] = [];
    for (let bits = 0; bits < 1 << n; bits++) if (clauses.every((c) => holds(c, bits))) models.push(bits);
    return { n, clauses, models, r };
  });
}

const bitsOf = (model: Uint8Array) => model.reduce((acc, x, v) => acc | (x << v), 0);

describe("ModelPatcher", () => {
  it("turns a model into one holding the wanted literals, or fails, on 300 random CNFs", () => {
    let patched = 0;
    for (const { n, clauses, models, r } of randomFormulas(31, 300)) {
      if (models.length === 0) continue;
      const patcher = new ModelPatcher(cnfOf(n, clauses));
      for (let q = 0; q < 6; q++) {
        const start = models[r(models.length)]!;
        const model = Uint8Array.from({ length: n }, (_, v) => (start >> v) & 1);
        patcher.from(model);
        const want = Array.from({ length: 1 + r(3) }, () => (r(n) << 1) | r(2));
        if (!patcher.patch(want)) continue;
        patched++;
        const bits = bitsOf(patcher.model);
        // A model of the clauses, holding every wanted literal, that differs from the start
        // exactly in the variables it reports changed.
        expect(models).toContain(bits);
        for (const l of want) expect(holds([l], bits)).toBe(true);
        const changed = [...patcher.changed].sort((a, b) => a - b);
        const differs = [...Array(n).keys()].filter((v) => ((bits ^ start) >> v) & 1);
        expect(changed).toEqual(differs);
        // The next patch starts from the model given to `from` again, unless committed.
        if (r(2)) patcher.commit();
        else expect(bitsOf(model)).toBe(start);
      }
    }
    expect(patched).toBeGreaterThan(300);
  });
});

describe("consequences with pooled, anchored and patched models", () => {
  it("agrees with enumeration on 300 random CNFs under random assumptions", () => {
    for (const { n, clauses, models, r } of randomFormulas(47, 300)) {
      const cnf = cnfOf(n, clauses);
      const solver = new Solver(cnf);
      const patcher = new ModelPatcher(cnf);
      const pool: Uint8Array[] = [];
      const anchors: Anchors = { models: [], patched: [], assumptions: [] };
      const vars = [...Array(n).keys()];
      if (solver.ok) consequences(solver, [], vars, { pool: anchors.models, poolSize: 100 });
      let assumptions: number[] = [];
      for (let q = 0; q < 6; q++) {
        // Often the previous assumptions and one more (a click), else new ones.
        const more = Array.from({ length: 1 + r(2) }, () => (r(n) << 1) | r(2));
        assumptions = r(3) > 0 ? [...assumptions, ...more] : more;
        const fitting = models.filter((bits) => assumptions.every((a) => holds([a], bits)));
        const c = consequences(solver, assumptions, vars, { pool, poolSize: 4, anchors, patcher });
        expect(c.sat).toBe(fitting.length > 0);
        if (!c.sat) continue;
        for (const v of vars) {
          expect(c.canBeTrue[v], `x${v} true`).toBe(fitting.some((b) => (b >> v) & 1) ? 1 : 0);
          expect(c.canBeFalse[v], `x${v} false`).toBe(fitting.some((b) => !((b >> v) & 1)) ? 1 : 0);
        }
        for (const m of pool) expect(models).toContain(bitsOf(m));
      }
    }
  });
});
