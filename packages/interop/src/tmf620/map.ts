/**
 * A read-only TM Forum TMF620 (Product Catalog Management v5) view of a published Tessera catalog.
 *
 * | Tessera | TMF620 |
 * |---|---|
 * | catalog | `Catalog` (version, validFor from the effective date) |
 * | portfolio | `Category` (root), listing its offerings |
 * | atomic service | `ProductSpecification` (unit, kind and entitlements as characteristics) |
 * | package | `ProductOffering`, `isBundle`, with a bundled `ProductSpecification` of its components |
 * | option | a non-sellable `ProductOffering` in the package's `bundledProductOffering`, with the group's min/max |
 * | included add-on | `bundledProductOffering` with lower and upper limit 1 |
 * | available add-on, ladder moves | `productOfferingRelationship` (`addOn`, `upgrade`, `downgrade`, `crossgrade`) |
 * | price point | `ProductOfferingPrice` (recurring / oneTime / usage); tiers and steps as bundled prices |
 * | term discount, trial, intro phase | `ProductOfferingPrice` of `priceType: "discount"` with `percentage` and `productOfferingTerm` |
 *
 * Ids are `catalogId:localId`, so several catalogs share one API without clashing. What TMF620 has
 * no place for (rules between options, quantity relations, path-rule timing and proration, renewal
 * and termination policy) is not in this view; `packages/interop/README.md` lists it.
 * @see https://www.tmforum.org/oda/open-apis/directory/product-catalog-management-api-TMF620/v5.0
 */
import { impliedKind, isCompatibleAddOn, spanAdjective, spanWords, termLengthOf } from "@tessera/engine";
import type { Catalog, Charge, Package, PricePoint } from "@tessera/schema";
import { decimalNumber, money } from "./json.ts";

export const TMF620_BASE = "/tmf-api/productCatalogManagement/v5";

export type TmfResourceName =
  | "catalog"
  | "category"
  | "productSpecification"
  | "productOffering"
  | "productOfferingPrice";

export type TmfResource = Record<string, unknown> & { id: string; href: string; "@type": string };

export type Tmf620View = Record<TmfResourceName, TmfResource[]>;

export interface Tmf620Options {
  /** Prefix of every `href` (e.g. `https://tessera.example.com`); empty for relative hrefs. */
  baseUrl?: string;
  /** When the version was published (ISO 8601): the resources' `lastUpdate`. */
  publishedAt?: string;
}

const LIFECYCLE: Record<string, string> = { draft: "In design", active: "Launched", retired: "Retired" };
const PERIOD: Record<string, [string, number]> = {
  week: ["week", 1],
  two_weeks: ["week", 2],
  month: ["month", 1],
  quarter: ["month", 3],
  half_year: ["month", 6],
  year: ["year", 1],
};

const ref = (type: string, id: string, href: string, name?: string) => ({
  id,
  href,
  ...(name ? { name } : {}),
  "@type": `${type}Ref`,
});

const startOf = (date: string | undefined) => (date ? `${date}T00:00:00Z` : undefined);
/** `effectiveTo` is the last day of sale (inclusive), so the period ends at the end of that day. */
const endOf = (date: string | undefined) => (date ? `${date}T23:59:59Z` : undefined);
const validFor = (from?: string, to?: string) => {
  const start = startOf(from);
  const end = endOf(to);
  return start || end
    ? { ...(start ? { startDateTime: start } : {}), ...(end ? { endDateTime: end } : {}) }
    : undefined;
};

