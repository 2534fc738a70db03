/**
 * The big configurable package: ≥ 1,000 options in ~150 groups (some nested two levels deep) and
 * ≥ 3,000 rules that interact — requires chains across groups, excludes across groups,
 * requireAny / requireExactlyOne, compound conditions, rules over add-ons, group cardinalities —
 * yet stay satisfiable with every option pickable.
 *
 * How it stays satisfiable: every option belongs to one of PROFILES "profiles". A group holds at
 * most one option per profile (a nested group holds options of its parent's profile only), and
 * every group with min ≥ 1 holds one option of every profile. Every rule is written so that the
 * configuration "all options of profile p" (plus add-on p) satisfies it, for every p: requires
 * stay inside a profile, excludes cross profiles, requireAny/ExactlyOne lists contain exactly one
 * option of the condition's profile. So each option is pickable (its profile's configuration
 * contains it), while mixed configurations are constrained by long chains of interacting rules —
 * which is what a backtrack-free configurator has to work out after each click.
 */
import type {
  Charge,
  Component,
  Condition,
  Consequence,
  Option,
  OptionGroup,
  Package,
  QuantityRule,
  Rule,
} from "@tessera/schema";
import { nonEmpty, optionCharge, recurringPoints, tieredPoints, usagePoints } from "./prices.ts";
import type { Random } from "./random.ts";

export const PROFILES = 10;

const REQUIRED_GROUPS = 60;
const OPTIONAL_GROUPS = 50;
const NESTED_GROUPS = 40;

const THEMES = [
  "Compliance",
  "Networking",
  "Identity",
  "Analytics",
  "Storage",
  "Integrations",
  "Workflow",
  "Security",
  "Reporting",
  "Localization",
  "Automation",
  "Observability",
];
const PROFILE_NAMES = [
  "Standard",
  "Regulated",
  "Edge",
  "High availability",
  "Sovereign",
  "Low latency",
  "Cost optimized",
  "Developer",
  "Public sector",
  "Retail",
];

interface BigOption {
  id: string;
  group: string;
  profile: number;
}

export interface BigPackageResult {
  base: Package;
  addOns: Package[];
  /** The profile of every option (the key to the satisfiability argument above; used by tests). */
  profiles: ReadonlyMap<string, number>;
}

