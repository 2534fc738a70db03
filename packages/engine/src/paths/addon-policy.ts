/**
 * Leaving an add-on: removing it under its cancel policy, and changing it for another add-on.
 * - Cancel policy (Kill Bill's cancelPolicyCase for the ADD_ON category): the first path-rule case
 *   naming `remove_add_on` whose `from` matches the add-on decides timing (immediate, end of the
 *   billing period, end of term) and proration (prorate: credit the unused days of the period
 *   already invoiced; full_credit: the whole period; none). Without a case, the add-on's own
 *   `termination.effective`, else the next billing date; no credit. `applyMove(…, { date })` cancels
 *   on a chosen date instead, not before asOf + the add-on's notice days.
 * - Add-on change (Kill Bill's change plan on an add-on subscription): one move per alternative
 *   to a held add-on — an add-on that excludes it or that it excludes (they cannot be held
 *   together), or a target a `change_add_on` case names explicitly. Its timing and proration come
 *   from the first `change_add_on` case, else as for a base change between the two by tier
 *   (higher: at once, prorated; lower: end of term; same: next billing date). Prorated, the old
 *   add-on's unused days are credited and the new one's remaining days charged (Stripe's two lines).
 * Included add-ons cannot be removed or changed, nor one another held add-on requires.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_cancellation
 * @see https://docs.stripe.com/billing/subscriptions/prorations
 */
import type { Arrangement, HeldAddOn, Package } from "@tessera/schema";
import { addDays, isDate } from "../calendar.ts";
import type { Decimal } from "../decimal.ts";
import { finishPartial, fitsBase, holds, misfitReason, settle, stateOf } from "./addons.ts";
import { availabilityReasons } from "./availability.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import type { PathContext } from "./context.ts";
import { deltaProration } from "./proration.ts";
import { effectiveDateOf, outcomeBlocks, outcomeFor } from "./rules.ts";
import type { Move, MoveRequest, ProrationLine } from "./types.ts";

/** Held add-ons other add-ons require: they cannot leave first. */
function dependentsOf(ctx: PathContext, id: string): string[] {
  return [...ctx.held.values()]
    .filter((o) => o.package !== id)
    .filter((o) => ctx.catalog.packages.get(o.package)?.value.addOn?.requires?.includes(id))
    .map((o) => ctx.nameOf(o.package));
}

