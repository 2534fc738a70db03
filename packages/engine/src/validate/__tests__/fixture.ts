/**
 * A small catalog that passes every check, and helpers to derive defective variants from it.
 * Tests mutate a fresh copy, so each one states exactly the defect it is about.
 */
import type { Catalog, Charge, Package } from "@tessera/schema";

function recurring(id: string, usd: string, eur: string, extra: Partial<Charge> = {}): Charge {
  return {
    id,
    model: "flat",
    pricePoints: [
      { currency: "USD", amount: usd },
      { currency: "EUR", amount: eur },
    ],
    ...extra,
  };
}

function base(id: string, tier: number, usd: string, eur: string): Package {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    portfolio: "team",
    role: "base",
    tier,
    status: "active",
    billingPeriods: ["month", "year"],
    terms: [
      { months: 1, default: true },
      { months: 12, discountPercent: "10" },
    ],
    components: [{ id: `${id}-seats`, service: "seat", included: 1, min: 1, max: 100, default: 5 }],
    charges: [
      recurring(`${id}-fee`, usd, eur),
      {
        id: `${id}-seat-fee`,
        model: "per_unit",
        component: `${id}-seats`,
        pricePoints: [
          { currency: "USD", unitAmount: "8" },
          { currency: "EUR", unitAmount: "7" },
        ],
      },
    ],
  };
}

/** A fresh copy of the reference catalog (valid, no warnings). */
export function validCatalog(): Catalog {
  const basic = base("basic", 1, "10", "9");
  const pro = base("pro", 2, "30", "27");
  const enterprise = base("enterprise", 3, "90", "80");
  pro.optionGroups = [
    {
      id: "support",
      name: "Support level",
      min: 1,
      max: 1,
      options: [
        { id: "support-standard", name: "Standard", default: true },
        { id: "support-premium", name: "Premium" },
      ],
    },
  ];
  pro.charges.push(recurring("premium-fee", "20", "18", { option: "support-premium" }));
  pro.rules = [
    // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
    { id: "premium-needs-sso", when: { allOf: ["support-premium"] }, then: { requireAll: ["sso"] } },
  ];
  enterprise.includedAddOns = [{ addOn: "sso" }];
  enterprise.charges.push({
    id: "enterprise-api",
    model: "usage",
    component: "enterprise-api-calls",
    pricePoints: [
      {
        currency: "USD",
        includedUnits: 1000,
        tiers: [
          { from: 0, upTo: 10000, unitAmount: "0.01" },
          { from: 10000, unitAmount: "0.005" },
        ],
      },
      {
        currency: "EUR",
        includedUnits: 1000,
        tiers: [
          { from: 0, upTo: 10000, unitAmount: "0.009" },
          { from: 10000, unitAmount: "0.004" },
        ],
      },
    ],
  });
  enterprise.components?.push({ id: "enterprise-api-calls", service: "api" });
  enterprise.termination = {
    noticeDays: 30,
    retentionOffers: [
      {
        id: "stay-discount",
        name: "3 months at half price",
        kind: "discount",
        discountPercent: "50",
        periods: 3,
      },
      { id: "stay-on-pro", name: "Move to Pro", kind: "downgrade", to: "pro" },
    ],
  };
  const sso: Package = {
    id: "sso",
    name: "Single sign-on",
    portfolio: "team",
    role: "add_on",
    tier: 0,
    status: "active",
    billingPeriods: ["month", "year"],
    terms: [{ months: 1 }],
    addOn: { minTier: 2, portfolios: ["team"] },
    components: [{ id: "sso-service", service: "saml", min: 1, max: 1 }],
    charges: [recurring("sso-fee", "5", "4")],
  };
  return {
    id: "acme",
    name: "Acme Cloud",
    effectiveDate: "2026-01-01",
    currencies: ["USD", "EUR"],
    priceBooks: [{ id: "list", name: "List prices", default: true }],
    services: [
      { id: "seat", name: "User seat", unit: "seat", kind: "recurring", status: "active" },
      { id: "api", name: "API calls", unit: "call", kind: "usage", status: "active" },
      { id: "saml", name: "SAML single sign-on", unit: "account", kind: "recurring", status: "active" },
    ],
    portfolios: [{ id: "team", name: "Team collaboration" }],
    packages: [basic, pro, enterprise, sso],
    pathRules: [
      { id: "upgrades-now", kinds: ["upgrade"], outcome: { timing: "immediate", proration: "prorate" } },
      { id: "downgrades-later", kinds: ["downgrade"], outcome: { timing: "end_of_term" } },
      { id: "otherwise", outcome: { timing: "end_of_term" } },
    ],
  };
}

/** The package with `id` in `doc` (throws in tests when the fixture lacks it). */
export function pkg(doc: Catalog, id: string): Package {
  const found = doc.packages.find((p) => p.id === id);
  if (!found) throw new Error(`fixture has no package ${id}`);
  return found;
}
