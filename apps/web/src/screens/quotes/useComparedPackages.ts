/**
 * The good / better / best cards of a portfolio, each priced the way the rep is quoting: with the
 * current term, billing period, quantities (matched by service) and add-ons carried over to each
 * package as far as it takes them (an offered term, a period that bills it, a quantity clamped to
 * the package's bounds, an add-on configure does not disable). Before a package is chosen, each is
 * priced from its own defaults.
 */
import {
  type CompiledCatalog,
  type Configuration,
  configure,
  price,
  quantityInWords,
  quotedTerm,
  quoteTermOf,
  type Span,
  sameSpan,
  spanWords,
  termLengthOf,
  termPeriodMismatch,
} from "@tessera/engine";
import type { Package, Quote } from "@tessera/schema";
import { type ComparedPackage, formatMoney, unitFor } from "@tessera/ui";
import { useMemo } from "react";
import { today } from "../../engine/useCatalog.ts";

/** The first billing period of the package that bills the term in whole periods. */
export function fittingPeriod(pkg: Package, term: number | Span): Package["billingPeriods"][number] {
  return pkg.billingPeriods.find((p) => !termPeriodMismatch(term, p)) ?? pkg.billingPeriods[0];
}

/** The package's default term (else its first). */
function defaultTerm(pkg: Package): Span {
  return termLengthOf(pkg.terms.find((t) => t.default) ?? pkg.terms[0]);
}

function clamp(value: number, min: number, max: number | undefined, step: number): number {
  let v = Math.max(value, min);
  if (max !== undefined) v = Math.min(v, max);
  // On the package's steps (min + k × step), rounding up so no carried unit is lost.
  const k = Math.ceil((v - min) / step);
  v = min + k * step;
  return max !== undefined && v > max ? v - step : v;
}

/** The rep's quote carried over to another base package, as far as it fits. */
export function carryOver(
  catalog: CompiledCatalog,
  pkg: Package,
  currency: string,
  from: { quote: Quote; configuration: Configuration } | undefined,
): Quote {
  const draft: Quote = { package: pkg.id, currency };
  if (!from) return draft;
  const { quote, configuration } = from;
  const held =
    configuration.termMonths !== undefined || configuration.termWeeks !== undefined
      ? quotedTerm(configuration, [])
      : undefined;
  const term =
    held !== undefined && pkg.terms.some((t) => sameSpan(termLengthOf(t), held)) ? held : defaultTerm(pkg);
  const period = configuration.billingPeriod;
  const billingPeriod =
    period !== undefined && pkg.billingPeriods.includes(period) && !termPeriodMismatch(term, period)
      ? period
      : fittingPeriod(pkg, term);
  // Quantities by service: 60 seats on Team are 60 seats on Business.
  const byService = new Map<string, number>();
  for (const q of configuration.quantities) {
    if (q.package !== configuration.package) continue;
    const service = catalog.components.get(q.component)?.value.service;
    if (service !== undefined) byService.set(service, q.value);
  }
  const quantities: Record<string, number> = {};
  for (const c of pkg.components ?? []) {
    const v = byService.get(c.service);
    if (v !== undefined) quantities[c.id] = clamp(v, c.min ?? 0, c.max, c.step ?? 1);
  }
  const carried: Quote = {
    ...draft,
    ...quoteTermOf(term),
    billingPeriod,
    ...(quote.priceBook ? { priceBook: quote.priceBook } : {}),
    quantities,
  };
  const wanted = quote.addOns ?? [];
  if (wanted.length === 0) return carried;
  const states = configure(catalog, carried).addOns;
  const addOns = wanted.filter((a) => {
    const s = states.find((x) => x.id === a.package)?.state;
    return s !== undefined && s !== "disabled";
  });
  return addOns.length > 0 ? { ...carried, addOns } : carried;
}

function features(catalog: CompiledCatalog, pkg: Package): string[] {
  const out: string[] = [];
  for (const c of pkg.components ?? []) {
    const svc = catalog.services.get(c.service)?.value;
    const included = c.included ?? 0;
    if (included > 0 && svc) out.push(`${quantityInWords(included, svc)} included`);
  }
  for (const a of pkg.includedAddOns ?? [])
    out.push(`${catalog.packages.get(a.addOn)?.value.name ?? a.addOn} included`);
  for (const g of pkg.optionGroups ?? [])
    if (!g.parentOption)
      out.push(`${g.name}: ${g.options.length} ${g.options.length === 1 ? "choice" : "choices"}`);
  return out.slice(0, 6);
}

/** "$1,234.00 / month" for the quote, or undefined when it cannot be priced. */
function monthlyLabel(catalog: CompiledCatalog, quote: Quote, currency: string): string | undefined {
  const r = price(catalog, quote, today());
  if (r.violations.some((v) => v.severity === "error")) return undefined;
  return `${formatMoney(r.totals.mrr, currency)} / month`;
}

/** What the carried-over price is for: "25 seats · 100 GB · 12 months · billed per year" (metered units left out). */
function basisOf(catalog: CompiledCatalog, quote: Quote, quantities: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [component, value] of quantities) {
    const c = catalog.components.get(component)?.value;
    const service = c ? catalog.services.get(c.service)?.value : undefined;
    if (service && service.kind !== "usage")
      parts.push(`${value.toLocaleString("en-US")} ${unitFor(value, service.unit)}`);
  }
  if (quote.termWeeks !== undefined) parts.push(spanWords({ unit: "week", count: quote.termWeeks }));
  else if (quote.termMonths !== undefined)
    parts.push(`${quote.termMonths} ${quote.termMonths === 1 ? "month" : "months"}`);
  if (quote.billingPeriod)
    parts.push(quote.billingPeriod === "upfront" ? "paid up front" : `billed per ${quote.billingPeriod}`);
  return parts.join(" · ");
}

export function useComparedPackages(
  catalog: CompiledCatalog | undefined,
  bases: readonly Package[],
  currency: string,
  current: { quote: Quote; configuration: Configuration } | undefined,
): ComparedPackage[] {
  return useMemo(() => {
    if (!catalog) return [];
    return bases.map((p) => {
      const isCurrent = current?.quote.package === p.id;
      let quote: Quote;
      try {
        quote = isCurrent && current ? current.quote : carryOver(catalog, p, currency, current);
      } catch {
        quote = { package: p.id, currency };
      }
      // Before a package is chosen, the card shows its own default monthly price.
      const priced = current
        ? quote
        : {
            ...quote,
            ...quoteTermOf(defaultTerm(p)),
            billingPeriod: p.billingPeriods.includes("month")
              ? ("month" as const)
              : fittingPeriod(p, defaultTerm(p)),
          };
      const priceLabel = monthlyLabel(catalog, priced, currency);
      // The current package counts what the rep configured (defaults included); the others what was carried.
      const counted = new Map<string, number>(
        isCurrent && current
          ? current.configuration.quantities
              .filter((q) => q.package === p.id)
              .map((q) => [q.component, q.value] as const)
          : Object.entries(priced.quantities ?? {}).flatMap(([k, v]) =>
              v === undefined ? [] : [[k, v] as const],
            ),
      );
      const basis = current ? basisOf(catalog, priced, counted) : "";
      return {
        id: p.id,
        name: p.name,
        tier: p.tier,
        features: features(catalog, p),
        ...(p.description ? { description: p.description } : {}),
        ...(priceLabel ? { priceLabel } : {}),
        ...(basis ? { priceBasis: basis } : {}),
      };
    });
  }, [catalog, bases, currency, current]);
}
