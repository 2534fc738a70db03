/**
 * Renewal: one move per allowed renewal term (`renewal.terms`, else the package's terms), at the
 * term's end unless a path rule says otherwise. The renewed price follows the current package's
 * `renewal.pricePolicy`: `list` (default) is the current list price; `locked` keeps the price the
 * customer pays (the arrangement's `recurring`); `capped` is min(list, current × (1 + cap %)),
 * rounded once. A retired package renews into its successor at list price, or not at all; a package
 * missing from this catalog version cannot be renewed. Renewing keeps the effective date's
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
import { mrrOf } from "./recurring.ts";
import { effectiveDateOf, outcomeBlocks, outcomeFor } from "./rules.ts";
import type { Move } from "./types.ts";

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
  if (cur.status === "retired") {
    if (cur.successor === undefined)
      return single([`${cur.name} is retired and has no successor, so it cannot be renewed.`]);
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

    const build = (): Built => {
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
      const errors = ctx.errorsOf(next, target !== cur);
      if (errors.length > 0) return { ok: false, reasons: errors };
      const priced = ctx.price(next);
      const list = priced.perPeriod.round(ctx.minor);
      let renewed = list;
      if (policy === "locked") {
        renewed = ctx.currentRecurring.round(ctx.minor);
        m.notes.push(`The price is locked at ${ctx.money(renewed)} per period.`);
      } else if (policy === "capped") {
        const cap = Decimal.parse(cur.renewal?.upliftCapPercent ?? "0");
        const ceiling = ctx.currentRecurring.mul(Decimal.HUNDRED.add(cap)).mulDiv(1n, 100n, ctx.minor);
        if (ceiling.lt(list)) {
          renewed = ceiling;
          m.notes.push(
            `The list price ${ctx.money(list)} is capped at ${ctx.money(ceiling)}: at most ${cap.toString()}% over the current ${ctx.money(ctx.currentRecurring)}.`,
          );
        }
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

function monthsText(months: number): string {
  return months === 1 ? "1 month" : `${months} months`;
}
