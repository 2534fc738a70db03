/**
 * Tier bands are (from, upTo]: they start at 0, each starts where the previous one ends (no gap,
 * no overlap), each ends above where it starts, only the last is open, and a bounded last band
 * must cover the largest quantity the charge can bill (the component's max above what is
 * included, in blocks; usage is unbounded). Stairstep steps rise strictly and obey the same rules
 * at the top.
 *
 * @see https://docs.stripe.com/products-prices/pricing-models#tiered-pricing (graduated and
 * volume tiers; each band continues where the previous one stopped)
 */
import type { Charge, Package, Step, Tier } from "@tessera/schema";
import type { Check, CheckContext } from "../check.ts";
import { flag } from "./report.ts";

const TIERED = new Set<Charge["model"]>(["tiered", "volume", "usage"]);

/** Largest number of units (blocks) the charge can bill, or undefined when unbounded. */
function maxBilled(ctx: CheckContext, pkg: Package, charge: Charge): number | undefined {
  if (charge.model === "usage") return undefined;
  let q: number | undefined;
  if (charge.component !== undefined) {
    const c = ctx.catalog.components.get(charge.component)?.value;
    if (c === undefined || c.max === undefined) return undefined;
    q = Math.max(0, c.max - (c.included ?? 0));
  } else if (charge.option !== undefined) {
    q = 1;
  } else {
    q = pkg.role === "add_on" ? (pkg.addOn?.maxQuantity ?? 1) : 1;
  }
  return charge.blockSize ? Math.ceil(q / charge.blockSize) : q;
}

function limitText(charge: Charge, limit: number | undefined): string {
  return limit === undefined
    ? charge.model === "usage"
      ? "usage has no upper limit"
      : `charge \`${charge.id}\` has no upper quantity limit`
    : `charge \`${charge.id}\` can bill up to ${limit}`;
}

/** Pointer of a price point's bands; built only for a finding. */
function bandsAt(pkgIndex: number, chargeIndex: number, pointIndex: number, list: "tiers" | "steps"): string {
  return `/packages/${pkgIndex}/charges/${chargeIndex}/pricePoints/${pointIndex}/${list}`;
}

function checkTiers(
  ctx: CheckContext,
  tiers: readonly Tier[],
  pkg: Package,
  charge: Charge,
  pkgIndex: number,
  chargeIndex: number,
  pointIndex: number,
): void {
  const first = tiers[0];
  if (first !== undefined && first.from !== 0)
    flag(
      ctx,
      "tiers.first-not-zero",
      "error",
      `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/0/from`,
      `is ${first.from}, but the first tier must start at 0.`,
    );
  let prevUpTo: number | null | undefined = 0;
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i] as Tier;
    if (i > 0) {
      if (prevUpTo === null || prevUpTo === undefined) {
        flag(
          ctx,
          "tiers.open-not-last",
          "error",
          `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/${i - 1}`,
          "has no upper bound but is not the last tier, so the tiers after it are never reached.",
        );
        return;
      }
      if (t.from > prevUpTo)
        flag(
          ctx,
          "tiers.gap",
          "error",
          `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/${i}/from`,
          `is ${t.from}, leaving units ${prevUpTo + 1} to ${t.from} without a price after the previous tier ends at ${prevUpTo}.`,
        );
      else if (t.from < prevUpTo)
        flag(
          ctx,
          "tiers.overlap",
          "error",
          `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/${i}/from`,
          `is ${t.from}, overlapping the previous tier, which runs up to ${prevUpTo}.`,
        );
    }
    if (t.upTo !== null && t.upTo !== undefined && t.upTo <= t.from)
      flag(
        ctx,
        "tiers.not-ascending",
        "error",
        `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/${i}/upTo`,
        `is ${t.upTo}, not above the tier's start ${t.from}.`,
      );
    prevUpTo = t.upTo;
  }
  const last = tiers[tiers.length - 1];
  if (last?.upTo !== null && last?.upTo !== undefined) {
    const max = maxBilled(ctx, pkg, charge);
    if (max === undefined || max > last.upTo)
      flag(
        ctx,
        "tiers.last-bounded",
        "error",
        `${bandsAt(pkgIndex, chargeIndex, pointIndex, "tiers")}/${tiers.length - 1}/upTo`,
        `ends the last tier at ${last.upTo}, but ${limitText(charge, max)}; leave the last tier open.`,
      );
  }
}

function checkSteps(
  ctx: CheckContext,
  steps: readonly Step[],
  pkg: Package,
  charge: Charge,
  pkgIndex: number,
  chargeIndex: number,
  pointIndex: number,
): void {
  let prev = -1;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as Step;
    if (s.upTo === null) {
      if (i < steps.length - 1) {
        flag(
          ctx,
          "steps.open-not-last",
          "error",
          `${bandsAt(pkgIndex, chargeIndex, pointIndex, "steps")}/${i}`,
          "has no upper bound but is not the last step, so the steps after it are never reached.",
        );
        return;
      }
      continue;
    }
    if (s.upTo <= prev)
      flag(
        ctx,
        "steps.not-ascending",
        "error",
        `${bandsAt(pkgIndex, chargeIndex, pointIndex, "steps")}/${i}/upTo`,
        `is ${s.upTo}, not above the previous step's ${prev}.`,
      );
    prev = s.upTo;
  }
  const last = steps[steps.length - 1];
  if (last !== undefined && last.upTo !== null) {
    const max = maxBilled(ctx, pkg, charge);
    if (max === undefined || max > last.upTo)
      flag(
        ctx,
        "steps.last-bounded",
        "error",
        `${bandsAt(pkgIndex, chargeIndex, pointIndex, "steps")}/${steps.length - 1}/upTo`,
        `ends the last step at ${last.upTo}, but ${limitText(charge, max)}; make the last step open (null).`,
      );
  }
}

export const tiersCheck: Check = {
  id: "tiers",
  codes: [
    "tiers.first-not-zero",
    "tiers.gap",
    "tiers.overlap",
    "tiers.not-ascending",
    "tiers.open-not-last",
    "tiers.last-bounded",
    "steps.not-ascending",
    "steps.open-not-last",
    "steps.last-bounded",
  ],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i] as Package;
      for (let j = 0; j < pkg.charges.length; j++) {
        const charge = pkg.charges[j] as Charge;
        const tiered = TIERED.has(charge.model);
        const stairs = charge.model === "stairstep";
        if (!tiered && !stairs) continue;
        const points = charge.pricePoints;
        for (let k = 0; k < points.length; k++) {
          const pp = points[k];
          if (tiered && pp?.tiers !== undefined) checkTiers(ctx, pp.tiers, pkg, charge, i, j, k);
          if (stairs && pp?.steps !== undefined) checkSteps(ctx, pp.steps, pkg, charge, i, j, k);
        }
      }
    }
  },
};
