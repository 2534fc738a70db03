/**
 * Base changes: upgrade, downgrade and crossgrade to each other base package of the portfolio
 * (direction by tier) and to packages named by explicit path cases, and the downgrade a retention
 * offer proposes. Each is checked against the path rules (timing, proration, term restart,
 * minimum days on the current package), the target's availability, and the add-ons held; valid
 * ones are priced and prorated.
 *
 * The arrangement a base change produces is the one in force from its effective date: new package,
 * picks and quantities carried by service, add-ons by fate, `packageSince` = the effective date. The
 * term continues unless the rule restarts it, the target does not offer its length, or the change
 * lands on the term's end (a new term starts there). When the target does not bill on the current
 * period, billing switches to its first period and the cycle restarts on the effective date.
 */
import type { Arrangement, BillingPeriod, Package } from "@tessera/schema";
import { ALIGNMENT_WORDS, changeAlignment } from "../alignment.ts";
import {
  addSpan,
  daysBetween,
  PERIOD_ADVERB,
  periodSpan,
  type Span,
  sameSpan,
  spanAdjective,
  spanWords,
  termEnd,
  termFields,
  termLengthOf,
} from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import { type PhaseSpan, phaseAmount, phaseOn, phasePlans, timeline } from "../phases.ts";
import { addOnsOnBaseChange } from "./addons.ts";
import { availabilityReasons } from "./availability.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import { carryConfiguration } from "./carry.ts";
import type { PathContext } from "./context.ts";
import { impliedKind } from "./match.ts";
import { planChangeProration, prorationNet, recordBilled } from "./proration.ts";
import { mrrOf } from "./recurring.ts";
import { effectiveDateOf, moveToBook, outcomeBlocks, outcomeFor } from "./rules.ts";
import type { Move, MoveKind, MoveRequest } from "./types.ts";

export const PERIOD_WORD: Record<BillingPeriod, string> = { ...PERIOD_ADVERB, upfront: "upfront" };

/** Base packages reachable from the current one: its ladder, then explicit case targets. */
export function planChangeTargets(ctx: PathContext, from: Package): { id: string; kind: MoveKind }[] {
  const out: { id: string; kind: MoveKind }[] = [];
  const seen = new Set<string>([from.id]);
  for (const p of ctx.catalog.ladders.get(from.portfolio) ?? []) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, kind: impliedKind(from, p) });
  }
  for (const id of ctx.index.explicitTargets(from.id)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const to = ctx.catalog.packages.get(id)?.value;
    out.push({ id, kind: kindOfExplicit(ctx, from, to) });
  }
  return out;
}

/** An explicit target outside the ladder: the kind its case names when it names one, else by tier. */
function kindOfExplicit(ctx: PathContext, from: Package, to: Package | undefined): MoveKind {
  for (const c of ctx.catalog.doc.pathRules ?? []) {
    if (!c.from?.packages?.includes(from.id) || !c.to?.packages?.includes(to?.id ?? "")) continue;
    const kinds = (c.kinds ?? []).filter(
      (k): k is "upgrade" | "downgrade" | "crossgrade" =>
        k === "upgrade" || k === "downgrade" || k === "crossgrade",
    );
    if (kinds.length === 1) return kinds[0]!;
  }
  if (!to) return "crossgrade";
  return to.portfolio === from.portfolio ? impliedKind(from, to) : "crossgrade";
}

const VERB: Record<string, string> = { upgrade: "Upgrade", downgrade: "Downgrade", crossgrade: "Switch" };

export interface PlanChangeOptions {
  id?: string;
  label?: string;
  moveKind?: Move["kind"];
  offer?: Move["offer"];
  /** Applied to the built arrangement (retention offers withdraw a pending termination). */
  finish?: (a: Arrangement) => Arrangement;
}

