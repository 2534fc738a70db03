/**
 * Kill Bill catalog XML → Tessera catalog. A Kill Bill product becomes a package; its plans (one
 * per billing period and price list) become the package's price points; phases become trial and
 * intro phases; consumable usage sections become metered components; change and cancel policy
 * cases become path rules. Everything Tessera cannot hold is reported as a located warning (see
 * packages/interop/README.md for the full list and the reasons).
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_catalog
 */
import { validate } from "@tessera/engine";
import type {
  BillingPeriod,
  Catalog,
  Charge,
  Component,
  Package,
  PriceBook,
  PricePoint,
} from "@tessera/schema";
import type { InteropDiagnostic } from "../diagnostic.ts";
import { parseXml, type XmlElement } from "../xml/tree.ts";
import { IdPool, nonEmpty } from "./ids.ts";
import { phasesOf } from "./import-phases.ts";
import { alignmentsOf, pathRulesOf } from "./import-rules.ts";
import { usageChargesOf } from "./import-usage.ts";
import { type KbCatalog, type KbPlan, type KbPrice, readKillBill } from "./model.ts";
import { checkStructure } from "./structure.ts";
import { FROM_KB_PERIOD, type KbBillingPeriod, PERIOD_MONTHS } from "./vocabulary.ts";

export type ImportResult =
  | {
      /** The XML was a Kill Bill catalog and was imported. */
      readonly ok: true;
      readonly catalog: Catalog;
      /** Whether the imported catalog validates (no errors among `diagnostics`). */
      readonly valid: boolean;
      /** Import losses and problems (located in the XML) and the engine's validation findings. */
      readonly diagnostics: InteropDiagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: InteropDiagnostic[] };

/** Context shared by the import steps: the catalog read so far, ids and the diagnostics sink. */
export interface ImportContext {
  readonly kb: KbCatalog;
  readonly ids: IdPool;
  /** Kill Bill product name → Tessera package id. */
  readonly productIds: Map<string, string>;
  /** Kill Bill unit name → Tessera service id. */
  readonly unitIds: Map<string, string>;
  /** Tessera component id → the id of its usage charge. */
  readonly usageChargeIds: Map<string, string>;
  readonly diagnostics: InteropDiagnostic[];
  warn(code: string, el: XmlElement, message: string, pointer?: string): void;
  error(code: string, el: XmlElement, message: string, pointer?: string): void;
}

function located(
  severity: "error" | "warning",
  code: string,
  el: XmlElement,
  message: string,
  pointer = "",
): InteropDiagnostic {
  return { code, severity, pointer, message, location: { line: el.line, column: el.column, at: el.path } };
}

/** Zero when Kill Bill left the value empty (its nillable price). */
export function amountOf(p: KbPrice): string {
  const v = p.value === "" ? "0" : p.value.replace(/^\+/, "");
  return v.startsWith(".") ? `0${v}` : v;
}

/** Imports Kill Bill catalog XML. Never throws; unreadable or non-Kill-Bill XML gives `ok: false`. */
export function importKillBill(text: string): ImportResult {
  const parsed = parseXml(text);
  if (!parsed.ok)
    return {
      ok: false,
      diagnostics: [
        {
          code: "killbill.xml.syntax",
          severity: "error",
          pointer: "",
          message: `The file is not well-formed XML: ${parsed.message}`,
          location: { line: parsed.line, column: parsed.column },
        },
      ],
    };
  const problems = checkStructure(parsed.root);
  if (problems.length > 0)
    return {
      ok: false,
      diagnostics: problems.map((p) => ({
        code: p.code,
        severity: "error",
        pointer: "",
        message: p.message,
        location: { line: p.line, column: p.column, at: p.path },
      })),
    };
  const kb = readKillBill(parsed.root);
  const diagnostics: InteropDiagnostic[] = [];
  const ctx: ImportContext = {
    kb,
    ids: new IdPool(),
    productIds: new Map(),
    unitIds: new Map(),
    usageChargeIds: new Map(),
    diagnostics,
    warn: (code, el, message, pointer) => diagnostics.push(located("warning", code, el, message, pointer)),
    error: (code, el, message, pointer) => diagnostics.push(located("error", code, el, message, pointer)),
  };
  const catalog = toCatalog(ctx);
  const result = validate(catalog);
  diagnostics.push(...result.diagnostics);
  return { ok: true, catalog, valid: !diagnostics.some((d) => d.severity === "error"), diagnostics };
}

