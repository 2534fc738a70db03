/**
 * Usage-aware paths. With observed usage per component (`arrangement.usage`, last billing period):
 * - over-provisioned: a licensed component (seats) whose usage is at most half the quantity paid for
 *   (used ≤ 50 %, i.e. paying for at least twice what is used);
 * - over-consumption: a licensed component used beyond the quantity paid for (and included), or a
 *   metered one used beyond the allowance included in its price.
 * Right-sizing moves are ranked by what they save per month at the observed usage (recurring price
 * plus the overage that usage costs, priced by price()): a smaller quantity, a downgrade that still
 * covers the usage, an upgrade cheaper than the overage. Moves that fix an over-consumption of
 * seats (a true-up) follow, cheapest first. Ranks go on the moves as `recommended` (1 = best).
 */
import type { Arrangement, Package } from "@tessera/schema";
import { termLengthOf } from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import { formatCount, unitWords } from "../price/explain.ts";
import type { Candidate } from "./candidate.ts";
import { allowedQuantity, quantityOf } from "./carry.ts";
import type { PathContext } from "./context.ts";
import { mrrOf } from "./recurring.ts";
import type { Insight, MoveRequest } from "./types.ts";

/** Used at most this percent of the quantity paid for counts as over-provisioned. */
export const OVER_PROVISIONED_PERCENT = 50;

interface Ranked {
  id: string;
  savings: Decimal;
  /** Fixes an over-consumption at a cost (ranked after savings). */
  trueUp: boolean;
}

export function usageInsights(ctx: PathContext, candidates: Candidate[]): Insight[] {
  const a = ctx.arrangement;
  const base = ctx.current;
  if (!a.usage || !base || a.status === "terminated") return [];
  const insights: Insight[] = [];
  const ranked = new Map<string, Ranked>();
  const byId = new Map(candidates.map((c) => [c.move.id, c]));
  const mrr = (x: Arrangement, perPeriod: Decimal) =>
    mrrOf(perPeriod, x.billingPeriod, termLengthOf(x.term), ctx.currency);
  // Metered usage is priced as overage; without any, the cost at usage is the recurring price.
  const metered = Object.keys(a.usage).some((id) => {
    const comp = ctx.catalog.components.get(id);
    return comp !== undefined && isMetered(ctx, comp.value.service);
  });
  const costOf = metered ? ctx.costWithUsage : ctx.price;
  const currentCost = costOf(a);
  const currentCostMrr = mrr(a, currentCost.perPeriod);
  const savingOf = (x: Arrangement): Decimal | undefined => {
    const cost = costOf(x);
    if (cost.errors.length > 0) return undefined;
    return currentCostMrr.sub(mrr(x, cost.perPeriod));
  };
  const rank = (id: string, savings: Decimal, trueUp = false) => {
    const prev = ranked.get(id);
    if (!prev || savings.gt(prev.savings))
      ranked.set(id, { id, savings, trueUp: trueUp && (prev?.trueUp ?? true) });
  };
  const baseChanges = candidates.filter(
    (c) =>
      c.move.valid &&
      c.arrangement !== undefined &&
      ["upgrade", "downgrade", "crossgrade", "retention_offer"].includes(c.move.kind) &&
      c.arrangement.package !== a.package,
  );
  // A target covers the observed usage when it delivers every used service (metered ones at any
  // quantity) and licensed ones in at least the quantity used.
  const covers = (x: Arrangement): boolean => {
    const pkg = ctx.catalog.packages.get(x.package)?.value;
    if (!pkg) return false;
    for (const [id, used] of Object.entries(a.usage ?? {})) {
      const comp = ctx.catalog.components.get(id)?.value;
      if (!comp || used === undefined || used === 0) continue;
      const coverage = coverageOf(ctx, x, pkg, comp.service);
      if (isMetered(ctx, comp.service)) {
        if (!coverage.delivered) return false;
      } else if (coverage.total < used) return false;
    }
    return true;
  };

  for (const comp of base.components ?? []) {
    const used = a.usage[comp.id];
    if (used === undefined) continue;
    const label = comp.name ?? ctx.catalog.services.get(comp.service)?.value.name ?? comp.id;
    const words = unitWords(ctx.catalog.services.get(comp.service)?.value.unit);
    const ids: string[] = [];
    if (isMetered(ctx, comp.service)) {
      const allowance = allowanceOf(ctx, base, comp.id);
      if (allowance === undefined || used <= allowance) continue;
      for (const c of baseChanges) {
        if (!covers(c.arrangement!)) continue;
        const s = savingOf(c.arrangement!);
        if (s?.gt(Decimal.ZERO)) {
          rank(c.move.id, s);
          ids.push(c.move.id);
        }
      }
      insights.push({
        kind: "over_consumption",
        component: comp.id,
        used,
        quantity: allowance,
        message: `${label}: ${formatCount(used)} ${used === 1 ? words.one : words.many} used last period, ${formatCount(allowance)} included; the ${formatCount(used - allowance)} above are billed as overage.`,
        moves: ids,
      });
      continue;
    }
    const quantity = quantityOf(base, comp.id, a.quantities);
    const coverage = coverageOf(ctx, a, base, comp.service);
    const paid = Math.max(coverage.total, comp.included ?? 0);
    const quantityMove = byId.get(`change_quantity:${comp.id}`);
    const consider = (c: Candidate | undefined, request: MoveRequest, trueUp: boolean) => {
      if (!c?.build) return;
      const built = c.build(request);
      if (!built.ok || !covers(built.arrangement)) return;
      const s = savingOf(built.arrangement);
      if (s === undefined || (!trueUp && !s.gt(Decimal.ZERO))) return;
      if (c.move.quantity && request.quantity !== undefined) c.move.quantity.suggested = request.quantity;
      rank(c.move.id, s, trueUp && !s.gt(Decimal.ZERO));
      ids.push(c.move.id);
    };
    if (paid > 0 && used * 100 <= paid * OVER_PROVISIONED_PERCENT) {
      const need = Math.max(used - coverage.fromAddOns, 1);
      const suggested = allowedQuantity(need, comp.min ?? 0, comp.max, comp.step ?? 1);
      if (suggested < quantity)
        consider(quantityMove, { id: `change_quantity:${comp.id}`, quantity: suggested }, false);
      for (const c of baseChanges)
        if (c.move.kind !== "upgrade" && covers(c.arrangement!)) {
          const s = savingOf(c.arrangement!);
          if (s?.gt(Decimal.ZERO)) {
            rank(c.move.id, s);
            ids.push(c.move.id);
          }
        }
      const pct = Math.floor((used * 100) / paid);
      insights.push({
        kind: "over_provisioned",
        component: comp.id,
        used,
        quantity: paid,
        message: `${label}: ${used} of ${paid} used (${pct}%), at or below the ${OVER_PROVISIONED_PERCENT}% threshold; ${paid - used} paid for but unused.`,
        moves: ids,
      });
    } else if (used > paid) {
      const shortfall = used - paid;
      consider(
        quantityMove,
        {
          id: `change_quantity:${comp.id}`,
          quantity: allowedQuantity(quantity + shortfall, comp.min ?? 0, comp.max, comp.step ?? 1),
        },
        true,
      );
      for (const [addOnId, perUnit] of coverage.perAddOnUnit) {
        const held = a.addOns?.find((h) => h.package === addOnId);
        const units = (held?.quantity ?? 1) + Math.ceil(shortfall / perUnit);
        consider(
          byId.get(`change_quantity:${addOnId}`),
          { id: `change_quantity:${addOnId}`, quantity: units },
          true,
        );
      }
      for (const c of baseChanges) {
        if (!covers(c.arrangement!)) continue;
        const s = savingOf(c.arrangement!);
        if (s) {
          rank(c.move.id, s, !s.gt(Decimal.ZERO));
          ids.push(c.move.id);
        }
      }
      insights.push({
        kind: "over_consumption",
        component: comp.id,
        used,
        quantity: paid,
        message: `${label}: ${formatCount(used)} used but ${formatCount(paid)} covered (${formatCount(quantity)} on the package${coverage.fromAddOns > 0 ? `, ${formatCount(coverage.fromAddOns)} from add-ons` : ""}); ${formatCount(shortfall)} more than the arrangement covers.`,
        moves: ids,
      });
    }
  }

  const order = [...ranked.values()].sort((x, y) => {
    if (x.trueUp !== y.trueUp) return x.trueUp ? 1 : -1;
    return y.savings.cmp(x.savings) || (x.id < y.id ? -1 : 1);
  });
  order.forEach((r, i) => {
    const c = byId.get(r.id);
    if (c) c.move.recommended = i + 1;
  });
  const position = new Map(order.map((r, i) => [r.id, i]));
  for (const insight of insights)
    insight.moves = [...new Set(insight.moves)].sort(
      (x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0),
    );
  return insights;
}

