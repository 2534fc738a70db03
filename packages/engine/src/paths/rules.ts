/**
 * How a move between packages is treated: the first matching path-rule case decides (Kill Bill's
 * ordered change-policy cases), else the default behaviour:
 * - upgrade: immediate, prorated (Stripe's default for plan changes);
 * - downgrade: end of term, no proration (the customer keeps what they paid for);
 * - crossgrade: next billing date, no proration;
 * - renew: end of term;
 * - terminate: the package's `termination.effective` (default end of term), no proration;
 * - remove_add_on (an add-on's cancel policy): the add-on's own `termination.effective`, else the
 *   next billing date; no proration;
 * - change_add_on (one add-on for another): like a base change between them, by tier.
 * A case's proration defaults to `prorate` for immediate moves and `none` otherwise. A case's
 * `priceBook` moves the arrangement onto that book (Kill Bill's price-list rule).
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 * @see https://docs.stripe.com/billing/subscriptions/prorations
 */
import type { Arrangement, Package, PathRuleCase } from "@tessera/schema";
import { addDays, daysBetween, monthsPerPeriod, periodContaining } from "../calendar.ts";
import type { PathContext } from "./context.ts";
import { firstMatchingCase, impliedKind, type MatchableMove, type MoveKind } from "./match.ts";
import type { Move, ProrationPolicy, Timing } from "./types.ts";

export interface Outcome {
  /** The case that decided, when one matched. */
  rule?: PathRuleCase;
  timing: Timing;
  proration: ProrationPolicy;
  termRestarts: boolean;
  /** The price book the arrangement moves to, when the case names one. */
  priceBook?: string;
  /** How credits are worked out: the case's style, else the catalog's, else day_based. */
  style: ProrationStyle;
}

export type ProrationStyle = "day_based" | "flexible";

/** The price book the arrangement is priced from: its own, else the catalog's default. */
export function bookOf(ctx: PathContext): string {
  return ctx.arrangement.priceBook ?? ctx.catalog.defaultPriceBook;
}

/**
 * Moves the arrangement a move builds onto the case's price book (Kill Bill's price-list rule,
 * e.g. `fromPriceList` rescue → `toPriceList` DEFAULT): sets `next.priceBook`, and on the move the
 * book and a note naming the case. Nothing when the case names no book or the same one.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 */
export function moveToBook(
  ctx: PathContext,
  outcome: Outcome,
  next: Arrangement,
  move: Move,
  effective: string,
): void {
  const book = outcome.priceBook;
  if (book === undefined || book === bookOf(ctx)) return;
  next.priceBook = book;
  move.priceBook = book;
  const name = (id: string) => ctx.catalog.doc.priceBooks?.find((b) => b.id === id)?.name ?? id;
  move.notes.push(
    `Priced from the ${name(book)} price book instead of ${name(bookOf(ctx))} from ${effective} (path rule ${outcome.rule?.id ?? ""}).`,
  );
}

/**
 * The outcome of a move. `from` is the package the move leaves: the base package (default), or the
 * held add-on for remove_add_on and change_add_on.
 */
export function outcomeFor(
  ctx: PathContext,
  kind: MoveKind,
  to?: Package,
  from: Package | undefined = ctx.current,
): Outcome {
  const cases = ctx.catalog.doc.pathRules ?? [];
  let rule: PathRuleCase | undefined;
  if (from) {
    const move: MatchableMove = {
      kind,
      from,
      billingPeriod: ctx.arrangement.billingPeriod,
      phase: ctx.phase,
      priceBook: bookOf(ctx),
      ...(to ? { to } : {}),
    };
    rule = firstMatchingCase(cases, move);
  }
  if (rule) {
    const timing = rule.outcome.timing;
    const out: Outcome = {
      rule,
      timing,
      proration: rule.outcome.proration ?? (timing === "immediate" ? "prorate" : "none"),
      termRestarts: rule.outcome.termRestarts ?? false,
      style: rule.outcome.prorationStyle ?? ctx.catalog.doc.prorationStyle ?? "day_based",
    };
    if (rule.outcome.priceBook !== undefined) out.priceBook = rule.outcome.priceBook;
    return out;
  }
  return { ...defaultOutcome(kind, from, to), style: ctx.catalog.doc.prorationStyle ?? "day_based" };
}

