/**
 * A small catalog for path tests: flat monthly prices chosen to reproduce the worked examples of
 * public billing docs (Stripe's 10 USD → 20 USD upgrade), a ladder Basic < Pro < Team, add-ons that
 * become included (SSO on Team), that are cancelled (SSO below Pro) or block a change (Archive).
 */
import type { Arrangement, Catalog, Package, PathRuleCase } from "@tessera/schema";
import { type CompiledCatalog, compile } from "../compile.ts";

function flat(id: string, usd: string, eur?: string): Package["charges"][number] {
  const pricePoints: Package["charges"][number]["pricePoints"] = [
    { currency: "USD", billingPeriod: "month", amount: usd },
    {
      currency: "USD",
      billingPeriod: "year",
      amount: (BigInt(usd.replace(".", "")) * 10n).toString().replace(/(\d\d)$/, ".$1"),
    },
  ];
  if (eur !== undefined) pricePoints.push({ currency: "EUR", billingPeriod: "month", amount: eur });
  return { id: `${id}-fee`, model: "flat", pricePoints };
}

function base(id: string, name: string, tier: number, usd: string, extra: Partial<Package> = {}): Package {
  return {
    id,
    name,
    portfolio: "app",
    role: "base",
    tier,
    status: "active",
    billingPeriods: ["month", "year"],
    terms: [{ months: 12, default: true }, { months: 1 }],
    charges: [flat(id, usd, "9.00")],
    ...extra,
  };
}

function addOn(id: string, name: string, usd: string, extra: Partial<Package> = {}): Package {
  return {
    id,
    name,
    portfolio: "app",
    role: "add_on",
    tier: 0,
    status: "active",
    billingPeriods: ["month", "year"],
    terms: [{ months: 12 }, { months: 1 }],
    charges: [flat(id, usd, "1.00")],
    ...extra,
  };
}

export interface FixtureOptions {
  pathRules?: PathRuleCase[];
  patch?: (doc: Catalog) => void;
}

export function fixtureCatalog(opts: FixtureOptions = {}): CompiledCatalog {
  const doc: Catalog = {
    id: "paths-test",
    name: "Paths test",
    version: 2,
    currencies: ["USD", "EUR"],
    services: [
      { id: "svc-seat", name: "Seat", unit: "seat", kind: "recurring", status: "active" },
      { id: "svc-api", name: "API calls", unit: "API call", kind: "usage", status: "active" },
    ],
    portfolios: [
      { id: "app", name: "App" },
      { id: "labs", name: "Labs" },
    ],
    packages: [
      base("basic", "Basic", 1, "10.00", {
        termination: {
          noticeDays: 30,
          effective: "end_of_term",
          retentionOffers: [
            {
              id: "basic-stay",
              name: "Half price for 2 months",
              kind: "discount",
              discountPercent: "50",
              periods: 2,
            },
          ],
        },
      }),
      base("pro", "Pro", 2, "20.00", {
        renewal: { terms: [12], pricePolicy: "capped", upliftCapPercent: "5" },
        termination: {
          noticeDays: 0,
          effective: "immediate",
          earlyTerminationFee: { kind: "remaining_percent", percent: "50" },
          retentionOffers: [
            {
              id: "pro-stay",
              name: "25% off for 3 months",
              kind: "discount",
              discountPercent: "25",
              months: 3,
            },
            { id: "pro-step-down", name: "Keep your data on Basic", kind: "downgrade", to: "basic" },
          ],
        },
      }),
      base("team", "Team", 3, "50.00", {
        includedAddOns: [{ addOn: "sso" }],
        components: [{ id: "team-seats", service: "svc-seat", name: "Seats", min: 1, max: 100, default: 5 }],
        charges: [
          flat("team", "50.00", "45.00"),
          {
            id: "team-seat-fee",
            model: "per_unit",
            component: "team-seats",
            pricePoints: [
              { currency: "USD", billingPeriod: "month", unitAmount: "4.00" },
              { currency: "USD", billingPeriod: "year", unitAmount: "40.00" },
              { currency: "EUR", billingPeriod: "month", unitAmount: "4.00" },
            ],
          },
        ],
        renewal: { pricePolicy: "locked" },
        termination: {
          earlyTerminationFee: { kind: "flat", amounts: [{ currency: "USD", amount: "99.00" }] },
        },
      }),
      base("studio", "Studio", 2, "20.00"),
      base("legacy", "Legacy", 1, "8.00", { status: "retired", successor: "pro" }),
      base("orphan", "Orphan", 1, "8.00", { status: "retired" }),
      base("future", "Future", 4, "90.00", { effectiveFrom: "2030-01-01" }),
      base("beta", "Beta", 5, "95.00", { status: "draft" }),
      { ...base("lab", "Lab", 1, "30.00"), portfolio: "labs" },
      addOn("sso", "SSO", "5.00", { addOn: { portfolios: ["app"], minTier: 2 } }),
      addOn("archive", "Archive", "3.00", {
        addOn: { portfolios: ["app"], minTier: 2, onIncompatibleBase: "block" },
      }),
      addOn("storage", "Storage pack", "2.00", {
        addOn: { maxQuantity: 5 },
        charges: [
          {
            id: "storage-fee",
            model: "per_unit",
            pricePoints: [
              { currency: "USD", unitAmount: "2.00" },
              { currency: "EUR", unitAmount: "2.00" },
            ],
          },
        ],
      }),
      addOn("reports", "Reports", "4.00", { addOn: { requires: ["storage"], excludes: ["dashboards"] } }),
      addOn("dashboards", "Dashboards", "4.00"),
    ],
    pathRules: opts.pathRules ?? [],
  };
  opts.patch?.(doc);
  return compile(doc);
}

/** Pro, monthly, USD, billed on the 1st; term 2026-01-01 → 2027-01-01. */
export function arrangementOn(pkg: string, extra: Partial<Arrangement> = {}): Arrangement {
  return {
    catalogId: "paths-test",
    catalogVersion: 2,
    package: pkg,
    currency: "USD",
    billingPeriod: "month",
    term: { months: 12, start: "2026-01-01", end: "2027-01-01" },
    billingAnchor: "2026-01-01",
    ...extra,
  };
}
