/**
 * Data access for the catalog aggregate: `catalogs`, `drafts` and `catalog_versions`. All of its
 * SQL is here, so the order locks are taken in is visible in one place:
 *
 *   1. the `catalogs` row (`lockCatalog`, FOR UPDATE), always first, by every write;
 *   2. then the `drafts` row;
 *   3. then `catalog_versions` (insert only; the table refuses updates).
 *
 * Two writers of one catalog therefore queue on its `catalogs` row and never hold a lock the other
 * wants (publish used to lock `catalogs` then `drafts` while a draft save locked `drafts` then
 * `catalogs`: a deadlock). Under READ COMMITTED each statement after the lock reads what the
 * previous holder committed, so the loser sees the new revision and answers 409.
 *
 * `catalogs.name` is the name readers see: set when the catalog is made and on each publish,
 * never by a draft save. The draft's own name is `drafts.name`.
 */
import type { Queryable } from "../db/db.ts";

export interface CatalogRow {
  id: string;
  name: string;
  latest_version: number | null;
  retired_at: unknown;
}

export interface DraftRow {
  revision: number;
  doc: Record<string, unknown>;
  based_on: number | null;
  updated_at: unknown;
  updated_by: string;
  published_revision: number | null;
}

export interface CatalogListRow extends CatalogRow {
  created_at: unknown;
  draft_name: string | null;
  revision: number | null;
  public: boolean;
  updated_at: unknown;
}

export interface VersionListRow {
  version: number;
  content_hash: string;
  published_at: unknown;
  published_by: string;
}

export interface VersionRow {
  catalog_id: string;
  version: number;
  body: string;
  content_hash: string;
  published_at: Date | string;
  published_by: string;
}

const CATALOG = "id, name, latest_version, retired_at";

/** The catalog's row, unlocked (reads). */
export async function findCatalog(db: Queryable, id: string): Promise<CatalogRow | undefined> {
  const rows = await db.query<CatalogRow>(`SELECT ${CATALOG} FROM catalogs WHERE id = $1`, [id]);
  return rows[0];
}

