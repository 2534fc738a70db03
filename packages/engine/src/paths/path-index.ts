/**
 * What `paths` looks up on every call, indexed once per compiled catalog (a WeakMap keyed by the
 * CompiledCatalog, so it lives exactly as long as the catalog does): add-ons relevant to each
 * portfolio, explicit move targets named by path cases, included add-ons per base, components per
 * service, and which packages are priced in which currency.
 */
import type { Component, Package } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";

export interface PathIndex {
  /** Add-ons that belong to, or name, each portfolio (or one of its packages), in catalog order. */
  addOnsFor(portfolio: string): readonly Package[];
  /**
   * Targets named by cases whose from.packages lists the package and whose to.packages is set:
   * base changes for cases about the base package, add-on changes for cases naming change_add_on.
   */
  explicitTargets(from: string, addOns?: boolean): readonly string[];
  /** Included add-on id → units, per base package. */
  included(base: Package): ReadonlyMap<string, number>;
  /** A package's components by service id (first one wins). */
  componentsByService(pkg: Package): ReadonlyMap<string, Component>;
  /** Whether every charge of the package has a price point in the currency. */
  pricedIn(pkg: Package, currency: string): boolean;
}

const cache = new WeakMap<CompiledCatalog, PathIndex>();

export function pathIndex(catalog: CompiledCatalog): PathIndex {
  let idx = cache.get(catalog);
  if (!idx) {
    idx = build(catalog);
    cache.set(catalog, idx);
  }
  return idx;
}

function build(catalog: CompiledCatalog): PathIndex {
  const addOns = new Map<string, Package[]>();
  const portfolioOf = (id: string) => catalog.packages.get(id)?.value.portfolio;
  for (const pkg of catalog.doc.packages) {
    if (pkg.role !== "add_on" || catalog.packages.get(pkg.id)?.value !== pkg) continue;
    const portfolios = new Set<string>([pkg.portfolio]);
    for (const p of pkg.addOn?.portfolios ?? []) portfolios.add(p);
    for (const id of pkg.addOn?.packages ?? []) {
      const p = portfolioOf(id);
      if (p !== undefined) portfolios.add(p);
    }
    for (const p of portfolios) {
      const list = addOns.get(p) ?? [];
      list.push(pkg);
      addOns.set(p, list);
    }
  }

  const targets = new Map<string, string[]>();
  const addOnTargets = new Map<string, string[]>();
  for (const c of catalog.doc.pathRules ?? []) {
    const froms = c.from?.packages;
    const tos = c.to?.packages;
    if (!froms || !tos) continue;
    const forBase =
      c.kinds === undefined || c.kinds.some((k) => k !== "change_add_on" && k !== "remove_add_on");
    if (c.kinds?.includes("change_add_on"))
      for (const f of froms) {
        const list = addOnTargets.get(f) ?? [];
        for (const t of tos) if (t !== f && !list.includes(t)) list.push(t);
        addOnTargets.set(f, list);
      }
    if (!forBase) continue;
    for (const f of froms) {
      const list = targets.get(f) ?? [];
      for (const t of tos) if (t !== f && !list.includes(t)) list.push(t);
      targets.set(f, list);
    }
  }

  const included = new Map<string, Map<string, number>>();
  const byService = new Map<string, Map<string, Component>>();
  const priced = new Map<string, boolean>();

  return {
    addOnsFor: (portfolio) => addOns.get(portfolio) ?? [],
    explicitTargets: (from, addOns) => (addOns ? addOnTargets : targets).get(from) ?? [],
    included(base) {
      let m = included.get(base.id);
      if (!m) {
        m = new Map();
        for (const inc of base.includedAddOns ?? []) m.set(inc.addOn, inc.quantity ?? 1);
        included.set(base.id, m);
      }
      return m;
    },
    componentsByService(pkg) {
      let m = byService.get(pkg.id);
      if (!m) {
        m = new Map();
        for (const c of pkg.components ?? []) if (!m.has(c.service)) m.set(c.service, c);
        byService.set(pkg.id, m);
      }
      return m;
    },
    pricedIn(pkg, currency) {
      const key = `${pkg.id}\u0000${currency}`;
      let ok = priced.get(key);
      if (ok === undefined) {
        ok = pkg.charges.every((ch) => ch.pricePoints.some((pp) => pp.currency === currency));
        priced.set(key, ok);
      }
      return ok;
    },
  };
}
