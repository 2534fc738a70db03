/**
 * Small catalogs for the pricing tests: one portfolio, a base package "base" with a seat component,
 * a usage component and one option, and whatever charges, terms and phases a test needs.
 */
import type { Catalog, Charge, Package, QuotePolicy } from "@tessera/schema";
import { type CompiledCatalog, compile } from "../compile.ts";

export interface FixtureOptions {
  charges: Charge[];
  terms?: Package["terms"];
  billingPeriods?: Package["billingPeriods"];
  phases?: Package["phases"];
  included?: number;
  addOns?: Package[];
  includedAddOns?: Package["includedAddOns"];
  quotePolicy?: QuotePolicy;
  priceBooks?: Catalog["priceBooks"];
}

export function fixtureCatalog(options: FixtureOptions): CompiledCatalog {
  const base: Package = {
    id: "base",
    name: "Base",
    portfolio: "pf",
    role: "base",
    tier: 1,
    status: "active",
    components: [
      {
        id: "seats",
        service: "svc-seat",
        name: "Seats",
        included: options.included ?? 0,
        min: 0,
        default: 1,
      },
      { id: "calls", service: "svc-calls", name: "API calls" },
    ],
    optionGroups: [
      { id: "g-support", name: "Support", min: 0, max: 1, options: [{ id: "opt-premium", name: "Premium" }] },
    ],
    terms: options.terms ?? [{ months: 1, default: true }],
    billingPeriods: options.billingPeriods ?? ["month"],
    charges: options.charges,
    ...(options.phases ? { phases: options.phases } : {}),
    ...(options.includedAddOns ? { includedAddOns: options.includedAddOns } : {}),
  };
  const doc: Catalog = {
    id: "fixture",
    name: "Fixture",
    currencies: ["USD", "EUR", "JPY", "KWD"],
    ...(options.priceBooks ? { priceBooks: options.priceBooks } : {}),
    services: [
      { id: "svc-seat", name: "Seat", unit: "seat", kind: "recurring", status: "active" },
      { id: "svc-calls", name: "API calls", unit: "call", kind: "usage", status: "active" },
    ],
    portfolios: [{ id: "pf", name: "Portfolio" }],
    packages: [base, ...(options.addOns ?? [])],
    ...(options.quotePolicy ? { quotePolicy: options.quotePolicy } : {}),
  };
  return compile(doc);
}

/** A charge on the seat component with one USD monthly price point. */
export function seatCharge(
  model: Charge["model"],
  point: Omit<Charge["pricePoints"][0], "currency">,
): Charge {
  return {
    id: "seat-fee",
    name: "Seats",
    model,
    component: "seats",
    pricePoints: [{ currency: "USD", billingPeriod: "month", ...point }],
  };
}