/** One remove_add_on move per held add-on, and a blocked one per included add-on. */
export function removeMoves(ctx: PathContext, base: Package | undefined): Candidate[] {
  const out: Candidate[] = [];
  const included = base ? ctx.index.included(base) : new Map<string, number>();
  const seen = new Set<string>();
  for (const h of ctx.arrangement.addOns ?? []) {
    seen.add(h.package);
    const name = ctx.nameOf(h.package);
    const move = newMove(`remove_add_on:${h.package}`, "remove_add_on", h.package, `Remove ${name}`);
    if (h.included || included.has(h.package)) {
      out.push(blocked(move, [`${name} is included in your package and cannot be removed.`]));
      continue;
    }
    const dependents = dependentsOf(ctx, h.package);
    if (dependents.length > 0) {
      const names = dependents.join(" and ");
      out.push(blocked(move, [`${names} requires ${name}; remove ${names} first.`]));
      continue;
    }
    const choice = stateOf(ctx, h.package);
    if (choice?.state === "required") {
      out.push(blocked(move, [choice.reason?.message ?? `The current options require ${name}.`]));
      continue;
    }
    const pkg = ctx.catalog.packages.get(h.package)?.value;
    const outcome = outcomeFor(ctx, "remove_add_on", undefined, pkg);
    if (outcome.rule) move.ruleCase = outcome.rule.id;
    move.timing = outcome.timing;
    const ruleReasons = outcomeBlocks(ctx, outcome, { id: h.package, since: h.since });
    if (ruleReasons.length > 0) {
      out.push(blocked(move, ruleReasons, outcome.rule?.id));
      continue;
    }
    const notice = pkg?.termination?.noticeDays ?? 0;
    const earliest = addDays(ctx.asOf, notice);
    if (notice > 0) move.earliestDate = earliest;
    const timing = outcome.timing === "illegal" ? "next_billing_date" : outcome.timing;
    const build = (req: MoveRequest, verify = true): Built => {
      const m: Move = { ...move, notes: [...move.notes] };
      let date: string | undefined;
      if (notice > 0) m.notes.push(`${notice} days' notice: the earliest end date is ${earliest}.`);
      if (timing === "immediate" && notice > 0) date = earliest;
      if (req.date !== undefined) {
        if (!isDate(req.date))
          return { ok: false, reasons: [`"${req.date}" is not a calendar date (YYYY-MM-DD).`] };
        if (req.date < earliest)
          return {
            ok: false,
            reasons: [
              notice > 0
                ? `${name} cannot end on ${req.date}: with ${notice} days' notice the earliest end date is ${earliest}.`
                : `${name} cannot end on ${req.date}, before ${ctx.asOf}.`,
            ],
          };
        m.notes.push(`Ends on the chosen date ${req.date}.`);
        date = req.date;
      }
      const next: Arrangement = {
        ...ctx.arrangement,
        addOns: (ctx.arrangement.addOns ?? []).filter((o) => o.package !== h.package),
      };
      const key = ctx.derivedKey(`remove ${h.package}`);
      return finishPartial(
        ctx,
        m,
        next,
        {
          timing,
          proration: outcome.proration,
          style: outcome.style,
          item: { id: h.package, change: "remove" },
          ...(date !== undefined ? { date } : {}),
          ...(outcome.rule ? { ruleCase: outcome.rule.id } : {}),
        },
        outcome.proration === "full_credit"
          ? `Credit for the current period of ${name}`
          : `Unused time on ${name}`,
        verify,
        key,
      );
    };
    out.push(settle(move, build));
  }
  for (const id of included.keys()) {
    if (seen.has(id)) continue;
    const name = ctx.nameOf(id);
    const move = newMove(`remove_add_on:${id}`, "remove_add_on", id, `Remove ${name}`);
    out.push(blocked(move, [`${name} is included in your package and cannot be removed.`]));
  }
  return out;
}

/** The add-ons a held add-on can be changed for: its alternatives, then explicit case targets. */
function alternatives(ctx: PathContext, base: Package, from: Package): Package[] {
  const out: Package[] = [];
  const seen = new Set<string>([from.id]);
  const push = (p: Package | undefined) => {
    if (!p || seen.has(p.id) || p.role !== "add_on") return;
    seen.add(p.id);
    out.push(p);
  };
  for (const p of ctx.index.addOnsFor(base.portfolio))
    if (from.addOn?.excludes?.includes(p.id) || p.addOn?.excludes?.includes(from.id)) push(p);
  for (const id of ctx.index.explicitTargets(from.id, true)) push(ctx.catalog.packages.get(id)?.value);
  return out;
}

/** One change_add_on move per held add-on and each of its alternatives not held. */
export function changeAddOnMoves(ctx: PathContext, base: Package): Candidate[] {
  const out: Candidate[] = [];
  const included = ctx.index.included(base);
  for (const h of ctx.arrangement.addOns ?? []) {
    if (h.included || included.has(h.package)) continue;
    const from = ctx.catalog.packages.get(h.package)?.value;
    if (!from) continue;
    for (const to of alternatives(ctx, base, from)) {
      if (ctx.held.has(to.id)) continue;
      out.push(changeAddOn(ctx, base, h, from, to, included.has(to.id)));
    }
  }
  return out;
}