function priceBooksOf(ctx: ImportContext): {
  books: PriceBook[];
  bookOfPlan: Map<string, string>;
  defaultBook: string;
} {
  const books: PriceBook[] = [];
  const bookOfPlan = new Map<string, string>();
  let defaultBook = "";
  for (const list of ctx.kb.priceLists) {
    const id = ctx.ids.take(list.isDefault ? "default" : list.name);
    if (list.isDefault) defaultBook = id;
    books.push({
      id,
      name: list.prettyName ?? (list.isDefault ? "Default price list" : list.name),
      ...(list.isDefault ? { default: true } : { fallback: defaultBook }),
    });
    for (const ref of list.plans) {
      if (!ctx.kb.plans.some((p) => p.name === ref.text))
        ctx.error(
          "killbill.ref.unknown-plan",
          ref,
          `Price list ${list.name} lists plan "${ref.text}", which the catalog does not define.`,
        );
      else if (bookOfPlan.has(ref.text))
        ctx.warn(
          "killbill.plan.many-price-lists",
          ref,
          `Plan ${ref.text} is in more than one price list; it is imported into the first.`,
        );
      else bookOfPlan.set(ref.text, id);
    }
  }
  return { books, bookOfPlan, defaultBook };
}

/** The billing period a plan is sold on: its recurring period, else its first usage section's. */
function planPeriod(plan: KbPlan): string | undefined {
  return plan.finalPhase.billingPeriod ?? plan.finalPhase.usages[0]?.billingPeriod;
}

function toCatalog(ctx: ImportContext): Catalog {
  const { kb } = ctx;
  const id = ctx.ids.take(kb.name);
  const portfolio = ctx.ids.take("products");
  for (const p of kb.products) ctx.productIds.set(p.name, ctx.ids.take(p.name));
  for (const u of kb.units) ctx.unitIds.set(u.name, ctx.ids.take(u.name));
  const { books, bookOfPlan, defaultBook } = priceBooksOf(ctx);
  const packages = kb.products.map((product, index) => {
    const plans = kb.plans.filter((p) => p.product === product.name);
    return toPackage(ctx, product.name, index, plans, (plan) => {
      const book = bookOfPlan.get(plan.name);
      if (book === undefined)
        ctx.warn(
          "killbill.plan.no-price-list",
          plan.el,
          `Plan ${plan.name} is in no price list; it is imported into the default one.`,
        );
      return book === defaultBook ? undefined : book;
    });
  });
  for (const plan of kb.plans)
    if (!ctx.productIds.has(plan.product))
      ctx.error(
        "killbill.ref.unknown-product",
        plan.el,
        `Plan ${plan.name} is for product "${plan.product}", which the catalog does not define.`,
      );
  for (const pkg of packages)
    for (const c of pkg.charges) c.pricePoints = nonEmpty(withoutRedundant(c.pricePoints, defaultBook));
  linkAddOns(ctx, packages);
  if (kb.root.children.some((c) => c.name === "recurringBillingMode" && c.text === "IN_ARREAR"))
    for (const pkg of packages) for (const c of pkg.charges) if (c.model === "flat") c.timing = "in_arrear";
  const pathRules = pathRulesOf(ctx, packages);
  const alignments = alignmentsOf(ctx);
  return {
    id,
    name: kb.name,
    version: 1,
    effectiveDate: kb.effectiveDate.slice(0, 10),
    currencies: nonEmpty(kb.currencies),
    priceBooks: books,
    services: kb.units.map((u) => ({
      id: ctx.unitIds.get(u.name)!,
      name: u.prettyName ?? u.name,
      unit: u.name,
      kind: "usage" as const,
      status: "active" as const,
    })),
    portfolios: [{ id: portfolio, name: kb.name, packageOrder: packages.map((p) => p.id) }],
    packages: packages.map((p) => ({ ...p, portfolio })),
    ...(pathRules.length > 0 ? { pathRules } : {}),
    ...(alignments ? { alignments } : {}),
  };
}

