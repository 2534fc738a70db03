/**
 * Rules of a package as the designer's form edits them: every form the schema allows (a condition
 * of all of / any of / none of, any mix of them or none; a consequence requiring all of, at least
 * one of, exactly one of, or none of), read back as one sentence. Rules with nested formulas
 * (`isFormulaRule`) are read as a sentence but not edited in the form.
 */
import { isFormulaRule, ruleInWords } from "@tessera/engine";
import type { Condition, Consequence, QuantityRule, Rule } from "@tessera/schema";

export const CONDITION_PARTS = ["allOf", "anyOf", "noneOf"] as const;
export type ConditionPart = (typeof CONDITION_PARTS)[number];

export const CONSEQUENCE_KINDS = ["requireAll", "requireAny", "requireExactlyOne", "requireNone"] as const;
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

/** The words of each consequence kind in the form's menu. */
export const CONSEQUENCE_LABEL: Record<ConsequenceKind, string> = {
  requireAll: "require all of",
  requireAny: "require at least one of",
  requireExactlyOne: "require exactly one of",
  requireNone: "rule out",
};

/** The words of each part of the condition in the form. */
export const CONDITION_LABEL: Record<ConditionPart, string> = {
  allOf: "All of these are picked",
  anyOf: "Any of these is picked",
  noneOf: "None of these is picked",
};

/** A rule being written: every list may be empty while the form is filled in. */
export interface RuleDraft {
  id: string;
  /** The rule's name for sellers (reasons name the rule by it); may be empty. */
  name: string;
  description: string;
  when: Record<ConditionPart, string[]>;
  thenKind: ConsequenceKind;
  /** The ids of the consequence. */
  thenIds: string[];
}

export function emptyDraft(): RuleDraft {
  return {
    id: "",
    name: "",
    description: "",
    when: { allOf: [], anyOf: [], noneOf: [] },
    thenKind: "requireAll",
    thenIds: [],
  };
}

/** Whether the form can edit the rule: both sides in list form (not a nested formula). */
export function isEditable(rule: Rule): boolean {
  return !isFormulaRule(rule);
}

/** The draft of an existing list rule (to edit it; see `isEditable`). */
export function draftOf(rule: Rule): RuleDraft {
  const when = (isEditable(rule) ? rule.when : undefined) as Condition | undefined;
  const then = (isEditable(rule) ? rule.then : {}) as Consequence;
  const thenKind = CONSEQUENCE_KINDS.find((k) => then[k] !== undefined) ?? "requireAll";
  return {
    id: rule.id,
    name: rule.name ?? "",
    description: rule.description ?? "",
    when: {
      allOf: [...(when?.allOf ?? [])],
      anyOf: [...(when?.anyOf ?? [])],
      noneOf: [...(when?.noneOf ?? [])],
    },
    thenKind,
    thenIds: [...(then[thenKind] ?? [])],
  };
}

/** The rule a draft describes: empty parts of the condition are left out, and so is an empty one. */
export function ruleOf(draft: RuleDraft): Rule {
  // Only called on drafts without problems (`draftProblems`): the lists the schema wants non-empty
  // are, and "exactly one of" has two ids or more.
  const when: Condition = {};
  for (const part of CONDITION_PARTS)
    if (draft.when[part].length > 0) when[part] = [...draft.when[part]] as [string, ...string[]];
  const consequence = { [draft.thenKind]: [...draft.thenIds] } as Consequence;
  // biome-ignore lint/suspicious/noThenProperty: "then" is the schema's name for a rule's consequence
  const rule: Rule = { id: draft.id.trim(), then: consequence };
  const name = draft.name.trim();
  if (name) rule.name = name;
  if (Object.keys(when).length > 0) rule.when = when;
  const description = draft.description.trim();
  if (description) rule.description = description;
  return rule;
}

const ID = /^[a-z0-9][a-z0-9_.-]{0,79}$/;

/**
 * What stops the draft from being a rule, in sentences (empty when it can be added). `taken` holds
 * the ids already used in the catalog; the rule's own id when it is being edited is not among them.
 */
export function draftProblems(draft: RuleDraft, taken: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const id = draft.id.trim();
  if (id === "") problems.push("Give the rule an id.");
  else if (!ID.test(id))
    problems.push(
      "The id may use lower-case letters, digits, '-', '_' and '.', and starts with a letter or digit.",
    );
  else if (taken.has(id)) problems.push(`The id \`${id}\` is already used in this catalog.`);
  if (draft.thenIds.length === 0)
    problems.push(`Pick what the rule should ${CONSEQUENCE_LABEL[draft.thenKind]}.`);
  if (draft.thenKind === "requireExactlyOne" && draft.thenIds.length === 1)
    problems.push(
      "“Exactly one of” needs at least two picks; to require a single one, use “require all of”.",
    );
  return problems;
}

/** The rule in one sentence: the engine's reading, shared with the reasons of configure. */
export { ruleInWords };

const COMPARATOR_WORDS: Record<QuantityRule["comparator"], string> = {
  "<=": "is at most",
  ">=": "is at least",
  "==": "is exactly",
};

/**
 * A quantity rule in words: "Storage is at most 10 × Seats" for the common two-term shape
 * (A − k·B ≤ 0), "Seats is at least 3" for a bound, and the sum written out otherwise.
 */
export function quantityRuleInWords(q: QuantityRule, name: (componentId: string) => string): string {
  const [a, b] = q.terms;
  const cmp = COMPARATOR_WORDS[q.comparator];
  if (q.terms.length === 1 && a && a.coefficient === 1) return `${name(a.component)} ${cmp} ${q.bound}`;
  if (q.terms.length === 2 && a && b && a.coefficient === 1 && b.coefficient < 0 && q.bound === 0)
    return `${name(a.component)} ${cmp} ${-b.coefficient} × ${name(b.component)}`;
  const sum = q.terms.map((t) => `${t.coefficient} × ${name(t.component)}`).join(" + ");
  return `${sum} ${cmp} ${q.bound}`;
}
