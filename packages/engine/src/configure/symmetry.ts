/**
 * Interchangeable options: two options of the same group that nothing else mentions — no rule (of
 * the base or of any add-on), no nested group under them, the same fields apart from their id,
 * name, description, service and default — play the same part in every constraint. Swapping them
 * maps every valid configuration to a valid configuration, so, as long as neither is picked, one
 * can be in (or out of) a configuration extending the picks exactly when the other can, and the
 * picks and constraints that force one force the other.
 *
 * So one representative per class is decided (and explained) and its answer is copied: a pick-one
 * group of 10,000 plain options costs one SAT call, not 10,000 — the difference between linear and
 * quadratic time in the size of a group, both in `configure` and in the validator's logic check.
 *
 * Detected on the catalog, conservatively: an id is "mentioned" by a rule when it is any string
 * anywhere inside the rule, whatever the rule's shape; unknown option fields keep options apart.
 */
import type { Package } from "@tessera/schema";
import type { PackageLogic } from "./model.ts";

/** Option fields that do not take part in the logic (names, pricing, the default suggestion). */
const INERT = new Set(["id", "name", "description", "service", "default"]);

/** Groups up to this size are decided option by option. */
const WIDE = 16;

/**
 * Per variable, the first variable of its class (itself when it has no twin), computed once per
 * logic. Classes hold options only.
 */
const cache = new WeakMap<PackageLogic, Int32Array>();

export function symmetryClasses(logic: PackageLogic): Int32Array {
  let rep = cache.get(logic);
  if (rep) return rep;
  rep = new Int32Array(logic.vars.length);
  for (let v = 0; v < rep.length; v++) rep[v] = v;
  cache.set(logic, rep);
  // Small groups gain nothing worth walking every rule for (the validator builds hundreds of
  // logics per catalog).
  const packages: Package[] = [logic.base, ...logic.addOns.values()];
  if (!packages.some((p) => p.optionGroups?.some((g) => g.options.length > WIDE))) return rep;
  const mentioned = new Set<string>();
  for (const p of packages) {
    if (p.rules) for (const r of p.rules) collectStrings(r, mentioned);
    if (p.optionGroups) for (const g of p.optionGroups) if (g.parentOption) mentioned.add(g.parentOption);
  }
  const firstOf = new Map<string, number>();
  logic.vars.forEach((variable, v) => {
    const o = variable.option;
    if (variable.kind !== "option" || !o || mentioned.has(o.id) || o.status === "retired") return;
    const fields: string[] = [];
    for (const [k, value] of Object.entries(o))
      if (!INERT.has(k)) fields.push(`${k}=${JSON.stringify(value)}`);
    const key = `${variable.packageId}\u0000${variable.groupId ?? ""}\u0000${fields.sort().join("\u0000")}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, v);
    else rep![v] = first;
  });
  return rep;
}

function collectStrings(value: unknown, out: Set<string>): void {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const x of value) collectStrings(x, out);
  else if (value !== null && typeof value === "object")
    for (const x of Object.values(value)) collectStrings(x, out);
}

/**
 * The variables to decide under some assumptions, one per class, and for every variable the one
 * whose answer it takes. An assumed (picked or excluded) variable leaves its class: it stands for
 * itself, and the class is represented by its first member not assumed.
 */
export function representatives(
  logic: PackageLogic,
  assumptions: readonly number[],
  vars: readonly number[],
): { decide: number[]; answerOf: Int32Array } {
  const rep = symmetryClasses(logic);
  const answerOf = new Int32Array(rep.length);
  const assumed = new Set<number>();
  for (const l of assumptions) assumed.add(l >> 1);
  const standIn = new Map<number, number>();
  const decide: number[] = [];
  for (const v of vars) {
    const r = rep[v]!;
    if (r === v && !assumed.has(v) && !standIn.has(v)) {
      standIn.set(v, v);
      decide.push(v);
      answerOf[v] = v;
      continue;
    }
    if (assumed.has(v)) {
      decide.push(v);
      answerOf[v] = v;
      continue;
    }
    const s = standIn.get(r);
    if (s !== undefined) answerOf[v] = s;
    else {
      standIn.set(r, v);
      decide.push(v);
      answerOf[v] = v;
    }
  }
  return { decide, answerOf };
}
