/**
 * Logic of each base package's options, rules and add-ons, decided by the same SAT engine
 * `configure` uses (see configure/model.ts for the semantics):
 * - `logic.unsatisfiable-package`: rules and option groups admit no configuration at all;
 * - `logic.option-never-pickable`: an option (not retired) no valid configuration contains;
 * - `logic.defaults-violate-rules`: the default options cannot all be picked together;
 * - `logic.option-always-required`: an option every valid configuration contains (a core option)
 *   that is not declared so (`mandatory`, or a group that needs all of its options);
 * - `logic.rule-never-holds`: the package has no configuration because of one rule alone (with
 *   the option groups): its consequence can never hold where it applies;
 * - `logic.rule-never-applies`: a rule with a nested formula whose condition no valid
 *   configuration satisfies.
 * Each names the rules and groups behind it. A few SAT calls per package: one model, the
 * options no model reached so far (each one call), one call for the defaults.
 *
 * Most packages have none of these problems, so each is first decided on the package's core logic
 * (`coreLogic`: only the add-ons its options can interact with, same answers); only a package with
 * a finding is rebuilt in full (`packageLogic`, cached for `configure`) to word its diagnostics.
 */

import type { Package } from "@tessera/schema";
import { constraintsInConflict, explainForced, minimalConflict, modelPool } from "../../configure/explain.ts";
import { constraintPhrase } from "../../configure/messages.ts";
import { coreLogic, LogicWorkspace, type PackageLogic, packageLogic } from "../../configure/model.ts";
import { representatives, symmetryClasses } from "../../configure/symmetry.ts";
import { consequences } from "../../logic/backbone.ts";
import { FALSE, TRUE } from "../../logic/cnf.ts";
import { neg, pos, type Solver } from "../../logic/solver.ts";
import type { Check, CheckContext } from "../check.ts";
import { flag, names } from "./report.ts";

/**
 * One workspace serves every package's core logic in turn, in every validation (validation is
 * synchronous, so one run never interleaves with another). Keeping it also keeps the optimized
 * code that uses it: code built around a workspace is thrown away when that workspace dies.
 */
const workspace = new LogicWorkspace();

export const logicCheck: Check = {
  id: "logic",
  codes: [
    "logic.unsatisfiable-package",
    "logic.option-never-pickable",
    "logic.defaults-violate-rules",
    "logic.option-always-required",
    "logic.rule-never-holds",
    "logic.rule-never-applies",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    const packages = doc.packages;
    try {
      for (let i = 0; i < packages.length; i++) {
        const pkg = packages[i]!;
        if (pkg.role !== "base" || catalog.packages.get(pkg.id)?.value !== pkg) continue;
        if (!isClean(coreLogic(catalog, pkg, workspace), pkg)) reportFindings(ctx, pkg, i);
      }
    } finally {
      workspace.release();
    }
  },
};

