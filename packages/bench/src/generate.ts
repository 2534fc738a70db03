/**
 * Deterministic large-catalog generator for benchmarks and scale tests.
 *
 * `generateCatalog({ seed, scale })` gives the same catalog for the same arguments on every
 * machine (seeded PRNG, no clock). At scale 1: 40 portfolios of 130 services, a 5-step base ladder
 * (plus a retired legacy package with a successor in every fourth portfolio) and 21 add-ons each
 * — 5,200+ services and 1,050+ packages using every price model — plus one big configurable package
 * `big-0` with ≥ 1,000 options and ≥ 3,000 interacting rules (see `generate/big.ts`), and
 * path rules ending in a default case. Scale N multiplies portfolios, services, packages and big
 * packages (`big-0` … `big-{N-1}`) by N; the path rules stay a fixed, realistic handful.
 */
import type {
  AtomicService,
  Catalog,
  Charge,
  Component,
  Consequence,
  OptionGroup,
  Package,
  PathRuleCase,
  Portfolio,
  Rule,
} from "@tessera/schema";
import { generateBigPackage } from "./generate/big.ts";
import {
  type BillingPeriod,
  CURRENCIES,
  nonEmpty,
  oneTimePoints,
  optionCharge,
  recurringPoints,
  stairstepPoints,
  tieredPoints,
  usagePoints,
} from "./generate/prices.ts";
import { createRandom, type Random } from "./generate/random.ts";

export interface GenerateOptions {
  /** Any 32-bit integer; the same seed gives the same catalog. */
  seed: number;
  /** Size multiplier, a positive integer: 1 is the reference size. */
  scale: number;
}

export const PORTFOLIOS_PER_SCALE = 40;
export const SERVICES_PER_PORTFOLIO = 130;
export const ADD_ONS_PER_PORTFOLIO = 21;
const TIER_NAMES = ["Starter", "Team", "Business", "Enterprise", "Ultimate"];
const LINES = [
  "Collaboration",
  "Analytics",
  "Edge Compute",
  "Payments",
  "Messaging",
  "Observability",
  "Identity",
  "Data Warehouse",
  "Field Service",
  "Connected Fleet",
  "Home Security",
  "Learning",
];
const UNITS: Record<AtomicService["kind"], string[]> = {
  recurring: ["seat", "GB", "workspace", "site", "license", "user"],
  usage: ["API call", "GB transferred", "minute", "message", "event"],
  one_time: ["hour", "visit", "migration"],
  physical: ["device", "kit", "shipment"],
};

function serviceKind(k: number): AtomicService["kind"] {
  const r = k % 10;
  return r < 6 ? "recurring" : r < 7 ? "usage" : r < 8 ? "one_time" : "physical";
}

function generateServices(rng: Random, p: number, line: string): AtomicService[] {
  return Array.from({ length: SERVICES_PER_PORTFOLIO }, (_, k) => {
    const kind = serviceKind(k);
    const unit = rng.pick(UNITS[kind]);
    const s: AtomicService = {
      id: `svc-${p}-${k}`,
      name: `${line} ${kind === "physical" ? "hardware" : "capability"} ${k}`,
      description: `${line} ${kind.replace("_", "-")} service number ${k}, billed per ${unit}.`,
      unit,
      kind,
      status: "active",
      entitlements: [{ key: `${line.toLowerCase().replace(/ /g, "_")}.feature_${k}` }],
      tags: [kind, `line-${p % LINES.length}`],
    };
    if (k % 17 === 0)
      s.entitlements!.push({
        key: `${line.toLowerCase().replace(/ /g, "_")}.limit_${k}`,
        value: 100 * (k + 1),
      });
    return s;
  });
}

/** Billing periods of a portfolio: most sell monthly and yearly, some add quarterly. */
function portfolioPeriods(p: number): BillingPeriod[] {
  return p % 5 === 3 ? ["month", "quarter", "year"] : ["month", "year"];
}

/** "When all of `picks`, then `consequence`". */
function rule(id: string, description: string, picks: [string, ...string[]], consequence: Consequence): Rule {
  // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
  return { id, description, when: { allOf: picks }, then: consequence };
}

