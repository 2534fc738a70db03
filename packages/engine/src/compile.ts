/**
 * Indexes a structurally valid catalog once, so configure, price and paths look things up in O(1).
 * Compilation assumes ids were checked by `validate`; on duplicates the first occurrence wins.
 * Pointers are written out directly: their tokens are fixed names and array indexes, which need no
 * escaping.
 */
import type {
  AtomicService,
  Catalog,
  Charge,
  Component,
  Option,
  OptionGroup,
  Package,
  Portfolio,
} from "@tessera/schema";

export interface Located<T> {
  value: T;
  /** JSON Pointer of the value in the catalog document. */
  pointer: string;
}

export interface IndexedOption extends Located<Option> {
  group: OptionGroup;
  package: Package;
}

export interface IndexedGroup extends Located<OptionGroup> {
  package: Package;
}

export interface IndexedPart<T> extends Located<T> {
  package: Package;
}

export interface CompiledCatalog {
  readonly doc: Catalog;
  readonly services: ReadonlyMap<string, Located<AtomicService>>;
  readonly portfolios: ReadonlyMap<string, Located<Portfolio>>;
  readonly packages: ReadonlyMap<string, Located<Package>>;
  readonly options: ReadonlyMap<string, IndexedOption>;
  readonly groups: ReadonlyMap<string, IndexedGroup>;
  readonly components: ReadonlyMap<string, IndexedPart<Component>>;
  readonly charges: ReadonlyMap<string, IndexedPart<Charge>>;
  /** Base packages of each portfolio, ascending by tier then by id. */
  readonly ladders: ReadonlyMap<string, readonly Package[]>;
  /** Price book used when a quote names none. */
  readonly defaultPriceBook: string;
}

/** Builds the lookup indexes of a catalog. Pure; cache the result by content hash. */
export function compile(doc: Catalog): CompiledCatalog {
  const services = new Map<string, Located<AtomicService>>();
  const portfolios = new Map<string, Located<Portfolio>>();
  const packages = new Map<string, Located<Package>>();
  const options = new Map<string, IndexedOption>();
  const groups = new Map<string, IndexedGroup>();
  const components = new Map<string, IndexedPart<Component>>();
  const charges = new Map<string, IndexedPart<Charge>>();
  const ladders = new Map<string, Package[]>();

  const put = <V>(map: Map<string, V>, id: string, v: V) => {
    if (!map.has(id)) map.set(id, v);
  };

  doc.services.forEach((s, i) => {
    put(services, s.id, { value: s, pointer: `/services/${i}` });
  });
  doc.portfolios.forEach((p, i) => {
    put(portfolios, p.id, { value: p, pointer: `/portfolios/${i}` });
  });
  doc.packages.forEach((pkg, i) => {
    const at = `/packages/${i}`;
    put(packages, pkg.id, { value: pkg, pointer: at });
    pkg.components?.forEach((c, j) => {
      put(components, c.id, { value: c, package: pkg, pointer: `${at}/components/${j}` });
    });
    pkg.charges.forEach((c, j) => {
      put(charges, c.id, { value: c, package: pkg, pointer: `${at}/charges/${j}` });
    });
    pkg.optionGroups?.forEach((g, j) => {
      put(groups, g.id, { value: g, package: pkg, pointer: `${at}/optionGroups/${j}` });
      g.options.forEach((o, k) => {
        put(options, o.id, {
          value: o,
          group: g,
          package: pkg,
          pointer: `${at}/optionGroups/${j}/options/${k}`,
        });
      });
    });
    if (pkg.role === "base") {
      const ladder = ladders.get(pkg.portfolio) ?? [];
      ladder.push(pkg);
      ladders.set(pkg.portfolio, ladder);
    }
  });
  for (const ladder of ladders.values()) {
    ladder.sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const defaultPriceBook =
    doc.priceBooks?.find((b) => b.default)?.id ??
    doc.priceBooks?.find((b) => b.id === "list")?.id ??
    doc.priceBooks?.[0]?.id ??
    "list";

  return {
    doc,
    services,
    portfolios,
    packages,
    options,
    groups,
    components,
    charges,
    ladders,
    defaultPriceBook,
  };
}