export function planChange(
  ctx: PathContext,
  targetId: string,
  kind: "upgrade" | "downgrade" | "crossgrade",
  opts: PlanChangeOptions = {},
): Candidate {
  const target = ctx.catalog.packages.get(targetId)?.value;
  const label = opts.label ?? `${VERB[kind]} to ${target?.name ?? targetId}`;
  const move = newMove(opts.id ?? `${kind}:${targetId}`, opts.moveKind ?? kind, targetId, label);
  if (opts.offer) move.offer = opts.offer;
  const from = ctx.current;
  if (!from)
    return blocked(move, [
      `${ctx.arrangement.package} is not in this catalog version, so moves from it cannot be evaluated.`,
    ]);
  if (!target) return blocked(move, [`${targetId} is not in this catalog version.`]);
  if (target.role !== "base")
    return blocked(move, [`${target.name} is an add-on, not a package one can move to.`]);

  const reasons = availabilityReasons(ctx, target);
  // A retention offer withdraws the cancellation it answers (opts.finish); any other change would
  // leave an arrangement both on a new package and ending: uncancel first.
  if (ctx.arrangement.status === "pending_termination" && !opts.finish)
    reasons.unshift(
      `A termination is scheduled for ${ctx.arrangement.terminationDate ?? ctx.arrangement.term.end}; withdraw it (uncancel) before changing the package.`,
    );
  const outcome = outcomeFor(ctx, kind, target);
  if (outcome.rule) move.ruleCase = outcome.rule.id;
  move.timing = outcome.timing;
  const ruleReasons = outcomeBlocks(ctx, outcome);
  const addOns = addOnsOnBaseChange(ctx, target);
  move.addOns = addOns.fates;
  if (ruleReasons.length > 0 || reasons.length > 0 || addOns.blocks.length > 0) {
    const blockedBy = ruleReasons.length > 0 ? outcome.rule?.id : undefined;
    return blocked(move, [...ruleReasons, ...reasons, ...addOns.blocks], blockedBy);
  }

  const build = (req: MoveRequest): Built => {
    const a = ctx.arrangement;
    const m: Move = { ...move, notes: [], reasons: [] };
    const effective = effectiveDateOf(ctx, outcome.timing);
    const carried = carryConfiguration(ctx, from, target);
    m.notes.push(...carried.notes);

    const offersPeriod = target.billingPeriods.includes(a.billingPeriod);
    const billingPeriod = offersPeriod ? a.billingPeriod : target.billingPeriods[0]!;
    if (!offersPeriod)
      m.notes.push(
        `${target.name} is not billed ${PERIOD_WORD[a.billingPeriod]}; billing becomes ${PERIOD_WORD[billingPeriod]} from ${effective}.`,
      );
    const offered = target.terms.map(termLengthOf);
    const asked: Span | undefined =
      req.termMonths !== undefined ? { unit: "month", count: req.termMonths } : undefined;
    if (asked !== undefined && !offered.some((t) => sameSpan(t, asked)))
      return {
        ok: false,
        reasons: [
          `${target.name} is not sold for ${spanWords(asked)}; it offers ${offered.map(spanWords).join(", ")}.`,
        ],
      };
    let restarts = outcome.termRestarts || effective >= a.term.end || asked !== undefined || !offersPeriod;
    const held = termLengthOf(a.term);
    let length = asked ?? held;
    if (!offered.some((t) => sameSpan(t, length))) {
      length = termLengthOf(target.terms.find((t) => t.default) ?? target.terms[0]!);
      restarts = true;
      m.notes.push(
        `${target.name} is not sold for ${spanWords(held)}; a new ${spanAdjective(length)} term starts on ${effective}.`,
      );
    }
    if (!offersPeriod && !outcome.termRestarts)
      m.notes.push(`With the new billing period a new ${spanAdjective(length)} term starts on ${effective}.`);
    // The new package's phases (change alignment): counted from the change (change_date; an
    // evergreen arrangement stays evergreen: a paying customer gets no second trial), or from the
    // start of the bundle or subscription, where the phase in force on the effective date applies
    // for what is left of it. Billing (and the term) starts when a trial in force ends, or at once
    // when the arrangement was in a trial and the new package has none in force.
    const aligned = changeAlignment(ctx.catalog, target, billingPeriod);
    const bundleStart = a.start ?? a.packageSince ?? a.term.start;
    // A customer already paying (in a discount, intro or fixed-term phase, not only an evergreen
    // one) gets no second trial from a change counted from the change date.
    const noTrial = aligned.alignment === "change_date" && ctx.phase !== "trial";
    const plans = noTrial ? phasePlans(target).filter((p) => p.type !== "trial") : phasePlans(target);
    const phased = aligned.alignment !== "change_date" || ctx.phase !== "evergreen";
    const origin = aligned.alignment === "change_date" ? effective : bundleStart;
    const placed: PhaseSpan | undefined =
      phased && plans.length > 0
        ? phaseOn(timeline(plans, origin, billingPeriod, length), effective)
        : undefined;
    const inTrial = placed?.plan.type === "trial" && placed.end !== undefined && placed.end > effective;
    const billingStart = inTrial ? placed.end : ctx.phase === "trial" ? effective : undefined;
    if (billingStart !== undefined) restarts = true;
    const termStart = billingStart ?? effective;
    const term = restarts
      ? { ...termFields(length), start: termStart, end: termEnd(termStart, length) }
      : { ...a.term };

    const next: Arrangement = {
      ...a,
      catalogId: ctx.catalog.doc.id,
      catalogVersion: ctx.catalog.doc.version ?? a.catalogVersion,
      package: target.id,
      packageSince: effective,
      billingPeriod,
      billingAnchor: offersPeriod ? a.billingAnchor : effective,
      term,
      picks: carried.picks,
      quantities: carried.quantities,
      addOns: addOns.kept,
    };
    if (phased) {
      delete next.phase;
      delete next.phaseEnds;
      delete next.phaseIndex;
      if (billingStart !== undefined) next.billingAnchor = billingStart;
      const how =
        aligned.alignment === "change_date"
          ? ""
          : ` (counted from ${ALIGNMENT_WORDS[aligned.alignment]}, ${origin}: change alignment ${aligned.alignment}${aligned.caseId ? `, case ${aligned.caseId}` : ""})`;
      // The phase in force once billing starts (after a trial in force, the next one).
      const after = inTrial ? phaseOn(timeline(plans, origin, billingPeriod, length), placed.end!) : placed;
      if (inTrial) {
        next.phase = "trial";
        next.phaseEnds = billingStart!;
        if (plans.length > 1) next.phaseIndex = placed.plan.index;
        m.notes.push(
          aligned.alignment === "change_date"
            ? `${target.name} starts its own ${placed.plan.words} on ${effective}; billing starts on ${billingStart}.`
            : `${target.name}'s ${placed.plan.words}${how} runs until ${billingStart}; billing starts then.`,
        );
      } else if (after && after.plan.type !== "evergreen" && after.end !== undefined) {
        next.phase = after.plan.type;
        next.phaseEnds = after.end;
        if (plans.length > 1) next.phaseIndex = after.plan.index;
        m.notes.push(
          after.plan.type === "intro" && aligned.alignment === "change_date"
            ? `${target.name}'s introductory price applies from ${billingStart ?? effective} to ${after.end}.`
            : `${target.name}'s ${after.plan.words}${how} applies from ${billingStart ?? effective} to ${after.end}.`,
        );
      } else if (ctx.phase === "trial") {
        m.notes.push(`${target.name} has no trial: billing starts on ${effective}.`);
      } else if (how !== "" && plans.length > 0) {
        m.notes.push(`${target.name}'s phases${how} are over by ${effective}: it bills its regular price.`);
      }
      if (inTrial && after && after.plan.type !== "evergreen" && after.end !== undefined)
        m.notes.push(`Then ${after.plan.words} from ${after.start} to ${after.end}.`);
    }
    // Keep the bundle's start once alignments can count from it (packageSince moves with each change).
    if (a.start !== undefined || ctx.catalog.doc.alignments !== undefined) next.start = bundleStart;
    moveToBook(ctx, outcome, next, m, effective);
    if (carried.usage) next.usage = carried.usage;
    else delete next.usage;
    if (a.paymentTerm !== undefined && !(target.paymentTerms ?? ["due_on_receipt"]).includes(a.paymentTerm))
      delete next.paymentTerm;
    if (a.discounts) {
      const charges = new Set(target.charges.map((c) => c.id));
      for (const h of addOns.kept)
        for (const c of ctx.catalog.packages.get(h.package)?.value.charges ?? []) charges.add(c.id);
      const discounts = a.discounts.filter((d) => d.charge === undefined || charges.has(d.charge));
      if (discounts.length > 0) next.discounts = discounts;
      else delete next.discounts;
    }

    const errors = ctx.errorsOf(next, true);
    if (errors.length > 0) return { ok: false, reasons: errors };
    const priced = ctx.price(next);
    const newRecurring = priced.perPeriod.round(ctx.minor);
    // Nothing has been invoiced during a free trial, so there is nothing to credit or prorate.
    const policy = ctx.phase === "trial" ? "none" : outcome.proration;
    // A priced phase of the new package in force on the change (a discount phase counted from the
    // bundle's start) prices the rest of the period.
    const atPhase =
      placed && !inTrial && placed.plan.price.kind !== "regular"
        ? phaseAmount(placed.plan.price, newRecurring, ctx.currency)
        : newRecurring;
    const deferred = billingStart !== undefined && billingStart > effective;
    if (ctx.phase === "trial" && outcome.proration !== "none")
      m.notes.push("The arrangement is in its free trial: nothing is prorated.");
    m.effectiveDate = effective;
    m.prorationPolicy = policy;
    m.termRestarts = restarts;
    m.term = term;
    m.billingPeriod = billingPeriod;
    m.proration = planChangeProration(ctx, {
      policy,
      effective,
      oldAmount: ctx.currentRecurring,
      oldArrear: ctx.currentArrear,
      oldLabel: from.name,
      newAmount: atPhase,
      newArrear: Decimal.min(priced.inArrear, atPhase),
      newLabel: target.name,
      style: outcome.style,
      ...(offersPeriod ? {} : { newCycle: { span: periodSpan(billingPeriod, length) } }),
      ...(deferred ? { newDeferred: true } : {}),
    });
    if (deferred && ctx.phase !== "trial")
      m.notes.push(`Nothing is charged for ${target.name} until its trial ends on ${billingStart}.`);
    if (billingStart === effective) {
      // The trial ended early: the first period of the new package is invoiced on the change.
      const firstEnd = addSpan(effective, periodSpan(billingPeriod, length));
      const days = daysBetween(effective, firstEnd);
      const advance = atPhase.sub(Decimal.min(priced.inArrear, atPhase));
      if (!advance.isZero())
        m.proration.push({
          kind: "charge",
          description: `First period of ${target.name}`,
          amount: ctx.money(advance.round(ctx.minor)),
          periodStart: effective,
          periodEnd: firstEnd,
          days,
          periodDays: days,
          timing: "in_advance",
        });
    }
    if (m.proration.length > 0) m.prorationNet = prorationNet(ctx, m.proration);
    if (outcome.style === "flexible") recordBilled(ctx, next, m.proration, effective);
    m.newRecurring = ctx.money(newRecurring);
    const newMrr = mrrOf(newRecurring, billingPeriod, length, ctx.currency);
    m.newMrr = ctx.money(newMrr);
    m.mrrDelta = ctx.money(newMrr.sub(ctx.currentMrr));
    next.recurring = ctx.money(newRecurring); // `next` is this build's own object
    const arrangement = next;
    return { ok: true, arrangement: opts.finish ? opts.finish(arrangement) : arrangement, move: m };
  };
  const first = build({ id: move.id });
  if (!first.ok) return blocked(move, first.reasons);
  return { move: first.move, build, arrangement: first.arrangement };
}
