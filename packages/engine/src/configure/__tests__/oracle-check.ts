/**
 * The brute-force oracle: enumerates every assignment of a small catalog's options and add-ons, and
 * compares the states and reasons configure() reports with it. Every reason must be a
 * subset-minimal set of the picks that forces the state, and the rules it names must suffice to
 * force it (with those picks, and nothing but those constraints). In a pick-one group that has a
 * pick, the other options are judged without that pick and the picks nested under it: `switch`
 * (replacing exactly those) when some valid configuration has the rest with them, else disabled.
 */
import type { Catalog, Condition, Consequence, Formula, Package } from "@tessera/schema";
import { expect } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";
import { randomCatalog, rng, type Shape } from "./oracle-models.ts";

/** Direct, encoding-free semantics of a configuration: the reference the engine is checked against. */
export function evaluator(doc: Catalog) {
  const base = doc.packages[0]!;
  const addOns = doc.packages.slice(1);
  const vars: string[] = [];
  for (const p of doc.packages) {
    if (p.role === "add_on") vars.push(p.id);
    for (const g of p.optionGroups ?? []) for (const o of g.options) vars.push(o.id);
  }
  const compatible = (a: Package) => (a.addOn?.minTier ?? 0) <= base.tier;
  /** A nested formula, evaluated straight from its definition. */
  const formula = (on: Set<string>, f: Formula): boolean => {
    if (typeof f === "string") return on.has(f);
    const count = (fs: Formula[]) => fs.filter((g) => formula(on, g)).length;
    if (f.all) return f.all.every((g) => formula(on, g));
    if (f.any) return f.any.some((g) => formula(on, g));
    if (f.none) return !f.none.some((g) => formula(on, g));
    if (f.not) return !formula(on, f.not);
    if (f.implies) return !formula(on, f.implies[0]) || formula(on, f.implies[1]);
    if (f.iff) return formula(on, f.iff[0]) === formula(on, f.iff[1]);
    if (f.atLeast) return count(f.atLeast.of) >= f.atLeast.k;
    if (f.atMost) return count(f.atMost.of) <= f.atMost.k;
    if (f.exactly) return count(f.exactly.of) === f.exactly.k;
    throw new Error(`not a formula: ${JSON.stringify(f)}`);
  };
  const listForm = (x: object | string) =>
    typeof x !== "string" &&
    (["allOf", "anyOf", "noneOf", "requireAll", "requireAny", "requireExactlyOne", "requireNone"].some(
      (k) => k in x,
    ) ||
      Object.keys(x).length === 0);
  const holds = (on: Set<string>, c: Condition | Formula | undefined): boolean =>
    c !== undefined && !listForm(c) ? formula(on, c as Formula) : holdsList(on, c as Condition);
  const holdsList = (on: Set<string>, c: Condition | undefined) =>
    (!c?.allOf || c.allOf.every((x) => on.has(x))) &&
    (!c?.anyOf || c.anyOf.some((x) => on.has(x))) &&
    (!c?.noneOf || c.noneOf.every((x) => !on.has(x)));
  const then = (on: Set<string>, t: Consequence | Formula): boolean =>
    !listForm(t) ? formula(on, t as Formula) : thenList(on, t as Consequence);
  const thenList = (on: Set<string>, t: Consequence) =>
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
        // Mandatory options are on whenever their group applies (like retirements, always checked).
        if (applies && g.options.some((o) => o.mandatory && !on.has(o.id))) return false;
        if (applies && (n < (g.min ?? 0) || n > (g.max ?? g.options.length))) return false;
      }
      if (pkgOn)
        for (const rule of p.rules ?? [])
          if (uses(rule.id) && holds(on, rule.when) && !then(on, rule.then)) return false;
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
export interface Checked {
  compared: number;
  forcedChecked: number;
  switches: number;
  switchDisabled: number;
}

/**
 * Configures `rounds` random models (seeded) and compares every state and reason with enumeration.
 * With `sessions`, each model's picks are made one click at a time on the same compiled catalog
 * (so models, patches and answers kept from the earlier clicks are reused), and then the first
 * pick is taken back.
 */
export function compareWithOracle(seed: number, rounds: number, shape: Shape, sessions = false): Checked {
  const r = rng(seed);
  let compared = 0;
  let forcedChecked = 0;
  let switches = 0;
  let switchDisabled = 0;
  for (let round = 0; round < rounds; round++) {
    const doc = randomCatalog(r, shape);
    const catalog = compile(doc);
    const oracle = evaluator(doc);
    // Picks drawn from a random valid configuration keep the selection consistent.
    let drawn: string[] = [];
    if (oracle.models.length > 0) {
      const model = r.pick(oracle.models);
      drawn = sessions ? r.some([...model], 1, 5) : r.some([...model], 0, 3);
    }
    const steps = sessions ? [[], ...drawn.map((_, n) => drawn.slice(0, n + 1)), drawn.slice(1)] : [drawn];
    for (const picks of steps) {
      const sel = selectionFrom(doc, picks);
      // Add-ons picked only to carry option picks are picks too.
      const result = configure(catalog, sel);
      const effective = [
        ...sel.picks,
        ...sel.addOns.flatMap((a) => [a.package, ...a.picks]),
        ...result.defaultsApplied.picks,
      ];
      const ctx = `seed round ${round}${sessions ? ` click ${picks.length}` : ""}: ${JSON.stringify({ picks: effective, doc: doc.packages })}`;
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
  }
  return { compared, forcedChecked, switches, switchDisabled };
}
