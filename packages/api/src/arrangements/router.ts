/**
 * Arrangements: what customers hold now. `paths` lists every lifecycle move (valid or blocked with
 * reasons) through the engine; `applyMove` applies one with optimistic concurrency (the revision
 * read) and keeps every state in the history. Moves are evaluated against the version the
 * arrangement was sold on (grandfathered, Kill Bill's catalog versions), until a later published
 * version is in force (its effectiveDate) and reaches existing customers (its
 * existingSubscriptionsFrom) and still holds the package; meanwhile the newest version in force
 * is offered as the change_version move (a change to the same package on the newest version),
 * the only move that moves the arrangement onto it. Every other move prices from the version the
 * arrangement is evaluated on, and the arrangement it produces records that version. When the
 * arrangement's own version cannot be found, the latest is used.
 * Reading (list, get, paths, history) is open to account managers, sellers and admins; applying a
 * move needs seller or admin (the web app asks for confirmation with the effective date and the
 * net amount due first).
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_change_plan
 */
import type { Move, MoveRequest, PathsResult } from "@tessera/engine";
import type { Arrangement, Catalog } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import type { Principal } from "../auth/roles.ts";
import type { PublishedVersion } from "../catalogs/published.ts";
import {
  type ArrangementRow,
  findArrangement,
  listArrangements,
  listHistory,
  updateArrangement,
} from "../data/arrangements.ts";
import { appendAudit } from "../data/audit.ts";
import type { Queryable } from "../db/db.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { catalogFor } from "../quotes/record.ts";
import type { Services } from "../services.ts";
import { can, procedure } from "../trpc.ts";

export interface ArrangementRecord {
  id: string;
  revision: number;
  quoteId: string | null;
  customer: string | null;
  doc: Arrangement;
  /** Names of the base package and the catalog (lists never show ids). */
  packageName: string;
  catalogName: string;
  createdAt: string;
  updatedAt: string;
}

export interface ArrangementEvent {
  revision: number;
  action: string;
  move: Move | null;
  doc: Arrangement;
  /** When it was recorded (wall clock). */
  at: string;
  /** The date the move was made as of ("YYYY-MM-DD"); null for events recorded before it was kept. */
  asOf: string | null;
  actor: string;
}

const iso = (d: unknown): string => new Date(d as string).toISOString();

/** The catalog an arrangement was priced on, parsed (undefined when that version is gone). */
export async function pricedOn(services: Services, doc: Arrangement): Promise<Catalog | undefined> {
  const pv = await services.published.version(doc.catalogId, doc.catalogVersion);
  return pv ? services.published.doc(pv) : undefined;
}

