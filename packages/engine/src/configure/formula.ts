/**
 * A rule's condition and consequence as formulas over picks: the schema's nested `Formula` (all /
 * any / none / not / implies / iff / atLeast / atMost / exactly over option and add-on ids), with
 * the older list forms (`Condition`, `Consequence`) read as the formula they mean. One reading for
 * the encoder, the direct evaluation of `complete`, the validator and the designer's sentence.
 */
import type { Condition, Consequence, Formula, FormulaCount, FormulaNode, Rule } from "@tessera/schema";

/** The connectives of a formula node, in the schema's order. */
export const CONNECTIVES = [
  "all",
  "any",
  "none",
  "not",
  "implies",
  "iff",
  "atLeast",
  "atMost",
  "exactly",
] as const;
export type Connective = (typeof CONNECTIVES)[number];

const CONDITION_KEYS = new Set(["allOf", "anyOf", "noneOf"]);
const CONSEQUENCE_KEYS = new Set(["requireAll", "requireAny", "requireExactlyOne", "requireNone"]);

/** Whether a rule's `when` is the list form (`Condition`), not a nested formula. */
export function isCondition(when: Condition | Formula): when is Condition {
  return typeof when === "object" && Object.keys(when).every((k) => CONDITION_KEYS.has(k));
}

/** Whether a rule's `then` is one of the four list forms (`Consequence`), not a nested formula. */
export function isConsequence(then: Consequence | Formula): then is Consequence {
  return typeof then === "object" && Object.keys(then).some((k) => CONSEQUENCE_KEYS.has(k));
}

/** Whether either side of the rule is a nested formula (else it is a list rule, encoded directly). */
export function isFormulaRule(rule: Rule): boolean {
  return (rule.when !== undefined && !isCondition(rule.when)) || !isConsequence(rule.then);
}

/** The connective of a node and its operand, or undefined for a node without one (invalid). */
export function connectiveOf(
  node: FormulaNode,
): { op: Connective; value: Formula | Formula[] | FormulaCount } | undefined {
  for (const op of CONNECTIVES) {
    const value = node[op];
    if (value !== undefined) return { op, value };
  }
  return undefined;
}

/** The sub-formulas of a node, with the JSON Pointer step to each (`all/0`, `not`, `atLeast/of/2`). */
export function childrenOf(node: FormulaNode): { step: string; child: Formula }[] {
  const c = connectiveOf(node);
  if (c === undefined) return [];
  if (c.op === "not") return [{ step: "not", child: c.value as Formula }];
  if (c.op === "atLeast" || c.op === "atMost" || c.op === "exactly")
    return ((c.value as FormulaCount).of ?? []).map((child, i) => ({ step: `${c.op}/of/${i}`, child }));
  return ((c.value as Formula[]) ?? []).map((child, i) => ({ step: `${c.op}/${i}`, child }));
}

/** A list rule's condition as a formula (undefined: always). */
export function conditionFormula(when: Condition | undefined): Formula | undefined {
  if (when === undefined) return undefined;
  const parts: Formula[] = [...(when.allOf ?? [])];
  if (when.anyOf) parts.push(when.anyOf.length === 1 ? when.anyOf[0] : { any: when.anyOf });
  if (when.noneOf) parts.push({ none: when.noneOf });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { all: parts as [Formula, ...Formula[]] };
}

/** A list rule's consequence as a formula. */
export function consequenceFormula(then: Consequence): Formula {
  if (then.requireAll) return then.requireAll.length === 1 ? then.requireAll[0] : { all: then.requireAll };
  if (then.requireAny) return { any: then.requireAny };
  if (then.requireExactlyOne) return { exactly: { k: 1, of: then.requireExactlyOne } };
  return { none: then.requireNone ?? ([] as unknown as [Formula]) };
}

/** The rule as two formulas, whichever form each side is written in. */
export function ruleFormulas(rule: Rule): { when: Formula | undefined; then: Formula } {
  const w = rule.when;
  const when = w === undefined ? undefined : isCondition(w) ? conditionFormula(w) : w;
  const then = isConsequence(rule.then) ? consequenceFormula(rule.then) : rule.then;
  return { when, then };
}

/** Whether the formula holds when exactly the ids in `on` are picked. */
export function holds(f: Formula, on: ReadonlySet<string>): boolean {
  if (typeof f === "string") return on.has(f);
  const c = connectiveOf(f);
  if (c === undefined) return true;
  const count = (fs: readonly Formula[]) => fs.reduce((n, g) => n + (holds(g, on) ? 1 : 0), 0);
  switch (c.op) {
    case "all":
      return (c.value as Formula[]).every((g) => holds(g, on));
    case "any":
      return (c.value as Formula[]).some((g) => holds(g, on));
    case "none":
      return !(c.value as Formula[]).some((g) => holds(g, on));
    case "not":
      return !holds(c.value as Formula, on);
    case "implies": {
      const [a, b] = c.value as Formula[];
      return !holds(a!, on) || holds(b!, on);
    }
    case "iff": {
      const [a, b] = c.value as Formula[];
      return holds(a!, on) === holds(b!, on);
    }
    case "atLeast":
      return count((c.value as FormulaCount).of) >= (c.value as FormulaCount).k;
    case "atMost":
      return count((c.value as FormulaCount).of) <= (c.value as FormulaCount).k;
    case "exactly":
      return count((c.value as FormulaCount).of) === (c.value as FormulaCount).k;
  }
}

/** Whether a rule holds on exactly the picks `on`: its condition is false or its consequence true. */
export function ruleHolds(rule: Rule, on: ReadonlySet<string>): boolean {
  const { when, then } = ruleFormulas(rule);
  return (when !== undefined && !holds(when, on)) || holds(then, on);
}

/** Calls `visit` on every id a formula mentions, with the pointer step from the formula to it. */
export function eachId(f: Formula, visit: (id: string, path: string) => void, path = ""): void {
  if (typeof f === "string") {
    visit(f, path);
    return;
  }
  for (const { step, child } of childrenOf(f)) eachId(child, visit, `${path}/${step}`);
}
