/**
 * Catalog lifecycle: drafts edited with optimistic concurrency (a stale revision is refused with
 * CONFLICT and nothing is overwritten), publish that validates and freezes a version atomically,
 * immutable versions readable forever, retirement. Every change is audited in its transaction.
 * @see https://docs.killbill.io/latest/catalog-overview (versioned, immutable catalogs)
 */
import type { Diagnostic } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { appendAudit } from "../data/audit.ts";
import * as data from "../data/catalogs.ts";
import { enqueueEvent } from "../data/webhooks.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";
import { type Change, diffJson } from "./diff.ts";
import {
  catalogId,
  catalogRow,
  emptyCatalog,
  iso,
  lockedCatalog,
  mayReadDrafts,
  nameOf,
  readDraft,
  refuseRetired,
  requireIdMatch,
  revision,
  side,
  sideDoc,
  version,
  writeDraft,
} from "./drafts.ts";
import { setPublicProcedure } from "./public.ts";
import { contentHashOf } from "./published.ts";

export interface CatalogSummary {
  id: string;
  /** The published name (for a never-published catalog, which only designers see, the draft's). */
  name: string;
  /** The draft's name, for roles that may read drafts; `null` otherwise or when there is no draft. */
  draftName: string | null;
  latestVersion: number | null;
  /** Revision of the draft; `null` when there is none, and for roles that may not read drafts. */
  draftRevision: number | null;
  retired: boolean;
  /** Served without a token and rendered as a public pricing page (see catalogs/public.ts). */
  public: boolean;
  createdAt: string;
  updatedAt: string | null;
}

export interface Draft {
  catalogId: string;
  revision: number;
  /** The draft document; it may be invalid while being edited (validate shows why). */
  doc: Record<string, unknown>;
  /** The published version the draft started from, if any. */
  basedOn: number | null;
  updatedAt: string;
  updatedBy: string;
}

export interface VersionInfo {
  catalogId: string;
  version: number;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
}

