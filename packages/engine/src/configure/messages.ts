/**
 * Plain-words sentences for reasons and violations, e.g.
 * "Disabled: rule `sso-needs-business` excludes it with your pick `Starter`."
 */
import type { Constraint, PackageLogic } from "./model.ts";
import type { Reason } from "./types.ts";

const quote = (s: string) => `\`${s}\``;

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Long chains name their first links and count the rest (the full list is in `Reason.rules`). */
function shorten(items: readonly string[], keep = 4): string[] {
  if (items.length <= keep + 1) return [...items];
  return [...items.slice(0, keep), `${items.length - keep} more`];
}

/** Display name of a variable id (option or add-on), else the id. */
function nameOf(logic: PackageLogic, id: string): string {
  const v = logic.index.get(id);
  return v === undefined ? id : logic.vars[v]!.name;
}

/** Ids a constraint contributes to `Reason.rules`. */
function ruleIds(c: Constraint): string[] {
  return c.kind === "retired" ? [] : [c.id];
}

/** Sentence fragments describing constraints without a subject of their own. */
function fragments(logic: PackageLogic, cs: readonly Constraint[], verb: "excludes" | "requires"): string[] {
  const out: string[] = [];
  const rules = cs.filter((c) => c.kind === "rule").map((c) => quote(c.id));
  const groups = cs.filter((c) => c.kind === "group").map((c) => quote(c.id));
  const plural = rules.length + groups.length > 1;
  const parts: string[] = [];
  if (rules.length) parts.push(`${rules.length > 1 ? "rules" : "rule"} ${listOf(shorten(rules))}`);
  if (groups.length)
    parts.push(`${groups.length > 1 ? "option groups" : "option group"} ${listOf(shorten(groups))}`);
  if (parts.length) {
    const v = plural ? (verb === "excludes" ? "exclude" : "require") : verb;
    out.push(`${listOf(parts)} ${v} it`);
  }
  for (const c of cs) {
    const subject = c.subject === undefined ? "" : quote(nameOf(logic, c.subject));
    if (c.kind === "retired") out.push(`${subject} is retired`);
    else if (c.kind === "incompatible") out.push(`${subject} does not fit this package`);
    else if (c.kind === "included") out.push(`${quote(logic.base.name)} includes ${subject}`);
    else if (c.kind === "requires") out.push(`add-on ${quote(nameOf(logic, c.id))} requires ${subject}`);
    else if (c.kind === "excludes")
      out.push(`add-on ${quote(nameOf(logic, c.id))} cannot go with ${subject}`);
  }
  return out;
}

/** Builds the reason for a required or disabled choice. */
export function reasonFor(
  logic: PackageLogic,
  state: "required" | "disabled",
  labels: readonly number[],
  picks: readonly string[],
): Reason {
  const cs = [...new Set(labels)].sort((a, b) => a - b).map((l) => logic.constraints[l]!);
  const rules = [...new Set(cs.flatMap(ruleIds))];
  const head = state === "required" ? "Required" : "Disabled";
  const incompatible = cs.find((c) => c.kind === "incompatible");
  if (incompatible && picks.length === 0) {
    const v = logic.index.get(incompatible.id);
    const why = v === undefined ? undefined : logic.vars[v]!.incompatible;
    return { rules, picks: [...picks], message: `${head}: ${why ?? "it does not fit this package."}` };
  }
  const frags = fragments(logic, cs, state === "required" ? "requires" : "excludes");
  const what = frags.length ? listOf(frags) : "the package's rules decide it";
  const names = picks.map((p) => quote(nameOf(logic, p)));
  const tail = picks.length ? ` with your ${picks.length > 1 ? "picks" : "pick"} ${listOf(names)}` : "";
  return { rules, picks: [...picks], message: `${head}: ${what}${tail}.` };
}

/** Names of the constraints, for violation sentences ("rule `a` and option group `g`"). */
export function constraintPhrase(logic: PackageLogic, labels: readonly number[]): string {
  const cs = [...new Set(labels)].sort((a, b) => a - b).map((l) => logic.constraints[l]!);
  const frags = fragments(logic, cs, "excludes").map((f) => f.replace(/ excludes? it$/, ""));
  return listOf(frags);
}

export { nameOf, quote };
