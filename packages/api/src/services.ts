import { TokenResolver } from "./auth/tokens.ts";
import { PublishedCatalogs } from "./catalogs/published.ts";
import type { Db } from "./db/db.ts";

/** Hooks tests use to stop a write at a chosen point (e.g. to kill the process mid-publish). */
export interface ApiHooks {
  /** Runs inside the publish transaction, after the version row is written and before commit. */
  beforePublishCommit?: (info: { catalogId: string; version: number }) => Promise<void>;
}

/** Everything a request handler needs; one instance per server process. */
export interface Services {
  db: Db;
  tokens: TokenResolver;
  published: PublishedCatalogs;
  /** Today's date ("YYYY-MM-DD", UTC): the default `asOf` for pricing and paths. */
  today: () => string;
  hooks: ApiHooks;
  /** Largest request body the HTTP layer accepts, for error messages. */
  maxBodyBytes: number;
  /** Webhook settings: whether endpoints may use plain http beyond this machine. */
  webhooks: { allowHttp: boolean };
}

export interface ServicesOptions {
  db: Db;
  today?: () => string;
  hooks?: ApiHooks;
  /**
   * How long a resolved token is trusted before it is looked up again (default 5 s). Revocations
   * clear it at once on every server; this only bounds a missed notification.
   */
  tokenTtlMs?: number;
  /** How long the latest-version pointer of a catalog is trusted (default 1 s; same role). */
  latestTtlMs?: number;
  maxBodyBytes?: number;
  /** Accept plain-http webhook endpoints on any host (default: https, or http to loopback only). */
  webhookAllowHttp?: boolean;
}

export function createServices(options: ServicesOptions): Services {
  return {
    db: options.db,
    tokens: new TokenResolver(options.db, options.tokenTtlMs),
    published: new PublishedCatalogs(options.db, options.latestTtlMs),
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
    hooks: options.hooks ?? {},
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    webhooks: { allowHttp: options.webhookAllowHttp ?? false },
  };
}