export const catalogsRouter = {
  list: procedure(can.readPublished)
    .input(input(is.optional(is.object({ includeRetired: is.optional(is.boolean()) }))))
    .query(async ({ ctx, input }): Promise<CatalogSummary[]> => {
      const drafts = mayReadDrafts(ctx.principal.role);
      const rows = await data.listCatalogs(ctx.services.db, {
        includeRetired: input?.includeRetired === true,
        publishedOnly: !drafts,
      });
      return rows.map((r) => ({
        id: r.id,
        // Published catalogs go by their published name; a designer's never-published one by its draft's.
        name: r.latest_version === null && r.draft_name !== null ? r.draft_name : r.name,
        draftName: drafts ? r.draft_name : null,
        latestVersion: r.latest_version,
        draftRevision: drafts ? r.revision : null,
        retired: r.retired_at !== null,
        public: r.public,
        createdAt: iso(r.created_at),
        updatedAt: drafts && r.updated_at !== null ? iso(r.updated_at) : null,
      }));
    }),

  getDraft: procedure(can.design)
    .input(input(is.object({ catalogId })))
    .query(async ({ ctx, input }): Promise<Draft> => {
      await catalogRow(ctx.services.db, input.catalogId);
      const draft = await readDraft(ctx.services.db, input.catalogId);
      return (
        draft ?? fail("NOT_FOUND", `Catalog "${input.catalogId}" has no draft; create one from a version.`)
      );
    }),

  /**
   * Starts a draft: an empty catalog, a copy of a published version, or uploaded JSON (which may be
   * invalid; `validate` says why). Replacing an existing draft needs its current revision.
   */
  createDraft: procedure(can.design)
    .input(
      input(
        is.union("from", {
          empty: is.object({
            from: is.literal("empty"),
            catalogId,
            name: is.string({ min: 1, max: 200 }),
            currencies: is.optional(
              is.array(is.string({ min: 3, max: 3, pattern: /^[A-Z]{3}$/, what: "an ISO 4217 code" }), {
                min: 1,
                max: 50,
              }),
            ),
          }),
          version: is.object({
            from: is.literal("version"),
            catalogId,
            version,
            revision: is.optional(revision),
          }),
          json: is.object({ from: is.literal("json"), doc: is.record(), revision: is.optional(revision) }),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<Draft> => {
      const actor = ctx.principal.tokenId;
      const { db, published } = ctx.services;
      let id: string;
      let doc: Record<string, unknown>;
      let basedOn: number | null = null;
      let expectedRevision: number | undefined;
      if (input.from === "empty") {
        id = input.catalogId;
        doc = emptyCatalog(id, input.name, input.currencies ?? ["USD"]);
      } else if (input.from === "version") {
        id = input.catalogId;
        const pv = await published.version(id, input.version);
        if (!pv) fail("NOT_FOUND", `Catalog "${id}" has no version ${input.version}.`);
        doc = JSON.parse(pv.body) as Record<string, unknown>;
        basedOn = input.version;
        expectedRevision = input.revision;
      } else {
        doc = input.doc;
        if (typeof doc.id !== "string" || !/^[a-z0-9][a-z0-9_.-]{0,79}$/.test(doc.id))
          fail(
            "BAD_REQUEST",
            'The uploaded catalog needs an "id" (lower-case letters, digits, "-", "_" or ".").',
            {
              diagnostics: [
                {
                  code: "catalog.id",
                  severity: "error",
                  pointer: "/id",
                  message: "The catalog needs a valid id.",
                },
              ],
            },
          );
        id = doc.id;
        expectedRevision = input.revision;
      }
      await db.transaction((tx) =>
        writeDraft(tx, { catalogId: id, doc, basedOn, expectedRevision, actor, action: "draft.create" }),
      );
      return (await readDraft(db, id))!;
    }),

  /** Saves the draft if `revision` is still current; otherwise CONFLICT with the current revision. */
  updateDraft: procedure(can.design)
    .input(input(is.object({ catalogId, revision, doc: is.record() })))
    .mutation(async ({ ctx, input }): Promise<{ catalogId: string; revision: number }> => {
      requireIdMatch(input.doc, input.catalogId);
      const result = await ctx.services.db.transaction((tx) =>
        writeDraft(tx, {
          catalogId: input.catalogId,
          doc: input.doc,
          basedOn: null,
          expectedRevision: input.revision,
          actor: ctx.principal.tokenId,
          action: "draft.update",
        }),
      );
      return { catalogId: input.catalogId, revision: result.revision };
    }),

  /** Validates the stored draft (`catalogId`) or a document sent along (`doc`). */
  validate: procedure(can.design)
    .input(input(is.object({ catalogId: is.optional(catalogId), doc: is.optional(is.json()) })))
    .mutation(async ({ ctx, input }): Promise<{ valid: boolean; diagnostics: Diagnostic[] }> => {
      let doc: unknown;
      if (input.doc !== undefined) doc = input.doc;
      else if (input.catalogId !== undefined) {
        const draft = await readDraft(ctx.services.db, input.catalogId);
        doc = draft?.doc ?? fail("NOT_FOUND", `Catalog "${input.catalogId}" has no draft.`);
      } else fail("BAD_REQUEST", 'Pass either "catalogId" (to validate its draft) or "doc".');
      return ctx.services.engine.validate(doc);
    }),

  /** Structural diff between two versions, or a version and the draft ("draft"). */
  diff: procedure(can.readPublished)
    .input(input(is.object({ catalogId, from: side, to: side })))
    .query(async ({ ctx, input }): Promise<{ changes: Change[] }> => {
      await catalogRow(ctx.services.db, input.catalogId, ctx.principal.role);
      const [a, b] = await Promise.all([
        sideDoc(ctx, input.catalogId, input.from),
        sideDoc(ctx, input.catalogId, input.to),
      ]);
      return { changes: diffJson(a, b) };
    }),

  /**
   * Validates the draft at `revision` and, when it has no errors, freezes it as the next version in
   * one transaction (version row, latest pointer, audit). Refused whole with every diagnostic when
   * invalid; refused with CONFLICT when the draft moved on.
   */
  publish: procedure(can.design)
    .input(input(is.object({ catalogId, revision })))
    .mutation(async ({ ctx, input }): Promise<VersionInfo & { warnings: Diagnostic[] }> => {
      const { db, published, hooks } = ctx.services;
      const actor = ctx.principal.tokenId;
      const info = await db.transaction(async (tx) => {
        // Lock order (data/catalogs.ts): the catalog row, then the draft, then the new version.
        const cat = await lockedCatalog(tx, input.catalogId);
        refuseRetired(cat);
        const draft = await data.findDraft(tx, input.catalogId);
        if (!draft) fail("NOT_FOUND", `Catalog "${input.catalogId}" has no draft to publish.`);
        if (draft.revision !== input.revision)
          fail(
            "CONFLICT",
            `The draft changed since you read it (you had revision ${input.revision}, it is now ${draft.revision}); review it before publishing.`,
            { currentRevision: draft.revision },
          );
        if (draft.published_revision === draft.revision)
          fail(
            "CONFLICT",
            `Revision ${draft.revision} of the draft is already published as version ${cat.latest_version}; edit the draft before publishing again.`,
            { currentRevision: draft.revision },
          );
        const next = (cat.latest_version ?? 0) + 1;
        const doc = { ...draft.doc, version: next } as Record<string, unknown>;
        const result = await ctx.services.engine.validate(doc);
        if (!result.valid) {
          const errors = result.diagnostics.filter((d) => d.severity === "error").length;
          fail(
            "UNPROCESSABLE_CONTENT",
            `The catalog has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} before publishing.`,
            { diagnostics: result.diagnostics },
          );
        }
        const body = JSON.stringify(doc satisfies Record<string, unknown> as unknown as Catalog);
        const hash = contentHashOf(body);
        const publishedAt = await data.insertVersion(tx, {
          catalogId: input.catalogId,
          version: next,
          body,
          hash,
          actor,
        });
        await data.setLatest(tx, input.catalogId, next, nameOf(doc, input.catalogId));
        await data.markDraftPublished(tx, input.catalogId, next);
        await appendAudit(tx, {
          actor,
          action: "catalog.publish",
          subject: `catalog:${input.catalogId}`,
          detail: { version: next, contentHash: hash, revision: draft.revision },
        });
        await data.notifyPublished(tx, input.catalogId);
        // The webhook outbox: written with the version, so an event is sent exactly for what committed.
        await enqueueEvent(tx, {
          type: "catalog.published",
          catalogId: input.catalogId,
          createdAt: iso(publishedAt),
          data: {
            catalogId: input.catalogId,
            version: next,
            contentHash: hash,
            url: `/v1/catalogs/${input.catalogId}/versions/${next}`,
            publishedBy: actor,
          },
        });
        await hooks.beforePublishCommit?.({ catalogId: input.catalogId, version: next });
        return {
          catalogId: input.catalogId,
          version: next,
          contentHash: hash,
          publishedAt: iso(publishedAt),
          publishedBy: actor,
          warnings: result.diagnostics,
        };
      });
      published.invalidateLatest(input.catalogId);
      return info;
    }),

  listVersions: procedure(can.readPublished)
    .input(input(is.object({ catalogId })))
    .query(async ({ ctx, input }): Promise<VersionInfo[]> => {
      await catalogRow(ctx.services.db, input.catalogId, ctx.principal.role);
      const rows = await data.listVersions(ctx.services.db, input.catalogId);
      return rows.map((r) => ({
        catalogId: input.catalogId,
        version: r.version,
        contentHash: r.content_hash,
        publishedAt: iso(r.published_at),
        publishedBy: r.published_by,
      }));
    }),

  /** One published version (the latest when `version` is omitted), with its document. */
  getVersion: procedure(can.readPublished)
    .input(input(is.object({ catalogId, version: is.optional(version) })))
    .query(async ({ ctx, input }): Promise<VersionInfo & { doc: Catalog }> => {
      const { published } = ctx.services;
      const pv =
        input.version === undefined
          ? await published.latest(input.catalogId)
          : await published.version(input.catalogId, input.version);
      if (!pv)
        fail(
          "NOT_FOUND",
          input.version === undefined
            ? `Catalog "${input.catalogId}" has no published version.`
            : `Catalog "${input.catalogId}" has no version ${input.version}.`,
        );
      return {
        catalogId: pv.catalogId,
        version: pv.version,
        contentHash: pv.contentHash,
        publishedAt: pv.publishedAt,
        publishedBy: pv.publishedBy,
        doc: published.doc(pv),
      };
    }),

  /** Retires a catalog: no more edits, publishes or new quotes; its versions stay readable. */
  retire: procedure(can.design)
    .input(input(is.object({ catalogId })))
    .mutation(async ({ ctx, input }): Promise<{ catalogId: string; retired: true }> => {
      await ctx.services.db.transaction(async (tx) => {
        refuseRetired(await lockedCatalog(tx, input.catalogId));
        await data.retireCatalog(tx, input.catalogId, ctx.principal.tokenId);
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "catalog.retire",
          subject: `catalog:${input.catalogId}`,
        });
      });
      return { catalogId: input.catalogId, retired: true };
    }),

  setPublic: setPublicProcedure,
} satisfies TRPCRouterRecord;