function toPackage(
  ctx: ImportContext,
  productName: string,
  index: number,
  plans: KbPlan[],
  bookOf: (plan: KbPlan) => string | undefined,
): Package {
  const product = ctx.kb.products.find((p) => p.name === productName)!;
  const id = ctx.productIds.get(productName)!;
  const pointer = `/packages/${index}`;
  if (product.limits)
    ctx.warn(
      "killbill.product.limits",
      product.limits,
      `Product ${productName}'s usage limits have no Tessera equivalent and are dropped.`,
      pointer,
    );
  const periods: BillingPeriod[] = [];
  const recurring: PricePoint[] = [];
  const setup: PricePoint[] = [];
  const components: Component[] = [];
  const usage: Charge[] = [];
  let arrear = false;
  const sold = new Map<string, string>();
  for (const plan of plans) {
    const kbPeriod = planPeriod(plan);
    const period = kbPeriod === undefined ? undefined : FROM_KB_PERIOD[kbPeriod as KbBillingPeriod];
    if (kbPeriod !== undefined && period === undefined) {
      ctx.warn(
        "killbill.plan.billing-period",
        plan.el,
        `Plan ${plan.name} bills ${kbPeriod}; Tessera bills weekly, every two weeks, monthly, quarterly, every half year or yearly, so the plan is dropped.`,
        pointer,
      );
      continue;
    }
    const book = bookOf(plan);
    const key = `${period ?? "none"}|${book ?? ""}`;
    const twin = sold.get(key);
    if (twin !== undefined) {
      ctx.warn(
        "killbill.plan.duplicate",
        plan.el,
        `Plan ${plan.name} sells ${productName} on the same billing period and price list as plan ${twin}; Tessera holds one price per package, period and price book, so it is dropped.`,
        pointer,
      );
      continue;
    }
    sold.set(key, plan.name);
    const tag = { ...(book ? { priceBook: book } : {}) };
    if (period && !periods.includes(period)) periods.push(period);
    for (const extra of ["effectiveDateForExistingSubscriptions", "plansAllowedInBundle"]) {
      const e = plan.el.children.find((c) => c.name === extra);
      if (e)
        ctx.warn(
          `killbill.plan.${extra === "plansAllowedInBundle" ? "bundle-limit" : "existing-subscriptions-date"}`,
          e,
          `Plan ${plan.name}'s <${extra}> has no Tessera equivalent and is dropped.`,
          pointer,
        );
    }
    if (plan.el.children.some((c) => c.name === "recurringBillingMode" && c.text === "IN_ARREAR"))
      arrear = true;
    for (const p of plan.finalPhase.recurring ?? [])
      if (period)
        recurring.push({ currency: p.currency, billingPeriod: period, ...tag, amount: amountOf(p) });
    for (const phase of [...plan.initialPhases, plan.finalPhase])
      for (const p of phase.fixed ?? []) {
        if (amountOf(p) === "0" || /^0(\.0*)?$/.test(amountOf(p))) continue;
        const same = setup.find((s) => s.currency === p.currency && s.priceBook === book);
        if (!same) setup.push({ currency: p.currency, ...tag, amount: amountOf(p) });
        else if (same.amount !== amountOf(p))
          ctx.warn(
            "killbill.fixed.differs",
            p.el,
            `Plan ${plan.name} has a different one-time price in ${p.currency} than another plan of ${productName}; Tessera keeps one per price list (${same.amount}).`,
            pointer,
          );
      }
    usage.push(...usageChargesOf(ctx, id, plan, period, book, components));
  }
  const charges: Charge[] = [];
  if (recurring.length > 0)
    charges.push({
      id: ctx.ids.take(`${id}-recurring`),
      name: product.prettyName ?? productName,
      model: "flat",
      ...(arrear ? { timing: "in_arrear" as const } : {}),
      pricePoints: nonEmpty(recurring),
    });
  if (setup.length > 0)
    charges.push({
      id: ctx.ids.take(`${id}-setup`),
      name: "One-time fee",
      model: "one_time",
      pricePoints: nonEmpty(setup),
    });
  charges.push(...mergeUsage(usage));
  if (periods.length === 0) {
    ctx.warn(
      "killbill.product.no-plans",
      product.el,
      `Product ${productName} has no plan Tessera can bill; it is imported with a monthly period and no prices.`,
      pointer,
    );
    periods.push("month");
  }
  // Week-based plans take terms in weeks (one or two), month-based ones in months.
  const weekly = (p: BillingPeriod) => p === "week" || p === "two_weeks";
  const weeks = [...new Set(periods.filter(weekly).map((p) => (p === "week" ? 1 : 2)))].sort((a, b) => a - b);
  const months = [...new Set(periods.filter((p) => !weekly(p)).map((p) => PERIOD_MONTHS[p] ?? 1))].sort(
    (a, b) => a - b,
  );
  const lengths: Package["terms"][number][] = [
    ...months.map((m) => ({ months: m })),
    ...weeks.map((w) => ({ weeks: w })),
  ];
  const phases = phasesOf(ctx, productName, plans, pointer);
  const bases = ctx.kb.products.filter((p) => p.category !== "ADD_ON");
  return {
    id,
    name: product.prettyName ?? productName,
    portfolio: "",
    role: product.category === "ADD_ON" ? "add_on" : "base",
    tier: product.category === "ADD_ON" ? 1 : bases.indexOf(product) + 1,
    status: "active",
    ...(product.category === "STANDALONE" ? { tags: ["killbill-standalone"] } : {}),
    ...(components.length > 0 ? { components } : {}),
    terms: lengths.map((t, i) => ({ ...t, ...(i === 0 ? { default: true } : {}) })) as Package["terms"],
    billingPeriods: periods as Package["billingPeriods"],
    charges,
    ...(phases.length > 0 ? { phases: phases as NonNullable<Package["phases"]> } : {}),
  };
}

