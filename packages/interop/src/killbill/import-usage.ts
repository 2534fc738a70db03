/**
 * Kill Bill usage sections → Tessera metered components and usage charges. A CONSUMABLE usage with
 * ALL_TIERS (graduated) tiered blocks maps exactly: one component per unit, the tiers' block counts
 * stacked into contiguous bands (Kill Bill's `max` counts blocks within its tier; Tessera bands are
 * cumulative), the block size as the charge's blockSize, a free first band of single units as the
 * included allowance. CAPACITY usage, TOP_TIER
 * pricing, flat blocks, limits and per-tier fixed or recurring prices cannot be expressed.
 */
import type { BillingPeriod, Charge, Component, PricePoint, Tier } from "@tessera/schema";
import { nonEmpty } from "./ids.ts";
import type { ImportContext } from "./import.ts";
import { amountOf } from "./import.ts";
import type { KbPlan, KbTieredBlock, KbUsage } from "./model.ts";

const isZero = (v: string) => /^0*(\.0*)?$/.test(v);

function pointsFor(
  usage: KbUsage,
  unit: string,
  period: BillingPeriod,
  book: string | undefined,
): PricePoint[] | string {
  const blocks: KbTieredBlock[] = [];
  for (const tier of usage.tiers) {
    const mine = tier.blocks.filter((b) => b.unit === unit);
    if (mine.length !== 1) return `each tier of usage ${usage.name} must price unit ${unit} exactly once`;
    blocks.push(mine[0]!);
  }
  const size = blocks[0]!.size;
  if (blocks.some((b) => b.size !== size))
    return `the tiers of usage ${usage.name} use different block sizes`;
  if (!/^[1-9]\d*$/.test(size)) return `its block size ${size} is not a whole number of units`;
  const currencies = [...new Set(blocks.flatMap((b) => b.prices.map((p) => p.currency)))];
  return currencies.map((currency) => {
    const tiers: Tier[] = [];
    let from = 0;
    for (const b of blocks) {
      const max = Number.parseInt(b.max, 10);
      const price = b.prices.find((p) => p.currency === currency);
      const upTo = max < 0 ? null : from + max;
      tiers.push({ from, ...(upTo === null ? {} : { upTo }), unitAmount: price ? amountOf(price) : "0" });
      if (upTo === null) break;
      from = upTo;
    }
    const last = tiers.at(-1)!;
    if (last.upTo !== undefined) delete last.upTo;
    const point: PricePoint = { currency, billingPeriod: period, ...(book ? { priceBook: book } : {}) };
    const first = tiers[0]!;
    if (size === "1" && tiers.length > 1 && isZero(first.unitAmount) && first.upTo) {
      point.includedUnits = first.upTo;
      tiers.shift();
      for (const t of tiers) {
        t.from -= first.upTo;
        if (t.upTo) t.upTo -= first.upTo;
      }
    }
    // Tessera's usage model always prices through tiers, even a single open one.
    point.tiers = nonEmpty(tiers);
    return point;
  });
}

/** The usage charges of one plan; new components are appended to `components`. */
export function usageChargesOf(
  ctx: ImportContext,
  packageId: string,
  plan: KbPlan,
  period: BillingPeriod | undefined,
  book: string | undefined,
  components: Component[],
): Charge[] {
  const charges: Charge[] = [];
  for (const usage of plan.finalPhase.usages) {
    const why =
      usage.usageType === "CAPACITY"
        ? "CAPACITY usage (a price set by the highest of several limits) has no Tessera model"
        : usage.tierBlockPolicy === "TOP_TIER"
          ? "TOP_TIER usage (all units at the rate of the highest tier reached) has no Tessera usage model"
          : usage.tiers.length === 0
            ? "usage without tiered blocks has no Tessera model"
            : undefined;
    if (why) {
      ctx.warn("killbill.usage.unsupported", usage.el, `Usage ${usage.name} is dropped: ${why}.`);
      continue;
    }
    for (const e of usage.unsupported)
      ctx.warn(
        "killbill.usage.extra",
        e,
        `The <${e.name}> of usage ${usage.name} has no Tessera equivalent and is dropped.`,
      );
    if (usage.billingMode === "IN_ADVANCE")
      ctx.warn(
        "killbill.usage.in-advance",
        usage.el,
        `Usage ${usage.name} is billed in advance in Kill Bill; Tessera bills usage in arrear.`,
      );
    const lastTier = usage.tiers.at(-1)!;
    if (lastTier.blocks.some((b) => !b.max.startsWith("-")))
      ctx.warn(
        "killbill.usage.last-tier-bounded",
        lastTier.el,
        `The last tier of usage ${usage.name} has a max; Kill Bill refuses to bill usage beyond it, while Tessera's last band is open, so it is imported without the max.`,
      );
    const usagePeriod = period ?? undefined;
    if (!usagePeriod) continue;
    const units = [...new Set(usage.tiers.flatMap((t) => t.blocks.map((b) => b.unit)))];
    for (const unit of units) {
      const service = ctx.unitIds.get(unit);
      if (!service) {
        ctx.error(
          "killbill.ref.unknown-unit",
          usage.el,
          `Usage ${usage.name} prices unit "${unit}", which the catalog's <units> do not declare.`,
        );
        continue;
      }
      const points = pointsFor(usage, unit, usagePeriod, book);
      if (typeof points === "string") {
        ctx.warn(
          "killbill.usage.shape",
          usage.el,
          `Usage ${usage.name} is dropped for unit ${unit}: ${points}.`,
        );
        continue;
      }
      let component = components.find((c) => c.service === service);
      if (!component) {
        // Tessera's exporter names a usage `<plan>.<component id>`; take the id back when it is one.
        const named =
          usage.name.startsWith(`${plan.name}.`) && units.length === 1
            ? usage.name.slice(plan.name.length + 1)
            : "";
        component = {
          id: ctx.ids.take(/^[a-z0-9][a-z0-9_.-]*$/.test(named) ? named : `${packageId}-${service}`),
          service,
        };
        components.push(component);
        ctx.usageChargeIds.set(component.id, ctx.ids.take(`${component.id}-usage`));
      }
      const componentId = component.id;
      const size = usage.tiers[0]!.blocks.find((b) => b.unit === unit)!.size;
      charges.push({
        id: ctx.usageChargeIds.get(componentId)!,
        name: usage.el.attributes.prettyName ?? ctx.kb.units.find((u) => u.name === unit)?.prettyName ?? unit,
        model: "usage",
        component: componentId,
        ...(size !== "1" ? { blockSize: Number.parseInt(size, 10) } : {}),
        pricePoints: nonEmpty(points),
      });
    }
  }
  return charges;
}
