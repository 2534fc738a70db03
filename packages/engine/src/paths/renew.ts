/**
 * Renewal: one move per allowed renewal term (`renewal.terms`, else the package's terms), at the
 * term's end unless a path rule says otherwise. The renewed price follows the current package's
 * `renewal.pricePolicy`: `list` (default) is the current list price; `locked` keeps the price the
 * customer pays (the arrangement's `recurring`); `capped` is min(list, current × (1 + cap %)),
 * rounded once. A retired package renews into its successor at list price; one without a successor
 * is grandfathered and renews as it is; a package missing from this catalog version cannot be
 * renewed. Renewing keeps the effective date's
 * configuration; a successor gets it carried by service.
 *
 * Locked and capped renewals keep a `recurring` that is not the list price: that is the point of
 * the policy, so those arrangements do not price to `recurring` by construction.
 *
 * @see https://docs.stripe.com/billing/subscriptions/subscription-schedules (renewal phases)
 */
import type { Arrangement, Package } from "@tessera/schema";
import { addMonths } from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import { addOnsOnBaseChange } from "./addons.ts";
import { availabilityReasons } from "./availability.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import { carryConfiguration } from "./carry.ts";
import type { PathContext } from "./context.ts";
import { PERIOD_WORD } from "./plan-change.ts";
import { adjustableComponents, checkQuantity } from "./quantity.ts";
import { mrrOf } from "./recurring.ts";
import { effectiveDateOf, moveToBook, outcomeBlocks, outcomeFor } from "./rules.ts";
import type { Move, MoveRequest } from "./types.ts";

