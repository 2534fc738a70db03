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
  const listeners = new Listeners({ connectionString: options.connectionString });
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
    listen: (channel, onNotify) => listeners.listen(channel, onNotify),
    async close() {
      await listeners.close();
      await pool.end();
    },
  };
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The notifications of one database, on one dedicated connection (a pooled one would be handed to
 * other queries). When that connection is lost it is opened again, and listens again, a second
 * later; what was notified in between is missed, so listeners must not be the only way their
 * state is refreshed (the token cache also expires).
 */
class Listeners {
  readonly #handlers = new Map<string, ((payload: string) => void)[]>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: pg.ClientConfig) {}

  async listen(channel: string, onNotify: (payload: string) => void): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
    const known = this.#handlers.get(channel);
    if (known) known.push(onNotify);
    else this.#handlers.set(channel, [onNotify]);
    const client = await this.#connect();
    if (!known) await client.query(`LISTEN ${channel}`);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client(this.options);
      client.on("notification", (n) => {
        for (const handler of this.#handlers.get(n.channel) ?? []) handler(n.payload ?? "");
      });
      client.on("error", () => this.#lost(client));
      client.on("end", () => this.#lost(client));
      await client.connect();
      for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  #lost(client: pg.Client): void {
    if (this.#client === client) this.#client = undefined;
    else if (this.#client) return;
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (!this.#closed) this.#connect().catch(() => this.#scheduleRetry());
    }, 1_000);
    this.#retry.unref();
  }
}
