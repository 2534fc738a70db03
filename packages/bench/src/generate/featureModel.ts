/**
 * Feature-model-shaped packages: a product line's variability model re-expressed as one base
 * package, as the SPL community publishes them (UVL models, Kconfig-derived models, the feature-model
 * benchmarks of Thüm et al. and Knüppel et al.).
 *
 * - A deep feature tree: every feature is an option; its children are option groups with that
 *   option as `parentOption` (the root's children are the package's top-level groups). Groups are
 *   mandatory (min = max = all), optional (0..all), or-groups (1..all), alternatives (pick one,
 *   1..1) and cardinality groups ([1..2], [2..3], …). Parents are drawn uniformly from the features
 *   made so far, which gives a random recursive tree: depth grows like e · ln(n) (> 10 levels here),
 *   most features are leaves, and a few have many children, as in the published models.
 * - Cross-tree rules over 2–10 options each: requires (a ⇒ b), excludes (a ⇒ ¬b), "depends on
 *   several" (a ⇒ b ∧ c), disjunctions (a ∧ b ⇒ c ∨ d ∨ …), "any of these needs that" and
 *   multi-excludes. As in Kconfig, most dependencies stay near the option (in the subtree of an
 *   ancestor a few levels up); the rest cross the whole tree.
 *
 * Keeping it honest: the generator knows nothing the solver could use. Rules are drawn at random
 * and kept only when a set of random reference configurations all satisfy them — the certificate
 * that the package is satisfiable — so some options end up dead or core, as in real models. Every
 * feature is a target of one reference configuration (which forces its ancestors on), so most
 * options stay pickable.
 *
 * The wide package is one pick-one group of n options and nothing else.
 */
import type { Catalog, Condition, Consequence, OptionGroup, Package, Rule } from "@tessera/schema";
import { nonEmpty } from "./prices.ts";
import { createRandom, type Random } from "./random.ts";

export interface FeatureModelShape {
  /** Package id (also the prefix of every option, group and rule id). */
  id: string;
  options: number;
  /** Cross-tree rules to keep. */
  rules: number;
  /** Mean options per group (the published models: ~3 for automotive, ~5.5 for Linux). */
  groupSize: number;
}

/** Sizes of the automotive-like and operating-system-like models. */
export const FM2500: FeatureModelShape = { id: "fm2500", options: 2513, rules: 2833, groupSize: 3.1 };
export const FM6500: FeatureModelShape = { id: "fm6500", options: 6467, rules: 25710, groupSize: 5.5 };

/** Reference configurations that certify satisfiability. */
const REFERENCES = 16;

interface Feature {
  id: string;
  depth: number;
  parent: number; // -1: the root (the package)
  group: number;
  children: number[]; // groups
}

interface Group {
  id: string;
  parent: number;
  min: number;
  max: number;
  options: number[];
}

/** The feature tree: features and their groups. */
function tree(rng: Random, shape: FeatureModelShape): { features: Feature[]; groups: Group[] } {
  const features: Feature[] = [];
  const groups: Group[] = [];
  const rootGroups: number[] = [];
  while (features.length < shape.options) {
    // The root takes the first groups, then a uniformly drawn feature (random recursive tree).
    const parent =
      features.length < shape.groupSize * 4 || rng.chance(0.01) ? -1 : rng.int(0, features.length - 1);
    const kind = rng.next();
    const spread = Math.max(1, Math.round(shape.groupSize * 2 - 1));
    let size = rng.int(1, spread);
    let min: number;
    let max: number;
    if (kind < 0.1) {
      size = Math.min(size, 2);
      min = size;
      max = size; // mandatory children
    } else if (kind < 0.55) {
      min = 0;
      max = size; // optional children
    } else if (kind < 0.7) {
      size = Math.max(size, 2);
      min = 1;
      max = size; // or-group
    } else if (kind < 0.92) {
      size = Math.max(size, 2);
      min = 1;
      max = 1; // alternative
    } else {
      size = Math.max(size, 3);
      min = rng.int(1, 2);
      max = min + 1; // cardinality group
    }
    size = Math.min(size, shape.options - features.length);
    min = Math.min(min, size);
    max = Math.min(max, size);
    const g: Group = { id: `${shape.id}-g${groups.length}`, parent, min, max, options: [] };
    const depth = parent < 0 ? 1 : features[parent]!.depth + 1;
    for (let k = 0; k < size; k++) {
      g.options.push(features.length);
      features.push({
        id: `${shape.id}-o${features.length}`,
        depth,
        parent,
        group: groups.length,
        children: [],
      });
    }
    if (parent < 0) rootGroups.push(groups.length);
    else features[parent]!.children.push(groups.length);
    groups.push(g);
  }
  return { features, groups };
}