/** Locks the catalog's row for the rest of the transaction: lock 1 of every catalog write. */
export async function lockCatalog(tx: Queryable, id: string): Promise<CatalogRow | undefined> {
  const rows = await tx.query<CatalogRow>(`SELECT ${CATALOG} FROM catalogs WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
}

/** Makes a catalog row (the caller turns a unique violation into a conflict). */
export async function insertCatalog(
  tx: Queryable,
  c: { id: string; name: string; actor: string },
): Promise<void> {
  await tx.query("INSERT INTO catalogs (id, name, created_by) VALUES ($1, $2, $3)", [c.id, c.name, c.actor]);
}

/** Catalogs by id; `publishedOnly` leaves out those never published (what readers may see). */
export function listCatalogs(
  db: Queryable,
  opts: { includeRetired: boolean; publishedOnly: boolean },
): Promise<CatalogListRow[]> {
  return db.query<CatalogListRow>(
    `SELECT c.id, c.name, c.latest_version, c.retired_at, c.created_at, d.name AS draft_name, d.revision,
            d.updated_at, c.public
     FROM catalogs c LEFT JOIN drafts d ON d.catalog_id = c.id
     WHERE ($1 OR c.retired_at IS NULL) AND (NOT $2 OR c.latest_version IS NOT NULL) ORDER BY c.id`,
    [opts.includeRetired, opts.publishedOnly],
  );
}

export async function retireCatalog(tx: Queryable, id: string, actor: string): Promise<void> {
  await tx.query("UPDATE catalogs SET retired_at = now(), retired_by = $2 WHERE id = $1", [id, actor]);
}

/** Moves the catalog's latest version and its public name (lock 1 held). */
export async function setLatest(tx: Queryable, id: string, version: number, name: string): Promise<void> {
  await tx.query("UPDATE catalogs SET latest_version = $2, name = $3 WHERE id = $1", [id, version, name]);
}

/** The catalog's latest version number; `null` when none is published, `undefined` when no catalog. */
export async function latestVersionOf(db: Queryable, id: string): Promise<number | null | undefined> {
  const rows = await db.query<{ latest_version: number | null }>(
    "SELECT latest_version FROM catalogs WHERE id = $1",
    [id],
  );
  return rows[0] === undefined ? undefined : rows[0].latest_version;
}

/** Ids of the catalogs with at least one published version, in id order. */
export async function publishedCatalogIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM catalogs WHERE latest_version IS NOT NULL ORDER BY id",
  );
  return rows.map((r) => r.id);
}

export async function findDraft(db: Queryable, catalogId: string): Promise<DraftRow | undefined> {
  const rows = await db.query<DraftRow>(
    "SELECT revision, doc, based_on, updated_at, updated_by, published_revision FROM drafts WHERE catalog_id = $1",
    [catalogId],
  );
  return rows[0];
}

/** The draft's revision (lock 2: call with the catalog locked). */
export async function draftRevision(tx: Queryable, catalogId: string): Promise<number | undefined> {
  const rows = await tx.query<{ revision: number }>("SELECT revision FROM drafts WHERE catalog_id = $1", [
    catalogId,
  ]);
  return rows[0]?.revision;
}

export async function insertDraft(
  tx: Queryable,
  d: { catalogId: string; name: string; body: string; basedOn: number | null; actor: string },
): Promise<void> {
  await tx.query(
    "INSERT INTO drafts (catalog_id, revision, doc, name, based_on, updated_by) VALUES ($1, 1, $2::json, $3, $4, $5)",
    [d.catalogId, d.body, d.name, d.basedOn, d.actor],
  );
}

/** Replaces the draft if it is still at `expected`; the new revision, or undefined when it moved on. */
export async function updateDraft(
  tx: Queryable,
  d: {
    catalogId: string;
    expected: number;
    name: string;
    body: string;
    basedOn: number | null;
    actor: string;
  },
): Promise<number | undefined> {
  const rows = await tx.query<{ revision: number }>(
    `UPDATE drafts SET doc = $3::json, name = $4, revision = revision + 1, based_on = COALESCE($5, based_on),
       updated_at = now(), updated_by = $6
     WHERE catalog_id = $1 AND revision = $2 RETURNING revision`,
    [d.catalogId, d.expected, d.body, d.name, d.basedOn, d.actor],
  );
  return rows[0]?.revision;
}

/** Records that the draft's current revision is now `version` (lock 2, after the version insert). */
export async function markDraftPublished(tx: Queryable, catalogId: string, version: number): Promise<void> {
  await tx.query("UPDATE drafts SET based_on = $2, published_revision = revision WHERE catalog_id = $1", [
    catalogId,
    version,
  ]);
}

/** Freezes a version (lock 3); returns when it was published. */
export async function insertVersion(
  tx: Queryable,
  v: { catalogId: string; version: number; body: string; hash: string; actor: string },
): Promise<unknown> {
  const rows = await tx.query<{ published_at: unknown }>(
    `INSERT INTO catalog_versions (catalog_id, version, body, content_hash, published_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING published_at`,
    [v.catalogId, v.version, v.body, v.hash, v.actor],
  );
  return rows[0]!.published_at;
}

export async function findVersion(
  db: Queryable,
  catalogId: string,
  version: number,
): Promise<VersionRow | undefined> {
  const rows = await db.query<VersionRow>(
    `SELECT catalog_id, version, body, content_hash, published_at, published_by
     FROM catalog_versions WHERE catalog_id = $1 AND version = $2`,
    [catalogId, version],
  );
  return rows[0];
}

export function listVersions(db: Queryable, catalogId: string): Promise<VersionListRow[]> {
  return db.query<VersionListRow>(
    `SELECT version, content_hash, published_at, published_by FROM catalog_versions
     WHERE catalog_id = $1 ORDER BY version DESC`,
    [catalogId],
  );
}

/** Marks a catalog public or not; `false` when there is no such catalog. */
export async function setCatalogPublic(tx: Queryable, id: string, value: boolean): Promise<boolean> {
  const rows = await tx.query<{ id: string }>("UPDATE catalogs SET public = $2 WHERE id = $1 RETURNING id", [
    id,
    value,
  ]);
  return rows.length > 0;
}

/** Whether the catalog is public (its latest version served without a token); false when unknown. */
export async function isCatalogPublic(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query<{ public: boolean }>(
    "SELECT public FROM catalogs WHERE id = $1 AND retired_at IS NULL",
    [id],
  );
  return rows[0]?.public === true;
}

/** The notification channel a publication is announced on, with the catalog id. */
export const CATALOGS_CHANNEL = "tessera_catalogs";

/** Announces a new latest version to every server; call inside the publishing transaction. */
export async function notifyPublished(tx: Queryable, catalogId: string): Promise<void> {
  await tx.query("SELECT pg_notify($1, $2)", [CATALOGS_CHANNEL, catalogId]);
}
