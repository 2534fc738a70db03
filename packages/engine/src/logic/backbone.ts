/**
 * Which variables can still be true and which can still be false under some assumptions: the
 * "decision propagation" of interactive configurators. A variable that can be neither is impossible
 * (the assumptions are contradictory); one that can only be true is in the backbone.
 *
 * Every model found marks all its values as possible, so one model answers for most variables at
 * once. Earlier models (a pool of recent ones, and anchors) patched to hold the assumptions
 * (patch.ts) answer for more, and each value still unseen is tried as a patch of the current model;
 * then preferred decisions steer each new model towards the values not seen yet, and a value the
 * search refutes is settled with it.
 *
 * @see Hadzic et al., "Fast backtrack-free product configuration using a precompiled solution space
 *   representation", PETO 2004; Janota et al., "Algorithms for computing backbones of propositional
 *   formulae", AI Communications 2015 (iterative algorithm with model reuse).
 */
import type { ModelPatcher } from "./patch.ts";
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
  /**
   * Literals known false under the assumptions without a proof at hand (e.g. false under a subset
   * of them, found by an earlier call): never looked for, left impossible.
   */
  excluded?: (lit: number) => boolean;
  /** Cheap refutation of a literal under the assumptions (e.g. failed-literal probing); true = proved false. */
  refuted?: (lit: number) => boolean;
  /**
   * Earlier models over every variable of the solver (1 true); those agreeing with the assumptions
   * are witnesses for free, the others are patched to hold them (with `patcher`; dropped when that
   * fails). New models are added (the pool keeps the most recent `poolSize`).
   */
  pool?: Uint8Array[];
  poolSize?: number;
  /** Broad models kept apart from the pool, patched to hold the assumptions (needs `patcher`). */
  anchors?: Anchors;
  /** The solver's last call was a satisfiable solve under exactly these assumptions: reuse its model. */
  solved?: boolean;
  /** A model of the assumptions the caller found otherwise (every variable of the solver; kept). */
  model?: Uint8Array;
  /**
   * Patches models locally (patch.ts) before asking the solver: pool models and anchors are
   * patched to hold the assumptions, and each value not seen yet is tried as a patch of the current
   * model.
   */
  patcher?: ModelPatcher;
}

/**
 * Broad models (e.g. those found with no assumptions), never replaced or dropped. Each call
 * patches them to hold its assumptions; when the assumptions extend the previous call's, it
 * starts from the previous patches, and leaves out those that failed then.
 */
export interface Anchors {
  models: Uint8Array[];
  /** Per model, its patch for `assumptions` (null: that patch failed). */
  patched: (Uint8Array | null)[];
  assumptions: number[];
}

/** Other models a failed patch is tried from. */
const RETRIES = 2;

