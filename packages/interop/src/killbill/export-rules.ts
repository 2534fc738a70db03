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
import type { BillingPeriod, Package } from "@tessera/schema";
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
    changeAlignment: { changeAlignmentCase: [{ alignment: "START_OF_BUNDLE" }] },
    cancelPolicy: {
      cancelPolicyCase: [...cancelCases.cases.map(cancelOrder), { policy: cancelCases.fallback }],
    },
    createAlignment: { createAlignmentCase: [{ alignment: "START_OF_BUNDLE" }] },
    billingAlignment: { billingAlignmentCase: [{ alignment: "ACCOUNT" }] },
    // A change keeps the customer's price list, as a Tessera arrangement keeps its price book.
    priceList: {
      priceListCase: [
        ...books.map((b) => ({ fromPriceList: b.id, toPriceList: b.id })),
        { toPriceList: "DEFAULT" },
      ],
    },
  };
}
