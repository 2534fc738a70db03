/**
 * Explanations: for a literal the current picks force, a subset-minimal set of those picks that
 * still forces it, and the catalog constraints involved.
 *
 * 1. A first, sufficient set of picks comes from the implication cone of unit propagation (cheap,
 *    and what most forced states are), or else from the solver's assumption core.
 * 2. Deletion-based minimisation (the linear variant of QuickXplain): drop one pick at a time and keep
 *    the drop when the rest still forces the literal (UNSAT with the literal negated; the new core
 *    may shrink the set further). A single pick is minimal unless nothing needs picking at all.
 * 3. The constraints are the labels of the clauses in the propagation cone of the minimal picks; when
 *    propagation alone cannot show the implication, a solver with one selector per constraint gives
 *    them as an assumption core.
 *
 * @see Junker, "QuickXplain: Preferred Explanations and Relaxations for Over-Constrained Problems",
 *   AAAI 2004; Marques-Silva et al., "On computing minimal correction subsets", IJCAI 2013.
 */
import { type Anchors, consequences } from "../logic/backbone.ts";
import { CnfBuilder } from "../logic/cnf.ts";
import { ModelPatcher } from "../logic/patch.ts";
import { neg, pos, Solver } from "../logic/solver.ts";
import type { PackageLogic } from "./model.ts";
import { representatives } from "./symmetry.ts";
import type { Reason } from "./types.ts";

export interface Explanation {
  /** Pick literals (a subset of the assumptions). */
  picks: number[];
  /** Constraint indexes into `logic.constraints`. */
  labels: number[];
  /** The sentence built from it, kept for the next call. */
  reason?: Reason;
}

interface LogicCaches {
  root?: { canBeTrue: Uint8Array; canBeFalse: Uint8Array; sat: boolean };
  /**
   * Per forced literal, the explanations found for it, most recent first (at most MEMO): one whose
   * picks are all among the current picks still explains it, so a seller going back and forth
   * between configurations is answered from here.
   */
  memo: Map<number, Explanation[]>;
  /** Recent models (over the real variables): witnesses reused by the next configure calls. */
  pool: Uint8Array[];
  /** The models found with no picks: broad witnesses patched to hold each call's picks. */
  anchors: Anchors;
  selectors?: { solver: Solver; selectorOf: number[]; labelOf: Map<number, number> };
  patcher?: ModelPatcher;
  last?: LastConsequences;
  /** Models that showed pick-one switches (switch.ts), kept out of the pool's patching. */
  switches: Uint8Array[];
}

/** What the last configure call found possible (per variable), and under which picks. */
export interface LastConsequences {
  picks: readonly number[];
  canBeTrue: Uint8Array;
  canBeFalse: Uint8Array;
}

const caches = new WeakMap<PackageLogic, LogicCaches>();

/** Explanations kept per literal. */
const MEMO = 8;

function cachesOf(logic: PackageLogic): LogicCaches {
  let c = caches.get(logic);
  if (!c) {
    c = {
      memo: new Map(),
      pool: [],
      anchors: { models: [], patched: [], assumptions: [] },
      switches: [],
    };
    caches.set(logic, c);
  }
  return c;
}

/** Models kept across configure calls on this package. */
export function modelPool(logic: PackageLogic): Uint8Array[] {
  return cachesOf(logic).pool;
}

/** Models that showed pick-one switches (switch.ts), most recent last. */
export function switchModels(logic: PackageLogic): Uint8Array[] {
  return cachesOf(logic).switches;
}

/** Models found with no picks, kept for every later call on this package (see `LogicCaches`). */
export function modelAnchors(logic: PackageLogic): Anchors {
  return cachesOf(logic).anchors;
}

/** The last configure call's answer on this package (see `LastConsequences`). */
export function lastConsequences(logic: PackageLogic): LastConsequences | undefined {
  return cachesOf(logic).last;
}

