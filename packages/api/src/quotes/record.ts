/**
 * What the API answers about a quote (`QuoteRecord`), built from its row as of a day: a draft or
 * sent quote past its `validUntil` reads as expired, whatever the row still says.
 */
import { type Configuration, type DiscountImpact, discountImpact, type PriceResult } from "@tessera/engine";
import { type Quote, validateQuote } from "@tessera/schema";
import type { PublishedVersion } from "../catalogs/published.ts";
import {
  type ApprovalState,
  findQuote,
  type QuoteRow,
  type QuoteSource,
  type QuoteStatus,
  type Requester,
} from "../data/quotes.ts";
import type { Queryable } from "../db/db.ts";
import { fail } from "../errors.ts";
import { document, is } from "../input/parsers.ts";
import type { Services } from "../services.ts";

export interface QuoteRecord {
  id: string;
  /** The status as of today: a draft or sent quote past `validUntil` is `expired`. */
  status: QuoteStatus;
  catalogId: string;
  catalogVersion: number;
  customer: string | null;
  /** What lists and prints call the quote: its title, else "customer — package". */
  title: string;
  /** Name of the base package quoted (lists and prints never show its id). */
  packageName: string;
  /** The quote as saved, with its id, catalog version and status filled in. */
  doc: Quote;
  /** The price computed by the server when the quote was saved (the snapshot). */
  price: PriceResult;
  arrangementId: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** Revision number (1 for the first), the first revision's id, and the revision replacing this one. */
  revision: number;
  familyId: string;
  supersededBy: string | null;
  approval: {
    /** none: not requested (or not needed); pending; approved; rejected (request again after a change). */
    state: ApprovalState;
    /** Distinct approvers the discount needs (0: none). */
    required: number;
    /** Name of the approval tier reached, when the catalog names its tiers. */
    tier: string | null;
    round: number;
  };
  /** What the seller discounts take over the term, and as a percent of the list value. */
  discountImpact: DiscountImpact;
  /** `self_service`: a visitor asked for it from the public configurator (public/router.ts). */
  source: QuoteSource;
  /** The visitor's contact on a self-service request; null on a seller's quote. */
  requester: Requester | null;
}

export type { QuoteSource, QuoteStatus, Requester };

const iso = (d: unknown): string => new Date(d as string).toISOString();

/** A quote's title when it has none of its own: "Northwind Traders — Business", or "Business quote". */
export function defaultTitle(customer: string | undefined, packageName: string): string {
  return customer ? `${customer} — ${packageName}` : `${packageName} quote`;
}

/** Whether a quote in `status` is past its validity on `today`. */
export function isPastValidity(status: QuoteStatus, doc: Quote, today: string): boolean {
  return (status === "draft" || status === "sent") && doc.validUntil !== undefined && doc.validUntil < today;
}

export function record(row: QuoteRow, today: string): QuoteRecord {
  return {
    id: row.id,
    status: isPastValidity(row.status, row.doc, today) ? "expired" : row.status,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    customer: row.customer,
    title:
      row.title ||
      row.doc.title ||
      defaultTitle(row.customer ?? undefined, row.package_name || row.doc.package),
    packageName: row.package_name || row.doc.package,
    doc: row.doc,
    price: row.price,
    arrangementId: row.arrangement_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    createdBy: row.created_by,
    revision: row.revision,
    familyId: row.family_id,
    supersededBy: row.superseded_by,
    approval: {
      state: row.approval,
      required: row.approvals_required,
      tier: row.price.approvalTier ?? null,
      round: row.approval_round,
    },
    discountImpact: discountImpact(
      row.price,
      (row.doc.discounts ?? []).map((d) => d.id),
    ),
    source: row.source ?? "seller",
    requester: row.requester ?? null,
  };
}

export async function quoteRow(db: Queryable, id: string, lock = false): Promise<QuoteRow> {
  return (await findQuote(db, id, lock)) ?? fail("NOT_FOUND", `There is no quote "${id}".`);
}

/** The published version a quote is made from (the latest when it names none). */
export async function catalogFor(
  services: Services,
  catalogId: string,
  version: number | undefined,
): Promise<{ pv: PublishedVersion }> {
  const pv =
    version === undefined
      ? await services.published.latest(catalogId)
      : await services.published.version(catalogId, version);
  if (!pv)
    fail(
      "NOT_FOUND",
      version === undefined
        ? `Catalog "${catalogId}" has no published version to quote from.`
        : `Catalog "${catalogId}" has no version ${version}.`,
    );
  return { pv };
}

export const quoteDoc = document<Quote>(validateQuote, ["startDate", "validUntil"]);
export const asOf = is.optional(is.date());
export const quoteInput = is.object({ quote: quoteDoc, asOf });
export const quoteId = is.string({ min: 1, max: 100, pattern: /^q_[0-9a-f]+$/, what: "a quote id (q_…)" });
export const idempotencyKey = is.string({
  min: 8,
  max: 200,
  pattern: /^[\x21-\x7e]+$/,
  what: "8 to 200 visible characters",
});

export function catalogIdOf(quote: Quote): string {
  if (quote.catalogId === undefined)
    fail("BAD_REQUEST", 'The quote needs a "catalogId".', {
      diagnostics: [
        {
          code: "quote.catalog",
          severity: "error",
          pointer: "/quote/catalogId",
          message: "The quote must name the catalog it is made from.",
        },
      ],
    });
  return quote.catalogId;
}

/** Configures and prices a quote on its published version (the engine pool does the work). */
export async function evaluate(
  services: Services,
  quote: Quote,
  on: string,
): Promise<{ pv: PublishedVersion; configuration: Configuration; priced: PriceResult }> {
  const { pv } = await catalogFor(services, catalogIdOf(quote), quote.catalogVersion);
  const bound: Quote = { ...quote, catalogId: pv.catalogId, catalogVersion: pv.version };
  const [configuration, priced] = await Promise.all([
    services.engine.configure(pv, bound),
    services.engine.price(pv, bound, on),
  ]);
  return { pv, configuration, priced };
}
