/**
 * Quotes: configure and price through the engine against a published catalog version (the server
 * is the authority; the browser runs the same engine for instant feedback), save with an
 * idempotency key, and move through draft → sent → accepted | expired. Accepting creates the
 * customer's arrangement in the same transaction.
 * @see https://docs.stripe.com/api/idempotent_requests
 * @see https://docs.stripe.com/quotes/overview (draft → open → accepted, canceled on expiry)
 */
import { createHash, randomBytes } from "node:crypto";
import {
  type CompiledCatalog,
  type Configuration,
  configure,
  type PriceResult,
  price,
} from "@tessera/engine";
import { type Quote, validateArrangement, validateQuote } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { audit } from "../audit.ts";
import type { PublishedVersion } from "../catalogs/published.ts";
import type { Queryable } from "../db/db.ts";
import { fail } from "../errors.ts";
import { document, input, is, schemaDiagnostics } from "../input/parsers.ts";
import type { Services } from "../services.ts";
import { can, procedure } from "../trpc.ts";
import { arrangementFromQuote } from "./arrangement.ts";

export type QuoteStatus = "draft" | "sent" | "accepted" | "expired";

export interface QuoteRecord {
  id: string;
  status: QuoteStatus;
  catalogId: string;
  catalogVersion: number;
  customer: string | null;
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

interface QuoteRow {
  id: string;
  status: QuoteStatus;
  catalog_id: string;
  catalog_version: number;
  customer: string | null;
  doc: Quote;
  price: PriceResult;
  arrangement_id: string | null;
  created_at: unknown;
  updated_at: unknown;
  created_by: string;
  request_hash: string;
}

const COLUMNS =
  "id, status, catalog_id, catalog_version, customer, doc, price, arrangement_id, created_at, updated_at, created_by, request_hash";

function record(row: QuoteRow): QuoteRecord {
  return {
    id: row.id,
    status: row.status,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    customer: row.customer,
    doc: row.doc,
    price: row.price,
    arrangementId: row.arrangement_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    createdBy: row.created_by,
  };
}

async function quoteRow(db: Queryable, id: string, lock = false): Promise<QuoteRow> {
  const rows = await db.query<QuoteRow>(
    `SELECT ${COLUMNS} FROM quotes WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] ?? fail("NOT_FOUND", `There is no quote "${id}".`);
}

/** The published version and compiled catalog a quote is made from (the latest when it names none). */
export async function catalogFor(
  services: Services,
  catalogId: string,
  version: number | undefined,
): Promise<{ pv: PublishedVersion; catalog: CompiledCatalog }> {
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
  const catalog = services.published.compiled(pv);
  if (!catalog)
    fail(
      "PRECONDITION_FAILED",
      `Version ${pv.version} of catalog "${catalogId}" no longer validates; quote from a newer one.`,
    );
  return { pv, catalog };
}

const quoteDoc = document<Quote>(validateQuote);
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
  catalog: CompiledCatalog;
  configuration: Configuration;
  priced: PriceResult;
}> {
  const { pv, catalog } = await catalogFor(services, catalogIdOf(quote), quote.catalogVersion);
  const bound: Quote = { ...quote, catalogId: pv.catalogId, catalogVersion: pv.version };
  return { pv, catalog, configuration: configure(catalog, bound), priced: price(catalog, bound, on) };
}

export const quotesRouter = {
  /** The state of every option, add-on and quantity for a selection, with reasons. */
  configure: procedure(can.preview)
    .input(input(quoteInput))
    .query(async ({ ctx, input }): Promise<Configuration & { catalogVersion: number }> => {
      const { pv, catalog } = await catalogFor(
        ctx.services,
        catalogIdOf(input.quote),
        input.quote.catalogVersion,
      );
      return { ...configure(catalog, input.quote), catalogVersion: pv.version };
    }),

  /** Prices a selection as of `asOf` (default today) without saving anything. */
  price: procedure(can.preview)
    .input(input(quoteInput))
    .query(async ({ ctx, input }): Promise<PriceResult & { catalogVersion: number }> => {
      const { pv, catalog } = await catalogFor(
        ctx.services,
        catalogIdOf(input.quote),
        input.quote.catalogVersion,
      );
      return {
        ...price(catalog, input.quote, input.asOf ?? ctx.services.today()),
        catalogVersion: pv.version,
      };
    }),

  /**
   * Saves a new draft quote, priced by the server. A retry with the same `idempotencyKey` and the
   * same request returns the quote already saved (never a second one); the same key with a
   * different request is refused with CONFLICT.
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
      const requestHash = createHash("sha256")
        .update(JSON.stringify({ quote: input.quote, asOf: input.asOf ?? null }))
        .digest("hex");
      const existing = await db.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes WHERE idempotency_key = $1`, [
        input.idempotencyKey,
      ]);
      const replay = (row: QuoteRow): QuoteRecord => {
        if (row.request_hash !== requestHash)
          fail("CONFLICT", "This idempotency key was already used for a different quote; use a new key.");
        return record(row);
      };
      if (existing[0]) return replay(existing[0]);

      const cat = await db.query<{ retired_at: unknown }>("SELECT retired_at FROM catalogs WHERE id = $1", [
        catalogIdOf(input.quote),
      ]);
      if (cat[0] && cat[0].retired_at !== null)
        fail(
          "PRECONDITION_FAILED",
          `Catalog "${input.quote.catalogId}" is retired; new quotes cannot use it.`,
        );
      const { pv, priced } = await evaluate(ctx.services, input.quote, input.asOf ?? today());
      const id = `q_${randomBytes(8).toString("hex")}`;
      const doc: Quote = {
        ...input.quote,
        id,
        catalogId: pv.catalogId,
        catalogVersion: pv.version,
        status: "draft",
      };
      const saved = await db.transaction(async (tx) => {
        const rows = await tx.query<QuoteRow>(
          `INSERT INTO quotes (id, idempotency_key, request_hash, catalog_id, catalog_version, customer, status,
             doc, price, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7::json, $8::json, $9)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
          [
            id,
            input.idempotencyKey,
            requestHash,
            pv.catalogId,
            pv.version,
            doc.customer ?? null,
            JSON.stringify(doc),
            JSON.stringify(priced),
            ctx.principal.tokenId,
          ],
        );
        if (rows[0])
          await audit(tx, {
            actor: ctx.principal.tokenId,
            action: "quote.create",
            subject: `quote:${id}`,
            detail: { catalogId: pv.catalogId, version: pv.version },
          });
        return rows[0];
      });
      if (saved) return record(saved);
      // A concurrent retry with the same key won the insert: answer with its quote.
      const winner = await db.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes WHERE idempotency_key = $1`, [
        input.idempotencyKey,
      ]);
      return replay(winner[0]!);
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
      const rows = await ctx.services.db.query<QuoteRow>(
        `SELECT ${COLUMNS} FROM quotes WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2`,
        [input?.status ?? null, input?.limit ?? 100],
      );
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
      const { catalog } = await catalogFor(services, before.catalog_id, before.catalog_version);
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
          const configuration = configure(catalog, row.doc);
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
            await tx.query(
              `INSERT INTO arrangements (id, quote_id, customer, revision, doc) VALUES ($1, $2, $3, 1, $4::json)`,
              [arrangementId, row.id, row.customer, JSON.stringify(arrangement)],
            );
            await tx.query(
              `INSERT INTO arrangement_history (arrangement_id, revision, action, move, doc, actor, as_of)
               VALUES ($1, 1, 'create', NULL, $2::json, $3, $4)`,
              [arrangementId, JSON.stringify(arrangement), principal.tokenId, today],
            );
            await audit(tx, {
              actor: principal.tokenId,
              action: "arrangement.create",
              subject: `arrangement:${arrangementId}`,
              detail: { quoteId: row.id },
            });
          }
        }
        const rows = await tx.query<QuoteRow>(
          `UPDATE quotes SET status = $2, doc = $3::json, arrangement_id = COALESCE($4, arrangement_id), updated_at = now()
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [row.id, input.to, JSON.stringify(doc), arrangementId],
        );
        await audit(tx, {
          actor: principal.tokenId,
          action: `quote.${input.to}`,
          subject: `quote:${row.id}`,
          detail: { from: row.status },
        });
        return record(rows[0]!);
      });
    }),
} satisfies TRPCRouterRecord;
