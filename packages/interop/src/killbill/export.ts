/**
 * Tessera catalog → Kill Bill catalog XML. Each package becomes a product; each billing period it
 * offers, in each price book that prices it, becomes a plan named `<package>-<period>[-<book>]`
 * (Kill Bill's own naming habit, e.g. `standard-monthly`), placed in the DEFAULT or the book's
 * child price list. A plan's recurring price is the sum of the package's flat recurring charges;
 * its one-time charges become the first phase's fixed price; phases become Kill Bill phases of
 * the same type and duration (trial → TRIAL, intro and discount → DISCOUNT, fixed_term →
 * FIXEDTERM, evergreen → the final EVERGREEN phase), each with its own recurring price (the flat
 * recurring price less the phase's percent or amount off); usage charges become CONSUMABLE,
 * ALL_TIERS usage sections. Path rules become change and cancel policy cases, alignment rules
 * billing, create and change alignment cases. What Kill Bill cannot hold is returned as `losses` (pointers into
 * the Tessera catalog); packages/interop/README.md lists them with the reasons.
 * The XML is written by fast-xml-parser's builder in the element order the catalog XSD requires.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_catalog
 */
import { Decimal, isCompatibleAddOn, minorUnit, roundMoney } from "@tessera/engine";
import type { BillingPeriod, Catalog, Charge, Package, Phase, PricePoint } from "@tessera/schema";
import { XMLBuilder } from "fast-xml-parser";
import type { InteropDiagnostic } from "../diagnostic.ts";
import { rulesXml } from "./export-rules.ts";
import { usageXml } from "./export-usage.ts";
import { PERIOD_MONTHS, TO_KB_PERIOD } from "./vocabulary.ts";

export interface KillBillExport {
  readonly xml: string;
  /** What the XML does not carry, each pointing at the Tessera element it comes from. */
  readonly losses: InteropDiagnostic[];
}

/** A JSON shape fast-xml-parser's builder turns into elements (`@_` keys are attributes). */
export type Node = { [name: string]: string | Node | Node[] | string[] };

export interface ExportContext {
  readonly catalog: Catalog;
  readonly defaultBook: string;
  readonly losses: InteropDiagnostic[];
  lose(code: string, pointer: string, message: string): void;
}

const PERIOD_WORD: Record<string, string> = {
  week: "weekly",
  two_weeks: "biweekly",
  month: "monthly",
  quarter: "quarterly",
  half_year: "biannual",
  year: "annual",
};

/** Price books from `book` down its fallback chain (Tessera's lookup order). */
function bookChain(catalog: Catalog, book: string): string[] {
  const chain: string[] = [];
  for (let b: string | undefined = book; b !== undefined && !chain.includes(b); ) {
    chain.push(b);
    b = catalog.priceBooks?.find((p) => p.id === b)?.fallback;
  }
  return chain;
}

/** The point of `charge` for a currency, period and book the way Tessera looks it up, and its month scale. */
export function pointFor(
  ctx: ExportContext,
  charge: Charge,
  currency: string,
  period: BillingPeriod | undefined,
  book: string,
): { point: PricePoint; scale: number } | undefined {
  for (const b of bookChain(ctx.catalog, book)) {
    const inBook = charge.pricePoints.filter(
      (p) => p.currency === currency && (p.priceBook ?? ctx.defaultBook) === b,
    );
    const exact = inBook.find((p) => p.billingPeriod === period);
    if (exact) return { point: exact, scale: 1 };
    const any = inBook.find((p) => p.billingPeriod === undefined);
    if (any) return { point: any, scale: period ? (PERIOD_MONTHS[period] ?? 1) : 1 };
  }
  return undefined;
}

/** Whether `book` itself (not a fallback) prices, on `period`, a charge of the package Kill Bill carries. */
function bookPrices(ctx: ExportContext, pkg: Package, period: BillingPeriod, book: string): boolean {
  const carried = (c: Charge) =>
    isRecurringFlat(c) || isSetup(c) || (c.model === "usage" && c.component !== undefined);
  return pkg.charges
    .filter(carried)
    .some((c) =>
      c.pricePoints.some(
        (p) =>
          (p.priceBook ?? ctx.defaultBook) === book &&
          (p.billingPeriod === period || p.billingPeriod === undefined),
      ),
    );
}

