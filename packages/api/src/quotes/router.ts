/**
 * Quotes: configure and price through the engine against a published catalog version (the server
 * is the authority; the browser runs the same engine for instant feedback), save with an
 * idempotency key, and move through draft → sent → accepted | expired. Accepting creates the
 * customer's arrangement in the same transaction.
 * @see https://docs.stripe.com/api/idempotent_requests
 * @see https://docs.stripe.com/quotes/overview (draft → open → accepted, canceled on expiry)
 */
import { createHash, randomBytes } from "node:crypto";
import { type Configuration, canonicalJson, type PriceResult } from "@tessera/engine";
import { type Quote, validateArrangement, validateQuote } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import type { PublishedVersion } from "../catalogs/published.ts";
import { insertArrangement } from "../data/arrangements.ts";
import { appendAudit } from "../data/audit.ts";
import { findCatalog } from "../data/catalogs.ts";
import {
  findQuote,
  findQuoteByKey,
  insertQuote,
  listQuotes,
  type QuoteRow,
  type QuoteStatus,
  setQuoteStatus,
} from "../data/quotes.ts";
import type { Queryable } from "../db/db.ts";
import { fail } from "../errors.ts";
import { document, input, is, schemaDiagnostics } from "../input/parsers.ts";
import type { Services } from "../services.ts";
import { can, procedure } from "../trpc.ts";
import { arrangementFromQuote } from "./arrangement.ts";

export type { QuoteStatus };

export interface QuoteRecord {
  id: string;
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
}

/** Allowed status moves. */
const NEXT: Record<QuoteStatus, QuoteStatus[]> = {
  draft: ["sent"],
  sent: ["accepted", "expired"],
  accepted: [],
  expired: [],
};

const iso = (d: unknown): string => new Date(d as string).toISOString();

/** A quote's title when it has none of its own: "Northwind Traders — Business", or "Business quote". */
export function defaultTitle(customer: string | undefined, packageName: string): string {
  return customer ? `${customer} — ${packageName}` : `${packageName} quote`;
}

function record(row: QuoteRow): QuoteRecord {
  return {
    id: row.id,
    status: row.status,
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
  };
}