/** Decides the package on its full logic, and reports what is wrong in words. */
function reportFindings(ctx: CheckContext, pkg: Package, i: number): void {
  const { catalog } = ctx;
  const logic = packageLogic(catalog, pkg);
  const first = logic.solver.ok ? logic.solver.solve([]) : null;
  if (!first?.sat) {
    const labels = constraintsInConflict(logic, []);
    const why = constraintPhrase(logic, labels);
    flag(
      ctx,
      "logic.unsatisfiable-package",
      "error",
      `/packages/${i}`,
      `has no valid configuration at all; the conflict comes from: ${why || "its rules and option groups"}.`,
    );
    // One rule alone (with the groups) leaves nothing: point at that rule too.
    const rules = new Set(labels.map((l) => logic.constraints[l]).filter((c) => c?.kind === "rule"));
    const only = rules.size === 1 ? [...rules][0]?.rule : undefined;
    const j = only === undefined ? -1 : (pkg.rules ?? []).indexOf(only);
    if (j >= 0)
      flag(
        ctx,
        "logic.rule-never-holds",
        "error",
        `/packages/${i}/rules/${j}/then`,
        "can never hold where the rule applies, given the package's option groups, so the package has no valid configuration.",
      );
    return;
  }
  const own: number[] = [];
  logic.vars.forEach((v, k) => {
    if (v.kind === "option" && v.packageId === pkg.id) own.push(k);
  });
  const { decide, answerOf } = representatives(logic, [], own);
  const cons = consequences(logic.solver, [], decide, {
    implied: (lit) => logic.solver.fixedAtRoot(lit),
    pool: modelPool(logic),
  });
  for (const v of own) {
    cons.canBeTrue[v] = cons.canBeTrue[answerOf[v]!]!;
    cons.canBeFalse[v] = cons.canBeFalse[answerOf[v]!]!;
  }
  const never = own.filter((v) => {
    const option = catalog.options.get(logic.vars[v]!.id)?.value;
    return cons.canBeTrue[v] === 0 && option?.status !== "retired";
  });
  if (never.length > 0) {
    const why = explainForced(logic, [], [...new Set(never.map((v) => neg(answerOf[v]!)))]);
    for (const v of never) {
      const id = logic.vars[v]!.id;
      const pointer = catalog.options.get(id)?.pointer ?? `/packages/${i}`;
      const labels = why.get(neg(answerOf[v]!))?.labels ?? [];
      const phrase = constraintPhrase(logic, labels);
      // "rule `a` rules it out", "rule `a` and option group `g` rule it out".
      const one = new Set(labels.map((l) => logic.constraints[l]?.id)).size === 1;
      flag(
        ctx,
        "logic.option-never-pickable",
        "warning",
        pointer,
        `can never be picked: ${phrase || "the package's rules"} ${one ? "rules" : "rule"} it out in every configuration.`,
      );
    }
  }
  // An option left as the only way once others can never be picked is that finding's echo: core
  // options are reported once the package has no never-pickable option.
  const declared = declaredCore(pkg);
  if (never.length === 0)
    for (const v of own) {
      const option = logic.vars[v]!.option;
      if (cons.canBeFalse[v] !== 0 || cons.canBeTrue[v] === 0 || declared.has(option?.id ?? "")) continue;
      const id = logic.vars[v]!.id;
      const labels = explainForced(logic, [], [pos(v)]).get(pos(v))?.labels ?? [];
      const phrase = constraintPhrase(logic, labels);
      const one = new Set(labels.map((l) => logic.constraints[l]?.id)).size === 1;
      flag(
        ctx,
        "logic.option-always-required",
        "warning",
        catalog.options.get(id)?.pointer ?? `/packages/${i}`,
        `is in every valid configuration: ${phrase || "the package's rules"} ${one ? "requires" : "require"} it, so a seller can never leave it out; mark it \`mandatory\` if that is intended.`,
      );
    }
  for (const p of logic.ruleProbes) {
    if (p.applies !== FALSE && (p.applies === TRUE || logic.solver.solve([p.applies])?.sat)) continue;
    const labels = p.applies === FALSE ? [] : constraintsInConflict(logic, [p.applies]);
    const phrase = constraintPhrase(logic, labels);
    flag(
      ctx,
      "logic.rule-never-applies",
      "warning",
      `/packages/${i}/rules/${p.index}/when`,
      `can never hold in a valid configuration${phrase ? ` (because of ${phrase})` : ""}, so the rule never applies.`,
    );
  }
  const defaults = own.filter((v) => {
    const option = catalog.options.get(logic.vars[v]!.id)?.value;
    return option?.default === true && option.status !== "retired";
  });
  if (defaults.length > 0 && !logic.solver.solve(defaults.map((v) => pos(v)))?.sat) {
    // In catalog order: the report points at the last default of the clash.
    const clash = minimalConflict(
      logic,
      defaults.map((v) => pos(v)),
    ).sort((a, b) => a - b);
    const ids = clash.map((l) => logic.vars[l >> 1]!.id);
    const last = ids[ids.length - 1] ?? "";
    const pointer = catalog.options.get(last)?.pointer;
    const phrase = constraintPhrase(logic, constraintsInConflict(logic, clash));
    flag(
      ctx,
      "logic.defaults-violate-rules",
      "warning",
      pointer ? `${pointer}/default` : `/packages/${i}`,
      `cannot be a default together with ${ids.length > 1 ? names(ids.slice(0, -1)) : "the package's rules"}${phrase ? ` (${phrase})` : ""}: a new quote would start invalid, so configure leaves it out.`,
    );
  }
}