function basePackage(
  rng: Random,
  p: number,
  tier: number,
  periods: BillingPeriod[],
  addOnIds: string[],
): Package {
  const id = `pkg-${p}-t${tier}`;
  const svc = (k: number) => `svc-${p}-${k}`;
  const seats = `${id}-seats`;
  const storage = `${id}-storage`;
  const usage = `${id}-usage`;
  const devices = `${id}-devices`;
  const components: Component[] = [
    {
      id: seats,
      service: svc(tier),
      name: "Seats",
      included: tier * 2,
      min: 1,
      max: 1000 * tier,
      default: tier * 5,
    },
    {
      id: storage,
      service: svc(10 + tier),
      name: "Storage (GB)",
      included: 50 * tier,
      min: 0,
      step: 10,
      default: 50 * tier,
    },
    { id: usage, service: svc(6 + 10 * tier), name: "Metered usage" },
    { id: devices, service: svc(8 + 10 * tier), name: "Devices", min: 0, max: 100, default: 0 },
  ];
  const seatModel = (p + tier) % 3;
  const seatPrice = 800 + tier * 400;
  const charges: Charge[] = [
    {
      id: `${id}-platform`,
      name: "Platform fee",
      model: "flat",
      pricePoints: recurringPoints(tier * 2500, "amount", periods),
    },
    seatModel === 0
      ? {
          id: `${id}-seat-fee`,
          name: "Seats",
          model: "per_unit",
          component: seats,
          pricePoints: recurringPoints(seatPrice, "unitAmount", periods),
        }
      : {
          id: `${id}-seat-fee`,
          name: seatModel === 1 ? "Seats (graduated)" : "Seats (volume)",
          model: seatModel === 1 ? "tiered" : "volume",
          component: seats,
          pricePoints: tieredPoints(
            [
              [10, seatPrice],
              [50, seatPrice - 200],
              [null, seatPrice - 400],
            ],
            periods,
          ),
        },
    (p + tier) % 2 === 0
      ? {
          id: `${id}-storage-fee`,
          name: "Storage (stairstep)",
          model: "stairstep",
          component: storage,
          pricePoints: stairstepPoints(
            [
              [100, 1000],
              [500, 4000],
              [2000, 12000],
              [null, 30000],
            ],
            periods,
          ),
        }
      : {
          id: `${id}-storage-fee`,
          name: "Storage",
          model: "per_unit",
          component: storage,
          blockSize: 10,
          pricePoints: recurringPoints(200, "unitAmount", periods),
        },
    {
      id: `${id}-usage-fee`,
      name: "Metered usage",
      model: "usage",
      component: usage,
      pricePoints: usagePoints(
        10000 * tier,
        [
          [100000, 500],
          [1000000, 300],
          [null, 100],
        ],
        periods,
      ),
    },
    {
      id: `${id}-devices-fee`,
      name: "Devices",
      model: "one_time",
      component: devices,
      pricePoints: oneTimePoints(19900, "unitAmount"),
    },
    { id: `${id}-setup`, name: "Setup", model: "one_time", pricePoints: oneTimePoints(tier * 50000) },
  ];

  // Support: a radio choice; features: a checklist, with settings nested under one feature.
  const support: OptionGroup = {
    id: `${id}-support`,
    name: "Support level",
    min: 1,
    max: 1,
    options: [
      { id: `${id}-support-standard`, name: "Standard support", default: true },
      { id: `${id}-support-premium`, name: "Premium support", service: svc(20 + tier) },
      { id: `${id}-support-premier`, name: "Premier 24/7 support", service: svc(30 + tier) },
    ],
  };
  const featureCount = 3 + tier;
  const features: OptionGroup = {
    id: `${id}-features`,
    name: "Features",
    min: 0,
    max: featureCount,
    options: nonEmpty(
      Array.from({ length: featureCount }, (_, k) => ({
        id: `${id}-f${k}`,
        name: `Feature ${k}`,
        service: svc(40 + ((tier * 7 + k) % 80)),
      })),
    ),
  };
  const groups = [support, features];
  if (tier >= 3)
    groups.push({
      id: `${id}-f0-settings`,
      name: "Feature 0 settings",
      min: 1,
      max: 2,
      parentOption: `${id}-f0`,
      options: [
        { id: `${id}-f0-eu`, name: "Hosted in the EU" },
        { id: `${id}-f0-us`, name: "Hosted in the US" },
        { id: `${id}-f0-apac`, name: "Hosted in APAC" },
      ],
    });
  charges.push(
    optionCharge(`${id}-premium-fee`, "Premium support", `${id}-support-premium`, 9900 * tier),
    optionCharge(`${id}-premier-fee`, "Premier support", `${id}-support-premier`, 29900 * tier),
    optionCharge(`${id}-f1-fee`, "Feature 1", `${id}-f1`, 1500 * tier),
  );
  const rules: Rule[] = [
    rule(`${id}-r-f1-f2`, "Feature 1 builds on feature 2.", [`${id}-f1`], { requireAll: [`${id}-f2`] }),
    rule(`${id}-r-f2-support`, "Feature 2 needs premium or premier support.", [`${id}-f2`], {
      requireAny: [`${id}-support-premium`, `${id}-support-premier`],
    }),
    rule(`${id}-r-f3-premier`, "Feature 3 is covered by standard or premium support only.", [`${id}-f3`], {
      requireNone: [`${id}-support-premier`],
    }),
  ];
  if (addOnIds[0] !== undefined)
    rules.push(
      rule(`${id}-r-f0-addon`, "Feature 0 needs the core add-on.", [`${id}-f0`], {
        requireAll: [addOnIds[0]],
      }),
    );

  const pkg: Package = {
    id,
    name: TIER_NAMES[tier - 1]!,
    description: `${TIER_NAMES[tier - 1]} plan of portfolio ${p}.`,
    portfolio: `pf-${p}`,
    role: "base",
    tier,
    status: "active",
    effectiveFrom: "2026-01-01",
    tags: [TIER_NAMES[tier - 1]!.toLowerCase(), `pf-${p}`],
    components,
    optionGroups: groups,
    rules,
    quantityRules: [
      {
        id: `${id}-q-storage`,
        description: "Storage is at most 10 GB per seat plus the included storage.",
        terms: [
          { component: storage, coefficient: 1 },
          { component: seats, coefficient: -10 },
        ],
        comparator: "<=",
        bound: 50 * tier,
      },
    ],
    terms: [
      { months: 1 },
      { months: 12, discountPercent: "5", default: true },
      { months: 36, discountPercent: "12" },
    ],
    billingPeriods: nonEmpty(periods),
    paymentTerms: tier >= 3 ? ["net_30", "net_60"] : ["due_on_receipt"],
    charges,
    renewal:
      tier % 3 === 0
        ? { pricePolicy: "locked", autoRenew: true }
        : tier % 3 === 1
          ? { pricePolicy: "list", autoRenew: true }
          : { terms: [12, 36], pricePolicy: "capped", upliftCapPercent: "7", autoRenew: true },
    termination: {
      noticeDays: 30,
      effective: "end_of_term",
      retentionOffers: [
        {
          id: `${id}-retain-discount`,
          name: "20% off for 3 months",
          kind: "discount",
          discountPercent: "20",
          periods: 3,
        },
        ...(tier > 1
          ? [
              {
                id: `${id}-retain-downgrade`,
                name: "Move to a smaller plan",
                kind: "downgrade" as const,
                to: `pkg-${p}-t${tier - 1}`,
              },
            ]
          : []),
      ],
    },
  };
  if (tier <= 2) pkg.phases = [{ type: "trial", days: 14 }];
  else if (tier === 3) pkg.phases = [{ type: "intro", periods: 3, discountPercent: "25" }];
  if (tier >= 4 && addOnIds[1] !== undefined) pkg.includedAddOns = [{ addOn: addOnIds[1] }];
  if (rng.chance(0.3)) pkg.tags!.push("featured");
  return pkg;
}

