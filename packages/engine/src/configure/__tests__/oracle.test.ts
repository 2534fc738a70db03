/**
 * Brute-force oracle: on many small random models, the states configure() reports must equal those
 * found by enumerating every assignment of the options and add-ons, and every reason must be a
 * subset-minimal set of the picks that forces the state, and the rules it names must suffice to
 * force it (with those picks, and nothing but those constraints). In a pick-one group that has a
 * pick, the other options are judged without that pick and the picks nested under it: `switch`
 * (replacing exactly those) when some valid configuration has the rest with them, else disabled.
 */
import type { Catalog, Condition, Consequence, OptionGroup, Package, Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function rng(seed: number) {
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
type Rng = ReturnType<typeof rng>;

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

/** `radio`: the chance that a group is pick-one (max 1), on top of those drawn so by chance. */
function groupsFor(
  r: Rng,
  prefix: string,
  count: number,
  parentCandidates: string[],
  radio = 0,
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
    }));
    const oneOf = radio > 0 && r.chance(radio);
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

function randomCatalog(r: Rng, radio = 0): Catalog {
  const addOnCount = r.int(0, 2);
  const baseOptions = r.int(2, 9 - addOnCount * 2);
  const baseGroups = groupsFor(r, "b", baseOptions, [], radio);
  const addOns: Package[] = [];
  const addOnIds = Array.from({ length: addOnCount }, (_, i) => `a${i}`);
  for (let i = 0; i < addOnCount; i++) {
    const id = addOnIds[i]!;
    const others = addOnIds.filter((x) => x !== id);
    const groups = r.chance(0.6) ? groupsFor(r, `${id}`, r.int(1, 2), [], radio) : [];
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
  const rules = Array.from({ length: r.int(0, 5) }, (_, i) => randomRule(r, `r${i}`, ids));
  for (const a of addOns) {
    const own = (a.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id));
    if (own.length && r.chance(0.4)) a.rules = [randomRule(r, `${a.id}r`, [...own, ...ids])];
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

/** Direct, encoding-free semantics of a configuration: the reference the engine is checked against. */
function evaluator(doc: Catalog) {
  const base = doc.packages[0]!;
  const addOns = doc.packages.slice(1);
  const vars: string[] = [];
  for (const p of doc.packages) {
    if (p.role === "add_on") vars.push(p.id);
    for (const g of p.optionGroups ?? []) for (const o of g.options) vars.push(o.id);
  }
  const compatible = (a: Package) => (a.addOn?.minTier ?? 0) <= base.tier;
  const holds = (on: Set<string>, c: Condition | undefined) =>
    (!c?.allOf || c.allOf.every((x) => on.has(x))) &&
    (!c?.anyOf || c.anyOf.some((x) => on.has(x))) &&
    (!c?.noneOf || c.noneOf.every((x) => !on.has(x)));
  const then = (on: Set<string>, t: Consequence) =>
    (!t.requireAll || t.requireAll.every((x) => on.has(x))) &&
    (!t.requireAny || t.requireAny.some((x) => on.has(x))) &&
    (!t.requireExactlyOne || t.requireExactlyOne.filter((x) => on.has(x)).length === 1) &&
    (!t.requireNone || t.requireNone.every((x) => !on.has(x)));
  /** Every constraint (or only those whose id is in `only`: rules, groups, add-on ids, the base id). */
  const validWith = (on: Set<string>, only?: ReadonlySet<string>): boolean => {
    const uses = (id: string) => only === undefined || only.has(id);
    for (const a of addOns) {
      if (!on.has(a.id) || !uses(a.id)) continue;
      if (!compatible(a)) return false;
      if (a.addOn?.requires?.some((x) => !on.has(x))) return false;
      if (a.addOn?.excludes?.some((x) => on.has(x))) return false;
    }
    if (uses(base.id)) for (const i of base.includedAddOns ?? []) if (!on.has(i.addOn)) return false;
    for (const p of doc.packages) {
      const pkgOn = p.role === "base" || on.has(p.id);
      for (const g of p.optionGroups ?? []) {
        if (g.options.some((o) => o.status === "retired" && on.has(o.id))) return false;
        if (!uses(g.id)) continue;
        // A nested group applies with its parent (which itself needs its package); a top-level one
        // with its package.
        const applies = g.parentOption === undefined ? pkgOn : on.has(g.parentOption);
        const n = g.options.filter((o) => on.has(o.id)).length;
        if (!applies && n > 0) return false;
        if (applies && (n < (g.min ?? 0) || n > (g.max ?? g.options.length))) return false;
      }
      if (pkgOn)
        for (const rule of p.rules ?? [])
          if (
            uses(rule.id) &&
            holds(on, rule.when as Condition | undefined) &&
            !then(on, rule.then as Consequence)
          )
            return false;
    }
    return true;
  };
  const valid = (on: Set<string>) => validWith(on);
  const models: Set<string>[] = [];
  for (let mask = 0; mask < 1 << vars.length; mask++) {
    const on = new Set<string>();
    vars.forEach((v, i) => {
      if (mask & (1 << i)) on.add(v);
    });
    if (valid(on)) models.push(on);
  }
  /** Whether every model containing `picks` has `id` in state `value`. */
  const forces = (picks: readonly string[], id: string, value: boolean) =>
    models.every((m) => !picks.every((p) => m.has(p)) || m.has(id) === value);
  /** Whether `picks` and only the constraints `ids` (retirements always) force `id` to `value`. */
  const forcesWith = (ids: readonly string[], picks: readonly string[], id: string, value: boolean) => {
    const only = new Set(ids);
    for (let mask = 0; mask < 1 << vars.length; mask++) {
      const on = new Set<string>();
      vars.forEach((v, i) => {
        if (mask & (1 << i)) on.add(v);
      });
      if (!picks.every((p) => on.has(p)) || on.has(id) === value) continue;
      if (validWith(on, only)) return false;
    }
    return true;
  };
  return { vars, models, valid, forces, forcesWith };
}

/**
 * When `id` is an option of a pick-one group (at most one pick, two or more options) that has a pick
 * among `effective` other than `id`: that pick and the picks nested under it, transitively (what
 * picking `id` replaces). Otherwise undefined.
 */
function replacedBy(doc: Catalog, id: string, effective: readonly string[]): string[] | undefined {
  for (const p of doc.packages) {
    const groups = p.optionGroups ?? [];
    const g = groups.find((x) => x.options.some((o) => o.id === id));
    if (!g) continue;
    if ((g.max ?? g.options.length) !== 1 || g.options.length < 2) return undefined;
    const pick = g.options.find((o) => o.id !== id && effective.includes(o.id));
    if (!pick) return undefined;
    const out = new Set([pick.id]);
    const walk = [pick.id];
    while (walk.length > 0) {
      const parent = walk.pop()!;
      for (const child of groups.filter((x) => x.parentOption === parent))
        for (const o of child.options)
          if (effective.includes(o.id) && !out.has(o.id)) {
            out.add(o.id);
            walk.push(o.id);
          }
    }
    return [...out];
  }
  return undefined;
}

function selectionFrom(doc: Catalog, picks: string[]) {
  const addOnIds = new Set(doc.packages.filter((p) => p.role === "add_on").map((p) => p.id));
  const owner = new Map<string, string>();
  for (const p of doc.packages)
    for (const g of p.optionGroups ?? []) for (const o of g.options) owner.set(o.id, p.id);
  const addOns = [
    ...new Set(
      picks
        .filter((p) => addOnIds.has(p) || owner.get(p) !== "base")
        .map((p) => (addOnIds.has(p) ? p : owner.get(p)!)),
    ),
  ];
  return {
    package: "base",
    picks: picks.filter((p) => owner.get(p) === "base"),
    addOns: addOns.map((a) => ({ package: a, picks: picks.filter((p) => owner.get(p) === a) })),
  };
}

/** Counts of what `compareWithOracle` checked. */
interface Checked {
  compared: number;
  forcedChecked: number;
  switches: number;
  switchDisabled: number;
}

/** Configures `rounds` random models (seeded) and compares every state and reason with enumeration. */
function compareWithOracle(seed: number, rounds: number, radio: number): Checked {
  const r = rng(seed);
  let compared = 0;
  let forcedChecked = 0;
  let switches = 0;
  let switchDisabled = 0;
  for (let round = 0; round < rounds; round++) {
    const doc = randomCatalog(r, radio);
    const catalog = compile(doc);
    const oracle = evaluator(doc);
    // Picks drawn from a random valid configuration keep the selection consistent.
    let picks: string[] = [];
    if (oracle.models.length > 0) {
      const model = r.pick(oracle.models);
      picks = r.some([...model], 0, 3);
    }
    const sel = selectionFrom(doc, picks);
    // Add-ons picked only to carry option picks are picks too.
    const result = configure(catalog, sel);
    const effective = [
      ...sel.picks,
      ...sel.addOns.flatMap((a) => [a.package, ...a.picks]),
      ...result.defaultsApplied.picks,
    ];
    const ctx = `seed round ${round}: ${JSON.stringify({ picks: effective, doc: doc.packages })}`;
    if (oracle.models.length === 0) {
      expect(result.valid, ctx).toBe(false);
      continue;
    }
    expect(result.violations, ctx).toEqual([]);
    const consistent = oracle.models.filter((m) => effective.every((p) => m.has(p)));
    expect(consistent.length, ctx).toBeGreaterThan(0);
    const states = new Map<
      string,
      { state: string; picks?: string[]; rules?: string[]; replaces?: string[] }
    >();
    for (const c of [...result.options, ...result.addOns]) {
      states.set(c.id, {
        state: c.state,
        ...("replaces" in c && c.replaces ? { replaces: c.replaces } : {}),
        ...(c.reason ? { picks: c.reason.picks, rules: c.reason.rules } : {}),
      });
    }
    for (const id of oracle.vars) {
      const got = states.get(id);
      expect(got, `${ctx} missing ${id}`).toBeDefined();
      if (effective.includes(id)) {
        expect(got!.state, `${ctx} ${id}`).toBe("selected");
        continue;
      }
      // In a pick-one group with a pick, the other options are judged without that pick (and
      // the picks nested under it): a switch when the rest goes with them, else disabled.
      const swap = replacedBy(doc, id, effective);
      const judged = swap ? effective.filter((p) => !swap.includes(p)) : effective;
      const pool = swap ? oracle.models.filter((m) => judged.every((p) => m.has(p))) : consistent;
      const canTrue = pool.some((m) => m.has(id));
      const canFalse = pool.some((m) => !m.has(id));
      const want = swap
        ? canTrue
          ? "switch"
          : "disabled"
        : canTrue && canFalse
          ? "available"
          : canTrue
            ? "required"
            : "disabled";
      expect(got!.state, `${ctx} ${id}`).toBe(want);
      compared++;
      if (want === "switch") {
        expect(got!.replaces, `${ctx} ${id}`).toEqual(effective.filter((p) => swap!.includes(p)));
        expect(got!.picks, `${ctx} ${id} a switch has no reason`).toBeUndefined();
        switches++;
        continue;
      }
      if (want === "available") continue;
      // The reason: a subset of the picks that forces the state, and no smaller subset does.
      const reasonPicks = got!.picks ?? [];
      const value = want === "required";
      for (const p of reasonPicks) expect(judged, `${ctx} ${id}`).toContain(p);
      expect(oracle.forces(reasonPicks, id, value), `${ctx} ${id} forced by ${reasonPicks}`).toBe(true);
      for (const p of reasonPicks) {
        const smaller = reasonPicks.filter((q) => q !== p);
        expect(oracle.forces(smaller, id, value), `${ctx} ${id} still forced without ${p}`).toBe(false);
      }
      if (swap) switchDisabled++;
      // The named rules suffice: with the picks, they alone force the state.
      expect(
        oracle.forcesWith(got!.rules ?? [], reasonPicks, id, value),
        `${ctx} ${id} rules ${got!.rules} do not force it`,
      ).toBe(true);
      forcedChecked++;
    }
    // Complete: the picks alone (and included add-ons) form a valid configuration.
    const closed = new Set([...effective, ...(doc.packages[0]!.includedAddOns ?? []).map((i) => i.addOn)]);
    expect(result.complete, ctx).toBe(oracle.valid(closed));
  }
  return { compared, forcedChecked, switches, switchDisabled };
}

describe("configure against brute-force enumeration", () => {
  it("matches the exact available / required / disabled sets on 400 random models", () => {
    const { compared, forcedChecked } = compareWithOracle(20261123, 400, 0);
    expect(compared).toBeGreaterThan(1500);
    expect(forcedChecked).toBeGreaterThan(300);
  }, 60_000);

  it("matches switch / disabled in pick-one groups on 300 random models rich in them", () => {
    const { compared, switches, switchDisabled } = compareWithOracle(20261206, 300, 0.7);
    expect(compared).toBeGreaterThan(1000);
    expect(switches).toBeGreaterThan(100);
    expect(switchDisabled).toBeGreaterThan(10);
  }, 60_000);

  it("reports conflicting picks with a minimal set to change", () => {
    const r = rng(7);
    let conflicts = 0;
    for (let round = 0; round < 300; round++) {
      const doc = randomCatalog(r);
      const oracle = evaluator(doc);
      if (oracle.models.length === 0) continue;
      const baseOptions = (doc.packages[0]!.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id));
      const picks = r.some(baseOptions, 2, 4);
      if (oracle.models.some((m) => picks.every((p) => m.has(p)))) continue;
      const result = configure(compile(doc), { package: "base", picks });
      expect(result.valid).toBe(false);
      const conflict = result.violations.filter((v) => v.code.startsWith("config."));
      expect(conflict.length).toBeGreaterThan(0);
      // Picks accepted in order: the first pick that does not fit the earlier ones is reported.
      let accepted: string[] = [];
      for (const [i, p] of picks.entries()) {
        const fits = oracle.models.some((m) => [...accepted, p].every((x) => m.has(x)));
        if (fits) accepted = [...accepted, p];
        else expect(result.violations.map((v) => v.pointer)).toContain(`/picks/${i}`);
      }
      conflicts++;
    }
    expect(conflicts).toBeGreaterThan(20);
  }, 60_000);
});
