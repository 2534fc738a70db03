/**
 * Kill Bill plan rules → Tessera path rules. Change-policy cases become cases for upgrade,
 * downgrade and crossgrade; cancel-policy cases become terminate cases; cases about add-on products
 * become the add-on's own policies (remove_add_on, change_add_on); all keep Kill Bill's order
 * (first match wins in both systems). Product categories expand to the packages in them. Kill Bill's
 * END_OF_TERM means the end of the current billing period (its "term" is the charged-through date),
 * which is Tessera's `next_billing_date`. A change case's fromPriceList is the case's `priceBooks`.
 * Cases that test a target price list, a target billing period or a FIXEDTERM phase, or use
 * START_OF_TERM, cannot be held: dropping a condition would widen the case, so the whole case is
 * dropped and reported. Alignment cases become Tessera alignment cases (product → packages,
 * category → roles, billing period; CHANGE_OF_PLAN is change_date); a case testing a price list, a
 * phase or the source plan cannot be held and is dropped and reported.
 *
 * Price-list rules: Kill Bill decides a change's timing (first change-policy case) and its target
 * price list (first price-list case, else the current list) separately; a Tessera case decides both.
 * So each price-list case is crossed with each base change case, in Kill Bill's order (price-list
 * case outer, change case inner), with the conditions of both and the outcome `timing` of the one
 * and `priceBook` of the other; the plain change cases follow for moves no price-list case matches
 * (the book is kept). The first Tessera case matching a move is then the pair of the first
 * matching price-list case and the first matching change case, which is Kill Bill's answer.
 * Pairs whose conditions contradict are left out. Price-list rules that never change a book (a list
 * to itself, or DEFAULT when it is the only list) add nothing. Add-on changes keep their cases.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 */
import { impliedKind } from "@tessera/engine";
import type {
  AlignmentMatch,
  Alignments,
  BillingPeriod,
  Package,
  PackageMatch,
  PathRuleCase,
} from "@tessera/schema";
import type { XmlElement } from "../xml/tree.ts";
import { nonEmpty } from "./ids.ts";
import type { ImportContext } from "./import.ts";
import type { KbCase } from "./model.ts";
import { FROM_KB_PERIOD, FROM_KB_PHASE, type KbBillingPeriod, type KbPhaseType } from "./vocabulary.ts";

type Timing = PathRuleCase["outcome"]["timing"];

const TIMING: Record<string, Timing | undefined> = {
  IMMEDIATE: "immediate",
  END_OF_TERM: "next_billing_date",
  ILLEGAL: "illegal",
};

const DEFAULT_CASES: Record<string, string> = {
  changeAlignment: "START_OF_BUNDLE",
  createAlignment: "START_OF_BUNDLE",
  billingAlignment: "ACCOUNT",
};

/** The packages a case's product or category names; "none" when a category holds no product. */
function match(
  ctx: ImportContext,
  packages: Package[],
  product?: XmlElement,
  category?: XmlElement,
): PackageMatch | "none" | undefined {
  if (product) return { packages: [ctx.productIds.get(product.text) ?? product.text] };
  if (category) {
    const names = ctx.kb.products
      .filter((p) => p.category === category.text)
      .map((p) => ctx.productIds.get(p.name)!);
    const ids = packages.filter((p) => names.includes(p.id)).map((p) => p.id);
    return ids.length > 0 ? { packages: nonEmpty(ids) } : "none";
  }
  return undefined;
}