/**
 * Drops a price list's point when the default list has the very same one: Tessera falls back to
 * the default book anyway, so the catalog says the same thing with less.
 */
function withoutRedundant(points: PricePoint[], defaultBook: string): PricePoint[] {
  const key = (p: PricePoint) => JSON.stringify({ ...p, priceBook: undefined });
  const inDefault = new Set(points.filter((p) => (p.priceBook ?? defaultBook) === defaultBook).map(key));
  return points.filter(
    (p) => p.priceBook === undefined || p.priceBook === defaultBook || !inDefault.has(key(p)),
  );
}

/** One usage charge per component: the price points of every plan of the product, together. */
function mergeUsage(charges: Charge[]): Charge[] {
  const byId = new Map<string, Charge>();
  for (const c of charges) {
    const seen = byId.get(c.id);
    if (seen) seen.pricePoints.push(...c.pricePoints);
    else byId.set(c.id, c);
  }
  return [...byId.values()];
}

function linkAddOns(ctx: ImportContext, packages: Package[]): void {
  for (const product of ctx.kb.products) {
    const base = packages.find((p) => p.id === ctx.productIds.get(product.name))!;
    for (const [refs, included] of [
      [product.included, true],
      [product.available, false],
    ] as const) {
      for (const ref of refs) {
        const addOn = packages.find((p) => p.id === ctx.productIds.get(ref.text));
        if (!addOn) {
          ctx.error(
            "killbill.ref.unknown-product",
            ref,
            `Product ${product.name} lists add-on "${ref.text}", which the catalog does not define.`,
          );
          continue;
        }
        if (addOn.role !== "add_on") {
          ctx.error(
            "killbill.addon.not-add-on",
            ref,
            `Product ${product.name} lists ${ref.text} as an add-on, but ${ref.text} is not in the ADD_ON category.`,
          );
          continue;
        }
        if (included) base.includedAddOns = [...(base.includedAddOns ?? []), { addOn: addOn.id }];
        const fits = addOn.addOn?.packages ?? [];
        if (!fits.includes(base.id)) addOn.addOn = { ...addOn.addOn, packages: [...fits, base.id] };
      }
    }
  }
  for (const product of ctx.kb.products) {
    const pkg = packages.find((p) => p.id === ctx.productIds.get(product.name))!;
    if (pkg.role === "add_on" && !pkg.addOn)
      ctx.warn(
        "killbill.addon.unlisted",
        product.el,
        `No base product lists add-on ${product.name} as included or available, so Kill Bill sells it with none; Tessera cannot say "no base", so it fits every base package.`,
      );
  }
}