function addOnPackage(rng: Random, p: number, k: number, portfolioCount: number): Package {
  const id = `pkg-${p}-a${k}`;
  const svc = `svc-${p}-${60 + k}`;
  const pkg: Package = {
    id,
    name: `${LINES[(p + k) % LINES.length]} add-on ${k}`,
    description: `Extends the plans of portfolio ${p} with add-on ${k}.`,
    portfolio: `pf-${p}`,
    role: "add_on",
    tier: 0,
    status: "active",
    effectiveFrom: "2026-01-01",
    tags: ["add-on"],
    components: [{ id: `${id}-units`, service: svc, name: "Units", included: 1, min: 1, max: 1 }],
    terms: [{ months: 1 }, { months: 12, default: true }, { months: 36 }],
    // Only what the portfolio's bases bill (addon.billing-period-not-offered otherwise).
    billingPeriods: nonEmpty(portfolioPeriods(p)),
    charges: [
      k % 3 === 0
        ? {
            id: `${id}-fee`,
            name: "Add-on fee",
            model: "per_unit",
            pricePoints: recurringPoints(rng.int(5, 200) * 100, "unitAmount"),
          }
        : {
            id: `${id}-fee`,
            name: "Add-on fee",
            model: "flat",
            pricePoints: recurringPoints(rng.int(5, 500) * 100, "amount"),
          },
    ],
  };
  // Compatibility: all bases of its portfolio (k % 4 == 0, the default), a minimum tier, listed
  // packages, or two portfolios.
  if (k % 4 === 1) pkg.addOn = { portfolios: [`pf-${p}`], minTier: 1 + (k % 3) };
  else if (k % 4 === 2)
    pkg.addOn = { packages: [`pkg-${p}-t3`, `pkg-${p}-t4`, `pkg-${p}-t5`], maxQuantity: 10 };
  else if (k % 4 === 3)
    pkg.addOn = { portfolios: [`pf-${p}`, `pf-${(p + 1) % portfolioCount}`], onIncompatibleBase: "cancel" };
  if (k % 4 === 0 && k > 0) pkg.addOn = { requires: [`pkg-${p}-a0`], maxQuantity: 5 };
  if (k % 7 === 2 && k % 4 === 2) pkg.addOn = { ...pkg.addOn, excludes: [`pkg-${p}-a${k + 4}`] };
  if (k % 5 === 0) {
    pkg.optionGroups = [
      {
        id: `${id}-region`,
        name: "Region",
        min: 1,
        max: 1,
        options: [
          { id: `${id}-region-eu`, name: "EU", default: true },
          { id: `${id}-region-us`, name: "US" },
        ],
      },
    ];
  }
  return pkg;
}

