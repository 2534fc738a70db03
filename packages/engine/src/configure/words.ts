/**
 * A rule read as one sentence, for the designer's rule list and for reasons that name a rule
 * without a name of its own. List rules read as before ("When Alpha is picked, require EU
 * region."); a rule with a nested formula reads as "If (A or B) and not C, then D exactly when E."
 */
import type { Condition, Consequence, Formula, FormulaCount, Rule } from "@tessera/schema";
import { connectiveOf, isFormulaRule, ruleFormulas } from "./formula.ts";

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

const and = listOf;
const or = orList;

const SMALL = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * A formula in words: "Alpha and (Beta or Gamma)", "not Alpha", "at least two of A, B or C",
 * "if A then B", "A exactly when B". Sub-formulas with a connective of their own are bracketed.
 */
export function formulaInWords(f: Formula, name: (id: string) => string): string {
  if (typeof f === "string") return name(f);
  const c = connectiveOf(f);
  if (c === undefined) return "";
  // Sub-formulas are bracketed, but for a plain id or "not" an id.
  const sub = (g: Formula) =>
    typeof g === "string" || typeof g.not === "string"
      ? formulaInWords(g, name)
      : `(${formulaInWords(g, name)})`;
  const subs = (gs: readonly Formula[] | undefined) => (gs ?? []).map(sub);
  switch (c.op) {
    case "all":
      return and(subs(c.value as Formula[]));
    case "any":
      return or(subs(c.value as Formula[]));
    case "none": {
      const gs = subs(c.value as Formula[]);
      return gs.length === 1 ? `not ${gs[0]}` : `none of ${or(gs)}`;
    }
    case "not":
      return `not ${sub(c.value as Formula)}`;
    case "implies": {
      const [a, b] = subs(c.value as Formula[]);
      return `if ${a} then ${b}`;
    }
    case "iff": {
      const [a, b] = subs(c.value as Formula[]);
      return `${a} exactly when ${b}`;
    }
    default: {
      const { k, of } = c.value as FormulaCount;
      const word = { atLeast: "at least", atMost: "at most", exactly: "exactly" }[c.op];
      const count = SMALL[k] ?? String(k);
      return `${word} ${count} of ${or(subs(of))}`;
    }
  }
}

/**
 * The rule in one sentence, e.g. "When Premium is picked and Basic support is not, require exactly
 * one of EU region or US region." `name` gives the label of an option or add-on id.
 */
export function ruleInWords(rule: Rule, name: (id: string) => string): string {
  if (isFormulaRule(rule)) {
    const { when, then } = ruleFormulas(rule);
    const t = formulaInWords(then, name);
    return when === undefined ? `Always: ${t}.` : `If ${formulaInWords(when, name)}, then ${t}.`;
  }
  // Not a formula rule: both sides are in their list forms.
  const cond = rule.when as Condition | undefined;
  const t = rule.then as Consequence;
  const names = (ids: readonly string[] | undefined) => (ids ?? []).map(name);
  const parts: string[] = [];
  const all = names(cond?.allOf);
  if (all.length > 0) parts.push(`${and(all)} ${all.length > 1 ? "are" : "is"} picked`);
  const any = names(cond?.anyOf);
  if (any.length === 1) parts.push(`${any[0]} is picked`);
  else if (any.length > 1) parts.push(`any of ${or(any)} is picked`);
  const none = names(cond?.noneOf);
  if (none.length === 1) parts.push(`${none[0]} is not picked`);
  else if (none.length > 1) parts.push(`none of ${or(none)} is picked`);
  const when = parts.length === 0 ? "Always" : `When ${and(parts)},`;
  const then = t.requireAll
    ? `require ${and(names(t.requireAll))}`
    : t.requireAny
      ? `require at least one of ${or(names(t.requireAny))}`
      : t.requireExactlyOne
        ? `require exactly one of ${or(names(t.requireExactlyOne))}`
        : `rule out ${and(names(t.requireNone))}`;
  return `${when} ${then}.`;
}