/**
 * Whether the package has none of the three findings, decided on `logic` (any exact restriction of
 * the package's logic). An option counts as pickable only once a model containing it was found;
 * models are searched for in batches: uncovered options are assumed one after another as long as
 * unit propagation accepts them, so one SAT call usually covers many options. Any doubt (an
 * option no model reached, a failed batch) answers "not clean" and the full check decides.
 */
function isClean(logic: PackageLogic, pkg: Package): boolean {
  const solver = logic.solver;
  if (!solver.ok) return false;
  const own: number[] = [];
  const defaults: number[] = [];
  const vars = logic.vars;
  // One option per class of interchangeable options (symmetry.ts): its twins are pickable with it.
  const rep = symmetryClasses(logic);
  for (let k = 0; k < vars.length; k++) {
    const v = vars[k]!;
    if (v.kind !== "option" || v.packageId !== pkg.id) continue;
    if (rep[k] !== k && v.option?.default !== true) continue;
    const option = v.option;
    if (option?.status === "retired") continue;
    own.push(k);
    if (option?.default === true) {
      defaults.push(pos(k));
      solver.setPhase(k, true);
    }
  }
  // The first model leans towards the defaults: when it holds them all, they go together.
  if (!solver.solve([])?.sat) return false;
  const defaultsHold = defaults.every((l) => solver.modelValue(l >> 1));
  // Options some model must leave out (not declared core), before `cover` compacts `own`.
  const declared = declaredCore(pkg);
  const leftOut = own.filter((v) => !declared.has(vars[v]!.id));
  // The options no model has picked yet, then those no model has left out.
  if (!cover(own, solver, true) || !cover(leftOut, solver, false)) return false;
  for (const p of logic.ruleProbes) {
    if (p.applies === FALSE || (p.applies !== TRUE && !solver.solve([p.applies])?.sat)) return false;
  }
  return defaultsHold || solver.solve(defaults)?.sat === true;
}

/**
 * Whether some model gives each variable of `open` the value `value`, found in batches: literals
 * are assumed one after another as long as unit propagation accepts them, so one SAT call usually
 * covers many. `open` is compacted as models cover it.
 */
function cover(open: number[], solver: Solver, value: boolean): boolean {
  const lit = (v: number) => (value ? pos(v) : neg(v));
  drop(open, solver, value);
  while (open.length > 0) {
    const batch: number[] = [];
    solver.probe(batch);
    for (const v of open) {
      if (solver.pushProbe(lit(v))) batch.push(lit(v));
      else {
        solver.popProbe();
        // Refuted by propagation alone: no model has it.
        if (batch.length === 0) return false;
      }
    }
    if (!solver.solve(batch)?.sat && !solver.solve(batch.slice(0, 1))?.sat) return false;
    drop(open, solver, value);
  }
  return true;
}

/**
 * Options declared to be in every configuration where their group applies: `mandatory` ones, and
 * those of a group that needs all of its options.
 */
function declaredCore(pkg: Package): Set<string> {
  const out = new Set<string>();
  for (const g of pkg.optionGroups ?? []) {
    const all = (g.min ?? 0) >= g.options.length;
    for (const o of g.options) if (all || o.mandatory === true) out.add(o.id);
  }
  return out;
}

/** Removes from `open` the variables to which the solver's last model gives `value`. */
function drop(open: number[], solver: Solver, value: boolean): void {
  let w = 0;
  for (let i = 0; i < open.length; i++) {
    const v = open[i]!;
    if (solver.modelValue(v) !== value) open[w++] = v;
  }
  open.length = w;
}
