/**
 * Tessera path rules → Kill Bill plan rules. Kill Bill decides a plan change by ordered cases over
 * from/to product, billing period and phase, which is what Tessera's cases match on too, but
 * Tessera also infers the kind (upgrade, downgrade, crossgrade) from the portfolio ladder and falls
 * back to per-kind defaults. So the exporter does not translate cases one by one: it asks the
 * engine's own matcher for the outcome of every base-to-base change and every cancellation, on
 * every billing period and phase, and writes one Kill Bill case per distinct answer, with the most
 * common answer as the final catch-all. The result decides every move exactly as Tessera does,
 * except for what Kill Bill has no words for (proration, term restarts, minimum days, contract
 * terms longer than a billing period), which is reported.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 */
import type { AlignmentMatch, BillingPeriod, Package } from "@tessera/schema";
import { changeTiming, type PhaseName as Phase, phasesOf, type Timing, terminateTiming } from "../moves.ts";
import type { ExportContext, Node } from "./export.ts";
import { TO_KB_PERIOD, TO_KB_PHASE } from "./vocabulary.ts";

const POLICY: Record<Timing, string> = {
  immediate: "IMMEDIATE",
  next_billing_date: "END_OF_TERM",
  end_of_term: "END_OF_TERM",
  illegal: "ILLEGAL",
};

function periodsOf(pkg: Package): BillingPeriod[] {
  return pkg.billingPeriods.filter((p) => TO_KB_PERIOD[p] !== undefined);
}

interface Decision {
  fields: Node;
  policy: string;
}

/** Writes the decisions with the most common policy as the final unconditional case. */
function casesOf(decisions: Decision[], all: (d: Decision) => string): { cases: Node[]; fallback: string } {
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.policy, (counts.get(d.policy) ?? 0) + 1);
  const fallback = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "END_OF_TERM";
  const seen = new Set<string>();
  const cases: Node[] = [];
  for (const d of decisions) {
    if (d.policy === fallback) continue;
    const key = all(d);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ ...d.fields, policy: d.policy });
  }
  return { cases, fallback };
}

/** Collapses per-period, per-phase decisions of one pair into one when they all agree. */
function collapse(
  entries: { period: BillingPeriod; phase: Phase; policy: string }[],
  base: Node,
  periodKey: string,
): Decision[] {
  const policies = new Set(entries.map((e) => e.policy));
  if (policies.size === 1) return [{ fields: base, policy: entries[0]!.policy }];
  return entries.map((e) => ({
    fields: { phaseType: TO_KB_PHASE[e.phase], ...base, [periodKey]: TO_KB_PERIOD[e.period]! },
    policy: e.policy,
  }));
}

function reportRuleLosses(ctx: ExportContext): void {
  (ctx.catalog.pathRules ?? []).forEach((r, i) => {
    const o = r.outcome;
    if (o.proration !== undefined || o.termRestarts !== undefined || o.minimumDaysOnCurrent !== undefined)
      ctx.lose(
        "killbill.export.rule-outcome",
        `/pathRules/${i}/outcome`,
        `Path rule ${r.id}'s proration, term restart and minimum days have no Kill Bill policy equivalent; only its timing is exported.`,
      );
    if (r.kinds?.includes("renew"))
      ctx.lose(
        "killbill.export.renew",
        `/pathRules/${i}`,
        `Path rule ${r.id} covers renewals; Kill Bill plans renew every billing period with no renewal rules.`,
      );
  });
}

/** Kill Bill's <rules> for the catalog. */
export function rulesXml(ctx: ExportContext): Node {
  const bases = ctx.catalog.packages.filter((p) => p.role === "base");
  reportRuleLosses(ctx);
  let endOfContract = false;
  const change: Decision[] = [];
  for (const from of bases)
    for (const to of bases) {
      if (from === to) continue;
      const entries = periodsOf(from).flatMap((period) =>
        phasesOf(from).map((phase) => {
          const timing = changeTiming(ctx.catalog, from, to, period, phase);
          if (timing === "end_of_term") endOfContract = true;
          return { period, phase, policy: POLICY[timing] };
        }),
      );
      change.push(...collapse(entries, { fromProduct: from.id, toProduct: to.id }, "fromBillingPeriod"));
    }
  const cancel: Decision[] = [];
  for (const pkg of ctx.catalog.packages) {
    const entries = periodsOf(pkg).flatMap((period) =>
      phasesOf(pkg).map((phase) => {
        const timing = terminateTiming(ctx.catalog, pkg, period, phase);
        if (timing === "end_of_term") endOfContract = true;
        return { period, phase, policy: POLICY[timing] };
      }),
    );
    cancel.push(...collapse(entries, { product: pkg.id }, "billingPeriod"));
  }
  if (endOfContract)
    ctx.lose(
      "killbill.export.end-of-term",
      "/pathRules",
      "Tessera's end_of_term waits for the end of the contract term; Kill Bill's END_OF_TERM is the end of the current billing period, which is the nearest it has.",
    );
  const key = (d: Decision) => JSON.stringify(d.fields);
  const changeCases = casesOf(change, key);
  const cancelCases = casesOf(cancel, key);
  // Kill Bill's case elements have a fixed order; rebuild each case in it.
  const order = (names: string[]) => (c: Node) =>
    Object.fromEntries(names.filter((n) => c[n] !== undefined).map((n) => [n, c[n]!]));
  const changeOrder = order(["phaseType", "fromProduct", "fromBillingPeriod", "toProduct", "policy"]);
  const cancelOrder = order(["product", "billingPeriod", "phaseType", "policy"]);
  const books = (ctx.catalog.priceBooks ?? []).filter((b) => b.id !== ctx.defaultBook);
  return {
    changePolicy: {
      changePolicyCase: [...changeCases.cases.map(changeOrder), { policy: changeCases.fallback }],
    },
    changeAlignment: {
      changeAlignmentCase: alignmentCases(ctx, "change", "START_OF_BUNDLE", {
        product: "toProduct",
        productCategory: "toProductCategory",
        billingPeriod: "toBillingPeriod",
      }),
    },
    cancelPolicy: {
      cancelPolicyCase: [...cancelCases.cases.map(cancelOrder), { policy: cancelCases.fallback }],
    },
    createAlignment: { createAlignmentCase: alignmentCases(ctx, "create", "START_OF_BUNDLE") },
    billingAlignment: { billingAlignmentCase: alignmentCases(ctx, "billing", "ACCOUNT") },
    // A change keeps the customer's price list, as a Tessera arrangement keeps its price book.
    priceList: {
      priceListCase: [
        ...books.map((b) => ({ fromPriceList: b.id, toPriceList: b.id })),
        { toPriceList: "DEFAULT" },
      ],
    },
  };
}

