import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db } from "./db.ts";
import { SCHEMA_LOCK } from "./postgres.ts";

/** Folder of the numbered SQL migrations (`0001_init.sql`, ...), applied in order, once each. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Reads the migration files; the number before the first `_` is the version. Two files with one
 * version (two branches that each added "the next" migration) are refused: `migrate` records
 * versions, so the second file would otherwise be skipped without a word.
 */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d+_[a-z0-9_]+\.sql$/.test(f))
    .map((f) => ({
      version: Number(f.slice(0, f.indexOf("_"))),
      name: f,
      sql: readFileSync(`${dir}/${f}`, "utf8"),
    }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++)
    if (migrations[i]!.version === migrations[i - 1]!.version)
      throw new Error(
        `Migrations ${migrations[i - 1]!.name} and ${migrations[i]!.name} share version ${migrations[i]!.version}; renumber one.`,
      );
  return migrations;
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction together with its row in
 * `schema_migrations`, under an advisory lock so two servers starting at once do not race.
 * @returns the versions applied by this call.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  // Under the same lock: two concurrent CREATE TABLE IF NOT EXISTS can both try to create the
  // table's row type, and the second then fails on a unique index of the system catalog.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
      const rows = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
