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

/**
 * Computes which of `vars` can be true / false under the assumptions. `known(lit)` may report
 * literals already proved implied (e.g. by unit propagation), which are then not re-checked.
 */
export function consequences(
  solver: Solver,
  assumptions: readonly number[],
  vars: readonly number[],
  implied: (lit: number) => boolean = () => false,
): Consequences {
  const n = solver.numVars;
  const canBeTrue = new Uint8Array(n);
  const canBeFalse = new Uint8Array(n);
  const first = solver.solve(assumptions);
  if (first === null || !first.sat) {
    return { sat: false, core: first && !first.sat ? first.core : [], canBeTrue, canBeFalse };
  }
  const harvest = () => {
    let fresh = 0;
    for (const v of vars) {
      if (solver.modelValue(v)) {
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
  harvest();
  // Variables implied by propagation need no model: their value is fixed.
  const open = (v: number, value: boolean) =>
    !(value ? canBeTrue[v] : canBeFalse[v]) && !implied(value ? neg(v) : pos(v));

  for (const value of [true, false]) {
    // Steer a few models towards the unseen value, then check the stragglers one by one.
    for (let round = 0; round < 3; round++) {
      let pending = 0;
      for (const v of vars) {
        if (open(v, value)) {
          solver.setPhase(v, value);
          pending++;
        }
      }
      if (pending === 0) break;
      const r = solver.solve(assumptions);
      if (r === null || !r.sat) break;
      if (harvest() === 0) break;
    }
    for (const v of vars) {
      if (!open(v, value)) continue;
      const r = solver.solve([...assumptions, value ? pos(v) : neg(v)]);
      if (r?.sat) harvest();
    }
  }
  return { sat: true, core: [], canBeTrue, canBeFalse };
}