/** Computes which of `vars` can be true / false under the assumptions. */
export function consequences(
  solver: Solver,
  assumptions: readonly number[],
  vars: readonly number[],
  options: ConsequenceOptions = {},
): Consequences {
  const {
    implied = () => false,
    excluded = () => false,
    refuted = () => false,
    pool,
    poolSize = 16,
    anchors,
    solved = false,
    model: given,
    patcher,
  } = options;
  const n = solver.numVars;
  const canBeTrue = new Uint8Array(n);
  const canBeFalse = new Uint8Array(n);
  const first = solved || given ? ({ sat: true } as const) : solver.solve(assumptions);
  if (first === null || !first.sat) {
    return { sat: false, core: first && !first.sat ? first.core : [], canBeTrue, canBeFalse };
  }
  // Per value, the variables not seen with it yet, compacted as models come in; after the first
  // model, those whose other value is implied are dropped too.
  const openTrue = [...vars];
  const openFalse = [...vars];
  const take = (model: Uint8Array) => {
    let w = 0;
    for (const v of openTrue) {
      if (model[v]) canBeTrue[v] = 1;
      else openTrue[w++] = v;
    }
    openTrue.length = w;
    w = 0;
    for (const v of openFalse) {
      if (!model[v]) canBeFalse[v] = 1;
      else openFalse[w++] = v;
    }
    openFalse.length = w;
  };
  const remember = (model: Uint8Array) => {
    if (!pool) return;
    pool.push(model);
    if (pool.length > poolSize) pool.shift();
  };
  const holds = (model: Uint8Array, l: number) => model[l >> 1] === (l & 1 ? 0 : 1);
  const firstModel = given ?? solver.modelSnapshot(n);
  take(firstModel);
  const unsettled = (open: number[], value: boolean) => {
    let w = 0;
    for (const v of open) {
      const lit = value ? pos(v) : neg(v);
      if (!implied(lit ^ 1) && !excluded(lit)) open[w++] = v;
    }
    open.length = w;
  };
  unsettled(openTrue, true);
  unsettled(openFalse, false);
  // Earlier models: those holding the assumptions are witnesses as they are; the others, patched
  // to hold them, replace them in the pool.
  const reuse = (models: Uint8Array[]) => {
    let w = 0;
    for (let i = 0; i < models.length; i++) {
      const model = models[i]!;
      if (model.length !== n) continue;
      if (assumptions.every((l) => holds(model, l))) take(model);
      else if (patcher) {
        patcher.from(model);
        // A model that cannot be patched to hold the picks is dropped: picks mostly narrow.
        if (!patcher.patch(assumptions)) continue;
        const patched = patcher.model.slice();
        take(patched);
        models[w++] = patched;
        continue;
      }
      models[w++] = model;
    }
    models.length = w;
  };
  if (pool) reuse(pool);
  if (anchors && patcher) {
    const held = new Set(assumptions);
    const narrower = anchors.assumptions.every((l) => held.has(l));
    anchors.models.forEach((original, i) => {
      if (original.length !== n) return;
      const prev = narrower ? anchors.patched[i] : undefined;
      if (prev === null) return;
      const start = prev ?? original;
      if (assumptions.every((l) => holds(start, l))) {
        anchors.patched[i] = start;
        take(start);
        return;
      }
      patcher.from(start);
      if (!patcher.patch(assumptions)) {
        anchors.patched[i] = null;
        return;
      }
      // The patch overwrites the previous one (never the original).
      const out = prev && prev !== original ? prev : new Uint8Array(n);
      out.set(patcher.model);
      anchors.patched[i] = out;
      take(out);
    });
    anchors.assumptions = [...assumptions];
  }
  remember(firstModel);

  // Each value still not seen: a patch of the current model that holds it shows it (and whatever
  // else the patch changed) without a search. Successful patches accumulate.
  if (patcher && (openTrue.length > 0 || openFalse.length > 0)) {
    const current = firstModel.slice();
    patcher.from(current);
    const hold = [...assumptions, 0];
    const failed: number[] = [];
    for (const value of [true, false]) {
      const open = value ? openTrue : openFalse;
      for (const v of open) {
        if (value ? canBeTrue[v] : canBeFalse[v]) continue;
        hold[hold.length - 1] = value ? pos(v) : neg(v);
        if (!patcher.patch(hold)) {
          failed.push(hold[hold.length - 1]!);
          continue;
        }
        const model = patcher.model;
        for (const u of patcher.changed) {
          if (model[u]) canBeTrue[u] = 1;
          else canBeFalse[u] = 1;
        }
        patcher.commit();
      }
    }
    // What failed from the current model gets one more try from other models of the assumptions.
    const others = (pool ?? []).filter((m) => m !== firstModel && m.length === n).slice(-RETRIES);
    for (const other of others) {
      patcher.from(other);
      for (const lit of failed) {
        if (lit & 1 ? canBeFalse[lit >> 1] : canBeTrue[lit >> 1]) continue;
        hold[hold.length - 1] = lit;
        if (!patcher.patch(hold)) continue;
        const model = patcher.model;
        for (const u of patcher.changed) {
          if (model[u]) canBeTrue[u] = 1;
          else canBeFalse[u] = 1;
        }
      }
    }
    let w = 0;
    for (const v of openTrue) if (!canBeTrue[v]) openTrue[w++] = v;
    openTrue.length = w;
    w = 0;
    for (const v of openFalse) if (!canBeFalse[v]) openFalse[w++] = v;
    openFalse.length = w;
    remember(current);
  }

  // Per value, each round asks for one model holding as many of the open variables as fit
  // together (soft preferred decisions, in order): it reaches the first one unless the
  // assumptions exclude it, and often many more, so the number of calls follows how many different
  // models it takes to cover the variables, not their number. The first one, when missed, gets its
  // own check (a refutation by probing, or one call).
  const isOpen = (v: number, value: boolean) =>
    !(value ? canBeTrue[v] : canBeFalse[v]) && !implied(value ? neg(v) : pos(v));
  const harvest = () => {
    const model = solver.modelSnapshot(n);
    remember(model);
    take(model);
  };
  const preferred: number[] = [];
  for (const value of [true, false]) {
    const open = value ? openTrue : openFalse;
    while (open.length > 0) {
      preferred.length = 0;
      for (const v of open) preferred.push(value ? pos(v) : neg(v));
      const r = solver.solve(assumptions, Number.POSITIVE_INFINITY, preferred);
      if (r === null || !r.sat) break;
      harvest();
      // After a solve the solver's trail holds the assumption levels with everything they imply,
      // learnt clauses included: a preferred literal the round refuted is false there.
      const head = preferred[0]!;
      if (isOpen(head >> 1, value) && solver.value(head) !== -1 && !refuted(head)) {
        const single = solver.solve([...assumptions, head]);
        if (single?.sat) harvest();
      }
      let w = 0;
      for (let i = 0; i < open.length; i++) {
        const v = open[i]!;
        if (v !== head >> 1 && isOpen(v, value) && solver.value(value ? pos(v) : neg(v)) !== -1)
          open[w++] = v;
      }
      open.length = w;
    }
  }
  return { sat: true, core: [], canBeTrue, canBeFalse };
}
