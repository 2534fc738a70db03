/**
 * Rules written as nested formulas (UVL / Salesforce constraint style: an option or add-on id, or
 * one connective over sub-formulas) as the designer edits them, node by node. Every edit keeps the
 * formula in the schema's shape and inside the engine's `formulas` check:
 * - a list connective keeps at least one sub-formula, "if … then" and "if and only if" exactly two;
 * - a count's k stays where it means something (at least 1–n, at most 0–(n−1), exactly 0–n of n
 *   sub-formulas), so no `rule.count-out-of-range` is ever written;
 * - switching a node's connective carries its sub-formulas across (a pick becomes the one
 *   sub-formula of a list, "not" wraps what was there).
 */
import type { Formula, FormulaCount, FormulaNode } from "@tessera/schema";

export type FormulaKind =
  | "pick"
  | "all"
  | "any"
  | "none"
  | "not"
  | "implies"
  | "iff"
  | "atLeast"
  | "atMost"
  | "exactly";

export const FORMULA_KINDS: readonly { value: FormulaKind; label: string }[] = [
  { value: "pick", label: "this is picked" },
  { value: "all", label: "all of" },
  { value: "any", label: "any of" },
  { value: "none", label: "none of" },
  { value: "not", label: "not" },
  { value: "implies", label: "if … then" },
  { value: "iff", label: "… if and only if …" },
  { value: "atLeast", label: "at least k of" },
  { value: "atMost", label: "at most k of" },
  { value: "exactly", label: "exactly k of" },
];

const COUNTS = new Set<FormulaKind>(["atLeast", "atMost", "exactly"]);
const PAIRS = new Set<FormulaKind>(["implies", "iff"]);

export function kindOf(f: Formula): FormulaKind {
  if (typeof f === "string") return "pick";
  const key = (Object.keys(f) as FormulaKind[])[0];
  return key ?? "all";
}

/** The sub-formulas of a node (none for a pick). */
export function childrenOf(f: Formula): Formula[] {
  if (typeof f === "string") return [];
  const kind = kindOf(f);
  const node = f as Record<string, unknown>;
  if (kind === "not") return [node.not as Formula];
  if (COUNTS.has(kind)) return [...(node[kind] as FormulaCount).of];
  return [...(node[kind] as Formula[])];
}

/** The first id a formula names (depth first), if any. */
export function firstPick(f: Formula): string | undefined {
  if (typeof f === "string") return f;
  for (const c of childrenOf(f)) {
    const id = firstPick(c);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The range of k that means something for `kind` over n sub-formulas. */
export function kRange(kind: FormulaKind, n: number): { min: number; max: number } {
  if (kind === "atLeast") return { min: 1, max: n };
  if (kind === "atMost") return { min: 0, max: n - 1 };
  return { min: 0, max: n };
}

const clampK = (kind: FormulaKind, k: number, n: number) => {
  const { min, max } = kRange(kind, n);
  return Math.min(max, Math.max(min, Math.trunc(Number.isFinite(k) ? k : min)));
};

/** A node of `kind` over `children` (at least one), k clamped for counts. */
export function nodeOf(kind: FormulaKind, children: readonly Formula[], k = 1): Formula {
  const list = children as [Formula, ...Formula[]];
  if (kind === "pick") return firstPick(list[0] as Formula) ?? (list[0] as Formula);
  if (kind === "not") return { not: list[0] as Formula };
  if (PAIRS.has(kind)) return { [kind]: [list[0], list[1] ?? list[0]] } as FormulaNode;
  if (COUNTS.has(kind)) return { [kind]: { k: clampK(kind, k, list.length), of: list } } as FormulaNode;
  return { [kind]: list } as FormulaNode;
}

/**
 * The formula with its connective switched to `kind`: lists keep their sub-formulas, a pick or a
 * pair becomes the sub-formulas of a list, "not" wraps the formula, a pick takes the first id.
 */
export function formulaAs(f: Formula, kind: FormulaKind, fallbackPick: string): Formula {
  const from = kindOf(f);
  if (from === kind) return f;
  if (kind === "pick") return firstPick(f) ?? fallbackPick;
  if (kind === "not") return { not: f };
  const children = from === "pick" || from === "not" ? [f] : childrenOf(f);
  if (PAIRS.has(kind) && children.length < 2) children.push(fallbackPick);
  const k = COUNTS.has(from) ? (f as Record<string, FormulaCount>)[from]?.k : 1;
  return nodeOf(kind, children.slice(0, PAIRS.has(kind) ? 2 : undefined), k);
}

/** The count node with k typed (clamped to what means something). */
export function withK(f: Formula, k: number): Formula {
  return nodeOf(kindOf(f), childrenOf(f), k);
}

/** The node with sub-formula `i` replaced. */
export function withChild(f: Formula, i: number, child: Formula): Formula {
  const children = childrenOf(f).map((c, j) => (j === i ? child : c));
  return nodeOf(kindOf(f), children, countK(f));
}

/** The node with one more sub-formula (`pick`); undefined for "not" and the pairs, which are full. */
export function withNewChild(f: Formula, pick: string): Formula | undefined {
  const kind = kindOf(f);
  if (kind === "pick" || kind === "not" || PAIRS.has(kind)) return undefined;
  return nodeOf(kind, [...childrenOf(f), pick], countK(f));
}

/** The node without sub-formula `i`; undefined when it would have fewer than its connective needs. */
export function withoutChild(f: Formula, i: number): Formula | undefined {
  const kind = kindOf(f);
  const children = childrenOf(f);
  if (kind === "not" || PAIRS.has(kind) || children.length <= 1) return undefined;
  return nodeOf(
    kind,
    children.filter((_, j) => j !== i),
    countK(f),
  );
}

const countK = (f: Formula) => {
  const kind = kindOf(f);
  return COUNTS.has(kind) ? (f as Record<string, FormulaCount>)[kind]?.k : undefined;
};
