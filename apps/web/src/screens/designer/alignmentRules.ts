/**
 * Alignment cases as the designer edits them (Kill Bill's billing, create and change alignments,
 * checked by the engine's `alignments` check): three ordered lists, the first matching case wins, a
 * case without `when` is the default and comes last.
 *
 * Edits leave no empty parts behind (an empty list, an empty `when`, an empty id are removed), and a
 * new case never lands behind the default, where it could not be reached: the first case of a list
 * is its default; later ones go before the default, for add-ons, to be narrowed from there.
 */
import type { AlignmentMatch, Alignments, BillingAlignmentCase } from "@tessera/schema";
import { moveItem } from "./docEdit.ts";

export type AlignmentKind = keyof Alignments;
export type AlignmentCase =
  | BillingAlignmentCase
  | NonNullable<Alignments["create"]>[number]
  | NonNullable<Alignments["change"]>[number];

/** The alignment values of each kind, the built-in default first. */
export const ALIGNMENTS: Record<AlignmentKind, readonly { value: string; label: string }[]> = {
  billing: [
    { value: "account", label: "the account's billing day" },
    { value: "bundle", label: "the base package's billing dates (add-ons)" },
    { value: "subscription", label: "each subscription's own anniversary" },
  ],
  create: [
    { value: "start_of_bundle", label: "from the start of the base subscription" },
    { value: "start_of_subscription", label: "from the day the add-on is bought" },
  ],
  change: [
    { value: "change_date", label: "from the change's effective date" },
    { value: "start_of_bundle", label: "from the start of the bundle" },
    { value: "start_of_subscription", label: "from the start of the subscription changed" },
  ],
};

/** Whether a case is a default (matches every subscription). */
export const isDefaultCase = (c: { when?: AlignmentMatch }) =>
  c.when === undefined || Object.keys(c.when).length === 0;

/** The alignments with `kind`'s cases replaced; nothing left removes the list, then the block. */
export function withCases(
  alignments: Alignments | undefined,
  kind: AlignmentKind,
  cases: readonly AlignmentCase[],
): Alignments | undefined {
  const next: Record<string, unknown> = { ...(alignments ?? {}) };
  if (cases.length > 0) next[kind] = [...cases];
  else delete next[kind];
  return Object.keys(next).length > 0 ? (next as Alignments) : undefined;
}

/** The cases with a new one: the default when there is none, else an add-on case before the default. */
export function addCase(kind: AlignmentKind, cases: readonly AlignmentCase[]): AlignmentCase[] {
  const alignment = ALIGNMENTS[kind][0]?.value as AlignmentCase["alignment"];
  const at = cases.findIndex(isDefaultCase);
  if (at < 0) return [...cases, { alignment } as AlignmentCase];
  const narrowed = { when: { roles: ["add_on"] }, alignment } as AlignmentCase;
  return [...cases.slice(0, at), narrowed, ...cases.slice(at)];
}

/** The case with its `when` changed by `patch`; empty lists go, an empty `when` goes. */
export function withWhen(
  c: AlignmentCase,
  patch: Partial<Record<keyof AlignmentMatch, readonly string[]>>,
): AlignmentCase {
  const when: Record<string, unknown> = { ...(c.when ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v && v.length > 0) when[k] = [...v];
    else delete when[k];
  }
  const { when: _w, ...rest } = c;
  return (Object.keys(when).length > 0 ? { ...rest, when } : rest) as AlignmentCase;
}

/** The case with the id typed (empty removes it: ids of alignment cases are optional). */
export function withCaseId(c: AlignmentCase, id: string): AlignmentCase {
  const { id: _i, ...rest } = c;
  const v = id.trim();
  return (v ? { id: v, ...rest } : rest) as AlignmentCase;
}

export const moveCase = (cases: readonly AlignmentCase[], from: number, to: number) =>
  moveItem(cases, from, to);