async function quoteRow(db: Queryable, id: string, lock = false): Promise<QuoteRow> {
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

const quoteDoc = document<Quote>(validateQuote, ["startDate", "validUntil"]);
const asOf = is.optional(is.date());
const quoteInput = is.object({ quote: quoteDoc, asOf });
const quoteId = is.string({ min: 1, max: 100, pattern: /^q_[0-9a-f]+$/, what: "a quote id (q_…)" });

function catalogIdOf(quote: Quote): string {
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

async function evaluate(
  services: Services,
  quote: Quote,
  on: string,
): Promise<{
  pv: PublishedVersion;
  configuration: Configuration;
  priced: PriceResult;
}> {
  const { pv } = await catalogFor(services, catalogIdOf(quote), quote.catalogVersion);
  const bound: Quote = { ...quote, catalogId: pv.catalogId, catalogVersion: pv.version };
  const [configuration, priced] = await Promise.all([
    services.engine.configure(pv, bound),
    services.engine.price(pv, bound, on),
  ]);
  return { pv, configuration, priced };
}

export const quotesRouter = {
  /** The state of every option, add-on and quantity for a selection, with reasons. */
  configure: procedure(can.preview)
    .input(input(quoteInput))
    .query(async ({ ctx, input }): Promise<Configuration & { catalogVersion: number }> => {
      const { pv } = await catalogFor(ctx.services, catalogIdOf(input.quote), input.quote.catalogVersion);
      return { ...(await ctx.services.engine.configure(pv, input.quote)), catalogVersion: pv.version };
    }),

  /** Prices a selection as of `asOf` (default today) without saving anything. */
  price: procedure(can.preview)
    .input(input(quoteInput))
    .query(async ({ ctx, input }): Promise<PriceResult & { catalogVersion: number }> => {
      const { pv } = await catalogFor(ctx.services, catalogIdOf(input.quote), input.quote.catalogVersion);
      return {
        ...(await ctx.services.engine.price(pv, input.quote, input.asOf ?? ctx.services.today())),
        catalogVersion: pv.version,
      };
    }),

  /**
   * Saves a new draft quote, priced by the server. A retry with the same `idempotencyKey` and the
   * same request returns the quote already saved (never a second one); the same key with a
   * different request is refused with CONFLICT. Keys belong to the token that used them: another
   * caller's same key is a different request, and never sees this caller's quote.
   */
  save: procedure(can.sell)
    .input(
      input(
        is.object({
          idempotencyKey: is.string({
            min: 8,
            max: 200,
            pattern: /^[\x21-\x7e]+$/,
            what: "8 to 200 visible characters",
          }),
          quote: quoteDoc,
          asOf,
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<QuoteRecord> => {
      const { db, today } = ctx.services;
      // Canonical, so the same request with its keys in another order is the same request.
      const requestHash = createHash("sha256")
        .update(canonicalJson({ quote: input.quote, asOf: input.asOf ?? null }, { compact: true }))
        .digest("hex");
      const principal = ctx.principal.tokenId;
      const existing = await findQuoteByKey(db, principal, input.idempotencyKey);
      const replay = (row: QuoteRow): QuoteRecord => {
        if (row.request_hash !== requestHash)
          fail("CONFLICT", "This idempotency key was already used for a different quote; use a new key.");
        return record(row);
      };
      if (existing) return replay(existing);

      const cat = await findCatalog(db, catalogIdOf(input.quote));
      if (cat && cat.retired_at !== null)
        fail(
          "PRECONDITION_FAILED",
          `Catalog "${input.quote.catalogId}" is retired; new quotes cannot use it.`,
        );
      const { pv, priced } = await evaluate(ctx.services, input.quote, input.asOf ?? today());
      const id = `q_${randomBytes(8).toString("hex")}`;
      const packageName =
        ctx.services.published.doc(pv).packages.find((p) => p.id === input.quote.package)?.name ??
        input.quote.package;
      const title = input.quote.title ?? defaultTitle(input.quote.customer, packageName);
      const doc: Quote = {
        ...input.quote,
        id,
        catalogId: pv.catalogId,
        catalogVersion: pv.version,
        status: "draft",
      };
      const saved = await db.transaction(async (tx) => {
        const row = await insertQuote(tx, {
          id,
          key: input.idempotencyKey,
          requestHash,
          catalogId: pv.catalogId,
          version: pv.version,
          customer: doc.customer ?? null,
          doc,
          price: priced,
          principal,
          title,
          packageName,
        });
        if (row)
          await appendAudit(tx, {
            actor: principal,
            action: "quote.create",
            subject: `quote:${id}`,
            detail: { catalogId: pv.catalogId, version: pv.version },
          });
        return row;
      });
      if (saved) return record(saved);
      // A concurrent retry with the same key won the insert: answer with its quote.
      return replay((await findQuoteByKey(db, principal, input.idempotencyKey))!);
    }),

  list: procedure(can.sell)
    .input(
      input(
        is.optional(
          is.object({
            status: is.optional(is.literal<QuoteStatus>("draft", "sent", "accepted", "expired")),
            limit: is.optional(is.int(1, 500)),
          }),
        ),
      ),
    )
    .query(async ({ ctx, input }): Promise<QuoteRecord[]> => {
      const rows = await listQuotes(ctx.services.db, {
        status: input?.status ?? null,
        limit: input?.limit ?? 100,
      });
      return rows.map(record);
    }),

  get: procedure(can.sell)
    .input(input(is.object({ id: quoteId })))
    .query(async ({ ctx, input }): Promise<QuoteRecord> => record(await quoteRow(ctx.services.db, input.id))),

  /**
   * Moves a quote on: draft → sent (only a complete, valid configuration; a discount beyond the
   * approval threshold needs an admin to send), sent → accepted (not after `validUntil`; creates the
   * arrangement in the same transaction), sent → expired.
   */
  transition: procedure(can.sell)
    .input(input(is.object({ id: quoteId, to: is.literal<QuoteStatus>("sent", "accepted", "expired") })))
    .mutation(async ({ ctx, input }): Promise<QuoteRecord> => {
      const { services, principal } = ctx;
      const today = services.today();
      // The catalog is loaded before the transaction: on PGlite (one connection) a query outside the
      // open transaction would wait for it forever. A quote's catalog version never changes.
      const before = await quoteRow(services.db, input.id);
      const { pv } = await catalogFor(services, before.catalog_id, before.catalog_version);
      // Configured before the transaction too, so the engine's work never holds its connection; a
      // quote's selection never changes once saved (only its status does).
      const configured = input.to === "expired" ? undefined : await services.engine.configure(pv, before.doc);
      return services.db.transaction(async (tx) => {
        const row = await quoteRow(tx, input.id, true);
        if (!NEXT[row.status].includes(input.to))
          fail(
            "PRECONDITION_FAILED",
            `A ${row.status} quote cannot become ${input.to}${NEXT[row.status].length > 0 ? `; it can become ${NEXT[row.status].join(" or ")}` : ""}.`,
          );
        const doc: Quote = { ...row.doc, status: input.to };
        let arrangementId: string | null = null;
        if (input.to === "sent" || input.to === "accepted") {
          const configuration = configured ?? (await services.engine.configure(pv, row.doc));
          const errors = [...configuration.violations, ...row.price.violations].filter(
            (d) => d.severity === "error",
          );
          if (errors.length > 0 || !configuration.complete)
            fail(
              "PRECONDITION_FAILED",
              errors.length > 0
                ? "The quote has problems to fix before it can be sent."
                : "The quote is not complete yet; finish the configuration before sending it.",
              { diagnostics: errors },
            );
          if (input.to === "sent" && row.price.requiresApproval && principal.role !== "admin")
            fail("FORBIDDEN", `This quote needs approval before it is sent: ${row.price.reasons.join(" ")}`);
          if (input.to === "accepted") {
            if (row.doc.validUntil !== undefined && row.doc.validUntil < today)
              fail(
                "PRECONDITION_FAILED",
                `The quote was valid until ${row.doc.validUntil}; mark it expired instead.`,
              );
            arrangementId = `arr_${randomBytes(8).toString("hex")}`;
            const arrangement = arrangementFromQuote({
              id: arrangementId,
              quote: { ...row.doc, catalogId: row.catalog_id, catalogVersion: row.catalog_version },
              configuration,
              priced: row.price,
              acceptedOn: today,
            });
            if (!validateArrangement(arrangement))
              fail("PRECONDITION_FAILED", "The accepted quote does not make a valid arrangement.", {
                diagnostics: schemaDiagnostics(validateArrangement.errors),
              });
            await insertArrangement(tx, {
              id: arrangementId,
              quoteId: row.id,
              customer: row.customer,
              doc: arrangement,
              actor: principal.tokenId,
              asOf: today,
            });
            await appendAudit(tx, {
              actor: principal.tokenId,
              action: "arrangement.create",
              subject: `arrangement:${arrangementId}`,
              detail: { quoteId: row.id },
            });
          }
        }
        const updated = await setQuoteStatus(tx, { id: row.id, status: input.to, doc, arrangementId });
        await appendAudit(tx, {
          actor: principal.tokenId,
          action: `quote.${input.to}`,
          subject: `quote:${row.id}`,
          detail: { from: row.status },
        });
        return record(updated);
      });
    }),
} satisfies TRPCRouterRecord;