/** The built-in outcome of a move no case matches (see the module comment). */
function defaultOutcome(kind: MoveKind, from: Package | undefined, to?: Package): Omit<Outcome, "style"> {
  switch (kind) {
    case "remove_add_on": {
      const effective = from?.termination?.effective;
      const timing: Timing =
        effective === "immediate"
          ? "immediate"
          : effective === "end_of_term"
            ? "end_of_term"
            : "next_billing_date";
      return { timing, proration: "none", termRestarts: false };
    }
    case "change_add_on": {
      const implied = from && to ? impliedKind(from, to) : "crossgrade";
      return defaultOutcome(implied, from);
    }
    case "upgrade":
      return { timing: "immediate", proration: "prorate", termRestarts: false };
    case "downgrade":
      return { timing: "end_of_term", proration: "none", termRestarts: false };
    case "crossgrade":
      return { timing: "next_billing_date", proration: "none", termRestarts: false };
    case "renew":
      return { timing: "end_of_term", proration: "none", termRestarts: true };
    case "terminate": {
      const effective = from?.termination?.effective ?? "end_of_term";
      const timing: Timing =
        effective === "immediate"
          ? "immediate"
          : effective === "end_of_period"
            ? "next_billing_date"
            : "end_of_term";
      return { timing, proration: "none", termRestarts: false };
    }
  }
}

/**
 * Reasons a matched outcome blocks the move: an illegal case, or too little time on the package
 * (`held`: the add-on the move leaves, for add-on moves; else the base package).
 */
export function outcomeBlocks(
  ctx: PathContext,
  outcome: Outcome,
  held?: { id: string; since: string | undefined },
): string[] {
  const rule = outcome.rule;
  if (!rule) return [];
  if (outcome.timing === "illegal") {
    const why = rule.outcome.reason ?? rule.description ?? "the catalog's path rules do not allow it";
    return [`Not allowed by path rule ${rule.id}: ${sentence(why)}`];
  }
  const min = rule.outcome.minimumDaysOnCurrent;
  if (min !== undefined && min > 0) {
    const since =
      held?.since ?? (held ? undefined : ctx.arrangement.packageSince) ?? ctx.arrangement.term.start;
    const days = daysBetween(since, ctx.asOf);
    if (days < min) {
      const extra = rule.outcome.reason ? ` ${rule.outcome.reason}` : "";
      return [
        `Customers must hold ${ctx.nameOf(held?.id ?? ctx.arrangement.package)} for at least ${min} days before this move (path rule ${rule.id}); it has been ${Math.max(0, days)} days, so it is allowed from ${addDays(since, min)}.${extra}`,
      ];
    }
  }
  return [];
}

/**
 * When a move with this timing takes effect (one definition for every move, see README.md):
 * immediate is asOf; next_billing_date is {@link nextBillingDate}; end_of_term is the term's end, or
 * the next billing date once the term has lapsed (end ≤ asOf).
 */
export function effectiveDateOf(ctx: PathContext, timing: Timing): string {
  switch (timing) {
    case "immediate":
      return ctx.asOf;
    case "next_billing_date":
      return nextBillingDate(ctx);
    default:
      return ctx.arrangement.term.end > ctx.asOf ? ctx.arrangement.term.end : nextBillingDate(ctx);
  }
}

/**
 * The next billing date: the first billing date strictly after asOf (a move made on a billing date
 * waits for the next one: the period just invoiced is served in full), and on or after `notBefore`
 * (asOf + notice) when given. A term's end is always a billing boundary, so a running term's end
 * comes first when it is earlier (an anchor off the term's start day never pushes a move past it).
 */
export function nextBillingDate(ctx: PathContext, notBefore?: string): string {
  const a = ctx.arrangement;
  const earliest = notBefore !== undefined && notBefore > ctx.asOf ? notBefore : ctx.asOf;
  const months = monthsPerPeriod(a.billingPeriod, a.term.months);
  const p = earliest === ctx.asOf ? ctx.period : periodContaining(a.billingAnchor, months, earliest);
  const next = p.start === earliest && earliest > ctx.asOf ? earliest : p.end;
  return a.term.end > ctx.asOf && a.term.end >= earliest && a.term.end < next ? a.term.end : next;
}

/** The text as a sentence ending in a full stop. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
