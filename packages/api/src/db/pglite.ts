import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Queryable } from "./db.ts";

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** Start from a database dump (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
  /** Use an instance opened elsewhere. */
  instance?: PGlite;
}

/**
 * Opens (or initialises) an embedded PGlite database. `dataDir` undefined keeps it in memory.
 * PGlite is one connection: its transactions are serialised, which is what makes it safe here.
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg =
    options.instance ??
    (await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    }));
  const self = wrap(pg);
  // PGlite has one connection: a query on the database from inside an open transaction would wait
  // for that transaction forever. Such a call is a bug; fail it at once instead of hanging.
  const inTransaction = new AsyncLocalStorage<boolean>();
  const outside = <T>(run: () => Promise<T>): Promise<T> =>
    inTransaction.getStore()
      ? Promise.reject(new Error("Query on the database inside an open transaction: use the transaction."))
      : run();
  return {
    kind: "pglite",
    query: (sql, params) => outside(() => self.query(sql, params)),
    exec: (sql) => outside(() => self.exec(sql)),
    transaction: (fn) => outside(() => pg.transaction((tx) => inTransaction.run(true, () => fn(wrap(tx))))),
    async listen(channel, onNotify) {
      await pg.listen(channel, onNotify);
    },
    close: () => pg.close(),
  };
}