export function renewMoves(ctx: PathContext): Candidate[] {
  const a = ctx.arrangement;
  const cur = ctx.current;
  const single = (reasons: string[], blockedBy?: string) => [
    blocked(
      newMove(`renew:${a.term.months}`, "renew", a.package, `Renew for ${monthsText(a.term.months)}`),
      reasons,
      blockedBy,
    ),
  ];
  if (!cur)
    return single([
      `${a.package} is not in this catalog version, so it cannot be renewed; move to a current package instead.`,
    ]);
  if (a.status === "pending_termination")
    return single([
      `A termination is scheduled for ${a.terminationDate ?? a.term.end}, so the term does not renew.`,
    ]);

  let target: Package = cur;
  const notes: string[] = [];
  if (cur.status === "retired" && cur.successor === undefined) {
    // Grandfathered: no longer sold to new customers, kept by the ones who hold it.
    notes.push(
      `${cur.name} is retired and no longer sold to new customers; existing customers keep it, so it renews as it is.`,
    );
  } else if (cur.status === "retired" && cur.successor !== undefined) {
    const successor = ctx.catalog.packages.get(cur.successor)?.value;
    if (!successor)
      return single([
        `${cur.name} is retired and its successor ${cur.successor} is not in this catalog version.`,
      ]);
    const unavailable = availabilityReasons(ctx, successor);
    if (unavailable.length > 0)
      return single([
        `${cur.name} is retired and renews into ${successor.name}, but ${unavailable.join(" ")}`,
      ]);
    target = successor;
    notes.push(`${cur.name} is retired; it renews into ${successor.name}.`);
  } else if (!ctx.index.pricedIn(cur, ctx.currency)) {
    return single([`${cur.name} is not priced in ${ctx.currency} in this catalog version.`]);
  }

  const outcome = outcomeFor(ctx, "renew", target);
  const ruleReasons = outcomeBlocks(ctx, outcome);
  const terms = target.renewal?.terms ?? target.terms.map((t) => t.months);
  const policy = target === cur ? (cur.renewal?.pricePolicy ?? "list") : "list";
  const addOns = target === cur ? undefined : addOnsOnBaseChange(ctx, target);

  return terms.map((months) => {
    const move = newMove(
      `renew:${months}`,
      "renew",
      target.id,
      target === cur
        ? `Renew for ${monthsText(months)}`
        : `Renew into ${target.name} for ${monthsText(months)}`,
    );
    move.timing = outcome.timing;
    if (outcome.rule) move.ruleCase = outcome.rule.id;
    move.addOns = addOns
      ? addOns.fates
      : (a.addOns ?? []).map((h) => ({
          package: h.package,
          fate: h.included ? ("included" as const) : ("carried" as const),
          reason: `${ctx.nameOf(h.package)} ${h.included ? "stays included" : "renews with the package"}.`,
        }));
    if (ruleReasons.length > 0) return blocked(move, ruleReasons, outcome.rule?.id);
    if (addOns && addOns.blocks.length > 0) return blocked(move, addOns.blocks);

    const build = (req?: MoveRequest): Built => {
      const m: Move = { ...move, notes: [...notes], reasons: [] };
      const effective = effectiveDateOf(ctx, outcome.timing === "illegal" ? "end_of_term" : outcome.timing);
      const term = { months, start: effective, end: addMonths(effective, months) };
      let next: Arrangement = {
        ...a,
        catalogId: ctx.catalog.doc.id,
        catalogVersion: ctx.catalog.doc.version ?? a.catalogVersion,
        term,
      };
      if (target !== cur && addOns) {
        const carried = carryConfiguration(ctx, cur, target);
        m.notes.push(...carried.notes);
        next = {
          ...next,
          package: target.id,
          packageSince: effective,
          picks: carried.picks,
          quantities: carried.quantities,
          addOns: addOns.kept,
        };
        if (!target.billingPeriods.includes(a.billingPeriod)) {
          next.billingPeriod = target.billingPeriods[0]!;
          next.billingAnchor = effective;
          m.notes.push(
            `${target.name} is not billed ${PERIOD_WORD[a.billingPeriod]}; billing becomes ${PERIOD_WORD[next.billingPeriod]} from ${effective}.`,
          );
        }
      }
      moveToBook(ctx, outcome, next, m, effective);
      // New quantities for the renewed term: the configuration renewed as is, then changed.
      const asIs = next;
      if (req?.quantities !== undefined) {
        const changed = renewalQuantities(ctx, target, next, req.quantities, effective);
        if (!changed.ok) return { ok: false, reasons: changed.reasons };
        m.notes.push(...changed.notes);
        next = changed.arrangement;
      }
      const errors = ctx.errorsOf(next, target !== cur || next !== asIs);
      if (errors.length > 0) return { ok: false, reasons: errors };
      const list = ctx.price(next).perPeriod.round(ctx.minor);
      // The price policy applies to the configuration renewed as is. A quantity change on top:
      // what it adds is priced at list; what it removes takes off in proportion, so the customer
      // keeps their rate on what they keep (and a renewal can never go below zero).
      const listAsIs = next === asIs ? list : ctx.price(asIs).perPeriod.round(ctx.minor);
      let renewed = listAsIs;
      if (policy === "locked") {
        renewed = ctx.currentRecurring.round(ctx.minor);
        m.notes.push(`The price is locked at ${ctx.money(renewed)} per period.`);
      } else if (policy === "capped") {
        const cap = Decimal.parse(cur.renewal?.upliftCapPercent ?? "0");
        const ceiling = ctx.currentRecurring.mul(Decimal.HUNDRED.add(cap)).mulDiv(1n, 100n, ctx.minor);
        if (ceiling.lt(listAsIs)) {
          renewed = ceiling;
          m.notes.push(
            `The list price ${ctx.money(listAsIs)} is capped at ${ctx.money(ceiling)}: at most ${cap.toString()}% over the current ${ctx.money(ctx.currentRecurring)}.`,
          );
        }
      }
      if (next !== asIs) {
        // At list (no policy) both give the new list price.
        const kept = renewed;
        renewed = list.lt(listAsIs)
          ? kept.mul(list).div(listAsIs, ctx.minor) // listAsIs > list ≥ 0
          : kept.add(list.sub(listAsIs));
        const change = renewed.sub(kept);
        if (policy !== "list" && !change.isZero())
          m.notes.push(
            change.isNegative()
              ? `The quantity change takes ${ctx.money(change.abs())} off per period, in proportion to the ${policy} price.`
              : `The added quantity is priced at list: +${ctx.money(change)} per period.`,
          );
      }
      m.effectiveDate = effective;
      m.prorationPolicy = "none";
      m.proration = [];
      m.termRestarts = true;
      m.term = term;
      m.billingPeriod = next.billingPeriod;
      m.newRecurring = ctx.money(renewed);
      const newMrr = mrrOf(renewed, next.billingPeriod, months, ctx.currency);
      m.newMrr = ctx.money(newMrr);
      m.mrrDelta = ctx.money(newMrr.sub(ctx.currentMrr));
      next.recurring = ctx.money(renewed); // `next` is this build's own object
      return { ok: true, arrangement: next, move: m };
    };
    const first = build();
    if (!first.ok) return blocked(move, first.reasons);
    return { move: first.move, build, arrangement: first.arrangement };
  });
}

/**
 * The renewal's arrangement with the quantities asked for, each checked against its component's
 * range on the renewed package, with a note per change.
 */
function renewalQuantities(
  ctx: PathContext,
  target: Package,
  next: Arrangement,
  asked: Record<string, number>,
  effective: string,
): { ok: true; arrangement: Arrangement; notes: string[] } | { ok: false; reasons: string[] } {
  const adjustable = adjustableComponents(ctx, target, next.quantities);
  const quantities = { ...next.quantities };
  const notes: string[] = [];
  const reasons: string[] = [];
  for (const [id, q] of Object.entries(asked)) {
    const found = adjustable.find((x) => x.range.component === id);
    if (!found) {
      reasons.push(`${id} is not a quantity of ${target.name} that can be changed.`);
      continue;
    }
    const wrong = checkQuantity(found.label, found.range, q, false);
    if (wrong) reasons.push(wrong);
    else if (q !== found.range.current) {
      quantities[id] = q;
      notes.push(`${found.label}: ${found.range.current} → ${q} from ${effective}.`);
    }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, arrangement: notes.length > 0 ? { ...next, quantities } : next, notes };
}

function monthsText(months: number): string {
  return months === 1 ? "1 month" : `${months} months`;
}
