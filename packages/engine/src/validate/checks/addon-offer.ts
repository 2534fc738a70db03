/**
 * An add-on is bought on the base's contract: it runs for the base's term and is billed with the
 * base's billing period. A term or billing period an add-on lists that no compatible base offers
 * (see `isCompatibleAddOn`) can never be sold, and usually means the add-on was copied from another
 * ladder; the list is misleading in the designer and in exports. Only active add-ons that fit some
 * base are judged (`addon.no-compatible-base` covers the others).
 *
 * Linear: per portfolio, bases are sorted by tier from the top and the terms and periods offered at
 * or above each tier are accumulated once, so an add-on's `minTier` costs one lookup.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html (Kill Bill: an add-on is aligned
 * with its base plan's billing period)
 */
import type { Package, Term } from "@tessera/schema";
import { spanWords, termLengthOf } from "../../calendar.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

/** What bases offer: term lengths (months; weeks as "6w") and billing periods. */
interface Offer {
  months: Set<number | string>;
  periods: Set<string>;
}

const emptyOffer = (): Offer => ({ months: new Set(), periods: new Set() });

function addTo(offer: Offer, base: Package): void {
  for (const t of base.terms) offer.months.add(termKey(t));
  for (const p of base.billingPeriods) offer.periods.add(p);
}

/** A term's key: its months, or "6w" for six weeks. */
function termKey(t: Term): number | string {
  return t.weeks !== undefined ? `${t.weeks}w` : (t.months ?? 1);
}

/** "1, 12 months", or with week terms "6 weeks, 12 months". */
function offeredWords(offer: Offer): string {
  const months = [...offer.months].filter((m): m is number => typeof m === "number").sort((a, b) => a - b);
  const weeks = [...offer.months]
    .filter((m): m is string => typeof m === "string")
    .map((w) => Number.parseInt(w, 10))
    .sort((a, b) => a - b);
  return [
    ...(weeks.length > 0 ? [`${weeks.join(", ")} weeks`] : []),
    ...(months.length > 0 ? [`${months.join(", ")} months`] : []),
  ].join(", ");
}

export const addOnOfferCheck: Check = {
  id: "add-on-offer",
  codes: ["addon.term-not-offered", "addon.billing-period-not-offered"],
  run(ctx) {
    const { doc, catalog } = ctx;
    // Per portfolio: bases (not drafts) from the highest tier down, each with what the bases at or
    // above its tier offer together.
    const ladders = new Map<string, { tier: number; offer: Offer }[]>();
    const byPortfolio = new Map<string, Package[]>();
    for (const p of doc.packages) {
      if (p.role !== "base" || p.status === "draft") continue;
      const list = byPortfolio.get(p.portfolio) ?? [];
      list.push(p);
      byPortfolio.set(p.portfolio, list);
    }
    for (const [portfolio, bases] of byPortfolio) {
      bases.sort((a, b) => b.tier - a.tier);
      const acc = emptyOffer();
      const steps: { tier: number; offer: Offer }[] = [];
      for (const b of bases) {
        addTo(acc, b);
        steps.push({ tier: b.tier, offer: { months: new Set(acc.months), periods: new Set(acc.periods) } });
      }
      ladders.set(portfolio, steps);
    }
    /** What the bases of `portfolio` with tier ≥ `min` offer together (undefined: none). */
    const above = (portfolio: string, min: number): Offer | undefined => {
      let found: Offer | undefined;
      for (const step of ladders.get(portfolio) ?? NONE) {
        if (step.tier < min) break;
        found = step.offer;
      }
      return found;
    };
    for (let i = 0; i < doc.packages.length; i++) {
      const addOn = doc.packages[i] as Package;
      if (addOn.role !== "add_on" || addOn.status !== "active") continue;
      const c = addOn.addOn;
      const packages = c?.packages?.length ? c.packages : undefined;
      const portfolios = c?.portfolios?.length ? c.portfolios : undefined;
      const offer = emptyOffer();
      let any = false;
      for (const id of packages ?? NONE) {
        const b = catalog.packages.get(id)?.value;
        if (b === undefined || b.role !== "base" || b.status === "draft") continue;
        addTo(offer, b);
        any = true;
      }
      if (packages === undefined || portfolios !== undefined) {
        const min = c?.minTier ?? Number.NEGATIVE_INFINITY;
        for (const portfolio of portfolios ?? [addOn.portfolio]) {
          const o = above(portfolio, min);
          if (o === undefined) continue;
          any = true;
          for (const m of o.months) offer.months.add(m);
          for (const p of o.periods) offer.periods.add(p);
        }
      }
      if (!any) continue;
      addOn.terms.forEach((t, k) => {
        if (!offer.months.has(termKey(t)))
          flag(
            ctx,
            "addon.term-not-offered",
            "warning",
            `/packages/${i}/terms/${k}`,
            `is ${spanWords(termLengthOf(t))}, a term no base this add-on fits offers (they offer ${offeredWords(offer)}), so it is never sold.`,
          );
      });
      addOn.billingPeriods.forEach((p, k) => {
        if (!offer.periods.has(p))
          flag(
            ctx,
            "addon.billing-period-not-offered",
            "warning",
            `/packages/${i}/billingPeriods/${k}`,
            `is ${p}, a billing period no base this add-on fits offers (they offer ${[...offer.periods].join(", ")}), so it is never billed that way.`,
          );
      });
    }
  },
};
