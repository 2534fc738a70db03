/**
 * Quotes: configure and price through the engine against a published catalog version (the server
 * is the authority; the browser runs the same engine for instant feedback), save with an
 * idempotency key, revise and clone, and move through draft → sent → accepted | expired
 * (quotes/transition.ts). Accepting creates the customer's arrangement in the same transaction.
 * Discounts beyond the catalog's tiers go through approval first (approvals/router.ts).
 * @see https://docs.stripe.com/api/idempotent_requests
 * @see https://docs.stripe.com/quotes/overview (draft → open → accepted, canceled on expiry)
 */
import type { Configuration, PriceResult } from "@tessera/engine";
import type { TRPCRouterRecord } from "@trpc/server";
import { listQuotes, listRevisions, type QuoteStatus } from "../data/quotes.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";
import {
  asOf,
  catalogFor,
  catalogIdOf,
  idempotencyKey,
  type QuoteRecord,
  quoteDoc,
  quoteId,
  quoteInput,
  quoteRow,
  record,
} from "./record.ts";
import { storeQuote } from "./store.ts";
import { transitionProcedure } from "./transition.ts";

export { defaultTitle, type QuoteRecord } from "./record.ts";
export type { QuoteStatus };

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
    .input(input(is.object({ idempotencyKey, quote: quoteDoc, asOf })))
    .mutation(({ ctx, input }) =>
      storeQuote(ctx.services, ctx.principal, {
        key: input.idempotencyKey,
        quote: input.quote,
        asOf: input.asOf,
        lineage: { kind: "new" },
      }),
    ),

  /**
   * Saves an edited quote as its next revision: the revised quote is kept (viewable, no longer
   * movable) and points at the new one, which starts as a draft (approval, if its discount needs
   * one, is asked again). An accepted quote or one already revised cannot be revised.
   */
  revise: procedure(can.sell)
    .input(input(is.object({ id: quoteId, idempotencyKey, quote: quoteDoc, asOf })))
    .mutation(async ({ ctx, input }) => {
      const of = await quoteRow(ctx.services.db, input.id);
      return storeQuote(ctx.services, ctx.principal, {
        key: input.idempotencyKey,
        // A revision stays in its quote's catalog (the version may move on).
        quote: { ...input.quote, catalogId: of.catalog_id },
        asOf: input.asOf,
        lineage: { kind: "revision", of },
      });
    }),

  /** A new draft quote with the same selection as `id` (a quote of its own, revision 1). */
  clone: procedure(can.sell)
    .input(input(is.object({ id: quoteId, idempotencyKey })))
    .mutation(async ({ ctx, input }) => {
      const of = await quoteRow(ctx.services.db, input.id);
      const { id: _id, status: _status, ...doc } = of.doc;
      return storeQuote(ctx.services, ctx.principal, {
        key: input.idempotencyKey,
        quote: { ...doc, title: `Copy of ${record(of, ctx.services.today()).title}`.slice(0, 200) },
        asOf: undefined,
        lineage: { kind: "clone", of },
      });
    }),

  /** The latest revision of each quote, newest first (every revision with `revisions: true`). */
  list: procedure(can.sell)
    .input(
      input(
        is.optional(
          is.object({
            status: is.optional(is.literal<QuoteStatus>("draft", "sent", "accepted", "expired")),
            limit: is.optional(is.int(1, 500)),
            revisions: is.optional(is.boolean()),
          }),
        ),
      ),
    )
    .query(async ({ ctx, input }): Promise<QuoteRecord[]> => {
      const today = ctx.services.today();
      const rows = await listQuotes(ctx.services.db, {
        status: input?.status ?? null,
        limit: input?.limit ?? 100,
        today,
        revisions: input?.revisions ?? false,
      });
      return rows.map((r) => record(r, today));
    }),

  get: procedure(can.sell)
    .input(input(is.object({ id: quoteId })))
    .query(
      async ({ ctx, input }): Promise<QuoteRecord> =>
        record(await quoteRow(ctx.services.db, input.id), ctx.services.today()),
    ),

  /** Every revision of the quote `id` belongs to, first to last. */
  revisions: procedure(can.sell)
    .input(input(is.object({ id: quoteId })))
    .query(async ({ ctx, input }): Promise<QuoteRecord[]> => {
      const today = ctx.services.today();
      const row = await quoteRow(ctx.services.db, input.id);
      return (await listRevisions(ctx.services.db, row.family_id)).map((r) => record(r, today));
    }),

  transition: transitionProcedure,
} satisfies TRPCRouterRecord;
