/**
 * Whether a package can be moved into (or bought) on a date, in a currency, with reasons a seller
 * reads: retired and draft packages are not sold, a package is sold only between its effectiveFrom
 * and effectiveTo, and only in the currencies all of its charges are priced in.
 */
import type { Package } from "@tessera/schema";
import type { PathContext } from "./context.ts";

export function availabilityReasons(ctx: PathContext, pkg: Package): string[] {
  const reasons: string[] = [];
  if (pkg.status === "retired") {
    const successor =
      pkg.successor !== undefined ? `; customers move to ${ctx.nameOf(pkg.successor)} instead` : "";
    reasons.push(`${pkg.name} is retired and no longer sold${successor}.`);
  } else if (pkg.status === "draft") {
    reasons.push(`${pkg.name} is still a draft and not on sale.`);
  }
  if (pkg.effectiveFrom !== undefined && pkg.effectiveFrom > ctx.asOf)
    reasons.push(`${pkg.name} goes on sale on ${pkg.effectiveFrom}.`);
  if (pkg.effectiveTo !== undefined && pkg.effectiveTo < ctx.asOf)
    reasons.push(`${pkg.name} stopped being sold after ${pkg.effectiveTo}.`);
  if (!ctx.index.pricedIn(pkg, ctx.currency)) reasons.push(`${pkg.name} is not priced in ${ctx.currency}.`);
  return reasons;
}
