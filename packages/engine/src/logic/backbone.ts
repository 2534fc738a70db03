/**
 * Which variables can still be true and which can still be false under some assumptions: the
 * "decision propagation" of interactive configurators. A variable that can be neither is impossible
 * (the assumptions are contradictory); one that can only be true is in the backbone.
 *
 * Every model found marks all its values as possible, so one model answers for most variables at
 * once; phase preferences steer the next model towards the values not seen yet, and only the
 * variables still unseen after that get one SAT call each (an UNSAT answer proves them forced).
 *
 * @see Hadzic et al., "Fast backtrack-free product configuration using a precompiled solution space
 *   representation", PETO 2004; Janota et al., "Algorithms for computing backbones of propositional
 *   formulae", AI Communications 2015 (iterative algorithm with model reuse).
 */
import { neg, pos, type Solver } from "./solver.ts";

export interface Consequences {
  sat: boolean;
  /** When unsatisfiable: the conflicting subset of the assumptions. */
  core: number[];
  /** 1 when the variable is true in some model extending the assumptions. */
  canBeTrue: Uint8Array;
  /** 1 when the variable is false in some model extending the assumptions. */
  canBeFalse: Uint8Array;
}

export interface ConsequenceOptions {
  /** Literals already proved implied by the assumptions (e.g. by unit propagation): not re-checked. */
  implied?: (lit: number) => boolean;
  /** Cheap refutation of a literal under the assumptions (e.g. failed-literal probing); true = proved false. */
  refuted?: (lit: number) => boolean;
  /**
   * Earlier models over variables 0 … n − 1 (1 true); those agreeing with the assumptions are
   * witnesses for free. New models are added (the pool keeps the most recent `poolSize`).
   */
  pool?: Uint8Array[];
  poolSize?: number;
  /** The solver's last call was a satisfiable solve under exactly these assumptions: reuse its model. */
  solved?: boolean;
}

/** Computes which of `vars` can be true / false under the assumptions. */
export function consequences(
  solver: Solver,
  assumptions: readonly number[],
  vars: readonly number[],
  options: ConsequenceOptions = {},
): Consequences {
  const { implied = () => false, refuted = () => false, pool, poolSize = 16, solved = false } = options;
  const n = solver.numVars;
  const canBeTrue = new Uint8Array(n);
  const canBeFalse = new Uint8Array(n);
  const first = solved ? ({ sat: true } as const) : solver.solve(assumptions);
  if (first === null || !first.sat) {
    return { sat: false, core: first && !first.sat ? first.core : [], canBeTrue, canBeFalse };
  }
  let width = 0;
  for (const v of vars) if (v + 1 > width) width = v + 1;
  const take = (model: Uint8Array) => {
    let fresh = 0;
    for (const v of vars) {
      if (model[v]) {
        if (!canBeTrue[v]) {
          canBeTrue[v] = 1;
          fresh++;
        }
      } else if (!canBeFalse[v]) {
        canBeFalse[v] = 1;
        fresh++;
      }
    }
    return fresh;
  };
  const harvest = () => {
    const model = solver.modelSnapshot(width);
    if (pool) {
      pool.push(model);
      if (pool.length > poolSize) pool.shift();
    }
    return take(model);
  };
  if (pool) {
    for (const model of pool) {
      if (assumptions.every((l) => l >> 1 >= width || model[l >> 1] === (l & 1 ? 0 : 1))) take(model);
    }
  }
  harvest();
  const isOpen = (v: number, value: boolean) =>
    !(value ? canBeTrue[v] : canBeFalse[v]) && !implied(value ? neg(v) : pos(v));

  // Per value, the variables not yet seen with it (compacted as models come in). Each round asks
  // for one model holding as many of them as fit together (soft preferred decisions, in order): it
  // reaches the first one unless the assumptions exclude it, and often many more, so the number of
  // calls follows how many different models it takes to cover the variables, not their number.
  // The first one, when missed, gets its own check (a refutation by probing, or one call).
  const preferred: number[] = [];
  for (const value of [true, false]) {
    const open: number[] = [];
    for (const v of vars) if (isOpen(v, value)) open.push(v);
    while (open.length > 0) {
      preferred.length = 0;
      for (const v of open) preferred.push(value ? pos(v) : neg(v));
      const r = solver.solve(assumptions, Number.POSITIVE_INFINITY, preferred);
      if (r === null || !r.sat) break;
      harvest();
      // After a solve the solver's trail holds the assumption levels with everything they imply,
      // learnt clauses included: a preferred literal the round refuted is false there.
      const head = open[0]!;
      if (isOpen(head, value) && solver.value(preferred[0]!) !== -1) {
        const lit = preferred[0]!;
        if (!refuted(lit)) {
          const single = solver.solve([...assumptions, lit]);
          if (single?.sat) harvest();
        }
      }
      let w = 0;
      for (let i = 1; i < open.length; i++) {
        const v = open[i]!;
        if (isOpen(v, value) && solver.value(value ? pos(v) : neg(v)) !== -1) open[w++] = v;
      }
      open.length = w;
    }
  }
  return { sat: true, core: [], canBeTrue, canBeFalse };
}
