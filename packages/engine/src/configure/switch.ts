/**
 * Switching in pick-one groups (at most one pick: radio choices). Once such a group has a pick,
 * every other option of it is excluded by the group's own limit, yet a seller clicking one means
 * "this one instead": the current pick (and whatever was picked in groups nested under it, which
 * no longer apply) is replaced. So an option of a pick-one group that has a pick is a `switch` when
 * the picks without the replaced ones go with it, and `disabled` otherwise — then with the reason
 * found without the replaced picks (the group's limit is never the reason).
 *
 * Cost, per class of interchangeable options (symmetry.ts: options nothing but their group mentions
 * answer alike, so an unconstrained pick-one group is decided once) of each pick-one group that has
 * a pick: a look in the package's pool of recent models (one holding the remaining picks and the
 * option proves a switch), else a propagation probe (refutes most excluded options), else a patch
 * of a model of the picks that swaps the option in (logic/patch.ts), else one SAT query whose model
 * joins the pool. Excluded options are explained together by `explainForced`
 * (memoised across calls, sharing the witnesses found while minimising).
 */
import { neg, pos } from "../logic/solver.ts";
import { explainForced, modelPatcher, modelPool, switchModels } from "./explain.ts";
import type { PackageLogic } from "./model.ts";
import { symmetryClasses } from "./symmetry.ts";

/** Models kept in the package's pool (explain.ts keeps the same number). */
const POOL = 64;

const holds = (m: Uint8Array, l: number) => m[l >> 1] === (l & 1 ? 0 : 1);

export type SwitchAnswer =
  /** Picking the option replaces `replaces` (pick literals, in selection order). */
  | { kind: "switch"; replaces: number[] }
  /** Excluded even without the group's pick: `picks` (a minimal set) with the constraints `labels`. */
  | { kind: "disabled"; picks: number[]; labels: number[] };

/** A pick-one group of one package: its options' variables, and the variables nested under each. */
interface PickOneGroup {
  vars: Int32Array;
}

interface SwitchShape {
  groups: PickOneGroup[];
  /** Per variable: the option variables of the groups nested directly under it. */
  nested: Map<number, number[]>;
}

const shapes = new WeakMap<PackageLogic, SwitchShape>();

/** The pick-one groups of the base and its add-ons, as variables, once per logic. */
function shapeOf(logic: PackageLogic): SwitchShape {
  let shape = shapes.get(logic);
  if (shape) return shape;
  shape = { groups: [], nested: new Map() };
  for (const pkg of [logic.base, ...logic.addOns.values()]) {
    const own = (id: string) => {
      const v = logic.index.get(id);
      return v !== undefined && logic.vars[v]!.packageId === pkg.id ? v : -1;
    };
    for (const g of pkg.optionGroups ?? []) {
      const vars = g.options.map((o) => own(o.id)).filter((v) => v >= 0);
      if (g.parentOption !== undefined) {
        const parent = own(g.parentOption);
        if (parent >= 0) {
          const list = shape.nested.get(parent);
          if (list) list.push(...vars);
          else shape.nested.set(parent, [...vars]);
        }
      }
      if ((g.max ?? g.options.length) !== 1 || g.options.length < 2) continue;
      shape.groups.push({ vars: Int32Array.from(vars) });
    }
  }
  shapes.set(logic, shape);
  return shape;
}

/**
 * For each option (indexed by variable) of a pick-one group that has one accepted pick, whether it
 * is a switch or stays disabled (undefined for every other variable). `accepted` are the accepted pick literals (consistent); `selected`
 * tells which variables are picked.
 */
export function pickOneSwitches(
  logic: PackageLogic,
  accepted: readonly number[],
  selected: (v: number) => boolean,
): (SwitchAnswer | undefined)[] {
  const out: (SwitchAnswer | undefined)[] = new Array(logic.vars.length);
  const { groups, nested } = shapeOf(logic);
  if (groups.length === 0) return out;
  const ex = logic.explainer;
  const pool = modelPool(logic);
  const width = logic.solver.numVars;
  const classes = symmetryClasses(logic);
  // Models that showed switches are kept apart too: configure patches the pool's models to hold
  // the current picks, which takes them away from the other options of a pick-one group.
  const kept = switchModels(logic);
  const keep = (model: Uint8Array) => {
    witnesses.push(model);
    kept.push(model);
    if (kept.length > POOL) kept.shift();
  };
  let witnesses: Uint8Array[] = [];
  // A model of the accepted picks (the last one consequences() kept), patched to swap the group's
  // pick for another option, shows a switch without a search (the patcher is built on first use).
  const latest = pool[pool.length - 1];
  const base = latest && accepted.every((l) => holds(latest, l)) ? latest.slice() : undefined;
  for (const { vars } of groups) {
    let pick = -1;
    for (const v of vars) {
      if (selected(v)) {
        pick = v;
        break;
      }
    }
    if (pick < 0) continue;
    // The pick, and the picks of the groups nested under it, transitively.
    const removed = new Set<number>([pos(pick)]);
    const walk = [pick];
    while (walk.length > 0) {
      for (const v of nested.get(walk.pop()!) ?? []) {
        if (!selected(v) || removed.has(pos(v))) continue;
        removed.add(pos(v));
        walk.push(v);
      }
    }
    const rest = accepted.filter((l) => !removed.has(l));
    const replaces = accepted.filter((l) => removed.has(l));
    const switchAnswer: SwitchAnswer = { kind: "switch", replaces };
    // Earlier models that hold the remaining picks: one with v on shows v is a switch.
    witnesses = [...pool, ...kept].filter((m) => rest.every((l) => holds(m, l)));
    const excluded: number[] = [];
    // Per class (by its first variable): the variable that answers for it.
    const byClass = new Map<number, number>();
    const twins: number[] = [];
    ex.probe(rest);
    for (const v of vars) {
      if (v === pick || out[v] !== undefined) continue;
      const c = classes[v]!;
      if (byClass.has(c)) {
        twins.push(v);
        continue;
      }
      // Twins answer alike under the remaining picks, which hold neither of them (the pick's own
      // twins included: the pick is not among the remaining picks).
      byClass.set(c, v);
      if (witnesses.some((m) => m[v] === 1)) {
        out[v] = switchAnswer;
        continue;
      }
      // Propagation refutes most excluded options without a search.
      const fits = ex.pushProbe(pos(v));
      ex.popProbe();
      if (!fits) {
        excluded.push(neg(v));
        continue;
      }
      if (base) {
        const patcher = modelPatcher(logic);
        patcher.from(base);
        if (patcher.patch([...rest, pos(v)])) {
          keep(patcher.model.slice());
          out[v] = switchAnswer;
          continue;
        }
      }
      const r = logic.solver.solve([...rest, pos(v)]);
      if (r === null) continue; // undecided: keep the state configure found
      if (r.sat) {
        const model = logic.solver.modelSnapshot(width);
        keep(model);
        pool.push(model);
        if (pool.length > POOL) pool.shift();
        out[v] = switchAnswer;
      } else excluded.push(neg(v));
    }
    if (excluded.length > 0) {
      // Minimal reasons over the remaining picks, memoised and sharing witnesses (explain.ts).
      const why = explainForced(logic, rest, excluded);
      for (const t of excluded) {
        const e = why.get(t)!;
        out[t >> 1] = { kind: "disabled", picks: e.picks, labels: e.labels };
      }
    }
    for (const v of twins) out[v] = out[byClass.get(classes[v]!)!];
  }
  return out;
}
