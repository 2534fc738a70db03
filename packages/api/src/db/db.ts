/**
 * The one storage seam of the service: a small query/transaction interface with two
 * implementations (embedded PGlite and a PostgreSQL pool), so the same SQL runs on both.
 */

/** Anything SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Every write that spans rows goes through here.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every notification on `channel` (PostgreSQL LISTEN/NOTIFY; a
   * `pg_notify` sent inside a transaction arrives once it commits), from this and every other
   * server on the database, until the database is closed.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** SQLSTATE codes the service reacts to. */
export const SqlState = {
  uniqueViolation: "23505",
  serializationFailure: "40001",
} as const;

/** The SQLSTATE of a driver error, when it has one (both drivers expose `code`). */
export function sqlStateOf(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
