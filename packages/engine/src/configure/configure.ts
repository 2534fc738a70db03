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
import type { BillingPeriod, Package, Quote } from "@tessera/schema";
import {
  PERIOD_PER,
  quotedTerm,
  quoteTermOf,
  type Span,
  sameSpan,
  spanAdjective,
  spanWords,
  termFields,
  termLengthOf,
  termPeriodMismatch,
} from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import { type Diagnostic, pointerOf } from "../diagnostic.ts";
import { consequences } from "../logic/backbone.ts";
import { neg, pos } from "../logic/solver.ts";
import { type PricingContext, unpricedReason } from "../price/availability.ts";
import { isKnownBook } from "../price/point.ts";
import { isValidConfiguration } from "./evaluate.ts";
import {
  constraintsInConflict,
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
import { constraintPhrase, listOf, nameOf, orList, quote, reasonFor } from "./messages.ts";
import { type PackageLogic, packageLogic } from "./model.ts";
import { configureQuantities, type QuantityScope } from "./quantities.ts";
import { pickOneSwitches } from "./switch.ts";
import { representatives } from "./symmetry.ts";
import type {
  AddOnChoice,
  ChoiceState,
  Configuration,
  DefaultsApplied,
  OptionChoice,
  Reason,
} from "./types.ts";

interface PickLit {
  id: string;
  lit: number;
  pointer: string;
  explicit: boolean;
}

const error = (code: string, pointer: string, message: string): Diagnostic => ({
  code,
  severity: "error",
  pointer,
  message,
});

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

/**
 * What the quote is priced in, when it is fully known and offered (else there is already a
 * violation, and nothing is disabled for want of a price).
 */
function pricingContext(
  catalog: CompiledCatalog,
  selection: Quote,
  head: Commercial,
): PricingContext | undefined {
  const { billingPeriod, currency } = head;
  if (billingPeriod === undefined || currency === undefined) return undefined;
  if (head.termMonths === undefined && head.termWeeks === undefined) return undefined;
  const term = quotedTerm(head, []);
  if (!catalog.doc.currencies.includes(currency)) return undefined;
  if (termPeriodMismatch(term, billingPeriod)) return undefined;
  const book = selection.priceBook ?? catalog.defaultPriceBook;
  if (!isKnownBook(catalog, book)) return undefined;
  return { currency, book, period: billingPeriod, term };
}

/**
 * Per package logic and pricing context, why each variable cannot be priced (null: it can),
 * filled as configure asks: the answer depends on the catalog alone, not on the picks.
 */
const unpricedCache = new WeakMap<PackageLogic, Map<string, (string | null | undefined)[]>>();

function unpricedMemo(logic: PackageLogic, ctx: PricingContext): (string | null | undefined)[] {
  let byContext = unpricedCache.get(logic);
  if (!byContext) {
    byContext = new Map();
    unpricedCache.set(logic, byContext);
  }
  // Every field of the context, whatever it holds: a new field must not share answers.
  const key = JSON.stringify(Object.entries(ctx).sort(([a], [b]) => (a < b ? -1 : 1)));
  let memo = byContext.get(key);
  if (!memo) {
    memo = new Array(logic.vars.length);
    byContext.set(key, memo);
  }
  return memo;
}

/** Why variable v (an option, or an add-on not included in the base) cannot be priced; undefined when it can. */
function unpricedOf(
  catalog: CompiledCatalog,
  logic: PackageLogic,
  v: number,
  ctx: PricingContext,
): string | undefined {
  const variable = logic.vars[v]!;
  const name = quote(variable.name);
  if (variable.kind === "addOn") {
    // An included add-on is free: it has no price of its own on the quote.
    if (variable.included) return undefined;
    const pkg = logic.addOns.get(variable.id);
    return pkg ? unpricedReason(catalog, pkg, undefined, name, ctx) : undefined;
  }
  if (variable.packageId === logic.base.id)
    return unpricedReason(catalog, logic.base, variable.id, name, ctx);
  // Picking an option of an add-on buys the add-on: it must be priced too.
  const owner = logic.index.get(variable.packageId);
  const pkg = logic.addOns.get(variable.packageId);
  if (!pkg || owner === undefined) return undefined;
  return unpricedOf(catalog, logic, owner, ctx) ?? unpricedReason(catalog, pkg, variable.id, name, ctx);
}

function checkCommercialTerms(
  catalog: CompiledCatalog,
  base: Package,
  selection: Quote,
  violations: Diagnostic[],
  defaults: DefaultsApplied,
): Commercial {
  const out: Pick3 = {};
  const term = quotedTerm(selection, base.terms);
  const given = selection.termWeeks !== undefined || selection.termMonths !== undefined;
  Object.assign(out, quoteTermOf(term));
  const termOffered = base.terms.some((t) => sameSpan(termLengthOf(t), term));
  if (!given) Object.assign(defaults, quoteTermOf(term));
  else if (!termOffered) {
    const offered = listOf(base.terms.map((t) => spanWords(termLengthOf(t))));
    violations.push(
      error(
        "config.term",
        selection.termWeeks !== undefined ? "/termWeeks" : "/termMonths",
        `${base.name} is not sold on a ${spanAdjective(term)} term; choose ${offered}.`,
      ),
    );
  }
  // With no billing period given, the first one offered that can bill the term.
  const period =
    selection.billingPeriod ??
    base.billingPeriods.find((p) => termPeriodMismatch(term, p) === undefined) ??
    base.billingPeriods[0];
  out.billingPeriod = period;
  const periodOffered = base.billingPeriods.includes(period);
  if (selection.billingPeriod === undefined) defaults.billingPeriod = period;
  else if (!periodOffered) {
    violations.push(
      error(
        "config.billing-period",
        "/billingPeriod",
        `${base.name} is not billed ${billed(period)}; choose ${listOf(base.billingPeriods.map(billed))}.`,
      ),
    );
  }
  if (termOffered && periodOffered) {
    const mismatch = termPeriodMismatch(term, period);
    if (mismatch) {
      const periods = base.billingPeriods.filter((p) => !termPeriodMismatch(term, p)).map(billed);
      const terms = base.terms.map(termLengthOf).filter((m) => !termPeriodMismatch(m, period));
      const ways = [
        ...(periods.length > 0 ? [`bill ${orList(periods)}`] : []),
        ...(terms.length > 0 ? [`choose a ${orList(terms.map(spanAdjective))} term`] : []),
      ];
      violations.push(
        error(
          "config.period-term-mismatch",
          "/billingPeriod",
          `${mismatch.message.replace(/\.$/, "")}${ways.length > 0 ? `: ${ways.join(", or ")}` : ""}.`,
        ),
      );
    }
  }
  if (selection.currency === undefined) {
    out.currency = catalog.doc.currencies[0];
    defaults.currency = catalog.doc.currencies[0];
  } else {
    out.currency = selection.currency;
    if (!catalog.doc.currencies.includes(selection.currency)) {
      violations.push(
        error(
          "config.currency",
          "/currency",
          `This catalog does not sell in ${selection.currency}; choose ${listOf(catalog.doc.currencies)}.`,
        ),
      );
    }
  }
  return {
    ...out,
    terms: base.terms.map((t) => {
      const length = termLengthOf(t);
      return choiceOf(
        sameSpan(length, term),
        periodOffered ? termPeriodMismatch(length, period) : undefined,
        termFieldsOf(length),
      );
    }),
    billingPeriods: base.billingPeriods.map((p) =>
      choiceOf(p === period, termOffered ? termPeriodMismatch(term, p) : undefined, { period: p }),
    ),
  };
}

/** A term or billing period choice: selected, available, or disabled for `mismatch`. */
function choiceOf<T extends object>(
  selected: boolean,
  mismatch: { message: string } | undefined,
  what: T,
): T & { state: ChoiceState; reason?: Reason } {
  if (selected) return { ...what, state: "selected" };
  if (mismatch)
    return { ...what, state: "disabled", reason: { rules: [], picks: [], message: mismatch.message } };
  return { ...what, state: "available" };
}

/** "per month", "per year", "every two weeks", "up front". */
function billed(period: BillingPeriod): string {
  return PERIOD_PER[period];
}

type Commercial = Pick3 & Pick<Configuration, "terms" | "billingPeriods">;
type Pick3 = Pick<Configuration, "termMonths" | "termWeeks" | "billingPeriod" | "currency">;

function termFieldsOf(span: Span): { months: number } | { weeks: number } {
  return termFields(span);
}

/** The picks of the selection as literals, reporting those the package cannot take. */
function collectPicks(logic: PackageLogic, selection: Quote, violations: Diagnostic[]): PickLit[] {
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
function applyDefaults(
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

function conflictViolation(logic: PackageLogic, p: PickLit, others: number[], picks: PickLit[]): Diagnostic {
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