export function setLastConsequences(logic: PackageLogic, last: LastConsequences): void {
  cachesOf(logic).last = last;
}

/** Local model repair over the package's clauses (logic/patch.ts), built on first use. */
export function modelPatcher(logic: PackageLogic): ModelPatcher {
  const c = cachesOf(logic);
  c.patcher ??= new ModelPatcher(logic.cnf);
  return c.patcher;
}

/**
 * What holds with no picks at all, computed once per package. The literals forced with no picks
 * become level-0 facts of both solvers (with the constraints behind them, for explanations), so
 * later calls find them by propagation instead of search.
 */
export function rootConsequences(logic: PackageLogic): {
  canBeTrue: Uint8Array;
  canBeFalse: Uint8Array;
  sat: boolean;
} {
  const c = cachesOf(logic);
  if (!c.root) {
    const vars = logic.vars.map((_, i) => i);
    const ex = logic.explainer;
    ex.probe([]);
    const { decide, answerOf } = representatives(logic, [], vars);
    const r = consequences(logic.solver, [], decide, {
      implied: (lit) => ex.value(lit) === 1,
      pool: c.anchors.models,
      poolSize: Number.POSITIVE_INFINITY,
    });
    for (const v of vars) {
      const a = answerOf[v]!;
      r.canBeTrue[v] = r.canBeTrue[a]!;
      r.canBeFalse[v] = r.canBeFalse[a]!;
    }
    c.root = { canBeTrue: r.canBeTrue, canBeFalse: r.canBeFalse, sat: r.sat };
    if (r.sat) {
      // Twins of an option forced for the same constraints (symmetry.ts) reuse its labels.
      const behind = new Map<number, number[]>();
      for (const v of vars) {
        const lit = r.canBeTrue[v] ? (r.canBeFalse[v] ? -1 : pos(v)) : neg(v);
        if (lit < 0) continue;
        logic.solver.addFact(lit);
        ex.probe([]);
        if (ex.value(lit) === 1) continue;
        const a = answerOf[v]!;
        let labels = behind.get(a);
        if (labels === undefined) {
          labels = constraintsBehind(logic, [], lit);
          behind.set(a, labels);
        }
        ex.addFact(lit, labels);
      }
    }
  }
  return c.root;
}

/** Whether the literal holds in every configuration, with no picks. */
function forcedAtRoot(logic: PackageLogic, lit: number): boolean {
  const root = rootConsequences(logic);
  const v = lit >> 1;
  return lit & 1 ? root.canBeTrue[v] === 0 : root.canBeFalse[v] === 0;
}

/** Solver with a selector variable per constraint: its assumption cores name constraints. */
function selectorSolver(logic: PackageLogic): NonNullable<LogicCaches["selectors"]> {
  const c = cachesOf(logic);
  if (!c.selectors) {
    const { cnf } = logic;
    let numVars = cnf.numVars;
    const selectorOf: number[] = logic.constraints.map(() => numVars++);
    const labelOf = new Map<number, number>();
    selectorOf.forEach((v, label) => {
      labelOf.set(pos(v), label);
    });
    // Every labelled clause gains "or its constraint's selector is off".
    const b = new CnfBuilder();
    b.numVars = numVars;
    for (let i = 0; i < cnf.size; i++) {
      const label = cnf.labels[i]!;
      b.begin();
      for (let k = cnf.starts[i]!; k < cnf.starts[i + 1]!; k++) b.add(cnf.lits[k]!);
      if (label >= 0) b.add(neg(selectorOf[label]!));
      b.end(label);
    }
    c.selectors = { solver: new Solver(b.build()), selectorOf, labelOf };
  }
  return c.selectors;
}

