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
 * option proves a switch), else a propagation probe (refutes most excluded options), else one SAT
 * query whose model joins the pool. Excluded options are explained together by `explainForced`
 * (memoised across calls, sharing the witnesses found while minimising).
 */
import { neg, pos } from "../logic/solver.ts";
import { explainForced, modelPool } from "./explain.ts";
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

/**
 * For each option (by variable) of a pick-one group that has one accepted pick, whether it is a
 * switch or stays disabled. `accepted` are the accepted pick literals (consistent); `selected`
 * tells which variables are picked.
 */
export function pickOneSwitches(
  logic: PackageLogic,
  accepted: readonly number[],
  selected: (v: number) => boolean,
): Map<number, SwitchAnswer> {
  const out = new Map<number, SwitchAnswer>();
  const ex = logic.explainer;
  const pool = modelPool(logic);
  const width = logic.vars.length;
  const packages = [logic.base, ...logic.addOns.values()];
  let classes: Int32Array | undefined;
  for (const pkg of packages) {
    const groups = pkg.optionGroups ?? [];
    if (groups.length === 0) continue;
    // Groups nested under each option of this package.
    let nested: Map<string, typeof groups> | undefined;
    const nestedUnder = (option: string) => {
      if (!nested) {
        nested = new Map();
        for (const g of groups) {
          if (g.parentOption === undefined) continue;
          const list = nested.get(g.parentOption);
          if (list) list.push(g);
          else nested.set(g.parentOption, [g]);
        }
      }
      return nested.get(option) ?? [];
    };
    for (const g of groups) {
      if ((g.max ?? g.options.length) !== 1 || g.options.length < 2) continue;
      let pick = -1;
      for (const o of g.options) {
        const v = logic.index.get(o.id);
        if (v !== undefined && logic.vars[v]!.packageId === pkg.id && selected(v)) {
          pick = v;
          break;
        }
      }
      if (pick < 0) continue;
      // The pick, and the picks of the groups nested under it, transitively.
      const removed = new Set<number>([pos(pick)]);
      const walk = [logic.vars[pick]!.id];
      const seen = new Set<string>();
      while (walk.length > 0) {
        const id = walk.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const child of nestedUnder(id)) {
          for (const o of child.options) {
            const v = logic.index.get(o.id);
            if (v === undefined || !selected(v)) continue;
            removed.add(pos(v));
            walk.push(o.id);
          }
        }
      }
      const rest = accepted.filter((l) => !removed.has(l));
      const replaces = accepted.filter((l) => removed.has(l));
      classes ??= symmetryClasses(logic);
      const switchAnswer: SwitchAnswer = { kind: "switch", replaces };
      // Earlier models that hold the remaining picks: one with v on shows v is a switch.
      const witnesses = pool.filter((m) => rest.every((l) => holds(m, l)));
      const excluded: number[] = [];
      const byClass = new Map<number, number>();
      const twins: [number, number][] = [];
      ex.probe(rest);
      for (const o of g.options) {
        const v = logic.index.get(o.id);
        if (v === undefined || v === pick || logic.vars[v]!.packageId !== pkg.id || out.has(v)) continue;
        const known = byClass.get(classes[v]!);
        if (known !== undefined) {
          twins.push([v, known]);
          continue;
        }
        if (classes[v] !== pick) byClass.set(classes[v]!, v);
        if (witnesses.some((m) => m[v] === 1)) {
          out.set(v, switchAnswer);
          continue;
        }
        // Propagation refutes most excluded options without a search.
        const fits = ex.pushProbe(pos(v));
        ex.popProbe();
        if (!fits) {
          excluded.push(neg(v));
          continue;
        }
        const r = logic.solver.solve([...rest, pos(v)]);
        if (r === null) continue; // undecided: keep the state configure found
        if (r.sat) {
          const model = logic.solver.modelSnapshot(width);
          witnesses.push(model);
          pool.push(model);
          if (pool.length > POOL) pool.shift();
          out.set(v, switchAnswer);
        } else excluded.push(neg(v));
      }
      if (excluded.length > 0) {
        // Minimal reasons over the remaining picks, memoised and sharing witnesses (explain.ts).
        const why = explainForced(logic, rest, excluded);
        for (const t of excluded) {
          const e = why.get(t)!;
          out.set(t >> 1, { kind: "disabled", picks: e.picks, labels: e.labels });
        }
      }
      for (const [v, rep] of twins) {
        const a = out.get(rep);
        if (a) out.set(v, a);
      }
    }
  }
  return out;
}
