/**
 * Add-ons on a lifecycle move.
 * - Compatibility: the rule validate and configure apply (`isCompatibleAddOn`).
 * - On a base change each held add-on is `included` (the new base bundles it: no longer billed),
 *   `carried` (fits the new base), or `dropped` (does not fit: cancelled; or the change is blocked
 *   when the add-on's `onIncompatibleBase` is "block"). An add-on that was only included by the old
 *   base is dropped unless the new base includes it too; a carried add-on whose required add-on
 *   goes is dropped with it.
 * - Adding one checks status, dates and currency, compatibility, that the base does not already
 *   include it, `requires`/`excludes` against what is held, and 1 ≤ quantity ≤ maxQuantity (default 1).
 *   It starts at once with a prorated charge for the rest of the period (Stripe's default).
 * - Removing one, and changing one add-on for another: `addon-policy.ts`.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_add_ons (included vs available
 * add-ons, and add-ons cancelled when the base plan changes)
 */
import type { Arrangement, HeldAddOn, Package } from "@tessera/schema";
import { termLengthOf } from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import { isCompatibleAddOn } from "../validate/checks/addons.ts";
import { type AddOnStart, addOnStart } from "./addon-start.ts";
import { availabilityReasons } from "./availability.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import type { PathContext } from "./context.ts";
import { flexibleItemLines, type ItemChange, recordItems } from "./flexible.ts";
import { deltaProration, prorationNet, recordBilled } from "./proration.ts";
import { mrrOf } from "./recurring.ts";
import { effectiveDateOf } from "./rules.ts";
import type { AddOnFate, Move, MoveRequest, ProrationLine, ProrationPolicy } from "./types.ts";

/** Whether the add-on may be held with the base (ignores lifecycle status). */
export const fitsBase: (addOn: Package, base: Package) => boolean = isCompatibleAddOn;

/** Why the add-on does not fit the base, in one sentence. */
export function misfitReason(ctx: PathContext, addOn: Package, base: Package): string {
  const min = addOn.addOn?.minTier;
  if (min !== undefined && base.tier < min) {
    const ladder = ctx.catalog.ladders.get(base.portfolio) ?? [];
    const lowest = ladder.find((p) => p.tier >= min && fitsBase(addOn, p) && p.status === "active");
    const hint = lowest ? ` (${lowest.name} or higher)` : "";
    return `${addOn.name} needs a package of tier ${min} or higher${hint}; ${base.name} is tier ${base.tier}.`;
  }
  return `${addOn.name} is not available with ${base.name}.`;
}

export interface BaseChangeAddOns {
  fates: AddOnFate[];
  /** Add-ons the new arrangement holds (carried ones, then the new base's included ones). */
  kept: HeldAddOn[];
  /** Reasons the change is blocked by an add-on that refuses an incompatible base. */
  blocks: string[];
}

export function addOnsOnBaseChange(ctx: PathContext, to: Package): BaseChangeAddOns {
  const included = ctx.index.included(to);
  const fates = new Map<string, AddOnFate>();
  const carried: HeldAddOn[] = [];
  const blocks: string[] = [];
  const fromName = ctx.current?.name ?? ctx.arrangement.package;
  for (const h of ctx.arrangement.addOns ?? []) {
    const pkg = ctx.catalog.packages.get(h.package)?.value;
    const name = pkg?.name ?? h.package;
    if (included.has(h.package)) {
      fates.set(h.package, {
        package: h.package,
        fate: "included",
        reason: h.included
          ? `${name} stays included with ${to.name}.`
          : `${to.name} includes ${name}, so it is no longer billed separately.`,
      });
    } else if (h.included) {
      fates.set(h.package, {
        package: h.package,
        fate: "dropped",
        reason: `${name} came included with ${fromName}; ${to.name} does not include it.`,
      });
    } else if (!pkg) {
      fates.set(h.package, {
        package: h.package,
        fate: "dropped",
        reason: `${h.package} is not in this catalog version, so it ends with this change.`,
      });
    } else if (fitsBase(pkg, to)) {
      fates.set(h.package, {
        package: h.package,
        fate: "carried",
        reason: `${name} carries over to ${to.name}.`,
      });
      carried.push(h);
    } else if (pkg.addOn?.onIncompatibleBase === "block") {
      const why = misfitReason(ctx, pkg, to);
      blocks.push(`${why} The catalog does not allow this change while ${name} is held; remove it first.`);
      fates.set(h.package, { package: h.package, fate: "dropped", reason: why });
    } else {
      fates.set(h.package, {
        package: h.package,
        fate: "dropped",
        reason: `${misfitReason(ctx, pkg, to)} It is cancelled with this change.`,
      });
    }
  }
  // A carried add-on whose required add-on goes is dropped too (repeat until stable).
  const present = () => new Set([...carried.map((h) => h.package), ...included.keys()]);
  let changed = true;
  while (changed) {
    changed = false;
    const have = present();
    for (let i = carried.length - 1; i >= 0; i--) {
      const h = carried[i]!;
      const pkg = ctx.catalog.packages.get(h.package)?.value;
      const missing = (pkg?.addOn?.requires ?? []).filter((r) => !have.has(r));
      if (missing.length > 0) {
        carried.splice(i, 1);
        fates.set(h.package, {
          package: h.package,
          fate: "dropped",
          reason: `${pkg?.name ?? h.package} requires ${missing.map(ctx.nameOf).join(", ")}, which ends with this change.`,
        });
        changed = true;
      }
    }
  }
  const kept: HeldAddOn[] = [...carried];
  for (const [id, quantity] of included) {
    if (!fates.has(id))
      fates.set(id, {
        package: id,
        fate: "included",
        reason: `${ctx.nameOf(id)} comes included with ${to.name}.`,
      });
    const held: HeldAddOn = { package: id, included: true };
    if (quantity !== 1) held.quantity = quantity;
    kept.push(held);
  }
  return { fates: [...fates.values()], kept, blocks };
}