/** Constraints behind `picks ⊨ lit`, by propagation when it suffices, else by a selector core. */
export function constraintsBehind(logic: PackageLogic, picks: readonly number[], lit: number): number[] {
  const ex = logic.explainer;
  const failed = ex.probe([...picks, lit ^ 1]);
  if (failed >= 0) {
    const cone = ex.conflictCone();
    if (cone) return cone.labels;
  }
  const sel = selectorSolver(logic);
  const all = sel.selectorOf.map((v) => pos(v));
  const r = sel.solver.solve([...picks, lit ^ 1, ...all]);
  if (r === null || r.sat) return [];
  const out: number[] = [];
  for (const l of r.core) {
    const label = sel.labelOf.get(l);
    if (label !== undefined) out.push(label);
  }
  return out;
}

/** Constraints behind a set of picks that cannot go together. */
export function constraintsInConflict(logic: PackageLogic, picks: readonly number[]): number[] {
  const ex = logic.explainer;
  if (ex.probe(picks) >= 0) {
    const cone = ex.conflictCone();
    if (cone) return cone.labels;
  }
  const sel = selectorSolver(logic);
  const all = sel.selectorOf.map((v) => pos(v));
  const r = sel.solver.solve([...picks, ...all]);
  if (r === null || r.sat) return [];
  return r.core.flatMap((l) => {
    const label = sel.labelOf.get(l);
    return label === undefined ? [] : [label];
  });
}

/**
 * Literals proved from the picks during one configure call (failed-literal refutations) and kept
 * on the explainer's trail as extra decision levels after the picks; `cones` holds, for each, the
 * picks and constraints it follows from, so cones through them are expanded back to picks.
 */
export interface Derived {
  levels: number[];
  cones: Map<number, { decisions: number[]; labels: number[] }>;
}

/** Replaces derived decisions in a cone by the picks and constraints they follow from. */
export function expandDerived(
  derived: Derived,
  decisions: readonly number[],
  labels: readonly number[],
): { picks: number[]; labels: number[] } {
  if (derived.cones.size === 0) return { picks: [...decisions], labels: [...labels] };
  const picks = new Set<number>();
  const all = new Set(labels);
  for (const d of decisions) {
    const cone = derived.cones.get(d);
    if (!cone) picks.add(d);
    else {
      for (const p of cone.decisions) picks.add(p);
      for (const l of cone.labels) all.add(l);
    }
  }
  return { picks: [...picks], labels: [...all] };
}

/**
 * Explains many forced literals under the same (satisfiable) assumptions. `assumptions` must be
 * the accepted picks; the explainer is probed with them once and its trail reused.
 */
