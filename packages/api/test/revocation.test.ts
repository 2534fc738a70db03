/**
 * Revoking a token and publishing a catalog take effect at once on every server of the database,
 * not after a cache expires: the transaction notifies, and each server drops what it cached when
 * the notification arrives. Two servers are two `Services` (each with its own token cache) on one
 * database; on PostgreSQL each also has its own connection pool, as separate processes would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/db.ts";
import { openDb } from "../src/db/open.ts";
import type { Services } from "../src/services.ts";
import { sampleCatalog } from "./fixtures.ts";
import {
  backends,
  callerFor,
  errorOf,
  openTestDb,
  seedTokens,
  servicesFor,
  type TestDb,
  type Tokens,
} from "./harness.ts";

/** Long enough that only the notification can explain a refusal within the test. */
const HOUR = 3_600_000;

describe.each(backends)("token revocation on %s", (backend) => {
  let t: TestDb;
  let other: Db;
  let tokens: Tokens;
  let first: Services;
  let second: Services;

  beforeAll(async () => {
    t = await openTestDb(backend);
    tokens = await seedTokens(t.db);
    // The second server: on PostgreSQL its own pool and listening connection on the same schema.
    other =
      backend === "postgres"
        ? await openDb({ databaseUrl: process.env.DATABASE_URL, schema: await schemaOf(t.db) })
        : t.db;
    first = servicesFor(t.db, { tokenTtlMs: HOUR, latestTtlMs: HOUR });
    second = servicesFor(other, { tokenTtlMs: HOUR, latestTtlMs: HOUR });
    await Promise.all([
      first.tokens.listening,
      second.tokens.listening,
      first.published.listening,
      second.published.listening,
    ]);
  });
  afterAll(async () => {
    if (other !== t.db) await other.close();
    await t.close();
  });

  it("moves the other server's latest version at once when a catalog is published", async () => {
    const designer = await callerFor(first, tokens.designer);
    const doc = sampleCatalog("saas");
    const draft = await designer.catalogs.createDraft({ from: "json", doc });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    // Cached by the second server.
    expect(await second.published.latestVersion(draft.catalogId)).toBe(1);

    const edited = await designer.catalogs.updateDraft({
      catalogId: draft.catalogId,
      revision: draft.revision,
      doc: { ...draft.doc, name: "Acme Collaborate 2" },
    });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: edited.revision });
    await expect
      .poll(() => second.published.latestVersion(draft.catalogId), { timeout: 5_000, interval: 20 })
      .toBe(2);
  });

  it("refuses a revoked token on the other server at once, though it had it cached", async () => {
    const designer = await callerFor(second, tokens.designer);
    // Cached by the second server.
    await expect(designer.catalogs.list()).resolves.toBeInstanceOf(Array);

    const admin = await callerFor(first, tokens.admin);
    await admin.tokens.revoke({ id: tokens.ids.designer });

    await expect
      .poll(async () => (await second.tokens.resolve(tokens.designer)) as unknown, {
        timeout: 5_000,
        interval: 20,
      })
      .toEqual({ refused: "revoked" });
    const refused = await errorOf(callerFor(second, tokens.designer).then((c) => c.catalogs.list()));
    expect(refused.code).toBe("UNAUTHORIZED");
  });
});

/** The schema the test database's tables live in (its search path). */
async function schemaOf(db: Db): Promise<string> {
  const rows = await db.query<{ schema: string }>("SELECT current_schema() AS schema");
  return rows[0]!.schema;
}
