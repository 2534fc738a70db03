/**
 * The brute-force oracle's models, shared by `oracle.test.ts` (list rules, pick-one groups) and
 * `formula-oracle.test.ts` (nested formula rules, mandatory options): small seeded random catalogs.
 * `oracle-check.ts` enumerates them and compares configure() with the enumeration.
 */
import type { Catalog, Condition, Consequence, Formula, OptionGroup, Package, Rule } from "@tessera/schema";

/** What random catalogs hold: `radio` is the chance a group is pick-one (max 1), on top of those
 * drawn so by chance; `formulas` adds nested formula rules and mandatory options. */
export interface Shape {
  radio: number;
  formulas: boolean;
}
export const PLAIN: Shape = { radio: 0, formulas: false };

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    some: <T>(xs: readonly T[], lo: number, hi: number): T[] => {
      const copy = [...xs];
      const n = Math.min(copy.length, lo + Math.floor(next() * (hi - lo + 1)));
      const out: T[] = [];
      while (out.length < n) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

function pkg(id: string, role: "base" | "add_on", extra: Partial<Package>): Package {
  return {
    id,
    name: id.toUpperCase(),
    portfolio: "p",
    role,
    tier: role === "base" ? 2 : 0,
    status: "active",
    terms: [{ months: 12 }],
    billingPeriods: ["month"],
    charges: [],
    ...extra,
  };
}

function groupsFor(
  r: Rng,
  prefix: string,
  count: number,
  parentCandidates: string[],
  shape: Shape,
): OptionGroup[] {
  const groups: OptionGroup[] = [];
  let made = 0;
  let g = 0;
  const mine: string[] = [];
  while (made < count) {
    const size = Math.min(count - made, r.int(1, 4));
    const options = Array.from({ length: size }, (_, k) => ({
      id: `${prefix}o${made + k}`,
      name: `${prefix.toUpperCase()}O${made + k}`,
      ...(r.chance(0.25) ? { default: true } : {}),
      ...(r.chance(0.06) ? { status: "retired" as const } : {}),
      ...(shape.formulas && r.chance(0.1) ? { mandatory: true } : {}),
    }));
    const oneOf = shape.radio > 0 && r.chance(shape.radio);
    const min = oneOf ? r.int(0, 1) : r.int(0, Math.min(size, 2));
    const max = oneOf ? 1 : r.chance(0.3) ? undefined : r.int(Math.max(min, 1), size);
    const parents = [...parentCandidates, ...mine];
    const parent = parents.length > 0 && r.chance(0.3) ? r.pick(parents) : undefined;
    groups.push({
      id: `${prefix}g${g++}`,
      name: `G${g}`,
      min,
      ...(max !== undefined ? { max } : {}),
      ...(parent !== undefined ? { parentOption: parent } : {}),
      options: options as OptionGroup["options"],
    });
    for (const o of options) mine.push(o.id);
    made += size;
  }
  return groups;
}

function randomRule(r: Rng, id: string, ids: string[]): Rule {
  const list = (lo: number, hi: number) => r.some(ids, lo, hi) as [string, ...string[]];
  const when: Condition = {};
  if (r.chance(0.6)) when.allOf = list(1, 2);
  if (r.chance(0.3)) when.anyOf = list(1, 3);
  if (r.chance(0.25)) when.noneOf = list(1, 2);
  const then: Consequence = {};
  const kind = r.int(0, 3);
  if (kind === 0) then.requireAll = list(1, 2);
  if (kind === 1) then.requireAny = list(1, 3);
  if (kind === 2) then.requireExactlyOne = list(2, 3) as [string, string, ...string[]];
  if (kind === 3) then.requireNone = list(1, 2);
  if (then.requireExactlyOne && then.requireExactlyOne.length < 2) then.requireAll = [ids[0]!];
  return { id, ...(Object.keys(when).length || r.chance(0.5) ? { when } : {}), then } as Rule;
}

/** A random nested formula over `ids`, at most `depth` connectives deep. */
function randomFormula(r: Rng, ids: string[], depth: number): Formula {
  if (depth === 0 || r.chance(0.3)) return r.pick(ids);
  const subs = (lo: number, hi: number) =>
    Array.from({ length: r.int(lo, hi) }, () => randomFormula(r, ids, depth - 1)) as [Formula, ...Formula[]];
  switch (r.int(0, 8)) {
    case 0:
      return { all: subs(1, 3) };
    case 1:
      return { any: subs(1, 3) };
    case 2:
      return { none: subs(1, 2) };
    case 3:
      return { not: randomFormula(r, ids, depth - 1) };
    case 4:
      return { implies: subs(2, 2) as [Formula, Formula] };
    case 5:
      return { iff: subs(2, 2) as [Formula, Formula] };
    default: {
      const of = subs(1, 4);
      const k = r.int(0, of.length + 1);
      const op = r.pick(["atLeast", "atMost", "exactly"] as const);
      return { [op]: { k, of } } as Formula;
    }
  }
}

/** A rule with a nested formula on one side or both (the other side may be in list form). */
function randomFormulaRule(r: Rng, id: string, ids: string[]): Rule {
  const listed = randomRule(r, id, ids);
  const side = r.int(0, 2);
  const when = side === 1 ? listed.when : r.chance(0.8) ? randomFormula(r, ids, 2) : undefined;
  const then = side === 0 ? listed.then : randomFormula(r, ids, 2);
  return { id, ...(r.chance(0.5) ? { name: `Rule ${id}` } : {}), ...(when ? { when } : {}), then } as Rule;
}

export function randomCatalog(r: Rng, shape: Shape = PLAIN): Catalog {
  const { formulas } = shape;
  const addOnCount = r.int(0, 2);
  const baseOptions = r.int(2, 9 - addOnCount * 2);
  const baseGroups = groupsFor(r, "b", baseOptions, [], shape);
  const addOns: Package[] = [];
  const addOnIds = Array.from({ length: addOnCount }, (_, i) => `a${i}`);
  for (let i = 0; i < addOnCount; i++) {
    const id = addOnIds[i]!;
    const others = addOnIds.filter((x) => x !== id);
    const groups = r.chance(0.6) ? groupsFor(r, `${id}`, r.int(1, 2), [], shape) : [];
    addOns.push(
      pkg(id, "add_on", {
        optionGroups: groups,
        addOn: {
          ...(r.chance(0.2) ? { minTier: 3 } : {}),
          ...(others.length && r.chance(0.3) ? { requires: [r.pick(others)] } : {}),
          ...(others.length && r.chance(0.3) ? { excludes: [r.pick(others)] } : {}),
        },
      }),
    );
  }
  const optionIds = [...baseGroups, ...addOns.flatMap((a) => a.optionGroups ?? [])].flatMap((g) =>
    g.options.map((o) => o.id),
  );
  const ids = [...optionIds, ...addOnIds];
  const make = (id: string, pool: string[]) =>
    formulas && r.chance(0.7) ? randomFormulaRule(r, id, pool) : randomRule(r, id, pool);
  const rules = Array.from({ length: r.int(0, formulas ? 4 : 5) }, (_, i) => make(`r${i}`, ids));
  for (const a of addOns) {
    const own = (a.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id));
    if (own.length && r.chance(0.4)) a.rules = [make(`${a.id}r`, [...own, ...ids])];
  }
  const included = addOnIds.filter(() => r.chance(0.2)).map((addOn) => ({ addOn }));
  const base = pkg("base", "base", { optionGroups: baseGroups, rules, includedAddOns: included });
  return {
    id: "c",
    name: "C",
    currencies: ["USD"],
    services: [],
    portfolios: [{ id: "p", name: "P" }],
    packages: [base, ...addOns],
  };
}