function changeAddOn(
  ctx: PathContext,
  base: Package,
  h: HeldAddOn,
  from: Package,
  to: Package,
  isIncluded: boolean,
): Candidate {
  const move = newMove(
    `change_add_on:${from.id}:${to.id}`,
    "change_add_on",
    to.id,
    `Change ${from.name} to ${to.name}`,
  );
  move.replaces = from.id;
  if (isIncluded) return blocked(move, [`${to.name} is already included in your package.`]);
  const reasons = availabilityReasons(ctx, to);
  if (ctx.arrangement.status === "pending_termination")
    reasons.unshift(
      `A termination is scheduled for ${ctx.arrangement.terminationDate ?? ctx.arrangement.term.end}; withdraw it (uncancel) before changing add-ons.`,
    );
  if (!fitsBase(to, base)) reasons.push(misfitReason(ctx, to, base));
  const others = (id: string) => id !== from.id && holds(ctx, base, id);
  const missing = (to.addOn?.requires ?? []).filter((r) => !others(r));
  if (missing.length > 0) reasons.push(`${to.name} requires ${missing.map(ctx.nameOf).join(" and ")} first.`);
  for (const x of to.addOn?.excludes ?? [])
    if (others(x)) reasons.push(`${to.name} cannot be combined with ${ctx.nameOf(x)}.`);
  for (const o of ctx.held.values()) {
    if (o.package === from.id) continue;
    const other = ctx.catalog.packages.get(o.package)?.value;
    if (other?.addOn?.excludes?.includes(to.id) && !(to.addOn?.excludes ?? []).includes(other.id))
      reasons.push(`${to.name} cannot be combined with ${other.name}.`);
  }
  const dependents = dependentsOf(ctx, from.id).filter((d) => d !== to.name);
  if (dependents.length > 0)
    reasons.push(
      `${dependents.join(" and ")} requires ${from.name}; it cannot be changed while they are held.`,
    );
  const outcome = outcomeFor(ctx, "change_add_on", to, from);
  if (outcome.rule) move.ruleCase = outcome.rule.id;
  move.timing = outcome.timing;
  const ruleReasons = outcomeBlocks(ctx, outcome, { id: from.id, since: h.since });
  if (ruleReasons.length > 0 || reasons.length > 0)
    return blocked(move, [...ruleReasons, ...reasons], ruleReasons.length > 0 ? outcome.rule?.id : undefined);
  const timing = outcome.timing === "illegal" ? "next_billing_date" : outcome.timing;
  const max = to.addOn?.maxQuantity ?? 1;

  const build = (_req: MoveRequest, verify = true): Built => {
    const m: Move = { ...move, notes: [...move.notes] };
    const effective = effectiveDateOf(ctx, timing);
    const held: HeldAddOn = { package: to.id, since: effective };
    const quantity = Math.min(h.quantity ?? 1, max);
    if (quantity !== 1) held.quantity = quantity;
    if ((h.quantity ?? 1) > max)
      m.notes.push(`${to.name} is sold up to ${max}; the ${h.quantity} units of ${from.name} become ${max}.`);
    m.notes.push(`${to.name} replaces ${from.name} from ${effective}.`);
    const a = ctx.arrangement;
    const next: Arrangement = {
      ...a,
      addOns: (a.addOns ?? []).map((o) => (o.package === from.id ? held : o)),
    };
    const withoutKey = ctx.derivedKey(`remove ${from.id}`);
    const without: Arrangement = { ...a, addOns: (a.addOns ?? []).filter((o) => o.package !== from.id) };
    const rest = ctx.price(without, withoutKey);
    const oldPart = ctx.currentRecurring.sub(rest.perPeriod.round(ctx.minor));
    const oldArrear = ctx.currentArrear.sub(rest.inArrear);
    // Both add-ons wholly in arrear: one line for the difference, settled at the period's end.
    const lines = (eff: string, newRecurring: Decimal): ProrationLine[] => {
      const newPart = newRecurring.sub(rest.perPeriod.round(ctx.minor));
      const credit =
        outcome.proration === "full_credit"
          ? deltaProration(
              ctx,
              eff,
              oldPart.neg(),
              `Credit for the current period of ${from.name}`,
              "in_advance",
              true,
            )
          : deltaProration(ctx, eff, oldPart.neg(), `Unused time on ${from.name}`);
      return [...credit, ...deltaProration(ctx, eff, newPart, `Remaining time on ${to.name}`)];
    };
    const wholeArrear = !oldPart.isZero() && oldArrear.eq(oldPart);
    return finishPartial(
      ctx,
      m,
      next,
      {
        timing,
        proration: outcome.proration,
        style: outcome.style,
        ...(outcome.rule ? { ruleCase: outcome.rule.id } : {}),
        ...(wholeArrear ? {} : { lines }),
      },
      `${from.name} → ${to.name}`,
      verify,
      ctx.derivedKey(`change ${from.id}>${to.id}×${quantity}`),
    );
  };
  return settle(move, build);
}