/**
 * A random valid configuration of the tree (rules aside) containing as many of `targets` as fit:
 * a target forces its ancestors on; every applying group then gets a random count within its bounds.
 */
function reference(rng: Random, features: Feature[], groups: Group[], targets: number[]): Uint8Array {
  const on = new Uint8Array(features.length);
  const wanted = new Uint8Array(features.length);
  // A target is taken with its ancestors when they all fit their groups next to those taken.
  const taken = new Int32Array(groups.length);
  for (const t of targets) {
    let fits = true;
    for (let f = t; f >= 0 && fits; f = features[f]!.parent) {
      if (!wanted[f] && taken[features[f]!.group]! >= groups[features[f]!.group]!.max) fits = false;
    }
    if (!fits) continue;
    for (let f = t; f >= 0 && !wanted[f]; f = features[f]!.parent) {
      wanted[f] = 1;
      taken[features[f]!.group]!++;
    }
  }
  const fill = (gi: number) => {
    const g = groups[gi]!;
    const want = rng.shuffle(g.options.filter((o) => wanted[o]));
    const rest = rng.shuffle(g.options.filter((o) => !wanted[o]));
    const count = Math.max(
      g.min,
      Math.min(g.max, want.length + (rng.chance(0.5) ? rng.int(0, rest.length) : 0)),
    );
    for (const o of [...want, ...rest].slice(0, count)) {
      on[o] = 1;
      for (const c of features[o]!.children) fill(c);
    }
  };
  groups.forEach((g, gi) => {
    if (g.parent < 0) fill(gi);
  });
  return on;
}

/** A feature near `f`: in the subtree of one of its ancestors 1–4 levels up (Kconfig's locality). */
function near(rng: Random, features: Feature[], groups: Group[], f: number): number {
  let a = f;
  for (let up = rng.int(1, 4); up > 0 && features[a]!.parent >= 0; up--) a = features[a]!.parent;
  for (let down = rng.int(1, 5); down > 0; down--) {
    const kids = features[a]!.children;
    if (kids.length === 0) break;
    a = rng.pick(groups[rng.pick(kids)]!.options);
  }
  return a;
}

