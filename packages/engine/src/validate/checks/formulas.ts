/**
 * The shape of rules written as nested formulas, beyond what the schema can say:
 * - `rule.count-out-of-range`: an `atLeast` / `atMost` / `exactly` whose k cannot mean what the
 *   designer wanted: at least 0 or at most all (always true), more than there are to count (at least
 *   or exactly k of fewer than k: never true). The schema already refuses empty lists and nodes
 *   without exactly one connective; unknown ids are the `refs` check's (`ref.unknown-pick`).
 */
import type { Formula, FormulaCount, Package } from "@tessera/schema";
import { childrenOf, connectiveOf, isCondition, isConsequence } from "../../configure/formula.ts";
import { type Check, type CheckContext, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const formulasCheck: Check = {
  id: "formulas",
  codes: ["rule.count-out-of-range"],
  run(ctx) {
    const packages = ctx.doc.packages;
    for (let i = 0; i < packages.length; i++) {
      const rules = (packages[i] as Package).rules ?? NONE;
      for (let j = 0; j < rules.length; j++) {
        const r = rules[j] as NonNullable<Package["rules"]>[number];
        if (r.when !== undefined && !isCondition(r.when))
          visit(ctx, r.when, `/packages/${i}/rules/${j}/when`);
        if (!isConsequence(r.then)) visit(ctx, r.then, `/packages/${i}/rules/${j}/then`);
      }
    }
  },
};

function visit(ctx: CheckContext, f: Formula, pointer: string): void {
  if (typeof f === "string") return;
  const c = connectiveOf(f);
  if (c === undefined) return;
  if (c.op === "atLeast" || c.op === "atMost" || c.op === "exactly") {
    const { k, of } = c.value as FormulaCount;
    const problem = countProblem(c.op, k, of.length);
    if (problem) flag(ctx, "rule.count-out-of-range", "error", `${pointer}/${c.op}/k`, problem);
  }
  for (const { step, child } of childrenOf(f)) visit(ctx, child, `${pointer}/${step}`);
}

/** Why k does not fit n sub-formulas, in words, or undefined when it does. */
function countProblem(op: "atLeast" | "atMost" | "exactly", k: number, n: number): string | undefined {
  const of = `${n} ${n === 1 ? "formula" : "formulas"}`;
  if (op === "atLeast" && k === 0) return "is 0: “at least 0” always holds, so the count says nothing.";
  if (op === "atMost" && k >= n)
    return `is ${k}: “at most ${k}” of ${of} always holds, so the count says nothing.`;
  if (op !== "atMost" && k > n)
    return `is ${k}: ${op === "atLeast" ? "at least" : "exactly"} ${k} of ${of} can never hold.`;
  return undefined;
}