const KB_ALIGNMENT: Record<string, string> = {
  account: "ACCOUNT",
  bundle: "BUNDLE",
  subscription: "SUBSCRIPTION",
  start_of_bundle: "START_OF_BUNDLE",
  start_of_subscription: "START_OF_SUBSCRIPTION",
  change_date: "CHANGE_OF_PLAN",
};

/**
 * Tessera alignment cases → Kill Bill alignment cases, in order. A case's `when` becomes one Kill
 * Bill case per product (packages, or the packages of its portfolios) and billing period it names,
 * its roles the product category; the default case (no `when`) the last, unconditional one. Without
 * alignment rules the built-in defaults are written (ACCOUNT, START_OF_BUNDLE, and START_OF_BUNDLE
 * for changes, as before alignments existed: the nearest Kill Bill has to Tessera's change_date,
 * which keeps a paying arrangement evergreen). Tessera's change_date is CHANGE_OF_PLAN, except that
 * Tessera gives an evergreen arrangement no new trial: reported.
 */
function alignmentCases(
  ctx: ExportContext,
  kind: "billing" | "create" | "change",
  fallback: string,
  names: { product: string; productCategory: string; billingPeriod: string } = {
    product: "product",
    productCategory: "productCategory",
    billingPeriod: "billingPeriod",
  },
): Node[] {
  const cases = ctx.catalog.alignments?.[kind] ?? [];
  const out: Node[] = [];
  let defaulted = false;
  cases.forEach((c, i) => {
    if (defaulted) return;
    const alignment = KB_ALIGNMENT[c.alignment]!;
    if (kind === "change" && c.alignment === "change_date")
      ctx.lose(
        "killbill.export.change-alignment",
        `/alignments/change/${i}`,
        "Tessera's change_date alignment keeps a paying (evergreen) arrangement evergreen; Kill Bill's CHANGE_OF_PLAN starts the new plan's phases, a trial included, on every change.",
      );
    const expanded = expand(ctx, c.when);
    if (expanded === undefined) {
      out.push({ alignment });
      defaulted = true;
      return;
    }
    for (const e of expanded)
      out.push({
        ...(e.product ? { [names.product]: e.product } : {}),
        ...(e.category ? { [names.productCategory]: e.category } : {}),
        ...(e.period ? { [names.billingPeriod]: e.period } : {}),
        alignment,
      });
  });
  if (!defaulted) out.push({ alignment: fallback });
  return out;
}

/** A `when` as Kill Bill case conditions; undefined for the default case (matches everything). */
function expand(
  ctx: ExportContext,
  when: AlignmentMatch | undefined,
): { product?: string; category?: string; period?: string }[] | undefined {
  if (!when || Object.keys(when).length === 0) return undefined;
  const roles = when.roles?.length === 1 ? when.roles[0] : undefined;
  const category = roles === "base" ? "BASE" : roles === "add_on" ? "ADD_ON" : undefined;
  let products: (string | undefined)[] = [undefined];
  if (when.packages || when.portfolios)
    products = ctx.catalog.packages
      .filter((p) => (when.packages ? when.packages.includes(p.id) : true))
      .filter((p) => (when.portfolios ? when.portfolios.includes(p.portfolio) : true))
      .filter((p) => !when.roles || when.roles.includes(p.role))
      .map((p) => p.id);
  const periods: (string | undefined)[] = when.billingPeriods
    ? when.billingPeriods
        .map((p) => TO_KB_PERIOD[p])
        .filter((p): p is NonNullable<typeof p> => p !== undefined)
    : [undefined];
  return products.flatMap((product) =>
    periods.map((period) => ({
      ...(product ? { product } : {}),
      ...(category && !product ? { category } : {}),
      ...(period ? { period } : {}),
    })),
  );
}
