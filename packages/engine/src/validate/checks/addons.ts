/**
 * Add-on compatibility, the one rule validate, configure and paths share. An add-on fits a base
 * package when the base is named in `addOn.packages` (an explicit name always wins), or belongs to
 * one of `addOn.portfolios` — or, with no portfolios listed, to the add-on's own portfolio — with a
 * tier ≥ `addOn.minTier` when one is given. Packages listed without portfolios restrict the add-on
 * to exactly those bases. Tiers rank packages within one portfolio's ladder, so `minTier` never
 * reaches into other portfolios by itself. Empty lists count as absent. Checks: every active add-on fits some base that is not a draft; included add-ons are
 * add-ons that fit the including base (and within their max quantity); only base packages include
 * add-ons; compatibility on a base is meaningless; requires/excludes name add-ons, never the same
 * one in both.
 */
import type { IncludedAddOn, Package } from "@tessera/schema";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

/** Whether `addOn` may be bought on top of `base` (see the module comment for the rule). */
export function isCompatibleAddOn(addOn: Package, base: Package): boolean {
  if (addOn.role !== "add_on" || base.role !== "base") return false;
  const c = addOn.addOn;
  const packages = c?.packages?.length ? c.packages : undefined;
  const portfolios = c?.portfolios?.length ? c.portfolios : undefined;
  const minTier = c?.minTier;
  if (packages?.includes(base.id)) return true;
  if (packages !== undefined && portfolios === undefined) return false;
  const inPortfolio = portfolios ? portfolios.includes(base.portfolio) : base.portfolio === addOn.portfolio;
  return inPortfolio && (minTier === undefined || base.tier >= minTier);
}

export const addOnsCheck: Check = {
  id: "add-ons",
  codes: [
    "addon.no-compatible-base",
    "addon.included-not-addon",
    "addon.included-incompatible",
    "addon.included-quantity",
    "addon.included-on-addon",
    "addon.compat-on-base",
    "addon.ref-not-addon",
    "addon.requires-excluded",
    "addon.requires-itself",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    // Highest tier among non-draft bases per portfolio: O(1) compatibility probes.
    const topTier = new Map<string, number>();
    for (const p of doc.packages) {
      if (p.role !== "base" || p.status === "draft") continue;
      topTier.set(p.portfolio, Math.max(topTier.get(p.portfolio) ?? -1, p.tier));
    }
    const reaches = (portfolio: string, min: number) =>
      topTier.has(portfolio) && (topTier.get(portfolio) ?? -1) >= min;
    const hasFit = (a: Package): boolean => {
      const c = a.addOn;
      const packages = c?.packages?.length ? c.packages : undefined;
      const portfolios = c?.portfolios?.length ? c.portfolios : undefined;
      if (packages !== undefined)
        for (const id of packages) {
          const b = catalog.packages.get(id)?.value;
          if (b !== undefined && b.role === "base" && b.status !== "draft") return true;
        }
      if (packages !== undefined && portfolios === undefined) return false;
      const min = c?.minTier ?? Number.NEGATIVE_INFINITY;
      if (portfolios === undefined) return reaches(a.portfolio, min);
      for (const p of portfolios) if (reaches(p, min)) return true;
      return false;
    };
    const addOnRef = (id: string, i: number, list: string, k: number) => {
      const p = catalog.packages.get(id)?.value;
      if (p !== undefined && p.role !== "add_on")
        flag(
          ctx,
          "addon.ref-not-addon",
          "error",
          `/packages/${i}/addOn/${list}/${k}`,
          `names \`${id}\`, a base package; only add-ons can be listed here.`,
        );
    };
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i] as Package;
      if (pkg.role === "add_on") {
        // An error, as Kill Bill refuses an add-on no base plan makes available: an active add-on
        // nobody can buy is a catalog that cannot work as written.
        if (pkg.status === "active" && !hasFit(pkg))
          flag(
            ctx,
            "addon.no-compatible-base",
            "error",
            `/packages/${i}`,
            "is an add-on that no sellable base package can take, so nobody can buy it; check its `addOn` compatibility.",
          );
        if (pkg.includedAddOns !== undefined)
          flag(
            ctx,
            "addon.included-on-addon",
            "error",
            `/packages/${i}/includedAddOns`,
            "is set on an add-on, but only base packages can include add-ons.",
          );
        const requires: readonly string[] = pkg.addOn?.requires ?? NONE;
        const excludes: readonly string[] = pkg.addOn?.excludes ?? NONE;
        for (let k = 0; k < requires.length; k++) {
          addOnRef(requires[k] as string, i, "requires", k);
          if (requires[k] === pkg.id)
            flag(
              ctx,
              "addon.requires-itself",
              "error",
              `/packages/${i}/addOn/requires/${k}`,
              "names the add-on itself: it would have to be held before it can be bought, so it never can be.",
            );
        }
        for (let k = 0; k < excludes.length; k++) {
          const id = excludes[k] as string;
          addOnRef(id, i, "excludes", k);
          if (requires.includes(id))
            flag(
              ctx,
              "addon.requires-excluded",
              "error",
              `/packages/${i}/addOn/excludes/${k}`,
              `names \`${id}\`, which the add-on also requires, so it can never be bought.`,
            );
        }
        continue;
      }
      if (pkg.addOn !== undefined)
        flag(
          ctx,
          "addon.compat-on-base",
          "warning",
          `/packages/${i}/addOn`,
          "describes add-on compatibility on a base package, where it has no effect; remove it or make the package an add-on.",
        );
      const included = pkg.includedAddOns ?? NONE;
      for (let j = 0; j < included.length; j++) {
        const inc = included[j] as IncludedAddOn;
        const target = catalog.packages.get(inc.addOn)?.value;
        if (target === undefined) continue;
        if (target.role !== "add_on") {
          flag(
            ctx,
            "addon.included-not-addon",
            "error",
            `/packages/${i}/includedAddOns/${j}/addOn`,
            `names \`${inc.addOn}\`, a base package, not an add-on.`,
          );
          continue;
        }
        if (!isCompatibleAddOn(target, pkg))
          flag(
            ctx,
            "addon.included-incompatible",
            "error",
            `/packages/${i}/includedAddOns/${j}/addOn`,
            `includes \`${inc.addOn}\`, but that add-on's compatibility does not allow it on \`${pkg.id}\`.`,
          );
        const most = target.addOn?.maxQuantity ?? 1;
        if ((inc.quantity ?? 1) > most)
          flag(
            ctx,
            "addon.included-quantity",
            "error",
            `/packages/${i}/includedAddOns/${j}/quantity`,
            `is ${inc.quantity}, more than the ${most} unit${most === 1 ? "" : "s"} of \`${inc.addOn}\` one arrangement may hold.`,
          );
      }
    }
  },
};
