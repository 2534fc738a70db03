/**
 * Rules of a package as the designer's form edits them: every form the schema allows (a condition
 * of all of / any of / none of, any mix of them or none; a consequence requiring all of, at least
 * one of, exactly one of, or none of), read back as one sentence.
 */
import type { Condition, Consequence, Rule } from "@tessera/schema";

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
  description: string;
  when: Record<ConditionPart, string[]>;
  thenKind: ConsequenceKind;
  /** The ids of the consequence. */
  thenIds: string[];
}

export function emptyDraft(): RuleDraft {
  return {
    id: "",
    description: "",
    when: { allOf: [], anyOf: [], noneOf: [] },
    thenKind: "requireAll",
    thenIds: [],
  };
}

/** The draft of an existing rule (to edit it). */
export function draftOf(rule: Rule): RuleDraft {
  const thenKind = CONSEQUENCE_KINDS.find((k) => rule.then[k] !== undefined) ?? "requireAll";
  return {
    id: rule.id,
    description: rule.description ?? "",
    when: {
      allOf: [...(rule.when?.allOf ?? [])],
      anyOf: [...(rule.when?.anyOf ?? [])],
      noneOf: [...(rule.when?.noneOf ?? [])],
    },
    thenKind,
    thenIds: [...(rule.then[thenKind] ?? [])],
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

/** "A", "A and B", "A, B and C". */
function and(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "A", "A or B", "A, B or C". */
function or(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/**
 * The rule in one sentence, e.g. "When Premium is picked and Basic support is not, require exactly
 * one of EU region or US region." `name` gives the label of an option or add-on id.
 */
export function ruleInWords(rule: Rule, name: (id: string) => string): string {
  const names = (ids: readonly string[] | undefined) => (ids ?? []).map(name);
  const parts: string[] = [];
  const all = names(rule.when?.allOf);
  if (all.length > 0) parts.push(`${and(all)} ${all.length > 1 ? "are" : "is"} picked`);
  const any = names(rule.when?.anyOf);
  if (any.length === 1) parts.push(`${any[0]} is picked`);
  else if (any.length > 1) parts.push(`any of ${or(any)} is picked`);
  const none = names(rule.when?.noneOf);
  if (none.length === 1) parts.push(`${none[0]} is not picked`);
  else if (none.length > 1) parts.push(`none of ${or(none)} is picked`);
  const when = parts.length === 0 ? "Always" : `When ${and(parts)},`;
  const t = rule.then;
  const then = t.requireAll
    ? `require ${and(names(t.requireAll))}`
    : t.requireAny
      ? `require at least one of ${or(names(t.requireAny))}`
      : t.requireExactlyOne
        ? `require exactly one of ${or(names(t.requireExactlyOne))}`
        : `rule out ${and(names(t.requireNone))}`;
  return `${when} ${then}.`;
}
