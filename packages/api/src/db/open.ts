import type { Db } from "./db.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

export interface OpenDbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the embedded database in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema (tests use one per file). Ignored by PGlite. */
  schema?: string | undefined;
}

/** Opens PostgreSQL when a URL is given, the embedded PGlite database otherwise. */
export function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    return openPostgres({
      connectionString: options.databaseUrl,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    });
  }
  return openPglite(options.dataDir);
}
