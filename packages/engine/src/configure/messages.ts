/**
 * Plain-words sentences for reasons and violations, e.g.
 * "Disabled: rule `sso-needs-business` excludes it with your pick `Starter`."
 */
import type { Constraint, PackageLogic } from "./model.ts";
import type { Reason } from "./types.ts";
import { listOf, orList, ruleInWords } from "./words.ts";

const quote = (s: string) => `\`${s}\``;

/** Long lists name their first items and count the rest (the full list is in `Reason.rules`). */
function shortList(items: readonly string[], total: number, keep = 4): string {
  if (total <= keep + 1) return listOf(items.slice(0, total));
  return listOf([...items.slice(0, keep), `${total - keep} more`]);
}

/** Display name of a variable id (option or add-on), else the id. */
function nameOf(logic: PackageLogic, id: string): string {
  const v = logic.index.get(id);
  return v === undefined ? id : logic.vars[v]!.name;
}

/** The constraints of some labels in catalog order, sorted into what a sentence needs. */
interface Sorted {
  /** Distinct ids for `Reason.rules` (rules, groups, add-on compatibility; not retirements). */
  ids: string[];
  rules: string[];
  ruleCount: number;
  groups: string[];
  groupCount: number;
  /** Constraints with a subject of their own (retired, incompatible, included, requires, excludes). */
  others: Constraint[];
}

/** Per package: each constraint's slot among the distinct ids (constraints may share an id). */
const slots = new WeakMap<PackageLogic, { slot: Int32Array; mark: Uint8Array }>();

function slotsOf(logic: PackageLogic): { slot: Int32Array; mark: Uint8Array } {
  let s = slots.get(logic);
  if (!s) {
    const byId = new Map<string, number>();
    const slot = new Int32Array(logic.constraints.length);
    logic.constraints.forEach((c, i) => {
      let k = byId.get(c.id);
      if (k === undefined) {
        k = byId.size;
        byId.set(c.id, k);
      }
      slot[i] = k;
    });
    s = { slot, mark: new Uint8Array(byId.size) };
    slots.set(logic, s);
  }
  return s;
}

/**
 * What a reason calls a rule: its name, else the rule read as a sentence (without its full stop),
 * else its id. Never an auxiliary variable: a rule is named whole, however it was encoded.
 */
export function ruleName(logic: PackageLogic, c: Constraint): string {
  if (c.rule === undefined) return c.id;
  if (c.rule.name !== undefined) return c.rule.name;
  // Read once per constraint: reasons name the same rules call after call.
  let words = sentences.get(c);
  if (words === undefined) {
    words = ruleInWords(c.rule, (id) => nameOf(logic, id)).replace(/\.$/, "");
    sentences.set(c, words);
  }
  return words;
}

/** A rule without a name, as a sentence (constraints belong to one package's logic). */
const sentences = new WeakMap<Constraint, string>();

function sortLabels(logic: PackageLogic, labels: readonly number[]): Sorted {
  const order = Int32Array.from(labels).sort();
  const out: Sorted = { ids: [], rules: [], ruleCount: 0, groups: [], groupCount: 0, others: [] };
  const { slot, mark } = slotsOf(logic);
  let last = -1;
  for (const l of order) {
    if (l === last) continue;
    last = l;
    const c = logic.constraints[l]!;
    const k = slot[l]!;
    if (c.kind !== "retired" && !mark[k]) {
      mark[k] = 1;
      out.ids.push(c.id);
    }
    if (c.kind === "rule") {
      if (out.ruleCount++ < 6) out.rules.push(quote(ruleName(logic, c)));
    } else if (c.kind === "group") {
      if (out.groupCount++ < 6) out.groups.push(quote(c.name ?? c.id));
    } else out.others.push(c);
  }
  for (const l of order) mark[slot[l]!] = 0;
  return out;
}

/** Sentence fragments: "rules `a` and `b` exclude it", "`X` is retired", … */
function fragments(logic: PackageLogic, sorted: Sorted, verb: "excludes" | "requires" | ""): string[] {
  const out: string[] = [];
  const { rules, ruleCount, groups, groupCount } = sorted;
  const parts: string[] = [];
  if (ruleCount) parts.push(`${ruleCount > 1 ? "rules" : "rule"} ${shortList(rules, ruleCount)}`);
  if (groupCount)
    parts.push(`${groupCount > 1 ? "option groups" : "option group"} ${shortList(groups, groupCount)}`);
  if (parts.length) {
    const plural = ruleCount + groupCount > 1;
    const v =
      verb === "" ? "" : plural ? (verb === "excludes" ? " exclude it" : " require it") : ` ${verb} it`;
    out.push(`${listOf(parts)}${v}`);
  }
  for (const c of sorted.others) {
    const subject = c.subject === undefined ? "" : quote(nameOf(logic, c.subject));
    if (c.kind === "retired") out.push(`${subject} is retired`);
    else if (c.kind === "incompatible") out.push(`${subject} does not fit this package`);
    else if (c.kind === "included") out.push(`${quote(logic.base.name)} includes ${subject}`);
    else if (c.kind === "requires") out.push(`add-on ${quote(nameOf(logic, c.id))} requires ${subject}`);
    else if (c.kind === "excludes")
      out.push(`add-on ${quote(nameOf(logic, c.id))} cannot go with ${subject}`);
    else if (c.kind === "mandatory") out.push(`${subject} is always included`);
  }
  return out;
}

/**
 * "with your pick `A`", "with the default `B`", "with your picks `A` and `C` and the default `B`":
 * a default is a suggestion configure made, not something the seller chose.
 */
function withPicks(logic: PackageLogic, picks: readonly string[], defaults: ReadonlySet<string>): string {
  const mine = picks.filter((p) => !defaults.has(p)).map((p) => quote(nameOf(logic, p)));
  const suggested = picks.filter((p) => defaults.has(p)).map((p) => quote(nameOf(logic, p)));
  const parts: string[] = [];
  if (mine.length) parts.push(`your ${mine.length > 1 ? "picks" : "pick"} ${listOf(mine)}`);
  if (suggested.length)
    parts.push(`the ${suggested.length > 1 ? "defaults" : "default"} ${listOf(suggested)}`);
  return parts.length ? ` with ${parts.join(" and ")}` : "";
}

/** Builds the reason for a required or disabled choice; `defaults` are picks configure made. */
export function reasonFor(
  logic: PackageLogic,
  state: "required" | "disabled",
  labels: readonly number[],
  picks: readonly string[],
  defaults: ReadonlySet<string> = new Set(),
): Reason {
  const sorted = sortLabels(logic, labels);
  const head = state === "required" ? "Required" : "Disabled";
  const incompatible = sorted.others.find((c) => c.kind === "incompatible");
  if (incompatible && picks.length === 0) {
    const v = logic.index.get(incompatible.id);
    const why = v === undefined ? undefined : logic.vars[v]!.incompatible;
    return {
      rules: sorted.ids,
      picks: [...picks],
      message: `${head}: ${why ?? "it does not fit this package."}`,
    };
  }
  const frags = fragments(logic, sorted, state === "required" ? "requires" : "excludes");
  const what = frags.length ? listOf(frags) : "the package's rules decide it";
  const tail = withPicks(logic, picks, defaults);
  return { rules: sorted.ids, picks: [...picks], message: `${head}: ${what}${tail}.` };
}

/** Names of the constraints, for violation sentences ("rule `a` and option group `g`"). */
export function constraintPhrase(logic: PackageLogic, labels: readonly number[]): string {
  return listOf(fragments(logic, sortLabels(logic, labels), ""));
}

export { listOf, nameOf, orList, quote };
