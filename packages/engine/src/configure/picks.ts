/**
 * The picks of a selection as solver literals: which the package can take, the defaults when the
 * selection has none, and the violation naming a minimal set of earlier picks a pick conflicts with.
 */
import type { Package, Quote } from "@tessera/schema";
import { type Diagnostic, pointerOf } from "../diagnostic.ts";
import { pos } from "../logic/solver.ts";
import { constraintsInConflict } from "./explain.ts";
import { constraintPhrase, listOf, nameOf, quote } from "./messages.ts";
import type { PackageLogic } from "./model.ts";
import type { DefaultsApplied } from "./types.ts";

export interface PickLit {
  id: string;
  lit: number;
  pointer: string;
  explicit: boolean;
}

export const error = (code: string, pointer: string, message: string): Diagnostic => ({
  code,
  severity: "error",
  pointer,
  message,
});

/** The picks of the selection as literals, reporting those the package cannot take. */
export function collectPicks(logic: PackageLogic, selection: Quote, violations: Diagnostic[]): PickLit[] {
  const out: PickLit[] = [];
  const seen = new Set<string>();
  const add = (id: string, pointer: string, owner: string, kind: "option" | "addOn") => {
    const v = logic.index.get(id);
    const variable = v === undefined ? undefined : logic.vars[v];
    if (!variable || variable.kind !== kind || (kind === "option" && variable.packageId !== owner)) {
      const what = kind === "option" ? "option" : "add-on";
      const where = kind === "option" ? ` of ${owner}` : ` for ${logic.base.name}`;
      violations.push(
        error(
          kind === "option" ? "config.unknown-option" : "config.unknown-add-on",
          pointer,
          `\`${id}\` is not an ${what}${where}; remove it.`,
        ),
      );
      return;
    }
    if (seen.has(id)) {
      violations.push(
        error("config.duplicate-pick", pointer, `\`${variable.name}\` is picked twice; remove one.`),
      );
      return;
    }
    seen.add(id);
    out.push({ id, lit: pos(v!), pointer, explicit: true });
  };
  (selection.picks ?? []).forEach((id, i) => {
    add(id, pointerOf("picks", i), logic.base.id, "option");
  });
  (selection.addOns ?? []).forEach((a, i) => {
    add(a.package, pointerOf("addOns", i), logic.base.id, "addOn");
    if (!logic.index.has(a.package)) return;
    (a.picks ?? []).forEach((id, j) => {
      add(id, pointerOf("addOns", i, "picks", j), a.package, "option");
    });
  });
  return out;
}

/**
 * Picks the default (and mandatory) options of packages whose picks the selection leaves out, as
 * many as fit.
 */
export function applyDefaults(
  logic: PackageLogic,
  selection: Quote,
  picks: PickLit[],
  defaults: DefaultsApplied,
): void {
  const packagesWithoutPicks: Package[] = [];
  if (selection.picks === undefined) packagesWithoutPicks.push(logic.base);
  const listed = new Map((selection.addOns ?? []).map((a) => [a.package, a]));
  for (const [id, pkg] of logic.addOns) {
    const sel = listed.get(id);
    const on =
      (sel !== undefined && picks.some((p) => p.id === id)) ||
      (sel === undefined && logic.vars[logic.index.get(id)!]!.included === true);
    if (on && sel?.picks === undefined) packagesWithoutPicks.push(pkg);
  }
  const candidates: PickLit[] = [];
  // A mandatory option is a default too when its group applies: top-level, or its parent is on.
  const on = (id: string) => picks.some((p) => p.id === id) || candidates.some((c) => c.id === id);
  for (const pkg of packagesWithoutPicks) {
    for (const g of pkg.optionGroups ?? []) {
      for (const o of g.options) {
        const v = logic.index.get(o.id);
        const wanted =
          o.default === true ||
          (o.mandatory === true && (g.parentOption === undefined || on(g.parentOption)));
        if (wanted && v !== undefined && o.status !== "retired" && !picks.some((p) => p.id === o.id)) {
          candidates.push({ id: o.id, lit: pos(v), pointer: "", explicit: false });
        }
      }
    }
  }
  if (candidates.length === 0) return;
  const base = picks.map((p) => p.lit);
  const taken: PickLit[] = [];
  if (logic.solver.solve([...base, ...candidates.map((c) => c.lit)])?.sat) taken.push(...candidates);
  else {
    for (const c of candidates) {
      if (logic.solver.solve([...base, ...taken.map((t) => t.lit), c.lit])?.sat) taken.push(c);
    }
  }
  for (const t of taken) {
    picks.push(t);
    defaults.picks.push(t.id);
  }
}

export function conflictViolation(
  logic: PackageLogic,
  p: PickLit,
  others: number[],
  picks: PickLit[],
): Diagnostic {
  const labels = constraintsInConflict(logic, [...others, p.lit]);
  const phrase = constraintPhrase(logic, labels);
  const name = quote(nameOf(logic, p.id));
  const because = phrase ? ` (${phrase})` : "";
  if (others.length === 0) {
    return error("config.pick-not-allowed", p.pointer, `${name} cannot be picked${because}; remove it.`);
  }
  const otherPicks = others.map((l) => picks.find((q) => q.lit === l));
  const names = otherPicks.map((q) => quote(nameOf(logic, q?.id ?? "")));
  const defaultsNote = otherPicks.some((q) => q && !q.explicit) ? " (a default)" : "";
  return error(
    "config.conflict",
    p.pointer || "/picks",
    `${name} cannot go with your ${others.length > 1 ? "picks" : "pick"} ${listOf(names)}${defaultsNote}${because}; remove it or change ${others.length > 1 ? "one of them" : "that pick"}.`,
  );
}
