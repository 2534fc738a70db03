/**
 * configure(catalog, selection): the state of every option, add-on and quantity after the seller's
 * picks, backtrack-free — `available` means some complete, valid configuration extends the current
 * picks with it; `required` that all do; `disabled` that none does — with a smallest set of the
 * seller's own picks as the reason for each required or disabled choice.
 *
 * How: the base package and its add-ons are compiled once into clauses (see model.ts); the picks are
 * solver assumptions. One model answers for most choices at once, earlier models patched to hold
 * the picks answer most of the rest (logic/patch.ts), unit propagation proves most forced ones, and
 * only what is left needs SAT calls (backbone.ts). Reasons come from propagation cones, minimised by
 * deletion (explain.ts).
 *
 * Conflicting picks: picks are accepted in the order given, each as long as it fits those accepted
 * before it; a pick that does not fit becomes a violation naming a minimal set of earlier picks it
 * conflicts with (change one of them, or drop it). States are then computed for the accepted picks.
 *
 * Defaults: when the selection has no `picks` (for the base, or for an add-on), the options marked
 * `default` are picked, as many as fit together in catalog order; missing quantities take the
 * component default; a missing term, billing period or currency takes the package's default term,
 * its first billing period and the catalog's first currency.
 *
 * @see https://doi.org/10.1007/978-3-540-24677-0 Hadzic et al., "Fast backtrack-free product
 *   configuration" — the guarantee this implements.
 */
import type { Package, Quote } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import { type Diagnostic, pointerOf } from "../diagnostic.ts";
import { consequences } from "../logic/backbone.ts";
import { neg, pos } from "../logic/solver.ts";
import { checkCommercialTerms, pricingContext, unpricedMemo, unpricedOf } from "./commercial.ts";
import { isValidConfiguration } from "./evaluate.ts";
import {
  type Derived,
  expandDerived,
  explainForced,
  lastConsequences,
  minimalConflict,
  modelAnchors,
  modelPatcher,
  modelPool,
  rootConsequences,
  setLastConsequences,
} from "./explain.ts";
import { reasonFor } from "./messages.ts";
import { packageLogic } from "./model.ts";
import { applyDefaults, collectPicks, conflictViolation, error } from "./picks.ts";
import { configureQuantities, type QuantityScope } from "./quantities.ts";
import { pickOneSwitches } from "./switch.ts";
import { representatives } from "./symmetry.ts";
import type { AddOnChoice, ChoiceState, Configuration, DefaultsApplied, OptionChoice } from "./types.ts";