/** Every add-on relevant to the current base that is not held: one add_on move each. */
export function addOnMoves(ctx: PathContext, base: Package): Candidate[] {
  const out: Candidate[] = [];
  const included = ctx.index.included(base);
  for (const addOn of ctx.index.addOnsFor(base.portfolio)) {
    if (ctx.held.has(addOn.id)) continue;
    out.push(addOnMove(ctx, base, addOn, included.has(addOn.id)));
  }
  return out;
}

export function holds(ctx: PathContext, base: Package, id: string): boolean {
  return ctx.held.has(id) || ctx.index.included(base).has(id);
}

function addOnMove(ctx: PathContext, base: Package, addOn: Package, isIncluded: boolean): Candidate {
  const move = newMove(`add_on:${addOn.id}`, "add_on", addOn.id, `Add ${addOn.name}`);
  if (isIncluded) return blocked(move, [`${addOn.name} is already included in your package.`]);
  const reasons = availabilityReasons(ctx, addOn);
  if (!fitsBase(addOn, base)) reasons.push(misfitReason(ctx, addOn, base));
  const c = addOn.addOn;
  const missing = (c?.requires ?? []).filter((r) => !holds(ctx, base, r));
  if (missing.length > 0)
    reasons.push(`${addOn.name} requires ${missing.map(ctx.nameOf).join(" and ")} first.`);
  for (const x of c?.excludes ?? [])
    if (holds(ctx, base, x)) reasons.push(`${addOn.name} cannot be combined with ${ctx.nameOf(x)}.`);
  for (const h of ctx.held.values()) {
    const other = ctx.catalog.packages.get(h.package)?.value;
    if (other?.addOn?.excludes?.includes(addOn.id) && !(c?.excludes ?? []).includes(other.id))
      reasons.push(`${addOn.name} cannot be combined with ${other.name}.`);
  }
  const choice = stateOf(ctx, addOn.id);
  if (reasons.length === 0 && choice?.state === "disabled")
    reasons.push(choice.reason?.message ?? `${addOn.name} cannot go with the current options.`);
  const max = c?.maxQuantity ?? 1;
  move.quantity = { component: addOn.id, current: 0, min: 1, max, step: 1 };
  if (reasons.length > 0) return blocked(move, reasons);

  const build = (req: MoveRequest, verify = true): Built => {
    const quantity = req.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > max)
      return {
        ok: false,
        reasons: [`${addOn.name} can be bought in quantities from 1 to ${max}; ${quantity} is not allowed.`],
      };
    const held: HeldAddOn = { package: addOn.id, since: ctx.asOf };
    if (quantity !== 1) held.quantity = quantity;
    const start = addOnStart(ctx, addOn, held);
    const next: Arrangement = { ...ctx.arrangement, addOns: [...(ctx.arrangement.addOns ?? []), held] };
    const key = ctx.derivedKey(`add ${addOn.id}×${quantity}`);
    return finishPartial(
      ctx,
      { ...move, notes: [...move.notes, ...start.notes] },
      next,
      { timing: "immediate", item: { id: addOn.id, change: "add" } },
      `${addOn.name} for the rest of the period`,
      verify,
      key,
      start,
    );
  };
  return settle(move, build);
}

/** How a partial move takes effect: its timing, and for add-on policies the rest of the outcome. */
export interface PartialTiming {
  timing: "immediate" | "next_billing_date" | "end_of_term";
  /** Defaults to prorate for immediate moves, none otherwise. */
  proration?: ProrationPolicy;
  /** flexible: keep the record of what was billed for the period (see recordBilled). */
  style?: "day_based" | "flexible";
  /** A chosen effective date (an add-on cancelled on a date), instead of the timing's. */
  date?: string;
  /** The item the move changes (flexible style: credit from what was billed for it). */
  item?: ItemChange;
  ruleCase?: string;
  /**
   * The proration lines, instead of one line for the difference (an add-on change credits the old
   * add-on and charges the new one). Called with the effective date and the new per-period price.
   */
  lines?: (effective: string, newRecurring: Decimal) => ProrationLine[];
}

