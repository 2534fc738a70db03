import { appendAudit } from "../data/audit.ts";
import type { CatalogRow } from "../data/catalogs.ts";
import * as data from "../data/catalogs.ts";
import { type Queryable, SqlState, sqlStateOf } from "../db/db.ts";
import { fail } from "../errors.ts";
import { is } from "../input/parsers.ts";
import type { Services } from "../services.ts";
import { can } from "../trpc.ts";
import type { Draft } from "./router.ts";

export const iso = (d: unknown): string => new Date(d as string).toISOString();

/** The catalog, or NOT_FOUND; for roles that may not read drafts, one never published is not found either. */
export async function catalogRow(db: Queryable, id: string, role?: string): Promise<CatalogRow> {
  const row = await data.findCatalog(db, id);
  if (!row || (role !== undefined && !mayReadDrafts(role) && row.latest_version === null))
    fail("NOT_FOUND", `There is no catalog "${id}".`);
  return row;
}

/** Locks the catalog (lock 1 of every catalog write, see data/catalogs.ts), or NOT_FOUND. */
export async function lockedCatalog(tx: Queryable, id: string): Promise<CatalogRow> {
  return (await data.lockCatalog(tx, id)) ?? fail("NOT_FOUND", `There is no catalog "${id}".`);
}

export const mayReadDrafts = (role: string): boolean => (can.design as readonly string[]).includes(role);

export function refuseRetired(row: CatalogRow): void {
  if (row.retired_at !== null)
    fail("PRECONDITION_FAILED", `Catalog "${row.id}" is retired; it can no longer be edited or published.`);
}

export async function readDraft(db: Queryable, catalogId: string): Promise<Draft | undefined> {
  const row = await data.findDraft(db, catalogId);
  if (!row) return undefined;
  return {
    catalogId,
    revision: row.revision,
    doc: row.doc,
    basedOn: row.based_on,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export function nameOf(doc: Record<string, unknown>, fallback: string): string {
  return typeof doc.name === "string" && doc.name.length > 0 ? doc.name.slice(0, 200) : fallback;
}

export function requireIdMatch(doc: Record<string, unknown>, catalogId: string): void {
  if (doc.id !== catalogId) {
    fail("BAD_REQUEST", `The document's "id" must be "${catalogId}".`, {
      diagnostics: [
        {
          code: "catalog.id-mismatch",
          severity: "error",
          pointer: "/id",
          message: `The document's "id" must be "${catalogId}", the catalog it is saved in.`,
        },
      ],
    });
  }
}

/**
 * Writes the draft of a catalog, creating the catalog when it is new. `expectedRevision` must
 * match the stored draft (or be absent when there is none); the catalog row is locked first, as
 * publish does, so of two concurrent writers exactly one wins and the other gets CONFLICT.
 */
export async function writeDraft(
  tx: Queryable,
  opts: {
    catalogId: string;
    doc: Record<string, unknown>;
    basedOn: number | null;
    expectedRevision: number | undefined;
    actor: string;
    action: string;
  },
): Promise<{ revision: number }> {
  const { catalogId, doc, actor } = opts;
  const body = JSON.stringify(doc);
  const name = nameOf(doc, catalogId);
  const logged = async (revision: number) => {
    await appendAudit(tx, {
      actor,
      action: opts.action,
      subject: `catalog:${catalogId}`,
      detail: { revision },
    });
    return { revision };
  };
  const existing = await data.lockCatalog(tx, catalogId);
  if (!existing) {
    if (opts.expectedRevision !== undefined)
      fail("NOT_FOUND", `There is no catalog "${catalogId}" to update.`);
    try {
      await data.insertCatalog(tx, { id: catalogId, name, actor });
    } catch (e) {
      if (sqlStateOf(e) === SqlState.uniqueViolation)
        fail("CONFLICT", `Catalog "${catalogId}" was just created by someone else; reload it.`);
      throw e;
    }
    await data.insertDraft(tx, { catalogId, name, body, basedOn: opts.basedOn, actor });
    return logged(1);
  }
  refuseRetired(existing);
  const currentRevision = await data.draftRevision(tx, catalogId);
  if (currentRevision === undefined) {
    await data.insertDraft(tx, { catalogId, name, body, basedOn: opts.basedOn, actor });
    return logged(1);
  }
  if (opts.expectedRevision === undefined) {
    fail(
      "CONFLICT",
      `Catalog "${catalogId}" already has a draft (revision ${currentRevision}); pass its revision to replace it.`,
      { currentRevision },
    );
  }
  const revision = await data.updateDraft(tx, {
    catalogId,
    expected: opts.expectedRevision,
    name,
    body,
    basedOn: opts.basedOn,
    actor,
  });
  if (revision === undefined)
    fail(
      "CONFLICT",
      `The draft changed since you read it (you had revision ${opts.expectedRevision}, it is now ${currentRevision}); reload and reapply your edit.`,
      { currentRevision },
    );
  return logged(revision);
}

export const catalogId = is.id();
export const revision = is.int(1, 2 ** 31 - 1);
export const version = is.int(1, 2 ** 31 - 1);

export function emptyCatalog(id: string, name: string, currencies: string[]): Record<string, unknown> {
  return { id, name, currencies, services: [], portfolios: [], packages: [] };
}

/** The document of one side of a diff: a published version or the draft. */
export async function sideDoc(
  ctx: { services: Services; principal: { role: string } },
  id: string,
  side: number | "draft",
): Promise<unknown> {
  if (side === "draft") {
    if (!mayReadDrafts(ctx.principal.role))
      fail("FORBIDDEN", `The ${ctx.principal.role} role may not read drafts.`);
    const draft = await readDraft(ctx.services.db, id);
    return draft?.doc ?? fail("NOT_FOUND", `Catalog "${id}" has no draft.`);
  }
  const pv = await ctx.services.published.version(id, side);
  return pv ? ctx.services.published.doc(pv) : fail("NOT_FOUND", `Catalog "${id}" has no version ${side}.`);
}

export const side = (v: unknown, path: readonly (string | number)[]): number | "draft" =>
  v === "draft" ? "draft" : version(v, path);