/**
 * Units of a service an arrangement covers: the base package's component of that service plus what
 * held add-ons deliver of it (their component quantity × add-on units).
 */
export function coverageOf(
  ctx: PathContext,
  a: Arrangement,
  base: Package,
  service: string,
): { total: number; fromAddOns: number; perAddOnUnit: Map<string, number>; delivered: boolean } {
  const own = ctx.index.componentsByService(base).get(service);
  let delivered = own !== undefined;
  const baseUnits = own ? quantityOf(base, own.id, a.quantities) : 0;
  let fromAddOns = 0;
  const perAddOnUnit = new Map<string, number>();
  for (const h of a.addOns ?? []) {
    const pkg = ctx.catalog.packages.get(h.package)?.value;
    const comp = pkg ? ctx.index.componentsByService(pkg).get(service) : undefined;
    if (!pkg || !comp) continue;
    delivered = true;
    const each = quantityOf(pkg, comp.id, h.quantities);
    fromAddOns += each * (h.quantity ?? 1);
    if (!h.included && each > 0) perAddOnUnit.set(pkg.id, each);
  }
  return { total: baseUnits + fromAddOns, fromAddOns, perAddOnUnit, delivered };
}

export function isMetered(ctx: PathContext, service: string): boolean {
  return ctx.catalog.services.get(service)?.value.kind === "usage";
}

/** Units included per billing period by the usage charge on the component, in this currency and period. */
export function allowanceOf(ctx: PathContext, pkg: Package, component: string): number | undefined {
  const a = ctx.arrangement;
  for (const ch of pkg.charges) {
    if (ch.model !== "usage" || ch.component !== component) continue;
    const points = ch.pricePoints.filter((p) => p.currency === ctx.currency);
    const point =
      points.find((p) => p.billingPeriod === a.billingPeriod) ??
      points.find((p) => p.billingPeriod === undefined);
    if (point) return point.includedUnits ?? 0;
  }
  return undefined;
}
