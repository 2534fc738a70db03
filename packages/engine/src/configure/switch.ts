/**
 * Switching in pick-one groups (at most one pick: radio choices). Once such a group has a pick,
 * every other option of it is excluded by the group's own limit, yet a seller clicking one means
 * "this one instead": the current pick (and whatever was picked in groups nested under it, which
 * no longer apply) is replaced. So an option of a pick-one group that has a pick is a `switch` when
 * the picks without the replaced ones go with it, and `disabled` otherwise — then with the reason
 * found without the replaced picks (the group's limit is never the reason).
 *
 * Cost: one SAT query per class of interchangeable options (symmetry.ts: options nothing but their
 * group mentions answer alike, so an unconstrained pick-one group costs one query, not one per
 * option) of each pick-one group that has a pick. For options excluded, a deletion-minimised
 * conflict over the remaining picks (a few more queries each).
 */
import { pos } from "../logic/solver.ts";
import { constraintsInConflict, minimalConflict } from "./explain.ts";
import type { PackageLogic } from "./model.ts";
import { symmetryClasses } from "./symmetry.ts";

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
      const byClass = new Map<number, SwitchAnswer>();
      for (const o of g.options) {
        const v = logic.index.get(o.id);
        if (v === undefined || v === pick || logic.vars[v]!.packageId !== pkg.id || out.has(v)) continue;
        const known = byClass.get(classes[v]!);
        if (known) {
          out.set(v, known);
          continue;
        }
        const r = logic.solver.solve([...rest, pos(v)]);
        if (r === null) continue; // undecided: keep the state configure found
        let answer: SwitchAnswer;
        if (r.sat) answer = { kind: "switch", replaces };
        else {
          const picks = minimalConflict(logic, rest, pos(v));
          answer = { kind: "disabled", picks, labels: constraintsInConflict(logic, [...picks, pos(v)]) };
        }
        out.set(v, answer);
        if (classes[v] !== pick) byClass.set(classes[v]!, answer);
      }
    }
  }
  return out;
}
