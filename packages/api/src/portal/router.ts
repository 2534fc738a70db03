/**
 * The customer portal. A `customer` token is bound to one customer (tokens.createForCustomer); every
 * procedure here reads that binding from the token, never from the input, and treats another
 * customer's arrangement exactly like one that does not exist (NOT_FOUND, same sentence), so a
 * portal user cannot even learn which ids exist. Customers see the valid moves the catalog marks
 * self-service (engine `isSelfService`), with the price and proration in plain words, and make
 * them as of today only (no `asOf` from the customer).
 */
import { isSelfService, type Move } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { accountOf } from "../accounts/router.ts";
import type { AccountArrangement, Upcoming } from "../accounts/summary.ts";
import { type ArrangementRecord, applyMoveTo, catalogForMoves } from "../arrangements/router.ts";
import { type ArrangementRow, findArrangement, listCustomerArrangements } from "../data/arrangements.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import type { Services } from "../services.ts";
import { can, procedure } from "../trpc.ts";
import { type MoveWords, moveInWords } from "./words.ts";

export interface PortalMove {
  id: string;
  kind: Move["kind"];
  label: string;
  effectiveDate: string | null;
  newRecurring: string | null;
  prorationNet: string | null;
  /** Units the customer chooses (an add-on sold in units). */
  quantity: Move["quantity"] | null;
  words: MoveWords;
}

export interface PortalMoves {
  arrangementId: string;
  revision: number;
  packageName: string;
  currency: string;
  recurring: string;
  moves: PortalMove[];
  /** Valid moves the catalog leaves to the account team (named, so the portal can point there). */
  others: { id: string; label: string }[];
}

const arrangementId = is.string({
  min: 1,
  max: 100,
  pattern: /^arr_[0-9a-f]+$/,
  what: "an arrangement id (arr_…)",
});

function customerOf(principal: { customer?: string }): string {
  // Only customer tokens reach these procedures, and each one carries its customer.
  return principal.customer ?? fail("FORBIDDEN", "This token is not bound to a customer.");
}

/** The caller's own arrangement; another customer's is answered exactly like a missing one. */
async function ownArrangement(services: Services, customer: string, id: string): Promise<ArrangementRow> {
  const row = await findArrangement(services.db, id);
  if (!row || row.customer !== customer) fail("NOT_FOUND", `You have no arrangement "${id}".`);
  return row;
}

/** The valid, self-service moves from the arrangement today, in plain words. */
async function portalMoves(services: Services, row: ArrangementRow): Promise<PortalMoves> {
  const today = services.today();
  const { pv, newest } = await catalogForMoves(services, row.doc, today);
  const catalog: Catalog = services.published.doc(pv);
  const result = await services.engine.paths(pv, row.doc, today, newest);
  const nameOf = (id: string) => catalog.packages.find((p) => p.id === id)?.name ?? id;
  const current = {
    recurring: result.current.recurring,
    currency: row.doc.currency,
    billingPeriod: row.doc.billingPeriod,
  };
  return {
    arrangementId: row.id,
    revision: row.revision,
    packageName: nameOf(row.doc.package),
    currency: row.doc.currency,
    recurring: result.current.recurring,
    moves: result.moves
      .filter((m) => m.valid && isSelfService(catalog, m))
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        label: m.label,
        effectiveDate: m.effectiveDate ?? null,
        newRecurring: m.newRecurring ?? null,
        prorationNet: m.prorationNet ?? null,
        quantity: m.quantity ?? null,
        words: moveInWords(m, current, today, nameOf),
      })),
    others: result.moves
      .filter((m) => m.valid && m.kind !== "retention_offer" && !isSelfService(catalog, m))
      .map((m) => ({ id: m.id, label: m.label })),
  };
}

export const portalRouter = {
  /** The customer's own arrangements (names, state, usage) and what comes up next. */
  account: procedure(can.portal).query(
    async ({
      ctx,
    }): Promise<{ customer: string; arrangements: AccountArrangement[]; upcoming: Upcoming[] }> => {
      const customer = customerOf(ctx.principal);
      const rows = await listCustomerArrangements(ctx.services.db, customer);
      if (rows.length === 0) return { customer, arrangements: [], upcoming: [] };
      const account = await accountOf(ctx.services, customer, rows);
      return { customer, arrangements: account.arrangements, upcoming: account.upcoming };
    },
  ),

  moves: procedure(can.portal)
    .input(input(is.object({ id: arrangementId })))
    .query(async ({ ctx, input }): Promise<PortalMoves> => {
      const row = await ownArrangement(ctx.services, customerOf(ctx.principal), input.id);
      return portalMoves(ctx.services, row);
    }),

  /**
   * Makes one self-service move today. A move that is not valid, or not self-service, is refused
   * (FORBIDDEN) without touching the arrangement; the account team can still make it.
   */
  applyMove: procedure(can.portal)
    .input(
      input(
        is.object({
          id: arrangementId,
          revision: is.int(1, 2 ** 31 - 1),
          move: is.object({
            id: is.string({ min: 1, max: 300 }),
            quantity: is.optional(is.int(1, 1_000_000)),
          }),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<{ arrangement: ArrangementRecord; move: Move }> => {
      const row = await ownArrangement(ctx.services, customerOf(ctx.principal), input.id);
      const offered = await portalMoves(ctx.services, row);
      if (!offered.moves.some((m) => m.id === input.move.id))
        fail(
          "FORBIDDEN",
          `"${input.move.id}" is not a change you can make yourself here; your account manager can help with it.`,
        );
      const move = input.move.quantity === undefined ? { id: input.move.id } : input.move;
      return applyMoveTo(ctx.services, ctx.principal, { id: row.id, revision: input.revision, move });
    }),
} satisfies TRPCRouterRecord;