export function explainForced(
  logic: PackageLogic,
  assumptions: readonly number[],
  targets: readonly number[],
  refutations: ReadonlyMap<number, { decisions: number[]; labels: number[] }> = new Map(),
  derived: Derived = { levels: [], cones: new Map() },
): Map<number, Explanation> {
  const caches = cachesOf(logic);
  const inA = new Set(assumptions);
  const out = new Map<number, Explanation>();
  const ex = logic.explainer;
  const pendingLabels: number[] = [];
  const firstCut = new Map<number, { picks: number[]; labels: number[] | null }>();

  // The explainer's trail: the picks, then literals already proved from them (derived levels).
  ex.probe(derived.levels.length ? [...assumptions, ...derived.levels] : assumptions);
  const expand = (decisions: readonly number[], labels: number[]) =>
    expandDerived(derived, decisions, labels);
  for (const t of targets) {
    const memo = caches.memo.get(t)?.find((e) => e.picks.every((p) => inA.has(p)));
    if (memo) {
      out.set(t, memo);
      continue;
    }
    const refutation = refutations.get(t);
    if (refutation) {
      firstCut.set(t, {
        picks: refutation.decisions.filter((d) => d !== (t ^ 1)),
        labels: refutation.labels,
      });
    } else if (ex.value(t) === 1) {
      const cone = ex.cone([t]);
      firstCut.set(t, expand(cone.decisions, cone.labels));
    } else if (ex.pushProbe(t ^ 1)) {
      ex.popProbe();
      firstCut.set(t, { picks: [], labels: null });
    } else {
      const cone = ex.conflictCone();
      ex.popProbe();
      if (cone) {
        firstCut.set(
          t,
          expand(
            cone.decisions.filter((d) => d !== (t ^ 1)),
            cone.labels,
          ),
        );
      } else firstCut.set(t, { picks: [], labels: null });
    }
  }

  // Models found while minimising: each one shows, for free, that its true picks do not force any
  // target it falsifies. The solver is steered towards falsifying the other targets too, so one
  // model usually settles many later checks.
  const witnesses: Uint8Array[] = [];
  const width = logic.vars.length;
  const negations = [...firstCut.keys()].map((t) => t ^ 1);
  const holds = (m: Uint8Array, l: number) => m[l >> 1] === (l & 1 ? 0 : 1);
  const witnessed = (rest: readonly number[], lit: number) =>
    witnesses.some((m) => holds(m, lit) && rest.every((p) => holds(m, p)));
  for (const [t, cut] of firstCut) {
    let picks = cut.picks;
    let stale = cut.labels === null;
    if (cut.labels === null) {
      // Propagation could not show it: take the solver's assumption core.
      const r = logic.solver.solve([...assumptions, t ^ 1]);
      picks = r && !r.sat ? r.core.filter((l) => l !== (t ^ 1) && inA.has(l)) : [...assumptions];
    }
    if (picks.length > 0) {
      const necessary = new Set<number>();
      for (;;) {
        const cand = picks.find((p) => !necessary.has(p));
        if (cand === undefined) break;
        const rest = picks.filter((p) => p !== cand);
        if (rest.length === 0) {
          if (forcedAtRoot(logic, t)) {
            picks = [];
            stale = true;
          } else necessary.add(cand);
          continue;
        }
        if (witnessed(rest, t ^ 1)) {
          necessary.add(cand);
          continue;
        }
        const r = logic.solver.solve([...rest, t ^ 1], Number.POSITIVE_INFINITY, negations);
        if (r && !r.sat) {
          const core = new Set(r.core);
          picks = rest.filter((p) => core.has(p));
          stale = true;
        } else {
          if (r?.sat) witnesses.push(logic.solver.modelSnapshot(width));
          necessary.add(cand);
        }
      }
    }
    const e: Explanation = { picks, labels: stale ? [] : (cut.labels ?? []) };
    if (stale) pendingLabels.push(t);
    out.set(t, e);
  }
  for (const t of pendingLabels) {
    const e = out.get(t)!;
    e.labels = constraintsBehind(logic, e.picks, t);
  }
  for (const [t, e] of out) {
    const list = caches.memo.get(t);
    if (!list) caches.memo.set(t, [e]);
    else if (list[0] !== e) {
      const at = list.indexOf(e);
      if (at > 0) list.splice(at, 1);
      else if (list.length >= MEMO) list.pop();
      list.unshift(e);
    }
  }
  return out;
}

/**
 * A minimal set of `given` literals that `lit` conflicts with (given ∧ lit is unsatisfiable, and
 * so is no proper subset with lit): deletion over the assumption core. With lit = −1, a minimal
 * unsatisfiable subset of `given` itself.
 */
export function minimalConflict(logic: PackageLogic, given: readonly number[], lit = -1): number[] {
  const extra = lit >= 0 ? [lit] : [];
  const first = logic.solver.solve([...extra, ...given]);
  let set = first && !first.sat ? first.core.filter((l) => l !== lit) : [...given];
  const necessary = new Set<number>();
  for (;;) {
    const cand = set.find((p) => !necessary.has(p));
    if (cand === undefined) break;
    const rest = set.filter((p) => p !== cand);
    const r = logic.solver.solve([...extra, ...rest]);
    if (r && !r.sat) {
      const core = new Set(r.core);
      set = rest.filter((p) => core.has(p));
    } else necessary.add(cand);
  }
  return set;
}
