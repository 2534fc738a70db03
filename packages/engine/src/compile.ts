/**
 * Indexes a structurally valid catalog once, so configure, price and paths look things up in O(1).
 * Compilation assumes ids were checked by `validate`; on duplicates the first occurrence wins.
 * Pointers are written out only when first read (their tokens are fixed names and array indexes,
 * which need no escaping).
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
import { keepShapes } from "./shapes.ts";

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
 * An entry of the catalog (service, portfolio, package) or of a list inside a package (option,
 * group, component, charge). Its JSON pointer is written out on first read and kept: checks read
 * pointers only for findings, so most are never built.
 */
class Entry<T> implements Located<T> {
  readonly value: T;
  /** The entry whose list this one is in (a charge's package, an option's group); none at the top. */
  private readonly owner: Entry<unknown> | undefined;
  /** Name of that list, e.g. `charges`. */
  private readonly list: string;
  private readonly at: number;
  private built: string | undefined;

  constructor(value: T, owner: Entry<unknown> | undefined, list: string, at: number) {
    this.value = value;
    this.owner = owner;
    this.list = list;
    this.at = at;
  }

  get pointer(): string {
    this.built ??= `${this.owner === undefined ? "" : this.owner.pointer}/${this.list}/${this.at}`;
    return this.built;
  }
}

class PartEntry<T> extends Entry<T> implements IndexedPart<T> {
  readonly package: Package;

  constructor(value: T, pkg: Package, owner: Entry<unknown>, list: string, at: number) {
    super(value, owner, list, at);
    this.package = pkg;
  }
}

class OptionEntry extends PartEntry<Option> implements IndexedOption {
  readonly group: OptionGroup;

  constructor(value: Option, group: Entry<OptionGroup>, pkg: Package, at: number) {
    super(value, pkg, group, "options", at);
    this.group = group.value;
  }
}

/** Index of the groups or the charges of every package (first occurrence wins). */
function partIndex<K extends "optionGroups" | "charges">(
  doc: Catalog,
  list: K,
): Map<string, IndexedPart<NonNullable<Package[K]>[number]>> {
  const index = new Map<string, IndexedPart<NonNullable<Package[K]>[number]>>();
  for (let i = 0; i < doc.packages.length; i++) {
    const pkg = doc.packages[i] as Package;
    const items = pkg[list];
    if (items === undefined) continue;
    const owner = new Entry(pkg, undefined, "packages", i);
    for (let j = 0; j < items.length; j++) {
      const item = items[j] as NonNullable<Package[K]>[number];
      if (!index.has(item.id)) index.set(item.id, new PartEntry(item, pkg, owner, list, j));
    }
  }
  return index;
}

/**
 * Builds the lookup indexes of a catalog. Pure; cache the result by content hash.
 * Plain loops and no per-entry closures or strings: this runs on every validation. The group and
 * charge indexes, which validation does not read, are built on first read.
 */
export function compile(doc: Catalog): CompiledCatalog {
  const services = new Map<string, Located<AtomicService>>();
  const portfolios = new Map<string, Located<Portfolio>>();
  const packages = new Map<string, Located<Package>>();
  const options = new Map<string, IndexedOption>();
  const components = new Map<string, IndexedPart<Component>>();
  const ladders = new Map<string, Package[]>();

  for (let i = 0; i < doc.services.length; i++) {
    const s = doc.services[i] as AtomicService;
    if (!services.has(s.id)) services.set(s.id, new Entry(s, undefined, "services", i));
  }
  for (let i = 0; i < doc.portfolios.length; i++) {
    const p = doc.portfolios[i] as Portfolio;
    if (!portfolios.has(p.id)) portfolios.set(p.id, new Entry(p, undefined, "portfolios", i));
  }
  for (let i = 0; i < doc.packages.length; i++) {
    const pkg = doc.packages[i] as Package;
    const entry = new Entry(pkg, undefined, "packages", i);
    if (!packages.has(pkg.id)) packages.set(pkg.id, entry);
    if (pkg.components) {
      for (let j = 0; j < pkg.components.length; j++) {
        const c = pkg.components[j] as Component;
        if (!components.has(c.id)) components.set(c.id, new PartEntry(c, pkg, entry, "components", j));
      }
    }
    if (pkg.optionGroups) {
      for (let j = 0; j < pkg.optionGroups.length; j++) {
        const g = pkg.optionGroups[j] as OptionGroup;
        const group = new Entry(g, entry, "optionGroups", j);
        for (let k = 0; k < g.options.length; k++) {
          const o = g.options[k] as Option;
          if (!options.has(o.id)) options.set(o.id, new OptionEntry(o, group, pkg, k));
        }
      }
    }
    if (pkg.role === "base") {
      const ladder = ladders.get(pkg.portfolio);
      if (ladder === undefined) ladders.set(pkg.portfolio, [pkg]);
      else ladder.push(pkg);
    }
  }
  for (const ladder of ladders.values()) {
    ladder.sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const defaultPriceBook =
    doc.priceBooks?.find((b) => b.default)?.id ??
    doc.priceBooks?.find((b) => b.id === "list")?.id ??
    doc.priceBooks?.[0]?.id ??
    "list";

  return new Compiled(doc, services, portfolios, packages, options, components, ladders, defaultPriceBook);
}

/**
 * The compiled catalog: a class rather than an object literal with getters, so every compiled
 * catalog has the same hidden class and code that reads one stays optimized from one validation
 * to the next (a literal's getters are new closures each time, which gives each result its own
 * shape).
 */
class Compiled implements CompiledCatalog {
  private groupIndex: Map<string, IndexedGroup> | undefined;
  private chargeIndex: Map<string, IndexedPart<Charge>> | undefined;

  constructor(
    readonly doc: Catalog,
    readonly services: ReadonlyMap<string, Located<AtomicService>>,
    readonly portfolios: ReadonlyMap<string, Located<Portfolio>>,
    readonly packages: ReadonlyMap<string, Located<Package>>,
    readonly options: ReadonlyMap<string, IndexedOption>,
    readonly components: ReadonlyMap<string, IndexedPart<Component>>,
    readonly ladders: ReadonlyMap<string, readonly Package[]>,
    readonly defaultPriceBook: string,
  ) {}

  get groups(): ReadonlyMap<string, IndexedGroup> {
    this.groupIndex ??= partIndex(this.doc, "optionGroups");
    return this.groupIndex;
  }

  get charges(): ReadonlyMap<string, IndexedPart<Charge>> {
    this.chargeIndex ??= partIndex(this.doc, "charges");
    return this.chargeIndex;
  }
}

// A tiny compiled catalog with every kind of entry, its lazy indexes and pointers read, keeps the
// hidden classes of compiled catalogs and their entries between validations (see shapes.ts).
keepShapes(
  (() => {
    const option = { id: "o", name: "o" } as Option;
    const group = { id: "g", name: "g", options: [option] } as OptionGroup;
    const pkg = {
      id: "p",
      role: "base",
      portfolio: "f",
      tier: 1,
      components: [{ id: "c", service: "s" }],
      optionGroups: [group],
      charges: [{ id: "ch" }],
    } as unknown as Package;
    const compiled = compile({
      services: [{ id: "s" }],
      portfolios: [{ id: "f" }],
      packages: [pkg],
    } as unknown as Catalog);
    for (const index of [
      compiled.services,
      compiled.portfolios,
      compiled.packages,
      compiled.options,
      compiled.components,
      compiled.groups,
      compiled.charges,
    ] as ReadonlyMap<string, Located<unknown>>[])
      for (const entry of index.values()) void entry.pointer;
    return compiled;
  })(),
);