/**
 * Completes a move that changes part of the bill (an add-on or a quantity): prices the next
 * arrangement, and prorates the difference when it takes effect within the current period
 * (`prorate`: the days left; `full_credit`: a removal credits the whole period).
 */
export function finishPartial(
  ctx: PathContext,
  template: Move,
  next: Arrangement,
  when: PartialTiming["timing"] | PartialTiming,
  what: string,
  verify = true,
  key?: string,
  start?: AddOnStart,
): Built {
  const how: PartialTiming = typeof when === "string" ? { timing: when } : when;
  const timing = how.timing;
  const policy = how.proration ?? (timing === "immediate" ? "prorate" : "none");
  const errors = ctx.errorsOf(next, verify, key);
  if (errors.length > 0) return { ok: false, reasons: errors };
  const priced = ctx.price(next, key);
  const recurring = ctx.money(priced.perPeriod.round(ctx.minor));
  const effective = how.date ?? effectiveDateOf(ctx, timing);
  const newRecurring = priced.perPeriod.round(ctx.minor);
  const newMrr = mrrOf(newRecurring, next.billingPeriod, termLengthOf(next.term), ctx.currency);
  const oneTime = priced.oneTime.sub(ctx.currentOneTime);
  const delta = newRecurring.sub(ctx.currentRecurring);
  // A change wholly to charges billed in arrear is settled on the period's closing invoice.
  const deltaTiming =
    !delta.isZero() && delta.eq(priced.inArrear.sub(ctx.currentArrear)) ? "in_arrear" : "in_advance";
  const flexible = (how.style ?? ctx.catalog.doc.prorationStyle) === "flexible";
  let proration =
    policy === "none"
      ? []
      : start
        ? start.lines(delta, deltaTiming)
        : how.lines
          ? how.lines(effective, newRecurring)
          : policy === "full_credit" && delta.isNegative()
            ? deltaProration(ctx, effective, delta, what, deltaTiming, true)
            : deltaProration(ctx, effective, delta, what, deltaTiming);
  if (flexible && how.item && !start && !how.lines && policy !== "none")
    proration = flexibleItemLines(ctx, how.item, delta, policy, proration) ?? proration;
  // One literal with a fixed field order, so every such move gets the same shape.
  const move: Move = {
    id: template.id,
    kind: template.kind,
    target: template.target,
    label: template.label,
    valid: true,
    reasons: [],
    notes: [...template.notes],
    proration,
    addOns: template.addOns,
    timing,
    prorationPolicy: policy,
    effectiveDate: effective,
    newRecurring: recurring,
    newMrr: ctx.money(newMrr),
    mrrDelta: ctx.money(newMrr.sub(ctx.currentMrr)),
    termRestarts: false,
    term: { ...next.term },
    billingPeriod: next.billingPeriod,
  };
  if (how.ruleCase !== undefined) move.ruleCase = how.ruleCase;
  if (template.replaces !== undefined) move.replaces = template.replaces;
  if (template.earliestDate !== undefined) move.earliestDate = template.earliestDate;
  if (move.proration.length > 0) move.prorationNet = prorationNet(ctx, move.proration);
  if (template.quantity) move.quantity = template.quantity;
  if (oneTime.gt(Decimal.ZERO)) move.oneTime = ctx.money(oneTime);
  // `next` is the move's own fresh object: complete it in place.
  next.catalogId = ctx.catalog.doc.id;
  next.catalogVersion = ctx.catalog.doc.version ?? next.catalogVersion;
  next.recurring = recurring;
  if (flexible) {
    const inPeriod = effective >= ctx.period.start && effective < ctx.period.end;
    // Item by item when the move names its item; otherwise a partial move's delta line is not a
    // bill for the whole period: keep the record only when nothing was prorated.
    if (how.item && inPeriod && deltaTiming === "in_advance")
      recordItems(ctx, next, how.item, proration, effective);
    else if (proration.length === 0) recordBilled(ctx, next, [], effective);
    else delete next.billed;
  }
  return { ok: true, arrangement: next, move };
}

/** The current configuration's state of an add-on (when the current arrangement is valid). */
export function stateOf(ctx: PathContext, id: string) {
  return ctx.currentConfig?.valid ? ctx.currentConfig.addOns.find((c) => c.id === id) : undefined;
}

/**
 * Builds a valid move once with the default request, so `paths` reports its prices; a build that
 * fails (a price the result cannot get) turns the move into a blocked one with those reasons.
 */
export function settle(move: Move, build: (req: MoveRequest, verify?: boolean) => Built): Candidate {
  const first = build({ id: move.id }, false);
  if (!first.ok) return blocked(move, first.reasons);
  return { move: first.move, build, arrangement: first.arrangement };
}