export async function recordOf(services: Services, row: ArrangementRow): Promise<ArrangementRecord> {
  const catalog = await pricedOn(services, row.doc);
  return {
    id: row.id,
    revision: row.revision,
    quoteId: row.quote_id,
    customer: row.customer,
    doc: row.doc,
    packageName: catalog?.packages.find((p) => p.id === row.doc.package)?.name ?? row.doc.package,
    catalogName: catalog?.name ?? row.doc.catalogId,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function arrangementRow(db: Queryable, id: string): Promise<ArrangementRow> {
  return (await findArrangement(db, id)) ?? fail("NOT_FOUND", `There is no arrangement "${id}".`);
}

/** The dates a published version states about when it applies, read once per version. */
const versionDates = new WeakMap<PublishedVersion, { effectiveDate?: string; existingFrom?: string }>();

function datesOf(pv: PublishedVersion): { effectiveDate?: string; existingFrom?: string } {
  let dates = versionDates.get(pv);
  if (!dates) {
    const doc = JSON.parse(pv.body) as { effectiveDate?: string; existingSubscriptionsFrom?: string };
    dates = {};
    if (typeof doc.effectiveDate === "string") dates.effectiveDate = doc.effectiveDate;
    if (typeof doc.existingSubscriptionsFrom === "string") dates.existingFrom = doc.existingSubscriptionsFrom;
    versionDates.set(pv, dates);
  }
  return dates;
}

/**
 * The version moves are evaluated against on `asOf`, and the newer version in force offered as
 * the change_version move (see the module comment). Versions newer than the arrangement's own are
 * read newest first: the first in force (effectiveDate ≤ asOf) whose existingSubscriptionsFrom has
 * come and that still holds the package is the one it is priced on (so a version 2 that reaches
 * existing customers applies even while a version 3 does not yet); otherwise the arrangement stays
 * on its own version. The newest version in force, when newer than that, is the change_version
 * target.
 */
export async function catalogForMoves(
  services: Services,
  arrangement: Arrangement,
  asOf: string,
): Promise<{ pv: PublishedVersion; newest?: PublishedVersion }> {
  const { pv: latest } = await catalogFor(services, arrangement.catalogId, undefined);
  if (latest.version <= arrangement.catalogVersion) return { pv: latest };
  let newest: PublishedVersion | undefined;
  for (let n = latest.version; n > arrangement.catalogVersion; n--) {
    const pv = n === latest.version ? latest : await services.published.version(arrangement.catalogId, n);
    if (!pv) continue;
    const dates = datesOf(pv);
    if (dates.effectiveDate !== undefined && dates.effectiveDate > asOf) continue;
    newest ??= pv;
    if (
      dates.existingFrom !== undefined &&
      dates.existingFrom <= asOf &&
      (await services.engine.hasPackage(pv, arrangement.package))
    )
      return pv === newest ? { pv } : { pv, newest };
  }
  const own = await services.published.version(arrangement.catalogId, arrangement.catalogVersion);
  if (!own) return { pv: latest };
  return newest ? { pv: own, newest } : { pv: own };
}

/** What `applyMove` takes (the portal passes the same, with today's date). */
export interface ApplyMoveInput {
  id: string;
  revision: number;
  move: MoveRequest;
  asOf?: string | undefined;
}

/**
 * Applies one move to the arrangement at `revision` as `principal`: a blocked move is refused with
 * the reasons `paths` gave, a stale revision with CONFLICT; the history row and the audit entry
 * are written in the move's transaction.
 */
export async function applyMoveTo(
  services: Services,
  principal: Principal,
  input: ApplyMoveInput,
): Promise<{ arrangement: ArrangementRecord; move: Move }> {
  const row = await arrangementRow(services.db, input.id);
  if (row.revision !== input.revision)
    fail(
      "CONFLICT",
      `The arrangement changed since you read it (it is at revision ${row.revision}); reload it.`,
      { currentRevision: row.revision },
    );
  const moveAsOf = input.asOf ?? services.today();
  const { pv, newest } = await catalogForMoves(services, row.doc, moveAsOf);
  const result = await services.engine.applyMove(pv, row.doc, input.move, moveAsOf, newest);
  if (!result.ok)
    fail("PRECONDITION_FAILED", result.reasons[0] ?? "This move is not possible.", {
      diagnostics: result.reasons.map((message) => ({
        code: "move.refused",
        severity: "error" as const,
        pointer: "/move",
        message,
      })),
    });
  const version = result.move.kind === "change_version" && newest ? newest.version : pv.version;
  const next: Arrangement = { ...result.arrangement, id: row.id, catalogVersion: version };
  const updated = await services.db.transaction(async (tx) => {
    const u = await updateArrangement(tx, {
      id: row.id,
      revision: input.revision,
      doc: next,
      move: result.move,
      actor: principal.tokenId,
      asOf: moveAsOf,
    });
    if (!u) fail("CONFLICT", "The arrangement changed while the move was applied; reload it.");
    await appendAudit(tx, {
      actor: principal.tokenId,
      action: `arrangement.${result.move.kind}`,
      subject: `arrangement:${row.id}`,
      detail: { move: input.move, revision: u.revision },
    });
    return u;
  });
  return { arrangement: await recordOf(services, updated), move: result.move };
}

const arrangementId = is.string({
  min: 1,
  max: 100,
  pattern: /^arr_[0-9a-f]+$/,
  what: "an arrangement id (arr_…)",
});
const asOf = is.optional(is.date());
/** A move request: the move's id from `paths` and the choices it takes. */
const moveRequest = is.object({
  id: is.string({ min: 1, max: 300 }),
  quantity: is.optional(is.int(0, 1_000_000_000)),
  termMonths: is.optional(is.int(1, 120)),
  // renew: new quantities for the renewed term, by component id.
  quantities: is.optional(is.counts(0, 1_000_000_000)),
  // terminate, remove_add_on: a chosen end date.
  date: is.optional(is.date()),
});

export const arrangementsRouter = {
  list: procedure(can.viewAccounts)
    .input(input(is.optional(is.object({ limit: is.optional(is.int(1, 500)) }))))
    .query(async ({ ctx, input }): Promise<ArrangementRecord[]> => {
      const rows = await listArrangements(ctx.services.db, input?.limit ?? 100);
      return Promise.all(rows.map((r) => recordOf(ctx.services, r)));
    }),

  get: procedure(can.viewAccounts)
    .input(input(is.object({ id: arrangementId })))
    .query(
      async ({ ctx, input }): Promise<ArrangementRecord> =>
        recordOf(ctx.services, await arrangementRow(ctx.services.db, input.id)),
    ),

  /** Every move from the arrangement as of `asOf` (default today). */
  paths: procedure(can.viewAccounts)
    .input(input(is.object({ id: arrangementId, asOf })))
    .query(async ({ ctx, input }): Promise<PathsResult & { catalogVersion: number; revision: number }> => {
      const row = await arrangementRow(ctx.services.db, input.id);
      const day = input.asOf ?? ctx.services.today();
      const { pv, newest } = await catalogForMoves(ctx.services, row.doc, day);
      return {
        ...(await ctx.services.engine.paths(pv, row.doc, day, newest)),
        catalogVersion: pv.version,
        revision: row.revision,
      };
    }),

  /**
   * What applying a move with these choices (a quantity, a chosen end date) would do, as `applyMove`
   * works it out on the same catalog version, without saving anything: the priced move, or the
   * reasons it is refused. The path explorer shows these numbers before the seller confirms.
   */
  previewMove: procedure(can.viewAccounts)
    .input(input(is.object({ id: arrangementId, move: moveRequest, asOf })))
    .query(async ({ ctx, input }): Promise<{ ok: true; move: Move } | { ok: false; reasons: string[] }> => {
      const row = await arrangementRow(ctx.services.db, input.id);
      const day = input.asOf ?? ctx.services.today();
      const { pv, newest } = await catalogForMoves(ctx.services, row.doc, day);
      const result = await ctx.services.engine.applyMove(pv, row.doc, input.move, day, newest);
      return result.ok ? { ok: true, move: result.move } : { ok: false, reasons: result.reasons };
    }),

  /**
   * Applies one move (an id from `paths`) to the arrangement at `revision`. A blocked move is
   * refused with the same reasons `paths` gave; a stale revision with CONFLICT.
   */
  applyMove: procedure(can.sell)
    .input(
      input(
        is.object({
          id: arrangementId,
          revision: is.int(1, 2 ** 31 - 1),
          move: moveRequest,
          asOf,
        }),
      ),
    )
    .mutation(
      ({ ctx, input }): Promise<{ arrangement: ArrangementRecord; move: Move }> =>
        applyMoveTo(ctx.services, ctx.principal, input),
    ),

  /** Every state the arrangement has been in, oldest first, with the move that led to it. */
  history: procedure(can.viewAccounts)
    .input(input(is.object({ id: arrangementId })))
    .query(async ({ ctx, input }): Promise<ArrangementEvent[]> => {
      await arrangementRow(ctx.services.db, input.id);
      const rows = await listHistory(ctx.services.db, input.id);
      return rows.map(({ as_of, ...r }) => ({ ...r, at: iso(r.at), asOf: as_of }));
    }),
} satisfies TRPCRouterRecord;