const isRecurringFlat = (c: Charge) => c.model === "flat" && c.option === undefined;
const isSetup = (c: Charge) => c.model === "one_time" && c.component === undefined && c.option === undefined;

/** An amount with at least the currency's minor digits ("5.00", "0.0004"), as price lists show it. */
export function moneyText(amount: Decimal, currency: string): string {
  const minor = minorUnit(currency);
  return amount.round(minor).eq(amount) ? amount.toFixed(minor) : amount.toString();
}

function prices(ctx: ExportContext, amounts: Map<string, Decimal>): Node {
  return {
    price: ctx.catalog.currencies
      .filter((c) => amounts.has(c))
      .map((currency) => ({ currency, value: moneyText(amounts.get(currency)!, currency) })),
  };
}

function sumOf(
  ctx: ExportContext,
  charges: Charge[],
  period: BillingPeriod | undefined,
  book: string,
): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const currency of ctx.catalog.currencies) {
    let total: Decimal | undefined;
    for (const c of charges) {
      const found = pointFor(ctx, c, currency, period, book);
      if (!found?.point.amount) continue;
      total = (total ?? Decimal.ZERO).add(Decimal.parse(found.point.amount).mul(found.scale));
    }
    if (total) out.set(currency, total);
  }
  return out;
}

function reportLosses(ctx: ExportContext, pkg: Package, at: string): void {
  pkg.charges.forEach((c, i) => {
    const p = `${at}/charges/${i}`;
    if (c.option !== undefined)
      ctx.lose(
        "killbill.export.option-charge",
        p,
        `Charge ${c.id} applies when an option is picked; Kill Bill plans have no options, so it is not exported.`,
      );
    else if (["per_unit", "tiered", "volume", "stairstep"].includes(c.model))
      ctx.lose(
        "killbill.export.quantity-charge",
        p,
        `Charge ${c.id} (${c.model}) prices a component's quantity; a Kill Bill plan has one recurring price, so it is not exported (model seats as an add-on product bought with a quantity).`,
      );
    else if (c.model === "one_time" && c.component !== undefined)
      ctx.lose(
        "killbill.export.quantity-charge",
        p,
        `One-time charge ${c.id} is per unit of a component; Kill Bill fixed prices are per plan, so it is not exported.`,
      );
    if (c.model === "flat" && c.timing === "in_arrear" && c.component === undefined)
      ctx.lose(
        "killbill.export.in-arrear",
        p,
        `Charge ${c.id} is billed in arrear; its plan is marked IN_ARREAR, which Kill Bill applies to the whole plan.`,
      );
  });
  const dropped: [string, unknown][] = [
    ["optionGroups", pkg.optionGroups?.length],
    ["rules", pkg.rules?.length],
    ["quantityRules", pkg.quantityRules?.length],
    ["renewal", pkg.renewal],
    ["paymentTerms", pkg.paymentTerms?.length],
  ];
  for (const [field, present] of dropped)
    if (present)
      ctx.lose(
        "killbill.export.dropped",
        `${at}/${field}`,
        `Package ${pkg.id}'s ${field} have no Kill Bill catalog equivalent and are not exported.`,
      );
  if (pkg.terms.some((t) => (t.months ?? 0) > 1 || t.weeks !== undefined || t.discountPercent))
    ctx.lose(
      "killbill.export.terms",
      `${at}/terms`,
      `Package ${pkg.id}'s commitment terms and term discounts have no Kill Bill catalog equivalent (Kill Bill plans renew every billing period).`,
    );
  pkg.billingPeriods.forEach((p, i) => {
    if (!TO_KB_PERIOD[p])
      ctx.lose(
        "killbill.export.billing-period",
        `${at}/billingPeriods/${i}`,
        `Kill Bill has no "${p}" billing period, so package ${pkg.id} gets no plan for it.`,
      );
  });
  if (pkg.status !== "active")
    ctx.lose(
      "killbill.export.status",
      `${at}/status`,
      `Package ${pkg.id} is ${pkg.status}; Kill Bill catalogs have no lifecycle status, so it is exported as sellable.`,
    );
}

