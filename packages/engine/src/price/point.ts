/**
 * Price point choice and the per-catalog cache of parsed price points.
 *
 * Choice (the team's shared rule): the currency must match; the price book is the quote's book, else
 * its `fallback` chain, else the catalog's default book (a point without `priceBook` belongs to the
 * default book). Within the first book that has a point in the currency, an exact billingPeriod match
 * wins; otherwise a point without billingPeriod is a MONTHLY amount, multiplied by the months per
 * billing period (month 1, quarter 3, year 12, upfront = term months). One-time charges take the
 * point of the quote's period, else one without a period, and are never scaled.
 *
 * Decimal strings are parsed once per compiled catalog (a WeakMap keyed by the CompiledCatalog, so
 * the cache dies with the catalog), lazily: only the points quotes choose are parsed. Choices are
 * memoised per charge, currency, book, period and months.
 */
import type { BillingPeriod, Charge, PricePoint } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import { Decimal } from "../decimal.ts";
import type { PricedCharge } from "./work.ts";

export interface ParsedTier {
  from: number;
  upTo: number | null;
  unitAmount: Decimal;
  flatAmount: Decimal | undefined;
}

export interface ParsedStep {
  upTo: number | null;
  amount: Decimal;
}

export interface ParsedPoint {
  /** Index in the charge's pricePoints (for pointers). */
  index: number;
  currency: string;
  billingPeriod: BillingPeriod | undefined;
  book: string;
  amount: Decimal | undefined;
  unitAmount: Decimal | undefined;
  tiers: ParsedTier[] | undefined;
  steps: ParsedStep[] | undefined;
  includedUnits: number;
  /** percentage: the rate, the fee per transaction and the per-transaction bounds. */
  percent: Decimal | undefined;
  fixedAmount: Decimal | undefined;
  minAmount: Decimal | undefined;
  maxAmount: Decimal | undefined;
  /** Set when an amount string is not a decimal (the validator reports it; pricing refuses it). */
  malformed: boolean;
}

export interface ChosenPoint {
  point: ParsedPoint;
  /** Months the point's amounts are multiplied by: 1 for an exact period match or a one-time charge. */
  scale: number;
  /** Lines priced with this choice, by quantity (see charges.ts); bounded. */
  priced: Map<number, PricedCharge>;
}

interface ParsedCharge {
  /** Parsed lazily: only the points a quote chooses are ever parsed. */
  points: (ParsedPoint | undefined)[];
  chosen: Map<string, ChosenPoint | null>;
}

interface CatalogPrices {
  charges: Map<string, ParsedCharge>;
  books: Map<string, string | undefined>;
  /** Book chains by starting book. */
  chains: Map<string, string[]>;
}

const cache = new WeakMap<CompiledCatalog, CatalogPrices>();

function pricesOf(catalog: CompiledCatalog): CatalogPrices {
  let prices = cache.get(catalog);
  if (!prices) {
    const books = new Map<string, string | undefined>();
    for (const b of catalog.doc.priceBooks ?? []) if (!books.has(b.id)) books.set(b.id, b.fallback);
    prices = { charges: new Map(), books, chains: new Map() };
    cache.set(catalog, prices);
  }
  return prices;
}

function parseAmount(text: string | undefined, bad: { malformed: boolean }): Decimal | undefined {
  if (text === undefined) return undefined;
  const d = Decimal.tryParse(text);
  if (!d) bad.malformed = true;
  return d;
}

function parsePoint(p: PricePoint, index: number, defaultBook: string): ParsedPoint {
  const bad = { malformed: false };
  const zero = (d: Decimal | undefined) => d ?? Decimal.ZERO;
  const parsed: ParsedPoint = {
    index,
    currency: p.currency,
    billingPeriod: p.billingPeriod,
    book: p.priceBook ?? defaultBook,
    amount: parseAmount(p.amount, bad),
    unitAmount: parseAmount(p.unitAmount, bad),
    tiers: p.tiers?.map((t) => ({
      from: t.from,
      upTo: t.upTo ?? null,
      unitAmount: zero(parseAmount(t.unitAmount, bad)),
      flatAmount: parseAmount(t.flatAmount, bad),
    })),
    steps: p.steps?.map((s) => ({ upTo: s.upTo, amount: zero(parseAmount(s.amount, bad)) })),
    includedUnits: p.includedUnits ?? 0,
    percent: parseAmount(p.percent, bad),
    fixedAmount: parseAmount(p.fixedAmount, bad),
    minAmount: parseAmount(p.minAmount, bad),
    maxAmount: parseAmount(p.maxAmount, bad),
    malformed: false,
  };
  parsed.malformed = bad.malformed;
  return parsed;
}

function parsedCharge(catalog: CompiledCatalog, charge: Charge): ParsedCharge {
  const prices = pricesOf(catalog);
  let parsed = prices.charges.get(charge.id);
  if (!parsed) {
    parsed = { points: new Array(charge.pricePoints.length), chosen: new Map() };
    prices.charges.set(charge.id, parsed);
  }
  return parsed;
}

/** The price books tried for a quote's book, in order: the book, its fallbacks, the default book. */
export function bookChain(catalog: CompiledCatalog, book: string): string[] {
  const { books, chains } = pricesOf(catalog);
  const known = chains.get(book);
  if (known) return known;
  const chain: string[] = [];
  let current: string | undefined = book;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = books.get(current);
  }
  if (!chain.includes(catalog.defaultPriceBook)) chain.push(catalog.defaultPriceBook);
  chains.set(book, chain);
  return chain;
}

/** Whether the catalog declares the price book (any book is accepted when it declares none). */
export function isKnownBook(catalog: CompiledCatalog, book: string): boolean {
  const { books } = pricesOf(catalog);
  return books.size === 0 ? book === catalog.defaultPriceBook : books.has(book);
}

/** The memo key of a price point choice; compute it once per quote. */
export function choiceKey(currency: string, book: string, period: BillingPeriod, months: number): string {
  return `${currency}|${book}|${period}|${months}`;
}

/**
 * The price point a charge uses for a quote, or `null` when none matches. `months` is the months
 * per billing period of the quote (used to scale monthly points).
 */
export function choosePoint(
  catalog: CompiledCatalog,
  charge: Charge,
  currency: string,
  book: string,
  period: BillingPeriod,
  months: number,
  key = choiceKey(currency, book, period, months),
): ChosenPoint | null {
  const parsed = parsedCharge(catalog, charge);
  const memo = parsed.chosen.get(key);
  if (memo !== undefined) return memo;
  const oneTime = charge.model === "one_time";
  let chosen: ChosenPoint | null = null;
  const defaultBook = catalog.defaultPriceBook;
  const points = charge.pricePoints;
  for (const b of bookChain(catalog, book)) {
    let exact = -1;
    let monthly = -1;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      if (p.currency !== currency || (p.priceBook ?? defaultBook) !== b) continue;
      if (p.billingPeriod === period) {
        if (exact < 0) exact = i;
      } else if (p.billingPeriod === undefined && monthly < 0) monthly = i;
    }
    const index = exact >= 0 ? exact : monthly;
    if (index < 0) continue;
    let point = parsed.points[index];
    if (!point) {
      point = parsePoint(points[index]!, index, defaultBook);
      parsed.points[index] = point;
    }
    chosen = { point, scale: exact >= 0 || oneTime ? 1 : months, priced: new Map() };
    break;
  }
  parsed.chosen.set(key, chosen);
  return chosen;
}
