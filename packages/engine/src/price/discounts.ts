/**
 * Discount lines: the term's commitment discount and the seller's quote discounts, with approval.
 *
 * Order and bases (documented decisions):
 * - The commitment discount (Term.discountPercent) takes its percent off every recurring line whose
 *   charge does not set `commitmentDiscounts: false` (usage only when it sets `true`), for the whole
 *   term, as one discount line rounded once.
 * - Seller discounts (Quote.discounts) and the intro price apply to the committed price (list minus
 *   the commitment discount). They add up rather than compound, so each one's per-period amount
 *   does not depend on how long the others last, and TCV stays exact.
 * - A discount names a charge (it reduces that charge's lines) or none (it reduces the total of the
 *   `appliesTo` lines: recurring, the default, one_time, or all = both, as two lines). Usage lines
 *   are reduced only by a discount naming their charge. A percent discount is rounded once per
 *   line; an amount discount is taken per billing period off recurring charges (once off one-time
 *   charges) and never more than what it reduces. An amount off "all" charges is refused as
 *   ambiguous. `periods` limits a recurring discount to the first N billing periods.
 * - Approval: each discount's share of what it reduces (its percent, or amount ÷ base) above
 *   quotePolicy.approvalThresholdPercent (default 0: every seller discount) flags the quote with a
 *   reason; above quotePolicy.maxDiscountPercent it is a violation. Two or more seller discounts on
 *   recurring charges are also judged together. With quotePolicy.approvalTiers, the highest tier
 *   any share goes beyond sets how many distinct approvers the quote needs (Salesforce CPQ's
 *   advanced approvals: a larger discount climbs to more approvers).
 * @see https://help.salesforce.com/s/articleView?id=sf.cpq_approvals_advanced.htm
 */
import type { Discount, QuotePolicy } from "@tessera/schema";
import { formatMoney, minorUnit, roundMoney } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { showAmount } from "./explain.ts";
import { parsePercent, percentOf, percentOfExact, percentShare } from "./percent.ts";
import { Sum } from "./sum.ts";
import { uniqueId, type WorkLine } from "./work.ts";

export interface DiscountContext {
  currency: string;
  /** The term as an adjective: "12-month", "6-week". */
  termWords: string;
  termPeriods: number;
  periodWord: string;
  basePackageId: string;
  ids: Set<string>;
  violations: Diagnostic[];
  reasons: string[];
  /** Distinct approvers the quote needs (0: none), and the name of the tier that decided it. */
  approval: { approvers: number; tier: string | undefined };
}

/** One approval tier, parsed: shares above `percent` need `approvers` approvals. */
interface Tier {
  percent: Decimal;
  approvers: number;
  name: string | undefined;
}

/**
 * The policy's approval tiers: its `approvalTiers`, or one tier of one approver above
 * `approvalThresholdPercent` (default 0), as catalogs before tiers said.
 */
export function approvalTiers(policy: QuotePolicy | undefined): Tier[] {
  const tiers = (policy?.approvalTiers ?? []).flatMap((t) => {
    const percent = parsePercent(t.aboveDiscountPercent);
    return percent ? [{ percent, approvers: t.approvers, name: t.name }] : [];
  });
  if (tiers.length > 0) return tiers;
  return [
    {
      percent: parsePercent(policy?.approvalThresholdPercent) ?? Decimal.ZERO,
      approvers: 1,
      name: undefined,
    },
  ];
}

/** Lines a recurring discount may reduce (usage only when priced from an estimate). */
function isRecurring(l: WorkLine): boolean {
  return l.kind === "recurring" || (l.kind === "usage" && l.perPeriod);
}

/**
 * The committed value of lines: their amounts minus the term's commitment percent on the eligible
 * ones, exact. Computed from two sums per call (no per-line arithmetic), so a 1,000-line quote
 * costs one percent operation per discount.
 */
export interface Commitment {
  net(lines: readonly WorkLine[], include?: (l: WorkLine) => boolean): { total: Decimal; advance: Decimal };
}

function isEligible(l: WorkLine, percent: Decimal | undefined): boolean {
  return percent !== undefined && !percent.isZero() && l.commitment && isRecurring(l);
}

function commitmentOf(percent: Decimal | undefined, scale: number): Commitment {
  return {
    net(lines, include) {
      const sums = [new Sum(scale), new Sum(scale), new Sum(scale), new Sum(scale)] as const;
      const [eligibleSum, eligibleAdvanceSum, otherSum, otherAdvanceSum] = sums;
      for (const l of lines) {
        if (include && !include(l)) continue;
        const advance = l.inAdvance || l.kind === "one_time";
        if (isEligible(l, percent)) {
          eligibleSum.add(l.amount);
          if (advance) eligibleAdvanceSum.add(l.amount);
        } else {
          otherSum.add(l.amount);
          if (advance) otherAdvanceSum.add(l.amount);
        }
      }
      const eligible = eligibleSum.value();
      const eligibleAdvance = eligibleAdvanceSum.value();
      const other = otherSum.value();
      const otherAdvance = otherAdvanceSum.value();
      if (!percent || eligible.isZero()) return { total: other, advance: otherAdvance };
      return {
        total: other.add(eligible.sub(percentOfExact(eligible, percent))),
        advance: otherAdvance.add(eligibleAdvance.sub(percentOfExact(eligibleAdvance, percent))),
      };
    },
  };
}

