/**
 * Flexible proration item by item (Stripe's flexible billing mode: "credit prorations are based on
 * the original amount previously debited"), for the items the catalog knows: the base package and
 * each add-on. The arrangement's `billed.items` says what was invoiced for each item for the
 * current period (amount, and the day it covers from); an item not listed was not billed.
 *
 * - Removing an add-on credits what was billed for it, for the unused days of what that covered
 *   (the whole of it with full_credit); an add-on that was not billed this period (bought without
 *   proration, or in its free trial) earns no credit. The credit never exceeds what was billed.
 * - Changing an item's quantity at once credits what was billed for the item for the unused days
 *   and charges its new price for the rest of the period (Stripe's two lines; classic credits the
 *   current quantity instead, which the customer may never have paid for).
 * - A plan change credits the sum of the items' unused billed amounts (proration.ts).
 * - Each such move records, in the arrangement it produces, what it billed per item: a new or
 *   changed item from the effective date, a removed one dropped. Without a record for the period,
 *   the current price of each item is taken as billed for the whole period (so the first change of
 *   a period agrees with the classic style).
 * @see https://docs.stripe.com/billing/subscriptions/billing-mode/compare (credit prorations)
 * @see https://docs.stripe.com/billing/subscriptions/prorations#credit-prorations
 */
import type { Arrangement } from "@tessera/schema";
import { Decimal } from "../decimal.ts";
import type { BilledItem, PathContext } from "./context.ts";
import type { ProrationLine, ProrationPolicy } from "./types.ts";

/** The item a partial move changes, and how. */
export interface ItemChange {
  id: string;
  change: "add" | "remove" | "quantity";
}

/** What was billed for an item, for `unused` days of the period (capped at the days it covered). */
function creditOf(ctx: PathContext, item: BilledItem, unused: number, whole: boolean): Decimal {
  if (whole) return item.amount.round(ctx.minor);
  return item.amount.mulDiv(BigInt(Math.min(unused, item.days)), BigInt(item.days), ctx.minor);
}

/**
 * The proration lines of a partial move on one item in the flexible style, when the arrangement
 * records what was billed per item for the current period; undefined otherwise (the one-line
 * difference then applies). `classic` is that one-line difference, for the period and days.
 */
export function flexibleItemLines(
  ctx: PathContext,
  item: ItemChange,
  delta: Decimal,
  policy: ProrationPolicy,
  classic: readonly ProrationLine[],
): ProrationLine[] | undefined {
  const items = ctx.billedItems;
  const line = classic[0];
  if (!items || !line || classic.length !== 1 || line.timing !== "in_advance") return undefined;
  if (item.change === "add") return undefined;
  const name = ctx.nameOf(item.id);
  const billed = items.get(item.id);
  const unused = line.days;
  const credit = billed ? creditOf(ctx, billed, unused, policy === "full_credit") : Decimal.ZERO;
  const out: ProrationLine[] = [];
  if (!credit.isZero())
    out.push({
      ...line,
      kind: "credit",
      description:
        policy === "full_credit"
          ? `Credit for what was billed for ${name} this period`
          : `Unused time on ${name}, from what was billed (${Math.min(unused, billed!.days)} of ${billed!.days} days billed)`,
      amount: ctx.money(credit.neg()),
      days: policy === "full_credit" ? billed!.days : Math.min(unused, billed!.days),
      periodDays: billed!.days,
    });
  if (item.change === "remove") return out;
  const current = ctx.price(ctx.arrangement).byPackage.get(item.id) ?? Decimal.ZERO;
  const next = current.add(delta);
  if (next.gt(Decimal.ZERO))
    out.push({
      ...line,
      kind: "charge",
      description: `Remaining time on ${name} at its new quantity (${unused} of ${line.periodDays} days)`,
      amount: ctx.money(next.mulDiv(BigInt(unused), BigInt(line.periodDays), ctx.minor)),
    });
  return out;
}

/** Plan change: the items' unused billed amounts, summed (each rounded once); undefined without items. */
export function itemsCredit(ctx: PathContext, unused: number, whole: boolean): Decimal | undefined {
  const items = ctx.billedItems;
  if (!items) return undefined;
  let sum = Decimal.ZERO;
  for (const item of items.values()) sum = sum.add(creditOf(ctx, item, unused, whole));
  return sum;
}

/**
 * Records in `next` what the move billed per item for the current period (see the module comment).
 * Called for flexible partial moves that take effect within the current period.
 */
export function recordItems(
  ctx: PathContext,
  next: Arrangement,
  item: ItemChange,
  lines: readonly ProrationLine[],
  effective: string,
): void {
  const { start } = ctx.period;
  const items = new Map<string, { from?: string; amount: Decimal }>();
  if (ctx.billedItems)
    for (const [id, b] of ctx.billedItems)
      items.set(id, { ...(b.from === start ? {} : { from: b.from }), amount: b.amount });
  else
    for (const [id, amount] of ctx.price(ctx.arrangement).byPackage)
      if (amount.gt(Decimal.ZERO)) items.set(id, { amount: amount.round(ctx.minor) });
  const advance = lines.filter((l) => l.timing === "in_advance");
  if (item.change === "remove") items.delete(item.id);
  else if (advance.length > 0) {
    // What covers [effective, end) for the item now: its earlier bill for those days (credited or
    // not) plus what the move prorated. Unprorated, the item stays as it was billed.
    const unused = advance[0]!.days;
    const recorded = ctx.billedItems?.get(item.id);
    const prior = recorded
      ? creditOf(ctx, recorded, unused, false)
      : ctx.billedItems
        ? Decimal.ZERO
        : (ctx.price(ctx.arrangement).byPackage.get(item.id) ?? Decimal.ZERO).mulDiv(
            BigInt(unused),
            BigInt(ctx.periodDays),
            ctx.minor,
          );
    const amount = prior.add(Decimal.sum(advance.map((l) => Decimal.parse(l.amount))));
    if (amount.gt(Decimal.ZERO))
      items.set(item.id, { ...(effective === start ? {} : { from: effective }), amount });
    else items.delete(item.id);
  }
  const list = [...items].map(([id, b]) => ({
    package: id,
    ...(b.from !== undefined ? { from: b.from } : {}),
    amount: ctx.money(b.amount),
  }));
  next.billed = {
    periodStart: start,
    amount: ctx.money(Decimal.sum([...items.values()].map((b) => b.amount))),
    items: list,
  };
}