/** Builds every TMF620 resource for one published catalog version. */
export function toTmf620(catalog: Catalog, version: number, options: Tmf620Options = {}): Tmf620View {
  const base = `${options.baseUrl ?? ""}${TMF620_BASE}`;
  const cid = catalog.id;
  const gid = (local: string) => `${cid}:${local}`;
  const href = (resource: TmfResourceName, local: string) =>
    `${base}/${resource}/${encodeURIComponent(gid(local))}`;
  const common = (resource: TmfResourceName, local: string, type: string) => ({
    id: gid(local),
    href: href(resource, local),
    version: String(version),
    ...(options.publishedAt ? { lastUpdate: options.publishedAt } : {}),
    "@type": type,
  });
  const packages = catalog.packages;
  const services = new Map(catalog.services.map((s) => [s.id, s]));
  const unitOf = (serviceId: string | undefined) => (serviceId ? services.get(serviceId)?.unit : undefined);

  const view: Tmf620View = {
    catalog: [],
    category: [],
    productSpecification: [],
    productOffering: [],
    productOfferingPrice: [],
  };

  for (const s of catalog.services)
    view.productSpecification.push({
      ...common("productSpecification", s.id, "ProductSpecification"),
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      lifecycleStatus: LIFECYCLE[s.status ?? "active"] ?? "Launched",
      isBundle: false,
      productSpecCharacteristic: [
        {
          name: "unit",
          valueType: "string",
          productSpecCharacteristicValue: [{ value: s.unit, isDefault: true }],
        },
        {
          name: "kind",
          valueType: "string",
          productSpecCharacteristicValue: [{ value: s.kind, isDefault: true }],
        },
        ...(s.entitlements?.length
          ? [
              {
                name: "entitlement",
                valueType: "string",
                productSpecCharacteristicValue: s.entitlements.map((e) => ({ value: e.key })),
              },
            ]
          : []),
      ].map((c) => ({ ...c, "@type": "CharacteristicSpecification" })),
    });

  const priceRefs = (pkg: Package): ReturnType<typeof ref>[] => {
    const refs: ReturnType<typeof ref>[] = [];
    for (const charge of pkg.charges ?? [])
      for (const pp of charge.pricePoints) {
        const pop = pricePoint(pkg, charge, pp);
        view.productOfferingPrice.push(pop);
        refs.push(ref("ProductOfferingPrice", pop.id, pop.href, pop.name as string));
      }
    for (const pop of discounts(pkg)) {
      view.productOfferingPrice.push(pop);
      refs.push(ref("ProductOfferingPrice", pop.id, pop.href, pop.name as string));
    }
    return refs;
  };

  const pricePoint = (pkg: Package, charge: Charge, pp: PricePoint): TmfResource => {
    const book = pp.priceBook ?? "list";
    const period = pp.billingPeriod ?? "once";
    const local = `${charge.id}/${pp.currency}/${period}/${book}`;
    const unit = unitOf(
      charge.component ? pkg.components?.find((c) => c.id === charge.component)?.service : undefined,
    );
    const [periodType, periodLength] = PERIOD[period] ?? [period, 1];
    const priceType =
      charge.model === "one_time" ? "oneTime" : charge.model === "usage" ? "usage" : "recurring";
    const bands = bandsOf(pp);
    const pop: TmfResource = {
      ...common("productOfferingPrice", local, "ProductOfferingPrice"),
      name: `${charge.name} (${pp.currency}, ${period}${book === "list" ? "" : `, ${book}`})`,
      lifecycleStatus: LIFECYCLE[pkg.status ?? "active"] ?? "Launched",
      priceType,
      ...(priceType === "recurring" && period !== "upfront" && period !== "once"
        ? { recurringChargePeriodType: periodType, recurringChargePeriodLength: periodLength }
        : {}),
      ...(pp.amount !== undefined ? { price: money(pp.currency, pp.amount) } : {}),
      ...(pp.unitAmount !== undefined
        ? {
            price: money(pp.currency, pp.unitAmount),
            unitOfMeasure: { amount: charge.blockSize ?? 1, units: unit ?? "unit" },
          }
        : {}),
      isBundle: bands.length > 0,
      ...(validFor(pkg.effectiveFrom, pkg.effectiveTo)
        ? { validFor: validFor(pkg.effectiveFrom, pkg.effectiveTo) }
        : {}),
    };
    if (bands.length > 0) {
      pop.bundledPopRelationship = bands.map((band, i) => {
        const tierLocal = `${local}/${i + 1}`;
        const tier: TmfResource = {
          ...common("productOfferingPrice", tierLocal, "ProductOfferingPrice"),
          name: `${charge.name}, ${band.label} ${unit ?? "units"} (${pp.currency})`,
          lifecycleStatus: pop.lifecycleStatus,
          priceType,
          ...(pop.recurringChargePeriodType
            ? { recurringChargePeriodType: periodType, recurringChargePeriodLength: periodLength }
            : {}),
          price: money(pp.currency, band.amount),
          unitOfMeasure: { amount: band.perUnit ? 1 : (band.upTo ?? band.from), units: unit ?? "unit" },
          isBundle: false,
          // The band's range, which TMF620 has no field for: carried as a documented extension.
          "@baseType": "ProductOfferingPrice",
          "@type": "TesseraPriceBand",
          bandFrom: band.from,
          ...(band.upTo !== null ? { bandUpTo: band.upTo } : {}),
          bandMode:
            charge.model === "volume" ? "volume" : charge.model === "stairstep" ? "stairstep" : "graduated",
        };
        view.productOfferingPrice.push(tier);
        return {
          ...ref("ProductOfferingPrice", tier.id, tier.href, tier.name as string),
          "@type": "BundledProductOfferingPriceRelationship",
        };
      });
      if (pp.includedUnits)
        pop.pricingLogicAlgorithm = [
          {
            name: "included allowance",
            description: `The first ${pp.includedUnits} ${unit ?? "units"} of each period are included.`,
            "@type": "PricingLogicAlgorithm",
          },
        ];
    }
    return pop;
  };

  const discounts = (pkg: Package): TmfResource[] => {
    const out: TmfResource[] = [];
    for (const term of pkg.terms ?? [])
      if (term.discountPercent && term.discountPercent !== "0")
        out.push({
          ...common(
            "productOfferingPrice",
            `${pkg.id}/term-${term.weeks !== undefined ? `${term.weeks}w` : term.months}`,
            "ProductOfferingPrice",
          ),
          name: `${term.discountPercent}% off recurring charges on a ${spanAdjective(termLengthOf(term))} term`,
          priceType: "discount",
          percentage: decimalNumber(term.discountPercent),
          productOfferingTerm: [
            {
              name: spanWords(termLengthOf(term)),
              duration: { amount: termLengthOf(term).count, units: termLengthOf(term).unit },
              "@type": "ProductOfferingTerm",
            },
          ],
          isBundle: false,
        });
    (pkg.phases ?? []).forEach((phase, i) => {
      const trial = phase.type === "trial";
      out.push({
        ...common("productOfferingPrice", `${pkg.id}/phase-${i + 1}`, "ProductOfferingPrice"),
        name: trial
          ? `${phase.days}-day free trial`
          : `${phase.discountPercent}% off for ${phase.periods} billing periods`,
        priceType: "discount",
        percentage: decimalNumber(trial ? "100" : (phase.discountPercent ?? "0")),
        productOfferingTerm: [
          {
            name: trial ? "trial" : "introductory",
            duration: trial
              ? { amount: phase.days, units: "day" }
              : { amount: phase.periods, units: "billingPeriod" },
            "@type": "ProductOfferingTerm",
          },
        ],
        isBundle: false,
      });
    });
    return out;
  };

  for (const pkg of packages) {
    const bundled: Record<string, unknown>[] = [];
    for (const group of pkg.optionGroups ?? [])
      for (const option of group.options) {
        view.productOffering.push({
          ...common("productOffering", option.id, "ProductOffering"),
          name: option.name,
          ...(option.description ? { description: option.description } : {}),
          lifecycleStatus: LIFECYCLE[option.status ?? "active"] ?? "Launched",
          isBundle: false,
          isSellable: false,
          ...(option.service
            ? {
                productSpecification: ref(
                  "ProductSpecification",
                  gid(option.service),
                  href("productSpecification", option.service),
                ),
              }
            : {}),
        });
        bundled.push({
          ...ref("ProductOffering", gid(option.id), href("productOffering", option.id), option.name),
          "@type": "BundledProductOffering",
          bundledProductOfferingOption: {
            numberRelOfferLowerLimit: group.min ?? 0,
            numberRelOfferUpperLimit: group.max ?? group.options.length,
            numberRelOfferDefault: option.default ? 1 : 0,
            "@type": "BundledProductOfferingOption",
          },
        });
      }
    for (const inc of pkg.includedAddOns ?? []) {
      const addOn = packages.find((p) => p.id === inc.addOn);
      bundled.push({
        ...ref("ProductOffering", gid(inc.addOn), href("productOffering", inc.addOn), addOn?.name),
        "@type": "BundledProductOffering",
        bundledProductOfferingOption: {
          numberRelOfferLowerLimit: 1,
          numberRelOfferUpperLimit: 1,
          numberRelOfferDefault: 1,
          "@type": "BundledProductOfferingOption",
        },
      });
    }

    const relationships: Record<string, unknown>[] = [];
    if (pkg.role === "base") {
      for (const other of packages) {
        if (other.id === pkg.id) continue;
        if (other.role === "base" && other.portfolio === pkg.portfolio)
          relationships.push({
            ...ref("ProductOffering", gid(other.id), href("productOffering", other.id), other.name),
            relationshipType: impliedKind(pkg, other),
            "@type": "ProductOfferingRelationship",
          });
        if (
          other.role === "add_on" &&
          isCompatibleAddOn(other, pkg) &&
          !pkg.includedAddOns?.some((i) => i.addOn === other.id)
        )
          relationships.push({
            ...ref("ProductOffering", gid(other.id), href("productOffering", other.id), other.name),
            relationshipType: "addOn",
            "@type": "ProductOfferingRelationship",
          });
      }
    }

    const specLocal = `${pkg.id}/spec`;
    view.productSpecification.push({
      ...common("productSpecification", specLocal, "ProductSpecification"),
      name: `${pkg.name} (components)`,
      lifecycleStatus: LIFECYCLE[pkg.status ?? "active"] ?? "Launched",
      isBundle: true,
      bundledProductSpecification: (pkg.components ?? []).map((c) => ({
        ...ref("ProductSpecification", gid(c.service), href("productSpecification", c.service), c.name),
        "@type": "BundledProductSpecification",
      })),
    });

    const terms = (pkg.terms ?? []).map((t) => ({
      name: spanWords(termLengthOf(t)),
      duration: { amount: termLengthOf(t).count, units: termLengthOf(t).unit },
      "@type": "ProductOfferingTerm",
    }));
    view.productOffering.push({
      ...common("productOffering", pkg.id, "ProductOffering"),
      name: pkg.name,
      ...(pkg.description ? { description: pkg.description } : {}),
      lifecycleStatus: LIFECYCLE[pkg.status ?? "active"] ?? "Launched",
      isBundle: bundled.length > 0 || (pkg.components?.length ?? 0) > 1,
      isSellable: pkg.status !== "retired",
      ...(validFor(pkg.effectiveFrom, pkg.effectiveTo)
        ? { validFor: validFor(pkg.effectiveFrom, pkg.effectiveTo) }
        : {}),
      category: [ref("Category", gid(pkg.portfolio), href("category", pkg.portfolio))],
      productSpecification: ref(
        "ProductSpecification",
        gid(specLocal),
        href("productSpecification", specLocal),
      ),
      ...(terms.length ? { productOfferingTerm: terms } : {}),
      productOfferingPrice: priceRefs(pkg),
      ...(bundled.length ? { bundledProductOffering: bundled } : {}),
      ...(relationships.length ? { productOfferingRelationship: relationships } : {}),
    });
  }

  for (const portfolio of catalog.portfolios)
    view.category.push({
      ...common("category", portfolio.id, "Category"),
      name: portfolio.name,
      ...(portfolio.description ? { description: portfolio.description } : {}),
      isRoot: true,
      lifecycleStatus: "Launched",
      productOffering: packages
        .filter((p) => p.portfolio === portfolio.id)
        .map((p) => ref("ProductOffering", gid(p.id), href("productOffering", p.id), p.name)),
    });

  view.catalog.push({
    id: cid,
    href: `${base}/catalog/${encodeURIComponent(cid)}`,
    version: String(version),
    ...(options.publishedAt ? { lastUpdate: options.publishedAt } : {}),
    "@type": "Catalog",
    name: catalog.name,
    ...(catalog.description ? { description: catalog.description } : {}),
    catalogType: "productCatalog",
    lifecycleStatus: "Launched",
    ...(validFor(catalog.effectiveDate) ? { validFor: validFor(catalog.effectiveDate) } : {}),
    category: catalog.portfolios.map((p) => ref("Category", gid(p.id), href("category", p.id), p.name)),
  });
  return view;
}

interface Band {
  from: number;
  upTo: number | null;
  amount: string;
  perUnit: boolean;
  label: string;
}

/** Tiers and steps of a price point as bands with their ranges. */
function bandsOf(pp: PricePoint): Band[] {
  const label = (from: number, upTo: number | null | undefined) =>
    upTo == null ? `${from}+` : `${from}–${upTo}`;
  if (pp.tiers)
    return pp.tiers.map((t) => ({
      from: t.from,
      upTo: t.upTo ?? null,
      amount: t.unitAmount ?? t.flatAmount ?? "0",
      perUnit: t.unitAmount !== undefined,
      label: label(t.from, t.upTo),
    }));
  if (pp.steps) {
    let from = 0;
    return pp.steps.map((s) => {
      const band = { from, upTo: s.upTo, amount: s.amount, perUnit: false, label: label(from, s.upTo) };
      from = (s.upTo ?? from) + 1;
      return band;
    });
  }
  return [];
}