function legacyPackage(p: number, periods: BillingPeriod[]): Package {
  const id = `pkg-${p}-legacy`;
  return {
    id,
    name: "Team (2023 edition)",
    description: "The previous Team plan, no longer sold; customers renew into Team.",
    portfolio: `pf-${p}`,
    role: "base",
    tier: 2,
    status: "retired",
    effectiveFrom: "2023-01-01",
    effectiveTo: "2025-12-31",
    successor: `pkg-${p}-t2`,
    tags: ["legacy"],
    components: [{ id: `${id}-seats`, service: `svc-${p}-2`, name: "Seats", min: 1, max: 500, default: 5 }],
    terms: [{ months: 12, default: true }],
    billingPeriods: nonEmpty(periods),
    charges: [
      {
        id: `${id}-seat-fee`,
        name: "Seats",
        model: "per_unit",
        component: `${id}-seats`,
        pricePoints: recurringPoints(1000, "unitAmount"),
      },
    ],
  };
}

function pathRules(portfolioCount: number): PathRuleCase[] {
  return [
    {
      id: "path-trial-changes-now",
      description: "During a trial, plan changes apply at once without proration.",
      kinds: ["upgrade", "downgrade", "crossgrade"],
      phases: ["trial"],
      outcome: { timing: "immediate", proration: "none" },
    },
    {
      id: "path-flagship-downgrade",
      description: "The flagship line keeps customers 90 days before a downgrade, at term end.",
      kinds: ["downgrade"],
      from: { portfolios: ["pf-0"] },
      outcome: { timing: "end_of_term", proration: "none", minimumDaysOnCurrent: 90 },
    },
    {
      id: "path-cross-line",
      description: "Business customers of line 0 may switch to line 1's Business plan at once.",
      kinds: ["crossgrade"],
      from: { packages: ["pkg-0-t3"] },
      to: { packages: [`pkg-${1 % portfolioCount}-t3`] },
      outcome: { timing: "immediate", proration: "prorate", termRestarts: true },
    },
    {
      id: "path-upgrade-now",
      kinds: ["upgrade"],
      outcome: { timing: "immediate", proration: "prorate" },
    },
    {
      id: "path-annual-downgrade",
      kinds: ["downgrade"],
      billingPeriods: ["quarter", "year"],
      outcome: { timing: "end_of_term", proration: "none" },
    },
    {
      id: "path-downgrade-next-bill",
      kinds: ["downgrade"],
      outcome: { timing: "next_billing_date", proration: "none" },
    },
    { id: "path-renew", kinds: ["renew"], outcome: { timing: "end_of_term", termRestarts: true } },
    { id: "path-terminate", kinds: ["terminate"], outcome: { timing: "end_of_term", proration: "none" } },
    {
      id: "path-default",
      description: "Anything else at the end of the term.",
      outcome: { timing: "end_of_term" },
    },
  ];
}