/** A phase's length as a Kill Bill duration; billing periods become months or weeks. */
function kbDuration(phase: Phase, period: BillingPeriod): Node {
  const UNIT = { day: "DAYS", week: "WEEKS", month: "MONTHS", year: "YEARS" } as const;
  if (phase.duration) return { unit: UNIT[phase.duration.unit], number: String(phase.duration.length) };
  if (phase.days !== undefined) return { unit: "DAYS", number: String(phase.days) };
  const periods = phase.periods ?? 1;
  if (period === "week" || period === "two_weeks")
    return { unit: "WEEKS", number: String(periods * (period === "week" ? 1 : 2)) };
  return { unit: "MONTHS", number: String((PERIOD_MONTHS[period] ?? 1) * periods) };
}

/** The recurring price per currency during a phase: less its percent, or its fixed amount, off. */
function phasePrices(phase: Phase, recurring: ReadonlyMap<string, Decimal>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const [currency, amount] of recurring) {
    const off = phase.discountAmounts?.find((a) => a.currency === currency)?.amount;
    if (off !== undefined) {
      out.set(currency, Decimal.max(Decimal.ZERO, amount.sub(roundMoney(Decimal.parse(off), currency))));
      continue;
    }
    const keep = Decimal.HUNDRED.sub(Decimal.parse(phase.discountPercent ?? "0"));
    out.set(currency, roundMoney(amount.mul(keep).div(Decimal.HUNDRED, 12), currency));
  }
  return out;
}

function planXml(
  ctx: ExportContext,
  pkg: Package,
  period: BillingPeriod,
  book: string,
  at: string,
): { name: string; node: Node } {
  const name = `${pkg.id}-${PERIOD_WORD[period]}${book === ctx.defaultBook ? "" : `-${book}`}`;
  const recurring = sumOf(ctx, pkg.charges.filter(isRecurringFlat), period, book);
  const setup = sumOf(ctx, pkg.charges.filter(isSetup), undefined, book);
  const usages = usageXml(ctx, pkg, period, book, name, at);
  const phases: Node[] = [];
  let setupPlaced = false;
  const fixed = (): Node => {
    if (setupPlaced || setup.size === 0) return { fixedPrice: "" };
    setupPlaced = true;
    return { fixedPrice: prices(ctx, setup) };
  };
  const listed = pkg.phases ?? [];
  const evergreenAt = listed.findIndex((p) => p.type === "evergreen");
  const upTo = evergreenAt >= 0 ? evergreenAt : listed.length;
  // A last fixed-term phase ends the subscription: it is Kill Bill's final FIXEDTERM phase.
  const finalFixed =
    evergreenAt < 0 && listed[upTo - 1]?.type === "fixed_term" ? listed[upTo - 1] : undefined;
  const finalPhase = evergreenAt >= 0 ? listed[evergreenAt] : finalFixed;
  listed.slice(0, finalFixed ? upTo - 1 : upTo).forEach((phase, i) => {
    if (phase.type === "trial") {
      phases.push({ "@_type": "TRIAL", duration: kbDuration(phase, period), fixed: fixed() });
    } else if (recurring.size === 0) {
      ctx.lose(
        "killbill.export.intro-unpriced",
        `${at}/phases/${i}`,
        `Package ${pkg.id}'s ${phase.type} phase prices charges Kill Bill does not carry (no flat recurring price), so plan ${name} has no ${phase.type === "fixed_term" ? "FIXEDTERM" : "DISCOUNT"} phase.`,
      );
    } else {
      phases.push({
        "@_type": phase.type === "fixed_term" ? "FIXEDTERM" : "DISCOUNT",
        duration: kbDuration(phase, period),
        ...(setupPlaced || setup.size === 0 ? {} : { fixed: fixed() }),
        recurring: {
          billingPeriod: TO_KB_PERIOD[period]!,
          recurringPrice: prices(ctx, phasePrices(phase, recurring)),
        },
      });
    }
  });
  const final: Node = {
    "@_type": finalFixed ? "FIXEDTERM" : "EVERGREEN",
    duration: finalFixed ? kbDuration(finalFixed, period) : { unit: "UNLIMITED" },
    ...(setupPlaced || setup.size === 0 ? {} : { fixed: fixed() }),
    ...(recurring.size > 0 || usages.length === 0
      ? {
          recurring: {
            billingPeriod: TO_KB_PERIOD[period]!,
            recurringPrice: prices(ctx, finalPhase ? phasePrices(finalPhase, recurring) : recurring),
          },
        }
      : {}),
    ...(usages.length > 0 ? { usages: { usage: usages } } : {}),
  };
  const inArrear = pkg.charges.some(
    (c) => isRecurringFlat(c) && c.component === undefined && c.timing === "in_arrear",
  );
  return {
    name,
    node: {
      "@_name": name,
      "@_prettyName": `${pkg.name} (${PERIOD_WORD[period]}${book === ctx.defaultBook ? "" : `, ${book}`})`,
      product: pkg.id,
      ...(inArrear ? { recurringBillingMode: "IN_ARREAR" } : {}),
      ...(phases.length > 0 ? { initialPhases: { phase: phases } } : {}),
      finalPhase: final,
    },
  };
}