/**
 * The commitment discount line (or null without one) and the committed values later discounts use.
 */
export function commitmentDiscount(
  ctx: DiscountContext,
  termPercent: Decimal | undefined,
  lines: readonly WorkLine[],
): { line: WorkLine | null; commitment: Commitment } {
  const scale = minorUnit(ctx.currency);
  const commitment = commitmentOf(termPercent, scale);
  const baseSum = new Sum(scale);
  const advanceSum = new Sum(scale);
  for (const l of lines) {
    if (!isEligible(l, termPercent)) continue;
    baseSum.add(l.amount);
    if (l.inAdvance) advanceSum.add(l.amount);
  }
  const base = baseSum.value();
  const advanceBase = advanceSum.value();
  if (!termPercent || termPercent.isZero() || base.isZero()) return { line: null, commitment };
  const { currency } = ctx;
  const amount = percentOf(base, termPercent, currency);
  return {
    commitment,
    line: {
      id: uniqueId(ctx.ids, "commitment"),
      chargeId: null,
      packageId: ctx.basePackageId,
      kind: "discount",
      description: `${ctx.termWords} commitment discount`,
      quantity: 1,
      amount: amount.neg(),
      explanation: `${termPercent.toString()}% off ${showAmount(base, currency)} of recurring charges = -${formatMoney(amount, currency)} every ${ctx.periodWord} of the term`,
      firstInvoice: percentOf(advanceBase, termPercent, currency).neg(),
      perPeriod: true,
      periods: ctx.termPeriods,
      inAdvance: true,
      oneTime: false,
      commitment: false,
    },
  };
}

interface Group {
  recurring: boolean;
  targets: WorkLine[];
  what: string;
}

