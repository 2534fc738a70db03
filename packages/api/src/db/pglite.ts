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
  return {
    kind: "pglite",
    query: self.query,
    exec: self.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
