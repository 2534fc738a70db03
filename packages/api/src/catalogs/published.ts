/**
 * Published catalog versions, read through an in-memory cache. A version never changes once
 * published, so its serialized bytes and content hash are cached for the life of the process
 * (bounded by count); its compiled form lives in the engine's workers (engine/service.ts). Only the "latest version" pointer can go stale: a publication on
 * any server notifies every server (`notifyPublished`), which drops its pointer at once; a missed
 * notification is covered by the pointer's short time-to-live.
 */
import { createHash } from "node:crypto";
import type { Catalog } from "@tessera/schema";
import { CATALOGS_CHANNEL, findVersion, latestVersionOf, publishedCatalogIds } from "../data/catalogs.ts";
import type { Db, Queryable } from "../db/db.ts";

export interface PublishedVersion {
  catalogId: string;
  version: number;
  /** The exact JSON text that was hashed and is served. */
  body: string;
  bytes: Buffer;
  /** Hex SHA-256 of `body`. */
  contentHash: string;
  /** Strong ETag: the quoted content hash. */
  etag: string;
  publishedAt: string;
  publishedBy: string;
}

/** Hex SHA-256 of a text. */
export function contentHashOf(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export class PublishedCatalogs {
  readonly #versions = new Map<string, PublishedVersion>();
  readonly #docs = new Map<string, Catalog>();
  readonly #latest = new Map<string, { version: number | null; until: number }>();

  /** Settles once this server listens for publications (rejects when it cannot). */
  readonly listening: Promise<void>;

  constructor(
    private readonly db: Queryable & Pick<Db, "listen">,
    private readonly latestTtlMs = 1_000,
    private readonly capacity = 256,
  ) {
    this.listening = db.listen(CATALOGS_CHANNEL, (catalogId) => this.invalidateLatest(catalogId));
    // Not listening only means publications elsewhere wait for the pointer to expire.
    this.listening.catch(() => {});
  }

  /** One published version, or `undefined` when it does not exist. */
  async version(catalogId: string, version: number): Promise<PublishedVersion | undefined> {
    const key = `${catalogId}@${version}`;
    const hit = this.#versions.get(key);
    if (hit) return hit;
    const row = await findVersion(this.db, catalogId, version);
    if (!row) return undefined;
    const pv: PublishedVersion = {
      catalogId: row.catalog_id,
      version: row.version,
      body: row.body,
      bytes: Buffer.from(row.body, "utf8"),
      contentHash: row.content_hash,
      etag: `"${row.content_hash}"`,
      publishedAt: new Date(row.published_at).toISOString(),
      publishedBy: row.published_by,
    };
    if (this.#versions.size >= this.capacity) this.#versions.delete(this.#versions.keys().next().value!);
    this.#versions.set(key, pv);
    return pv;
  }

  /** The latest published version number of a catalog; `null` when none, `undefined` when no such catalog. */
  async latestVersion(catalogId: string): Promise<number | null | undefined> {
    const now = Date.now();
    const hit = this.#latest.get(catalogId);
    if (hit && hit.until > now) return hit.version;
    const latest = await latestVersionOf(this.db, catalogId);
    if (latest === undefined) return undefined;
    if (this.#latest.size > 10_000) this.#latest.clear();
    this.#latest.set(catalogId, { version: latest, until: now + this.latestTtlMs });
    return latest;
  }

  /** Ids of the catalogs with at least one published version, in id order. */
  async publishedIds(): Promise<string[]> {
    return publishedCatalogIds(this.db);
  }

  /** The latest published version, when there is one. */
  async latest(catalogId: string): Promise<PublishedVersion | undefined> {
    const v = await this.latestVersion(catalogId);
    return typeof v === "number" ? this.version(catalogId, v) : undefined;
  }

  /** Forgets the cached latest pointer of a catalog (after this server published). */
  invalidateLatest(catalogId: string): void {
    this.#latest.delete(catalogId);
  }

  /** The parsed document of a version (shared; never mutate it). */
  doc(pv: PublishedVersion): Catalog {
    let doc = this.#docs.get(pv.contentHash);
    if (!doc) {
      doc = JSON.parse(pv.body) as Catalog;
      if (this.#docs.size >= this.capacity) this.#docs.delete(this.#docs.keys().next().value!);
      this.#docs.set(pv.contentHash, doc);
    }
    return doc;
  }
}