function productXml(ctx: ExportContext, pkg: Package): Node {
  const included = pkg.includedAddOns?.map((a) => a.addOn) ?? [];
  const available =
    pkg.role === "base"
      ? ctx.catalog.packages
          .filter((a) => isCompatibleAddOn(a, pkg) && !included.includes(a.id))
          .map((a) => a.id)
      : [];
  const category =
    pkg.role === "add_on" ? "ADD_ON" : pkg.tags?.includes("killbill-standalone") ? "STANDALONE" : "BASE";
  return {
    "@_name": pkg.id,
    "@_prettyName": pkg.name,
    category,
    ...(included.length > 0 ? { included: { addonProduct: included } } : {}),
    ...(available.length > 0 ? { available: { addonProduct: available } } : {}),
  };
}

/** Exports a (valid) Tessera catalog as Kill Bill catalog XML. Never throws. */
export function exportKillBill(catalog: Catalog): KillBillExport {
  const losses: InteropDiagnostic[] = [];
  const defaultBook = catalog.priceBooks?.find((b) => b.default)?.id ?? catalog.priceBooks?.[0]?.id ?? "list";
  const ctx: ExportContext = {
    catalog,
    defaultBook,
    losses,
    lose: (code, pointer, message) => losses.push({ code, severity: "warning", pointer, message }),
  };
  const books = catalog.priceBooks?.length ? catalog.priceBooks.map((b) => b.id) : [defaultBook];
  const plansByBook = new Map<string, string[]>(books.map((b) => [b, []]));
  const plans: Node[] = [];
  catalog.packages.forEach((pkg, i) => {
    const at = `/packages/${i}`;
    reportLosses(ctx, pkg, at);
    for (const period of pkg.billingPeriods) {
      if (!TO_KB_PERIOD[period]) continue;
      for (const book of books) {
        if (book !== defaultBook && !bookPrices(ctx, pkg, period, book)) continue;
        const plan = planXml(ctx, pkg, period, book, at);
        plans.push(plan.node);
        plansByBook.get(book)!.push(plan.name);
      }
    }
  });
  const unitServices = new Set(
    catalog.packages.flatMap((p) =>
      p.charges
        .filter((c) => c.model === "usage" && c.component)
        .map((c) => p.components?.find((k) => k.id === c.component)?.service),
    ),
  );
  const units = catalog.services.filter((s) => unitServices.has(s.id));
  const listXml = (book: string): Node => ({
    "@_name": book === defaultBook ? "DEFAULT" : book,
    "@_prettyName": catalog.priceBooks?.find((b) => b.id === book)?.name ?? book,
    plans: { plan: plansByBook.get(book)! },
  });
  const doc: Node = {
    catalog: {
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:noNamespaceSchemaLocation": "CatalogSchema.xsd",
      effectiveDate: `${catalog.effectiveDate ?? "1970-01-01"}T00:00:00+00:00`,
      catalogName: catalog.id,
      recurringBillingMode: "IN_ADVANCE",
      currencies: { currency: catalog.currencies },
      ...(units.length > 0
        ? { units: { unit: units.map((s) => ({ "@_name": s.id, "@_prettyName": s.name })) } }
        : {}),
      products: { product: catalog.packages.map((p) => productXml(ctx, p)) },
      rules: rulesXml(ctx),
      plans: { plan: plans },
      priceLists: {
        defaultPriceList: listXml(defaultBook),
        ...(books.length > 1 ? { childPriceList: books.filter((b) => b !== defaultBook).map(listXml) } : {}),
      },
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "    ",
    suppressEmptyNode: true,
  });
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${builder.build(doc)}`;
  return { xml, losses };
}
