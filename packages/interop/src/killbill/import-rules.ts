/**
 * Kill Bill plan rules → Tessera path rules. Change-policy cases become cases for upgrade,
 * downgrade and crossgrade; cancel-policy cases become terminate cases; cases about add-on products
 * become the add-on's own policies (remove_add_on, change_add_on); all keep Kill Bill's order
 * (first match wins in both systems). Product categories expand to the packages in them. Kill Bill's
 * END_OF_TERM means the end of the current billing period (its "term" is the charged-through date),
 * which is Tessera's `next_billing_date`. Cases that test a price list, a target billing period or a
 * FIXEDTERM phase, or use START_OF_TERM, cannot be held: dropping a condition would widen the case,
 * so the whole case is dropped and reported. Alignment and price-list rules have no Tessera
 * counterpart (Tessera aligns phases and billing to the arrangement) and are reported per section.
 */
import { impliedKind } from "@tessera/engine";
import type { Package, PackageMatch, PathRuleCase } from "@tessera/schema";
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
  priceList: "DEFAULT",
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
  const blockers = kind === "change" ? ["fromPriceList", "toPriceList", "toBillingPeriod"] : ["priceList"];
  const blocker = blockers.map((b) => f.get(b)).find((e) => e !== undefined);
  const phase = f.get("phaseType");
  const period = f.get(kind === "change" ? "fromBillingPeriod" : "billingPeriod");
  const policy = f.get("policy")!;
  const timing = TIMING[policy.text];
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
    outcome: { timing: timing! },
  };
}

/** The path rules the catalog's change and cancel policies imply. */
export function pathRulesOf(ctx: ImportContext, packages: Package[]): PathRuleCase[] {
  const rules: PathRuleCase[] = [];
  for (const [section, kind] of [
    ["changePolicy", "change"],
    ["cancelPolicy", "cancel"],
  ] as const)
    (ctx.kb.rules.get(section) ?? []).forEach((c, i) => {
      const rule = convert(ctx, packages, c, kind, i);
      if (rule) rules.push(rule);
    });
  for (const [section, usual] of Object.entries(DEFAULT_CASES)) {
    const cases = ctx.kb.rules.get(section) ?? [];
    const isDefault = (c: (typeof cases)[number]) =>
      c.fields.size === 1 && [...c.fields.values()][0]!.text === usual;
    // "A change keeps its price list" is what Tessera does, so those price-list cases lose nothing.
    const keepsList = (c: (typeof cases)[number]) =>
      section === "priceList" &&
      c.fields.size === 2 &&
      c.fields.get("fromPriceList")?.text === c.fields.get("toPriceList")?.text;
    const onlyDefault = cases.length > 0 && isDefault(cases.at(-1)!) && cases.slice(0, -1).every(keepsList);
    if (cases.length > 0 && !onlyDefault) {
      const el = ctx.kb.root.children
        .find((e) => e.name === "rules")!
        .children.find((e) => e.name === section)!;
      ctx.warn(
        `killbill.rule.${section}`,
        el,
        `The ${section} rules (${cases.length} case${cases.length === 1 ? "" : "s"}) have no Tessera equivalent: Tessera aligns phases and billing dates to each arrangement and keeps the price book on a change. They are dropped.`,
      );
    }
  }
  return rules;
}