/** Builds big package number `index` in portfolio `portfolio`, using services from `services`. */
export function generateBigPackage(
  rng: Random,
  index: number,
  portfolio: string,
  services: readonly string[],
): BigPackageResult {
  const id = `big-${index}`;
  const options: BigOption[] = [];
  const byProfile: BigOption[][] = Array.from({ length: PROFILES }, () => []);
  const charges: Charge[] = [];
  let optionCount = 0;

  /** A group while it is being filled: the schema type wants a non-empty options list. */
  interface Draft {
    group: Omit<OptionGroup, "options">;
    options: Option[];
  }
  const drafts: Draft[] = [];

  const addOption = (draft: Draft, profile: number): BigOption => {
    const n = optionCount++;
    const o: BigOption = { id: `${id}-o${n}`, group: draft.group.id, profile };
    const theme = THEMES[n % THEMES.length]!;
    draft.options.push({
      id: o.id,
      name: `${theme} ${PROFILE_NAMES[profile]} ${n}`,
      description: `${theme} capability tuned for ${PROFILE_NAMES[profile]!.toLowerCase()} deployments.`,
      ...(n % 3 === 0 ? { service: rng.pick(services) } : {}),
      // The recommended configuration is profile 0: it satisfies every rule and every group.
      ...(profile === 0 ? { default: true } : {}),
    });
    if (n % 4 === 0)
      charges.push(optionCharge(`${o.id}-fee`, `${theme} option ${n}`, o.id, rng.int(5, 400) * 100));
    options.push(o);
    byProfile[profile]!.push(o);
    return o;
  };

  const newGroup = (name: string, min: number, max: number | undefined, parentOption?: string): Draft => {
    const group: Draft["group"] = { id: `${id}-g${drafts.length}`, name, min };
    if (max !== undefined) group.max = max;
    if (parentOption !== undefined) group.parentOption = parentOption;
    const draft = { group, options: [] };
    drafts.push(draft);
    return draft;
  };

  // Required groups: one option per profile; radio (1..1) or pick-a-few (1..3).
  for (let i = 0; i < REQUIRED_GROUPS; i++) {
    const g = newGroup(`${THEMES[i % THEMES.length]} choice ${i}`, 1, i % 3 === 2 ? 3 : 1);
    for (const p of rng.shuffle([...Array(PROFILES).keys()])) addOption(g, p);
  }
  // Optional groups: a random subset of profiles; 0..1 or a checklist 0..3.
  for (let i = 0; i < OPTIONAL_GROUPS; i++) {
    const g = newGroup(`${THEMES[(i + 5) % THEMES.length]} extras ${i}`, 0, i % 2 === 0 ? 1 : 3);
    const size = rng.int(4, PROFILES);
    for (const p of rng.shuffle([...Array(PROFILES).keys()]).slice(0, size)) addOption(g, p);
  }
  // Nested groups under an option, of that option's profile: they apply only when it is picked.
  const parents = rng.shuffle(options).slice(0, NESTED_GROUPS);
  let nestedDepth2 = 0;
  for (const parent of parents) {
    const size = rng.int(2, 4);
    const g = newGroup(`Settings for ${parent.id}`, 1, size, parent.id);
    const nested = Array.from({ length: size }, () => addOption(g, parent.profile));
    if (nestedDepth2 < 10) {
      nestedDepth2++;
      const g2 = newGroup(`Advanced settings for ${nested[0]!.id}`, 1, 2, nested[0]!.id);
      addOption(g2, parent.profile);
      addOption(g2, parent.profile);
    }
  }

  const groups: OptionGroup[] = drafts.map((d) => ({ ...d.group, options: nonEmpty(d.options) }));

  const addOnId = (p: number) => `${id}-addon-${p}`;
  const rules: Rule[] = [];
  const rule = (when: Condition | undefined, consequence: Consequence, description?: string) => {
    // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
    const r: Rule = { id: `${id}-r${rules.length}`, then: consequence };
    if (when !== undefined) r.when = when;
    if (description !== undefined) r.description = description;
    rules.push(r);
  };
  const other = (p: number): BigOption => {
    for (;;) {
      const o = rng.pick(options);
      if (o.profile !== p) return o;
    }
  };
  const sameProfile = (a: BigOption): BigOption => {
    const list = byProfile[a.profile]!;
    for (;;) {
      const o = rng.pick(list);
      if (o.group !== a.group) return o;
    }
  };

  // Requires chains inside each profile, walking across groups: a → b → c → …
  for (const list of byProfile) {
    const order = rng.shuffle(list);
    for (let i = 0; i + 1 < order.length; i++) {
      const [a, b] = [order[i]!, order[i + 1]!];
      if (a.group === b.group || i % 9 === 8) continue; // chains of up to 8 links
      rule({ allOf: [a.id] }, { requireAll: [b.id] }, `${a.id} builds on ${b.id}.`);
    }
  }
  // More requires between random pairs of one profile (chains merge into a web).
  for (let i = 0; i < 150; i++) {
    const a = rng.pick(options);
    const b = sameProfile(a);
    rule({ allOf: [a.id] }, { requireAll: [b.id] });
  }
  // Excludes across profiles and groups.
  for (let i = 0; i < 1000; i++) {
    const a = rng.pick(options);
    const x = other(a.profile);
    const y = other(a.profile);
    rule(
      { allOf: [a.id] },
      { requireNone: x.id === y.id || i % 2 === 0 ? [x.id] : [x.id, y.id] },
      `${a.id} cannot run together with ${x.id}.`,
    );
  }
  // At least one of a set spanning groups; exactly one of the set is of the condition's profile.
  for (let i = 0; i < 400; i++) {
    const a = rng.pick(options);
    const set = new Set([sameProfile(a).id, other(a.profile).id, other(a.profile).id]);
    rule({ allOf: [a.id] }, { requireAny: nonEmpty(rng.shuffle([...set])) });
  }
  // Exactly one of a set (alternatives across groups).
  for (let i = 0; i < 300; i++) {
    const a = rng.pick(options);
    const set = new Set([sameProfile(a).id, other(a.profile).id, other(a.profile).id]);
    if (set.size < 2) continue;
    const [first, second, ...rest] = rng.shuffle([...set]);
    rule({ allOf: [a.id] }, { requireExactlyOne: [first!, second!, ...rest] });
  }
  // Compound conditions: two picks of one profile together require a third.
  for (let i = 0; i < 200; i++) {
    const a = rng.pick(options);
    const b = sameProfile(a);
    const c = sameProfile(a);
    rule({ allOf: [a.id, b.id] }, { requireAll: [c.id] });
  }
  // Either of two picks excludes an option of another profile.
  for (let i = 0; i < 200; i++) {
    const a = rng.pick(options);
    const b = sameProfile(a);
    rule({ anyOf: [a.id, b.id] }, { requireNone: [other(a.profile).id] });
  }
  // "Without x, no y" (y needs x, written as a noneOf condition), inside a profile.
  for (let i = 0; i < 100; i++) {
    const x = rng.pick(options);
    const y = sameProfile(x);
    rule({ noneOf: [x.id] }, { requireNone: [y.id] });
  }
  // Unconditional: at least one of a set holding one option of every profile.
  for (let i = 0; i < 20; i++) {
    rule(
      undefined,
      { requireAny: nonEmpty(byProfile.map((list) => rng.pick(list).id)) },
      "Every configuration includes at least one of these capabilities.",
    );
  }
  // Options that need their profile's add-on (not profile 0, whose configuration is the defaults).
  for (let i = 0; i < 60; i++) {
    const a = rng.pick(options);
    if (a.profile === 0) continue;
    rule({ allOf: [a.id] }, { requireAll: [addOnId(a.profile)] });
  }

  // Quantities: seats drive the rest through linear relations.
  const components: Component[] = [
    {
      id: `${id}-seats`,
      service: services[0]!,
      name: "Seats",
      included: 10,
      min: 10,
      max: 100000,
      default: 50,
    },
    { id: `${id}-admins`, service: services[1]!, name: "Admin seats", min: 1, max: 1000, default: 5 },
    {
      id: `${id}-storage`,
      service: services[2]!,
      name: "Storage (GB)",
      included: 100,
      min: 0,
      step: 10,
      default: 200,
    },
    { id: `${id}-sandboxes`, service: services[3]!, name: "Sandboxes", min: 0, max: 50, default: 1 },
    { id: `${id}-api`, service: services[4]!, name: "API calls" },
  ];
  const quantityRules: QuantityRule[] = [
    {
      id: `${id}-q-storage`,
      description: "Storage is at most 20 GB per seat.",
      terms: [
        { component: `${id}-storage`, coefficient: 1 },
        { component: `${id}-seats`, coefficient: -20 },
      ],
      comparator: "<=",
      bound: 0,
    },
    {
      id: `${id}-q-admins`,
      description: "At most one admin seat per 5 seats.",
      terms: [
        { component: `${id}-admins`, coefficient: 5 },
        { component: `${id}-seats`, coefficient: -1 },
      ],
      comparator: "<=",
      bound: 0,
    },
    {
      id: `${id}-q-sandboxes`,
      description: "Each sandbox needs an admin.",
      when: { allOf: [byProfile[0]![0]!.id] },
      terms: [
        { component: `${id}-sandboxes`, coefficient: 1 },
        { component: `${id}-admins`, coefficient: -1 },
      ],
      comparator: "<=",
      bound: 0,
    },
  ];
  const periods = ["month", "year"] as const;
  charges.unshift(
    {
      id: `${id}-platform`,
      name: "Platform fee",
      model: "flat",
      pricePoints: recurringPoints(250000, "amount", periods),
    },
    {
      id: `${id}-seat-fee`,
      name: "Seats (graduated)",
      model: "tiered",
      component: `${id}-seats`,
      pricePoints: tieredPoints(
        [
          [100, 3000],
          [1000, 2500],
          [null, 2000],
        ],
        periods,
      ),
    },
    {
      id: `${id}-storage-fee`,
      name: "Storage",
      model: "per_unit",
      component: `${id}-storage`,
      blockSize: 10,
      pricePoints: recurringPoints(300, "unitAmount", periods),
    },
    {
      id: `${id}-api-fee`,
      name: "API calls",
      model: "usage",
      component: `${id}-api`,
      pricePoints: usagePoints(
        1000000,
        [
          [10000000, 300],
          [null, 150],
        ],
        periods,
      ),
    },
  );

  const base: Package = {
    id,
    name: `Platform Enterprise ${index}`,
    description: "A highly configurable enterprise platform: pick capabilities across many areas.",
    portfolio,
    role: "base",
    tier: 1,
    status: "active",
    effectiveFrom: "2026-01-01",
    tags: ["enterprise", "configurable"],
    components,
    optionGroups: groups,
    rules,
    quantityRules,
    terms: [
      { months: 12, default: true },
      { months: 36, discountPercent: "10" },
    ],
    billingPeriods: [...periods],
    paymentTerms: ["net_30", "net_60"],
    charges,
    renewal: { terms: [12, 36], pricePolicy: "capped", upliftCapPercent: "5", autoRenew: true },
    termination: {
      noticeDays: 90,
      effective: "end_of_term",
      retentionOffers: [
        {
          id: `${id}-retain`,
          name: "10% off for 12 months",
          kind: "discount",
          discountPercent: "10",
          periods: 12,
        },
      ],
    },
  };

  const addOns: Package[] = Array.from({ length: PROFILES }, (_, p) => ({
    id: addOnId(p),
    name: `${PROFILE_NAMES[p]} pack for Platform Enterprise ${index}`,
    description: `Services and support for ${PROFILE_NAMES[p]!.toLowerCase()} deployments.`,
    portfolio,
    role: "add_on",
    tier: 0,
    status: "active",
    effectiveFrom: "2026-01-01",
    tags: ["pack"],
    terms: [{ months: 12, default: true }, { months: 36 }],
    billingPeriods: [...periods],
    charges: [
      {
        id: `${addOnId(p)}-fee`,
        name: `${PROFILE_NAMES[p]} pack`,
        model: "flat",
        pricePoints: recurringPoints(rng.int(50, 900) * 100, "amount"),
      },
    ],
    addOn: {
      packages: [id],
      // Neighbouring packs do not mix: add-on picks interact with option rules.
      excludes: [addOnId((p + 1) % PROFILES), addOnId((p + PROFILES - 1) % PROFILES)],
    },
  }));

  return { base, addOns, profiles: new Map(options.map((o) => [o.id, o.profile])) };
}
