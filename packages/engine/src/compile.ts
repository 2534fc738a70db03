/**
 * Indexes a structurally valid catalog once, so configure, price and paths look things up in O(1).
 * Compilation assumes ids were checked by `validate`; on duplicates the first occurrence wins.
 * Pointers are written out directly (their tokens are fixed names and array indexes, which need no
 * escaping); those of entries inside packages only when first read.
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

/**
 * An entry inside a package (option, group, component, charge). Its JSON pointer is written out on
 * first read and kept: checks read pointers only for findings, so most are never built.
 */
class PartEntry<T> implements IndexedPart<T> {
  readonly value: T;
  readonly package: Package;
  /** Pointer of the list the entry is in, e.g. `/packages/3/charges`. */
  private readonly list: string;
  private readonly at: number;
  private built: string | undefined;

  constructor(value: T, pkg: Package, list: string, at: number) {
    this.value = value;
    this.package = pkg;
    this.list = list;
    this.at = at;
  }

  get pointer(): string {
    this.built ??= `${this.list}/${this.at}`;
    return this.built;
  }
}

class OptionEntry extends PartEntry<Option> implements IndexedOption {
  readonly group: OptionGroup;

  constructor(value: Option, group: OptionGroup, pkg: Package, list: string, at: number) {
    super(value, pkg, list, at);
    this.group = group;
  }
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
    if (pkg.components) {
      const list = `${at}/components`;
      pkg.components.forEach((c, j) => {
        if (!components.has(c.id)) components.set(c.id, new PartEntry(c, pkg, list, j));
      });
    }
    const chargeList = `${at}/charges`;
    pkg.charges.forEach((c, j) => {
      if (!charges.has(c.id)) charges.set(c.id, new PartEntry(c, pkg, chargeList, j));
    });
    const groupList = `${at}/optionGroups`;
    pkg.optionGroups?.forEach((g, j) => {
      if (!groups.has(g.id)) groups.set(g.id, new PartEntry(g, pkg, groupList, j));
      let list: string | undefined;
      g.options.forEach((o, k) => {
        if (options.has(o.id)) return;
        list ??= `${groupList}/${j}/options`;
        options.set(o.id, new OptionEntry(o, g, pkg, list, k));
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
