/**
 * Migrations: applied once each, in order, and safe when several servers start at once on the
 * same empty PostgreSQL database (each opens its own pool and migrates concurrently).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../src/db/db.ts";
import { migrate, readMigrations } from "../src/db/migrate.ts";
import { openDb } from "../src/db/open.ts";
import { openPglite } from "../src/db/pglite.ts";

const versions = readMigrations().map((m) => m.version);

describe("migrate", () => {
  it("refuses two migration files with one version instead of skipping the second", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-migrations-"));
    writeFileSync(join(dir, "0004_quote_title.sql"), "SELECT 1;");
    writeFileSync(join(dir, "0004_webhooks.sql"), "SELECT 2;");
    expect(() => readMigrations(dir)).toThrow(
      "Migrations 0004_quote_title.sql and 0004_webhooks.sql share version 4; renumber one.",
    );
  });

  it("applies every migration once, in order, and nothing on a second run (PGlite)", async () => {
    const db = await openPglite();
    try {
      expect(await migrate(db)).toEqual(versions);
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual(versions);
    } finally {
      await db.close();
    }
  });

  // PostgreSQL when DATABASE_URL is set (as in .ci/run), like every API test (see harness.ts).
  const url = process.env.DATABASE_URL;
  if (url)
    it("lets four servers start at once on an empty PostgreSQL schema", async () => {
      for (let round = 0; round < 5; round++) {
        const schema = `t_${randomBytes(6).toString("hex")}`;
        const dbs: Db[] = await Promise.all([0, 1, 2, 3].map(() => openDb({ databaseUrl: url, schema })));
        try {
          const applied = await Promise.all(dbs.map((db) => migrate(db)));
          expect(applied.flat().sort((a, b) => a - b)).toEqual(versions);
          const rows = await dbs[0]!.query<{ version: number }>(
            "SELECT version FROM schema_migrations ORDER BY version",
          );
          expect(rows.map((r) => r.version)).toEqual(versions);
        } finally {
          await dbs[0]!.exec(`DROP SCHEMA ${schema} CASCADE`);
          await Promise.all(dbs.map((db) => db.close()));
        }
      }
    });
});
