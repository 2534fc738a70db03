import pg from "pg";
import type { Db, Queryable } from "./db.ts";

export interface PostgresOptions {
  connectionString: string;
  /** Schema to use (created when missing); tests isolate themselves with one schema each. */
  schema?: string;
  max?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The advisory lock of schema changes (the same key as `migrate`'s). */
export const SCHEMA_LOCK = 7471;

/** Opens a PostgreSQL connection pool (`DATABASE_URL`). */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !IDENTIFIER.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      // Under the migrations' lock: concurrent CREATE SCHEMA IF NOT EXISTS can fail on a unique
      // index of the system catalog.
      await admin.query("BEGIN");
      await admin.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await admin.query("COMMIT");
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const self = on(pool);
  return {
    kind: "postgres",
    query: self.query,
    exec: self.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