/** Configures a selection against a compiled catalog. Never throws on a bad selection. */
export function configure(catalog: CompiledCatalog, selection: Quote): Configuration {
  const violations: Diagnostic[] = [];
  const defaultsApplied: DefaultsApplied = { picks: [], quantities: [] };
  const empty = (pkg: string): Configuration => ({
    package: pkg,
    valid: false,
    complete: false,
    terms: [],
    billingPeriods: [],
    options: [],
    addOns: [],
    quantities: [],
    violations,
    defaultsApplied,
  });

  const found = catalog.packages.get(selection.package)?.value;
  if (!found) {
    violations.push(
      error(
        "config.unknown-package",
        "/package",
        `There is no package \`${selection.package}\` in this catalog.`,
      ),
    );
    return empty("");
  }
  if (found.role !== "base") {
    violations.push(
      error(
        "config.not-a-base",
        "/package",
        `${found.name} is an add-on; choose a base package and add it on top.`,
      ),
    );
    return empty("");
  }
  const base: Package = found;
  if (base.status !== "active") {
    violations.push(
      error("config.package-not-sellable", "/package", `${base.name} is ${base.status} and cannot be sold.`),
    );
  }
  const head = checkCommercialTerms(catalog, base, selection, violations, defaultsApplied);

  const logic = packageLogic(catalog, base);
  if (logic.solver.ok) rootConsequences(logic);
  const picks = collectPicks(logic, selection, violations);
  applyDefaults(logic, selection, picks, defaultsApplied);

  // Accept picks in order while they fit together.
  const accepted: number[] = [];
  const all = picks.map((p) => p.lit);
  // The last model kept, patched to hold the picks, shows they fit without a search (a click
  // mostly adds one pick to the previous ones).
  const pool = modelPool(logic);
  const latest = pool[pool.length - 1];
  let model: Uint8Array | undefined;
  if (latest && all.length > 0) {
    const patcher = modelPatcher(logic);
    patcher.from(latest);
    if (patcher.patch(all)) model = patcher.model.slice();
  }
  const whole = model ? ({ sat: true } as const) : logic.solver.solve(all);
  if (whole?.sat) accepted.push(...all);
  else if (!logic.solver.ok) {
    violations.push(
      error(
        "config.package-unsatisfiable",
        "/package",
        `${base.name} cannot be configured at all: its rules and option groups contradict each other.`,
      ),
    );
    return { ...empty(base.id), ...head };
  } else {
    for (const p of picks) {
      const r = logic.solver.solve([...accepted, p.lit]);
      if (r?.sat) {
        accepted.push(p.lit);
        continue;
      }
      const others = minimalConflict(logic, accepted, p.lit);
      violations.push(conflictViolation(logic, p, others, picks));
    }
  }

  const realVars = logic.vars.map((_, i) => i);
  const ex = logic.explainer;
  ex.probe(accepted);
  const implied = (lit: number) => ex.value(lit) === 1;
  // Failed-literal probes prove literals false. The opposite literal is then kept on the
  // explainer's trail (so later probes and `implied` see its consequences: one refutation often
  // settles a whole chain), and its cone, expanded back to picks, is the first cut of its reason.
  const refutations = new Map<number, { decisions: number[]; labels: number[] }>();
  const derived: Derived = { levels: [], cones: new Map() };
  const refuted = (lit: number) => {
    if (ex.pushProbe(lit)) {
      ex.popProbe();
      return false;
    }
    const cone = ex.conflictCone();
    ex.popProbe();
    const why = cone
      ? expandDerived(
          derived,
          cone.decisions.filter((d) => d !== lit),
          cone.labels,
        )
      : { picks: [...accepted], labels: [] };
    const entry = { decisions: why.picks, labels: why.labels };
    refutations.set(lit ^ 1, entry);
    derived.cones.set(lit ^ 1, entry);
    derived.levels.push(lit ^ 1);
    ex.pushProbe(lit ^ 1); // follows from the accepted picks, which are consistent: cannot fail
    return true;
  };
  // One option per class of interchangeable options is decided and explained (symmetry.ts).
  const { decide, answerOf } = representatives(logic, accepted, realVars);
  // With no picks at all, the answer is the package's own, computed once (explain.ts).
  const root = accepted.length === 0 && logic.solver.ok ? rootConsequences(logic) : undefined;
  // Picks only narrow what is possible: what the last call found impossible under a subset of
  // these picks is impossible now too.
  const last = lastConsequences(logic);
  const acceptedSet = new Set(accepted);
  const excluded = last?.picks.every((l) => acceptedSet.has(l))
    ? (lit: number) => (lit & 1 ? last.canBeFalse : last.canBeTrue)[lit >> 1] === 0
    : undefined;
  const cons = root?.sat
    ? { canBeTrue: root.canBeTrue.slice(), canBeFalse: root.canBeFalse.slice() }
    : consequences(logic.solver, accepted, decide, {
        implied,
        ...(excluded ? { excluded } : {}),
        refuted,
        pool,
        poolSize: 64,
        ...(model ? { model } : { solved: whole?.sat === true }),
        patcher: modelPatcher(logic),
        anchors: modelAnchors(logic),
      });
  for (const v of realVars) {
    const a = answerOf[v]!;
    if (a === v) continue;
    cons.canBeTrue[v] = cons.canBeTrue[a]!;
    cons.canBeFalse[v] = cons.canBeFalse[a]!;
  }
  if (logic.solver.ok && (!("sat" in cons) || cons.sat))
    setLastConsequences(logic, { picks: accepted, canBeTrue: cons.canBeTrue, canBeFalse: cons.canBeFalse });

  const picked = new Uint8Array(logic.vars.length);
  for (const p of picks) picked[p.lit >> 1] = 1;
  const targets: number[] = [];
  const stateOf = (v: number): "selected" | "available" | "required" | "disabled" => {
    if (picked[v]) return "selected";
    const canT = cons.canBeTrue[v] === 1 && !implied(neg(v));
    const canF = cons.canBeFalse[v] === 1 && !implied(pos(v));
    if (canT && canF) return "available";
    return canT ? "required" : "disabled";
  };
  const states: ChoiceState[] = realVars.map(stateOf);
  // Pick-one groups: another option replaces the group's pick (see switch.ts).
  const acceptedVars = new Set(accepted.map((l) => l >> 1));
  const switches = pickOneSwitches(logic, accepted, (v) => acceptedVars.has(v));
  states.forEach((s, v) => {
    const sw = switches[v];
    if (sw !== undefined && s === "disabled") {
      if (sw.kind === "switch") states[v] = "switch";
      return;
    }
    if (answerOf[v] !== v) return;
    if (s === "required") targets.push(pos(v));
    else if (s === "disabled") targets.push(neg(v));
  });
  const explanations = explainForced(logic, accepted, targets, refutations, derived);

  const options: OptionChoice[] = [];
  const addOns: AddOnChoice[] = [];
  // Reasons list picks in selection order; defaults are named as defaults, not as the seller's picks.
  const order = new Map(accepted.map((l, i) => [l, i]));
  const defaultIds = new Set(picks.filter((p) => !p.explicit).map((p) => p.id));
  const reasonOf = (state: "required" | "disabled", pickLits: readonly number[], labels: number[]) => {
    const pickIds = [...pickLits]
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((l) => logic.vars[l >> 1]!.id);
    return reasonFor(logic, state, labels, pickIds, defaultIds);
  };
  const idsOf = (lits: readonly number[]) => lits.map((l) => logic.vars[l >> 1]!.id);
  const replacing = new Map<object, string[]>();
  const pricing = pricingContext(catalog, selection, head);
  const unpriced = pricing ? unpricedMemo(logic, pricing) : [];
  const whyUnpriced = (v: number) => {
    let why = unpriced[v];
    if (why === undefined) {
      why = unpricedOf(catalog, logic, v, pricing!) ?? null;
      unpriced[v] = why;
    }
    return why ?? undefined;
  };
  states.forEach((state, v) => {
    const variable = logic.vars[v]!;
    let reason: OptionChoice["reason"];
    const sw = switches[v];
    if (sw?.kind === "disabled" && state === "disabled") reason = reasonOf("disabled", sw.picks, sw.labels);
    else if (state === "required" || state === "disabled") {
      const a = answerOf[v]!;
      const e = explanations.get(state === "required" ? pos(a) : neg(a));
      if (e?.reason) reason = e.reason;
      else {
        reason = reasonOf(state, e?.picks ?? [], e?.labels ?? []);
        // Cached for later calls only when no default is named (a default may be a pick next time).
        if (e && !e.picks.some((l) => defaultIds.has(logic.vars[l >> 1]!.id))) e.reason = reason;
      }
    }
    // What the quote could not price is disabled, whatever the rules allow.
    if (pricing && state !== "selected" && state !== "disabled" && state !== "required") {
      const why = whyUnpriced(v);
      if (why) {
        state = "disabled";
        reason = { rules: [], picks: [], message: `Disabled: ${why}` };
      }
    }
    if (variable.kind === "option") {
      const choice: OptionChoice = {
        id: variable.id,
        name: variable.name,
        package: variable.packageId,
        group: variable.groupId ?? "",
        state,
      };
      if (state === "switch" && sw?.kind === "switch") {
        // One list per pick-one group, shared by its options.
        let ids = replacing.get(sw);
        if (!ids) {
          ids = idsOf(sw.replaces);
          replacing.set(sw, ids);
        }
        choice.replaces = ids;
      }
      if (reason) choice.reason = reason;
      options.push(choice);
    } else {
      addOns.push({
        id: variable.id,
        name: variable.name,
        state,
        included: variable.included === true,
        ...(reason ? { reason } : {}),
      });
    }
  });
  // Every pick must be priced, or the quote would leave it out of its totals.
  if (pricing) {
    for (const p of picks) {
      const v = logic.index.get(p.id);
      if (v === undefined || !acceptedVars.has(v)) continue;
      const why = whyUnpriced(v);
      if (!why) continue;
      violations.push(
        error(
          "config.unpriced-pick",
          p.pointer || "/picks",
          `${why.replace(/\.$/, "")}: remove it${p.explicit ? "" : " (it is a default)"} or change the term, billing period, currency or price book.`,
        ),
      );
    }
  }

  // Quantities of the base and of the add-ons in the configuration.
  const onIds = new Set<string>();
  for (const l of accepted) onIds.add(logic.vars[l >> 1]!.id);
  states.forEach((s, v) => {
    if (s === "required") onIds.add(logic.vars[v]!.id);
  });
  const scopes: QuantityScope[] = [{ pkg: base, pointer: "/quantities", given: selection.quantities }];
  (selection.addOns ?? []).forEach((a, i) => {
    const pkg = logic.addOns.get(a.package);
    if (!pkg || !onIds.has(pkg.id)) return;
    scopes.push({ pkg, pointer: pointerOf("addOns", i, "quantities"), given: a.quantities });
    const max = pkg.addOn?.maxQuantity ?? 1;
    const q = a.quantity ?? 1;
    if (!Number.isInteger(q) || q < 1 || q > max) {
      violations.push(
        error(
          "config.add-on-quantity",
          pointerOf("addOns", i, "quantity"),
          `${pkg.name} can be bought ${max === 1 ? "once" : `1 to ${max} times`}; ${q} is not allowed.`,
        ),
      );
    }
  });
  for (const inc of base.includedAddOns ?? []) {
    const pkg = logic.addOns.get(inc.addOn);
    if (pkg && !(selection.addOns ?? []).some((a) => a.package === pkg.id)) {
      scopes.push({ pkg, pointer: "/addOns", given: undefined });
    }
  }
  const quantities = configureQuantities(catalog, scopes, onIds, violations, defaultsApplied);

  const valid = violations.every((d) => d.severity !== "error");
  let complete = false;
  if (valid) {
    // Closed world: what is picked (or always on) is true, everything else false.
    const on = new Set<string>();
    for (const l of accepted) on.add(logic.vars[l >> 1]!.id);
    for (const inc of base.includedAddOns ?? []) on.add(inc.addOn);
    complete = isValidConfiguration(logic, on);
  }
  return {
    package: base.id,
    ...head,
    valid,
    complete,
    options,
    addOns,
    quantities,
    violations,
    defaultsApplied,
  };
}