function convert(
  ctx: ImportContext,
  packages: Package[],
  c: KbCase,
  kind: "change" | "cancel",
  index: number,
): PathRuleCase | undefined {
  const f = c.fields;
  const blockers = kind === "change" ? ["toPriceList", "toBillingPeriod"] : ["priceList"];
  const blocker = blockers.map((b) => f.get(b)).find((e) => e !== undefined);
  const phase = f.get("phaseType");
  const period = f.get(kind === "change" ? "fromBillingPeriod" : "billingPeriod");
  const policy = f.get("policy")!;
  const timing = TIMING[policy.text];
  const list = f.get("fromPriceList");
  const book = list ? ctx.bookIds.get(list.text) : undefined;
  const phaseName = phase ? FROM_KB_PHASE[phase.text as KbPhaseType] : undefined;
  const periodName = period ? FROM_KB_PERIOD[period.text as KbBillingPeriod] : undefined;
  const why = blocker
    ? `it tests <${blocker.name}>, which Tessera path rules cannot`
    : !timing
      ? `its policy ${policy.text} has no Tessera timing`
      : phase && !phaseName
        ? `it tests the ${phase.text} phase, which Tessera does not have`
        : period && !periodName
          ? `it tests the ${period.text} billing period, which Tessera does not have`
          : list && !book
            ? `it tests the price list ${list.text}, which the catalog does not define`
            : undefined;
  if (why) {
    ctx.warn(
      `killbill.rule.${kind}-case`,
      c.el,
      `This ${kind === "change" ? "change" : "cancel"} policy case is dropped: ${why}.`,
    );
    return undefined;
  }
  const from =
    kind === "change"
      ? match(ctx, packages, f.get("fromProduct"), f.get("fromProductCategory"))
      : match(ctx, packages, f.get("product"), f.get("productCategory"));
  const to =
    kind === "change" ? match(ctx, packages, f.get("toProduct"), f.get("toProductCategory")) : undefined;
  // A case about an empty category can never match a move: nothing to carry over.
  if (from === "none" || to === "none") return undefined;
  // A case between two named products is one move, whose kind the package tiers imply.
  const fromPkg = from?.packages?.length === 1 ? packages.find((p) => p.id === from.packages![0]) : undefined;
  const toPkg = to?.packages?.length === 1 ? packages.find((p) => p.id === to.packages![0]) : undefined;
  // Cases about add-on products are the add-on's own cancel and change policies.
  const onAddOns =
    from?.packages?.every((id) => packages.find((p) => p.id === id)?.role === "add_on") === true;
  const kinds: PathRuleCase["kinds"] =
    kind === "cancel"
      ? [onAddOns ? "remove_add_on" : "terminate"]
      : onAddOns
        ? ["change_add_on"]
        : fromPkg && toPkg
          ? [impliedKind(fromPkg, toPkg)]
          : ["upgrade", "downgrade", "crossgrade"];
  return {
    id: ctx.ids.take(`kb-${kind}-${index + 1}`),
    kinds,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(periodName ? { billingPeriods: [periodName] } : {}),
    ...(phaseName ? { phases: [phaseName] } : {}),
    ...(book ? { priceBooks: [book] } : {}),
    outcome: { timing: timing! },
  };
}

/** A Kill Bill price-list case: conditions on the current plan and list, and the target book. */
interface ListCase {
  from?: PackageMatch;
  billingPeriod?: BillingPeriod;
  book?: string;
  target: string;
}

function listCasesOf(ctx: ImportContext, packages: Package[]): ListCase[] {
  const out: ListCase[] = [];
  for (const c of ctx.kb.rules.get("priceList") ?? []) {
    const f = c.fields;
    const from = match(ctx, packages, f.get("fromProduct"), f.get("fromProductCategory"));
    const period = f.get("fromBillingPeriod");
    const periodName = period ? FROM_KB_PERIOD[period.text as KbBillingPeriod] : undefined;
    const list = f.get("fromPriceList");
    const book = list ? ctx.bookIds.get(list.text) : undefined;
    const target = ctx.bookIds.get(f.get("toPriceList")!.text);
    const why =
      period && !periodName
        ? `it tests the ${period.text} billing period, which Tessera does not have`
        : list && !book
          ? `it tests the price list ${list.text}, which the catalog does not define`
          : !target
            ? `its price list ${f.get("toPriceList")!.text} is not defined in the catalog`
            : undefined;
    if (why) {
      ctx.warn("killbill.rule.price-list-case", c.el, `This price-list case is dropped: ${why}.`);
      continue;
    }
    // A case about an empty category can never match a move.
    if (from === "none") continue;
    out.push({
      ...(from ? { from } : {}),
      ...(periodName ? { billingPeriod: periodName } : {}),
      ...(book ? { book } : {}),
      target: target!,
    });
  }
  return out;
}

/** The change case narrowed to the price-list case's conditions, or undefined when they contradict. */
function crossed(ctx: ImportContext, c: PathRuleCase, l: ListCase, index: number): PathRuleCase | undefined {
  let from = c.from;
  if (l.from?.packages) {
    const ids = l.from.packages.filter((id) => c.from?.packages?.includes(id) ?? true);
    if (ids.length === 0) return undefined;
    from = { packages: nonEmpty(ids) };
  }
  if (l.billingPeriod && c.billingPeriods && !c.billingPeriods.includes(l.billingPeriod)) return undefined;
  if (l.book && c.priceBooks && !c.priceBooks.includes(l.book)) return undefined;
  const { outcome, ...conditions } = c;
  return {
    ...conditions,
    id: ctx.ids.take(`kb-price-list-${index + 1}-${c.id}`),
    ...(from ? { from } : {}),
    ...(l.billingPeriod ? { billingPeriods: [l.billingPeriod] } : {}),
    ...(l.book ? { priceBooks: [l.book] } : {}),
    outcome: { ...outcome, ...(l.target !== l.book ? { priceBook: l.target } : {}) },
  };
}

