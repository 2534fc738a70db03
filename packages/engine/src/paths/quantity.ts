/**
 * Quantity changes: one move per adjustable component of the base package (not fixed, not metered)
 * and per held add-on sold in several units, describing the allowed range; applyMove takes the new
 * quantity. An increase applies at once with a prorated charge for the rest of the period; a
 * decrease applies on the next billing date without credit (the period is paid for). Quantity rules
 * (e.g. storage ≤ 10 × seats) are checked by pricing the result.
 *
 * @see https://docs.stripe.com/billing/subscriptions/quantities (quantity changes prorate like price changes)
 */
import type { Arrangement, Package } from "@tessera/schema";
import { finishPartial } from "./addons.ts";
import type { Built, Candidate } from "./candidate.ts";
import { newMove } from "./candidate.ts";
import { quantityOf } from "./carry.ts";
import type { PathContext } from "./context.ts";
import type { MoveRequest, QuantityRange } from "./types.ts";

const NOTE = "Increases apply now with a prorated charge; decreases apply on the next billing date.";

export function checkQuantity(
  label: string,
  range: QuantityRange,
  q: number | undefined,
  unchangedIsWrong = true,
): string | undefined {
  if (q === undefined) return `Say which quantity of ${label} you want (${describe(range)}).`;
  if (!Number.isSafeInteger(q)) return `${q} is not a whole number.`;
  if (unchangedIsWrong && q === range.current) return `${label} is already ${q}.`;
  if (q < range.min || (range.max !== undefined && q > range.max) || (q - range.min) % range.step !== 0)
    return `${label} can be ${describe(range)}; ${q} is not allowed.`;
  return undefined;
}

function describe(r: QuantityRange): string {
  const upper = r.max !== undefined ? ` to ${r.max}` : " or more";
  return r.step > 1 ? `from ${r.min}${upper} in steps of ${r.step}` : `from ${r.min}${upper}`;
}

/**
 * The components of a package whose quantity a customer may change (not fixed, not metered), with
 * their ranges and current quantities (`quantities`, else the package default).
 */
export function adjustableComponents(
  ctx: PathContext,
  base: Package,
  quantities: Arrangement["quantities"],
): { label: string; range: QuantityRange }[] {
  const out: { label: string; range: QuantityRange }[] = [];
  for (const c of base.components ?? []) {
    const service = ctx.catalog.services.get(c.service)?.value;
    if (service?.kind === "usage") continue;
    const min = c.min ?? 0;
    if (c.max !== undefined && c.max <= min) continue;
    const range: QuantityRange = {
      component: c.id,
      current: quantityOf(base, c.id, quantities),
      min,
      step: c.step ?? 1,
    };
    if (c.max !== undefined) range.max = c.max;
    out.push({ label: c.name ?? service?.name ?? c.id, range });
  }
  return out;
}

export function quantityMoves(ctx: PathContext, base: Package): Candidate[] {
  const a = ctx.arrangement;
  const out: Candidate[] = [];
  for (const { label, range } of adjustableComponents(ctx, base, a.quantities)) {
    const c = { id: range.component };
    const move = newMove(`change_quantity:${c.id}`, "change_quantity", c.id, `Change ${label}`);
    move.quantity = range;
    move.notes.push(NOTE);
    const build = (req: MoveRequest): Built => {
      const wrong = checkQuantity(label, range, req.quantity);
      if (wrong) return { ok: false, reasons: [wrong] };
      const q = req.quantity!;
      const next = { ...a, quantities: { ...a.quantities, [c.id]: q } };
      const key = ctx.derivedKey(`quantity ${c.id}=${q}`);
      return finishPartial(
        ctx,
        move,
        next,
        {
          timing: q > range.current ? "immediate" : "next_billing_date",
          item: { id: base.id, change: "quantity" },
        },
        `${label} from ${range.current} to ${q}`,
        true,
        key,
      );
    };
    out.push({ move, build });
  }
  for (const h of a.addOns ?? []) {
    if (h.included) continue;
    const pkg = ctx.catalog.packages.get(h.package)?.value;
    const max = pkg?.addOn?.maxQuantity ?? 1;
    if (!pkg || max <= 1) continue;
    const range: QuantityRange = { component: pkg.id, current: h.quantity ?? 1, min: 1, max, step: 1 };
    const move = newMove(`change_quantity:${pkg.id}`, "change_quantity", pkg.id, `Change ${pkg.name} units`);
    move.quantity = range;
    move.notes.push(NOTE);
    const build = (req: MoveRequest): Built => {
      const wrong = checkQuantity(pkg.name, range, req.quantity);
      if (wrong) return { ok: false, reasons: [wrong] };
      const q = req.quantity!;
      const addOns = (a.addOns ?? []).map((o) => {
        if (o.package !== pkg.id) return o;
        const copy = { ...o };
        if (q === 1) delete copy.quantity;
        else copy.quantity = q;
        return copy;
      });
      const next = { ...a, addOns };
      const key = ctx.derivedKey(`units ${pkg.id}=${q}`);
      return finishPartial(
        ctx,
        move,
        next,
        {
          timing: q > range.current ? "immediate" : "next_billing_date",
          item: { id: pkg.id, change: "quantity" },
        },
        `${pkg.name} from ${range.current} to ${q} units`,
        true,
        key,
      );
    };
    out.push({ move, build });
  }
  return out;
}