/** Generates the feature-model-shaped package and a catalog holding it. */
export function generateFeatureModelCatalog(seed: number, shape: FeatureModelShape): Catalog {
  const rng = createRandom(seed);
  const { features, groups } = tree(rng, shape);
  const order = rng.shuffle(features.map((_, i) => i));
  const per = Math.ceil(order.length / REFERENCES);
  const refs = Array.from({ length: REFERENCES }, (_, k) =>
    reference(rng, features, groups, order.slice(k * per, (k + 1) * per)),
  );
  // More references for the features none reached yet (targets that clash in a pick-one group
  // push each other out), until every feature is in one.
  for (let extra = 0; extra < REFERENCES; extra++) {
    const open = order.filter((f) => !refs.some((ref) => ref[f] === 1));
    if (open.length === 0) break;
    refs.push(reference(rng, features, groups, open));
  }
  const holds = (
    on: (f: number) => boolean,
    r: { all: number[]; any: number[]; req: number[]; reqAny: number[]; none: number[] },
  ) =>
    !(r.all.every(on) && (r.any.length === 0 || r.any.some(on))) ||
    (r.req.every(on) && (r.reqAny.length === 0 || r.reqAny.some(on)) && !r.none.some(on));
  const other = (f: number) =>
    rng.chance(0.6) ? near(rng, features, groups, f) : rng.int(0, features.length - 1);
  const distinct = (xs: number[]) => [...new Set(xs)];

  const rules: Rule[] = [];
  const attempts = shape.rules * 60;
  for (let tries = 0; tries < attempts && rules.length < shape.rules; tries++) {
    const a = rng.int(0, features.length - 1);
    const kind = rng.next();
    const r = {
      all: [a],
      any: [] as number[],
      req: [] as number[],
      reqAny: [] as number[],
      none: [] as number[],
    };
    if (kind < 0.4) r.req = [other(a)];
    else if (kind < 0.6) r.none = [other(a)];
    else if (kind < 0.72) r.req = distinct(Array.from({ length: rng.int(2, 4) }, () => other(a)));
    else if (kind < 0.88) {
      if (rng.chance(0.5)) r.all.push(other(a));
      r.reqAny = distinct(Array.from({ length: rng.int(2, 8) }, () => other(a)));
    } else if (kind < 0.95) {
      r.all = [];
      r.any = distinct([a, ...Array.from({ length: rng.int(1, 5) }, () => other(a))]);
      r.req = [other(a)];
    } else r.none = distinct(Array.from({ length: rng.int(2, 6) }, () => other(a)));
    const premise = new Set([...r.all, ...r.any]);
    if ([...r.req, ...r.reqAny, ...r.none].some((f) => premise.has(f))) continue;
    if (!refs.every((ref) => holds((f) => ref[f] === 1, r))) continue;
    const ids = (xs: number[]) => nonEmpty(xs.map((f) => features[f]!.id));
    const when: Condition = {};
    if (r.all.length > 0) when.allOf = ids(r.all);
    if (r.any.length > 0) when.anyOf = ids(r.any);
    const then: Consequence = {};
    if (r.req.length > 0) then.requireAll = ids(r.req);
    if (r.reqAny.length > 0) then.requireAny = ids(r.reqAny);
    if (r.none.length > 0) then.requireNone = ids(r.none);
    rules.push({ id: `${shape.id}-r${rules.length}`, when, then });
  }

  const optionGroups: OptionGroup[] = groups.map((g) => ({
    id: g.id,
    name: `Group ${g.id.slice(shape.id.length + 2)}`,
    min: g.min,
    max: g.max,
    ...(g.parent >= 0 ? { parentOption: features[g.parent]!.id } : {}),
    options: nonEmpty(g.options.map((f) => ({ id: features[f]!.id, name: `Feature ${f}` }))),
  }));
  return catalogOf(shape.id, `Product line ${shape.id}`, optionGroups, rules);
}

/** A catalog whose one base package is a single pick-one group of `n` options. */
export function generateWideCatalog(n: number): Catalog {
  const id = `wide${n}`;
  const options = Array.from({ length: n }, (_, k) => ({ id: `${id}-o${k}`, name: `Choice ${k}` }));
  const group: OptionGroup = { id: `${id}-g`, name: "Region", min: 1, max: 1, options: nonEmpty(options) };
  return catalogOf(id, `One group of ${n} options`, [group], []);
}

function catalogOf(id: string, name: string, optionGroups: OptionGroup[], rules: Rule[]): Catalog {
  const base: Package = {
    id,
    name,
    portfolio: "lines",
    role: "base",
    tier: 1,
    status: "active",
    terms: [{ months: 12, default: true }],
    billingPeriods: ["month"],
    charges: [],
    optionGroups,
    ...(rules.length > 0 ? { rules } : {}),
  };
  return {
    id: `catalog-${id}`,
    name,
    version: 1,
    effectiveDate: "2026-01-01",
    currencies: ["USD"],
    services: [],
    portfolios: [{ id: "lines", name: "Product lines" }],
    packages: [base],
  };
}