/** Seller discount lines with their approval reasons and violations. */
export function sellerDiscounts(
  ctx: DiscountContext,
  discounts: readonly Discount[],
  policy: QuotePolicy | undefined,
  lines: readonly WorkLine[],
  commitment: Commitment,
): WorkLine[] {
  const { currency, violations, reasons } = ctx;
  const tiers = approvalTiers(policy);
  /** The tier needing the most approvers among those a share goes beyond; records it on the quote. */
  const reached = (exceeds: (limit: Decimal) => boolean): Tier | undefined => {
    let top: Tier | undefined;
    for (const t of tiers) if (exceeds(t.percent) && (!top || t.approvers > top.approvers)) top = t;
    if (top && top.approvers > ctx.approval.approvers)
      ctx.approval = { approvers: top.approvers, tier: top.name };
    return top;
  };
  const max = parsePercent(policy?.maxDiscountPercent);
  const out: WorkLine[] = [];
  const recurringShares: { name: string; amount: Decimal }[] = [];
  let flaggedRecurring = false;
  let refusedRecurring = false;

  discounts.forEach((d, i) => {
    const pointer = `/discounts/${i}`;
    // Named as the seller wrote it (the reason shown on the quote); the id only when it has none.
    const name = discountName(d);
    const label = `Discount ${name}`;
    if ((d.percent === undefined) === (d.amount === undefined)) {
      violations.push({
        code: "price.discount-shape",
        severity: "error",
        pointer,
        message: `${label} must give exactly one of a percent or an amount.`,
      });
      return;
    }
    const percent = d.percent === undefined ? undefined : parsePercent(d.percent);
    const fixed = d.amount === undefined ? undefined : Decimal.tryParse(d.amount);
    if ((d.percent !== undefined && !percent) || (d.amount !== undefined && (!fixed || fixed.isNegative()))) {
      violations.push({
        code: "price.discount-value",
        severity: "error",
        pointer: `${pointer}/${d.percent !== undefined ? "percent" : "amount"}`,
        message: `${label} must be a percent from 0 to 100 or a non-negative amount.`,
      });
      return;
    }
    const groups: Group[] = [];
    if (d.charge !== undefined) {
      const targets = lines.filter(
        (l) => l.chargeId === d.charge && (isRecurring(l) || l.kind === "one_time"),
      );
      if (targets.length === 0) {
        violations.push({
          code: "price.discount-unknown-charge",
          severity: "error",
          pointer: `${pointer}/charge`,
          message: `${label} is for charge "${d.charge}", which is not priced on this quote.`,
        });
        return;
      }
      const what = `"${targets[0]!.description}"`;
      const rec = targets.filter(isRecurring);
      const once = targets.filter((l) => l.kind === "one_time");
      if (rec.length > 0) groups.push({ recurring: true, targets: rec, what });
      if (once.length > 0) groups.push({ recurring: false, targets: once, what });
    } else {
      const appliesTo = d.appliesTo ?? "recurring";
      if (appliesTo === "all" && fixed) {
        violations.push({
          code: "price.discount-ambiguous",
          severity: "error",
          pointer: `${pointer}/appliesTo`,
          message: `${label} takes an amount off all charges; say whether it reduces recurring or one-time charges.`,
        });
        return;
      }
      if (appliesTo !== "one_time")
        groups.push({
          recurring: true,
          targets: lines.filter((l) => l.kind === "recurring"),
          what: "recurring charges",
        });
      if (appliesTo !== "recurring")
        groups.push({
          recurring: false,
          targets: lines.filter((l) => l.kind === "one_time"),
          what: "one-time charges",
        });
    }

    for (const g of groups) {
      const { total: base, advance } = commitment.net(g.targets);
      const baseShown = roundMoney(base, currency);
      let amount: Decimal;
      let first: Decimal;
      let how: string;
      if (percent) {
        amount = percentOf(base, percent, currency);
        first = percentOf(advance, percent, currency);
        how = `${percent.toString()}% off ${showAmount(baseShown, currency)} of ${g.what}`;
      } else {
        const f = roundMoney(fixed!, currency);
        amount = Decimal.min(f, baseShown);
        first = Decimal.min(amount, roundMoney(advance, currency));
        how = `${formatMoney(f, currency)} off ${showAmount(baseShown, currency)} of ${g.what}${amount.lt(f) ? " (capped at what it reduces)" : ""}`;
      }
      const periods = g.recurring ? Math.min(d.periods ?? ctx.termPeriods, ctx.termPeriods) : 1;
      const lasting = g.recurring && periods === ctx.termPeriods;
      const when = g.recurring
        ? lasting
          ? ` every ${ctx.periodWord} of the term`
          : ` for the first ${periods} ${ctx.periodWord}${periods === 1 ? "" : "s"}`
        : " once";
      const id = uniqueId(ctx.ids, groups.length > 1 && !g.recurring ? `${d.id}:one-time` : d.id);
      out.push({
        id,
        chargeId: d.charge ?? null,
        packageId: g.targets[0]?.packageId ?? ctx.basePackageId,
        kind: "discount",
        description: d.description ?? `Discount ${d.id}`,
        quantity: 1,
        amount: amount.neg(),
        explanation: `${how} = -${formatMoney(amount, currency)}${when}`,
        firstInvoice: first.neg(),
        perPeriod: lasting,
        periods,
        inAdvance: true,
        oneTime: !g.recurring,
        commitment: false,
      });

      // Approval: the discount's share of what it reduces.
      // Compared exactly (amount × 100 against limit × base); the share is only rounded for display.
      const exceeds = (limit: Decimal) => (percent ? percent.gt(limit) : amount.mul(100).gt(limit.mul(base)));
      const off = percent
        ? `${percent.toString()}% off ${g.what}`
        : `${formatMoney(amount, currency)} (${percentShare(amount, base).toString()}%) off ${g.what}`;
      if (g.recurring && d.charge === undefined) recurringShares.push({ name, amount });
      if (max && exceeds(max)) {
        if (g.recurring) refusedRecurring = true;
        violations.push({
          code: "price.discount-over-max",
          severity: "error",
          pointer,
          message: `${label} takes ${off}; the catalog allows at most ${max.toString()}%.`,
        });
      }
      const tier = reached(exceeds);
      if (tier) {
        if (g.recurring) flaggedRecurring = true;
        reasons.push(`${label} takes ${off}; ${approvalRule(tier, tiers.length)}`);
      }
    }
  });

  // Several seller discounts on the recurring total are judged together too.
  if (recurringShares.length >= 2) {
    const base = commitment.net(lines, (l) => l.kind === "recurring").total;
    const total = Decimal.sum(recurringShares.map((s) => s.amount));
    const share = percentShare(total, base);
    const exceeds = (limit: Decimal) => total.mul(100).gt(limit.mul(base));
    const names = recurringShares.map((s) => s.name).join(" and ");
    if (max && exceeds(max) && !refusedRecurring) {
      violations.push({
        code: "price.discount-over-max",
        severity: "error",
        pointer: "/discounts",
        message: `Discounts ${names} together take ${share.toString()}% off recurring charges; the catalog allows at most ${max.toString()}%.`,
      });
    }
    const tier = reached(exceeds);
    if (tier && !flaggedRecurring) {
      reasons.push(
        `Discounts ${names} together take ${share.toString()}% off recurring charges; ${approvalRule(tier, tiers.length)}`,
      );
    }
  }
  return out;
}

function approvalRule(tier: Tier, tierCount: number): string {
  const who =
    tierCount === 1 && tier.approvers === 1
      ? "approval"
      : `approval by ${tier.approvers === 1 ? "one approver" : `${tier.approvers} different approvers`}${tier.name ? ` (${tier.name})` : ""}`;
  return tier.percent.isZero()
    ? `every seller discount needs ${who}.`
    : `more than ${tier.percent.toString()}% needs ${who}.`;
}

/** How a reason or diagnostic names a seller discount: “its description”, else `its id`. */
function discountName(d: { id: string; description?: string }): string {
  const description = d.description?.trim();
  return description ? `“${description}”` : `\`${d.id}\``;
}