/** The change cases with Kill Bill's price-list rules folded in (see the module comment). */
function withPriceLists(ctx: ImportContext, packages: Package[], change: PathRuleCase[]): PathRuleCase[] {
  const lists = listCasesOf(ctx, packages);
  const onlyBook = ctx.bookIds.size <= 1;
  if (lists.every((l) => l.target === l.book || onlyBook)) return change;
  const base = change.filter((c) => !c.kinds?.includes("change_add_on"));
  const addOns = change.filter((c) => c.kinds?.includes("change_add_on"));
  const out: PathRuleCase[] = [];
  const seen = new Set<string>();
  const add = (c: PathRuleCase) => {
    // A case with the same conditions as an earlier one never decides a move.
    const { id: _id, outcome: _outcome, ...conditions } = c;
    const key = JSON.stringify(conditions);
    if (!seen.has(key)) out.push(c);
    seen.add(key);
  };
  lists.forEach((l, i) => {
    for (const c of base) {
      const x = crossed(ctx, c, l, i);
      if (x) add(x);
    }
  });
  // After a price-list case without conditions, the plain change cases are never reached.
  const catchAll = lists.some((l) => !l.from && !l.billingPeriod && !l.book);
  for (const c of catchAll ? addOns : change) add(c);
  return out;
}

/** The path rules the catalog's change, cancel and price-list policies imply. */
export function pathRulesOf(ctx: ImportContext, packages: Package[]): PathRuleCase[] {
  const cases = (section: string, kind: "change" | "cancel") =>
    (ctx.kb.rules.get(section) ?? []).flatMap((c, i) => {
      const rule = convert(ctx, packages, c, kind, i);
      return rule ? [rule] : [];
    });
  const rules = [
    ...withPriceLists(ctx, packages, cases("changePolicy", "change")),
    ...cases("cancelPolicy", "cancel"),
  ];
  for (const [section, usual] of Object.entries(DEFAULT_CASES)) {
    if (section in ALIGNMENT_SECTIONS) continue; // see alignmentsOf
    const cases = ctx.kb.rules.get(section) ?? [];
    const onlyDefault =
      cases.length === 1 && cases[0]!.fields.size === 1 && [...cases[0]!.fields.values()][0]!.text === usual;
    if (cases.length > 0 && !onlyDefault) {
      const el = ctx.kb.root.children
        .find((e) => e.name === "rules")!
        .children.find((e) => e.name === section)!;
      ctx.warn(
        `killbill.rule.${section}`,
        el,
        `The ${section} rules (${cases.length} case${cases.length === 1 ? "" : "s"}) have no Tessera equivalent: Tessera aligns phases and billing dates to each arrangement. They are dropped.`,
      );
    }
  }
  return rules;
}

const ALIGNMENT_SECTIONS = {
  billingAlignment: "billing",
  createAlignment: "create",
  changeAlignment: "change",
} as const;

const FROM_KB_ALIGNMENT: Record<string, string> = {
  ACCOUNT: "account",
  BUNDLE: "bundle",
  SUBSCRIPTION: "subscription",
  START_OF_BUNDLE: "start_of_bundle",
  START_OF_SUBSCRIPTION: "start_of_subscription",
  CHANGE_OF_PLAN: "change_date",
};

/**
 * Kill Bill's billing, create and change alignment cases as Tessera alignment rules, in order. A
 * section that is only Kill Bill's default (ACCOUNT, START_OF_BUNDLE) adds nothing.
 */
export function alignmentsOf(ctx: ImportContext): Alignments | undefined {
  const out: Alignments = {};
  for (const [section, kind] of Object.entries(ALIGNMENT_SECTIONS) as [
    keyof typeof ALIGNMENT_SECTIONS,
    "billing" | "create" | "change",
  ][]) {
    const cases = ctx.kb.rules.get(section) ?? [];
    const only = cases[0];
    if (
      cases.length === 0 ||
      (cases.length === 1 &&
        only &&
        only.fields.size === 1 &&
        only.fields.get("alignment")?.text === DEFAULT_CASES[section])
    )
      continue;
    const list: { when?: AlignmentMatch; alignment: string }[] = [];
    for (const c of cases) {
      const alignment = FROM_KB_ALIGNMENT[c.fields.get("alignment")?.text ?? ""];
      const when: AlignmentMatch = {};
      let held = alignment !== undefined && (kind === "change" || alignment !== "change_date");
      for (const [name, el] of c.fields) {
        if (name === "alignment") continue;
        const field = name.replace(/^to([A-Z])/, (_m, x: string) => x.toLowerCase());
        if (kind === "change" && !name.startsWith("to")) held = false;
        else if (field === "product") when.packages = [ctx.productIds.get(el.text) ?? el.text];
        else if (field === "productCategory" && (el.text === "BASE" || el.text === "ADD_ON"))
          when.roles = [el.text === "BASE" ? "base" : "add_on"];
        else if (field === "billingPeriod" && FROM_KB_PERIOD[el.text as KbBillingPeriod])
          when.billingPeriods = [FROM_KB_PERIOD[el.text as KbBillingPeriod]!];
        else held = false;
      }
      if (!held) {
        ctx.warn(
          `killbill.rule.${section}`,
          c.el,
          `This ${section} case tests something Tessera alignment rules cannot (a price list, a phase, the plan changed from) or names an alignment Tessera does not have; it is dropped.`,
        );
        continue;
      }
      list.push({ ...(Object.keys(when).length > 0 ? { when } : {}), alignment: alignment! });
    }
    if (list.length > 0) (out as Record<string, unknown>)[kind] = list;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