/** Generates a valid catalog of the given size; same options, same catalog. */
export function generateCatalog({ seed, scale }: GenerateOptions): Catalog {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale must be a positive integer, got ${scale}`);
  const rng = createRandom(seed);
  const portfolioCount = PORTFOLIOS_PER_SCALE * scale;
  const services: AtomicService[] = [];
  const portfolios: Portfolio[] = [];
  const packages: Package[] = [];

  for (let p = 0; p < portfolioCount; p++) {
    const line = LINES[p % LINES.length]!;
    services.push(...generateServices(rng, p, line));
    const periods = portfolioPeriods(p);
    const addOns = Array.from({ length: ADD_ONS_PER_PORTFOLIO }, (_, k) =>
      addOnPackage(rng, p, k, portfolioCount),
    );
    const addOnIds = addOns.map((a) => a.id);
    const bases = [1, 2, 3, 4, 5].map((tier) => basePackage(rng, p, tier, periods, addOnIds));
    const portfolio: Portfolio = {
      id: `pf-${p}`,
      name: `${line} ${Math.floor(p / LINES.length) + 1}`,
      description: `The ${line.toLowerCase()} product line, ladder ${p}.`,
      order: p,
      packageOrder: bases.map((b) => b.id),
    };
    portfolios.push(portfolio);
    packages.push(...bases, ...addOns);
    if (p % 4 === 1) packages.push(legacyPackage(p, periods));
  }

  for (let b = 0; b < scale; b++) {
    const portfolio = `pf-big-${b}`;
    const ids = Array.from({ length: 40 }, (_, k) => `svc-big-${b}-${k}`);
    services.push(
      ...ids.map(
        (id, k): AtomicService => ({
          id,
          name: `Platform capability ${b}.${k}`,
          unit: k === 2 ? "GB" : k === 4 ? "API call" : "seat",
          kind: k === 4 ? "usage" : "recurring",
          status: "active",
          tags: ["platform"],
        }),
      ),
    );
    portfolios.push({ id: portfolio, name: `Platform Enterprise ${b}`, order: portfolioCount + b });
    const { base, addOns } = generateBigPackage(rng, b, portfolio, ids);
    packages.push(base, ...addOns);
  }

  return {
    id: `generated-${seed}-x${scale}`,
    name: `Generated catalog (seed ${seed}, scale ${scale})`,
    description:
      "A synthetic catalog for benchmarks: many portfolios, every price model, one big configurable package per scale step.",
    version: 1,
    effectiveDate: "2026-01-01",
    currencies: [...CURRENCIES],
    priceBooks: [
      { id: "list", name: "List prices", default: true },
      { id: "partner", name: "Partner prices", fallback: "list" },
    ],
    services,
    portfolios,
    packages,
    quotePolicy: { approvalThresholdPercent: "15", maxDiscountPercent: "40", validityDays: 30 },
    pathRules: pathRules(portfolioCount),
  };
}
