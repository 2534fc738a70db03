/**
 * One Node process: the tRPC API at /trpc, the catalog feed at /v1, the built web app everywhere
 * else, on one port and one origin (so the browser needs no CORS). A factory, so tests boot it on
 * loopback with an ephemeral port.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  type ApiHooks,
  appRouter,
  bearerToken,
  createContext,
  createServices,
  type Db,
  type DispatcherOptions,
  type EngineOptions,
  migrate,
  openDb,
  type Services,
  WebhookDispatcher,
} from "@tessera/api";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { readBody, sendTrpcError } from "./body.ts";
import { clientAddress } from "./client-address.ts";
import { handleFeed, sendError } from "./feed.ts";
import { setSecurityHeaders } from "./headers.ts";
import { PRICE_PATH, PriceResponses } from "./price-cache.ts";
import { PricingPages } from "./pricing/handler.ts";
import {
  DEFAULT_PUBLIC_ENGINE_RATE_LIMIT,
  DEFAULT_RATE_LIMIT,
  type RateLimit,
  RateLimiter,
} from "./rate-limit.ts";
import { DEFAULT_STATIC_CACHE_BYTES, StaticSite } from "./static.ts";
import { handleTmf620, Tmf620Views } from "./tmf620.ts";

/** Largest request body accepted (a large catalog upload fits; anything bigger is refused with 413). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Largest body of a call to the public procedures, and of any call without a valid token (a
 * self-service selection and contact fit in a few KiB): anonymous callers never get the
 * catalog-upload allowance, whichever procedure they name.
 */
export const PUBLIC_MAX_BODY_BYTES = 64 * 1024;

/** The public procedures that run the engine (limited per address: `publicEngineRate`). */
const PUBLIC_ENGINE_CALLS = new Set(["public.configure", "public.price", "public.requestQuote"]);

/** Most calls one tRPC batch may hold (the web app's batch link sends at most 20). */
export const DEFAULT_MAX_BATCH_CALLS = 50;

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export interface ServerOptions {
  /** An open database; when absent one is opened from `databaseUrl` / `dataDir`. */
  db?: Db;
  databaseUrl?: string | undefined;
  /** PGlite data directory (ignored with `databaseUrl`); undefined keeps the database in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema (tests isolate themselves with one). */
  schema?: string | undefined;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Built web app to serve; defaults to apps/web/dist. */
  webDist?: string;
  maxBodyBytes?: number;
  /** Most calls in one tRPC batch (default 50); a bigger batch is refused whole with 400. */
  maxBatchCalls?: number;
  /** Calls per token (or per client address without one); `false` turns limiting off (benchmarks). */
  rateLimit?: RateLimit | false;
  /**
   * Engine calls of the public procedures per client address without a valid token, on top of
   * `rateLimit` (default `DEFAULT_PUBLIC_ENGINE_RATE_LIMIT`); `false` turns it off.
   */
  publicEngineRate?: RateLimit | false;
  /**
   * Requests with public engine calls from callers without a token in flight at once, across all
   * addresses (default: half the engine threads, at least 1), so visitors never hold every worker
   * and staff keep theirs; past it, 429 with `Retry-After: 1`.
   */
  publicEngineConcurrency?: number;
  /** Bound on the bytes of web app files held in memory. */
  staticCacheBytes?: number;
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For (default 0: the socket's
   * peer is the client). Per-address limits use the address this many hops from the right.
   */
  trustedProxies?: number;
  /** Default `asOf` date source (tests pin it). */
  today?: () => string;
  hooks?: ApiHooks;
  /** Engine limits, time budget and worker pool size (defaults: `defaultEngineOptions`). */
  engine?: Partial<EngineOptions>;
  /** Webhook delivery settings (tests shorten the backoff); `false` runs no dispatcher. */
  webhooks?: (DispatcherOptions & { allowHttp?: boolean }) | false;
  /** Where request failures are reported (never to the client). Defaults to stderr. */
  log?: (message: string, error?: unknown) => void;
}

export interface TesseraServer {
  start(): Promise<{ port: number; url: string }>;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), stops the engine
   * workers and closes the database.
   */
  stop(graceMs?: number): Promise<void>;
  /** The services (database, caches) once started. */
  readonly services: Services;
  /** The web app being served (its cache's size is observable for tests). */
  readonly site: StaticSite;
  /** Priced quotes kept in memory (observable for tests). */
  readonly prices: PriceResponses;
}

export function createServer(options: ServerOptions = {}): TesseraServer {
  const webhookSettings: DispatcherOptions & { allowHttp?: boolean } = options.webhooks || {};
  const log =
    options.log ??
    ((message: string, error?: unknown) => {
      console.error(`[tessera] ${message}`, error ?? "");
    });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatchCalls = options.maxBatchCalls ?? DEFAULT_MAX_BATCH_CALLS;
  const trustedProxies = options.trustedProxies ?? 0;
  const site = new StaticSite(
    options.webDist ?? DEFAULT_WEB_DIST,
    options.staticCacheBytes ?? DEFAULT_STATIC_CACHE_BYTES,
  );
  const limiter =
    options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const engineLimiter =
    options.publicEngineRate === false
      ? undefined
      : new RateLimiter(options.publicEngineRate ?? DEFAULT_PUBLIC_ENGINE_RATE_LIMIT);
  let services: Services | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  let priceResponses: PriceResponses | undefined;
  const tmf620 = new Tmf620Views();
  const pricing = new PricingPages(() => services!);
  let ownsDb = false;
  /** Requests with public engine calls from callers without a token, in flight now. */
  let anonymousEngineRequests = 0;

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: maxBodyBytes,
    maxBatchSize: maxBatchCalls,
    createContext: ({ req }) =>
      createContext(
        services!,
        req.headers.authorization,
        (req as IncomingMessage & { body?: string }).body,
        clientAddress(req, trustedProxies),
      ),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        log(`internal error in ${path ?? "(unknown)"}`, error.cause ?? error);
    },
  });

  /** The caller's rate-limit key: its token when valid, else its address (`anonymous`). */
  async function callerOf(req: IncomingMessage): Promise<{ key: string; anonymous: boolean }> {
    const token = bearerToken(req.headers.authorization);
    const who = token ? await services!.tokens.resolve(token) : undefined;
    return who && "principal" in who
      ? { key: `token:${who.principal.tokenId}`, anonymous: false }
      : { key: `addr:${clientAddress(req, trustedProxies)}`, anonymous: true };
  }

  /**
   * Charges `cost` calls to the caller (its token, or its address without a valid one), and an
   * anonymous caller's engine calls to its engine allowance; answers 429 with Retry-After and
   * returns false when the caller is over a limit (nothing is charged to the other then).
   */
  async function admit(
    req: IncomingMessage,
    res: ServerResponse,
    cost: number,
    trpc: boolean,
    engineCost = 0,
    caller?: { key: string; anonymous: boolean },
  ) {
    if (!limiter && !engineLimiter) return true;
    const { key, anonymous } = caller ?? (await callerOf(req));
    let wait = limiter ? limiter.take(key, cost) : 0;
    let message = limiter
      ? `Too many requests: this caller may make ${limiter.limit.perMinute} calls a minute (${limiter.limit.burst} at once); retry in ${wait} s.`
      : "";
    if (wait === 0 && engineLimiter && anonymous && engineCost > 0) {
      wait = engineLimiter.take(key, engineCost);
      message = `Too many requests: without a token, an address may configure or price ${engineLimiter.limit.perMinute} times a minute (${engineLimiter.limit.burst} at once; TESSERA_PUBLIC_ENGINE_RATE); retry in ${wait} s.`;
    }
    if (wait === 0) return true;
    res.setHeader("retry-after", String(wait));
    if (trpc) sendTrpcError(res, 429, "TOO_MANY_REQUESTS", message);
    else sendError(res, 429, "TOO_MANY_REQUESTS", message);
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    if (path.startsWith("/trpc/")) {
      const names = path.slice("/trpc/".length).split(",");
      const caller = await callerOf(req);
      // Without a valid token nothing but a public call can succeed, so an anonymous caller never
      // gets the catalog-upload allowance, whatever it names (tRPC parses before it authorizes).
      const limit =
        caller.anonymous || names.every((n) => n.startsWith("public."))
          ? PUBLIC_MAX_BODY_BYTES
          : maxBodyBytes;
      const length = Number(req.headers["content-length"] ?? 0);
      if (length > limit) {
        res.setHeader("connection", "close");
        return sendError(
          res,
          413,
          "PAYLOAD_TOO_LARGE",
          `The request body is ${length} bytes; the limit is ${limit} bytes.`,
        );
      }
      if (req.method !== "GET" && req.method !== "POST") {
        res.setHeader("allow", "GET, POST");
        return sendTrpcError(
          res,
          405,
          "METHOD_NOT_SUPPORTED",
          `The API answers GET (queries) and POST (mutations), not ${req.method}.`,
        );
      }
      const calls = names.length;
      if (calls > maxBatchCalls)
        return sendTrpcError(
          res,
          400,
          "BAD_REQUEST",
          `A batch may hold at most ${maxBatchCalls} calls; this one holds ${calls}. Send it in smaller batches.`,
        );
      const engineCalls = names.filter((n) => PUBLIC_ENGINE_CALLS.has(n)).length;
      if (!(await admit(req, res, calls, true, engineCalls, caller))) return;
      if (caller.anonymous && engineCalls > 0) {
        const cap =
          options.publicEngineConcurrency ?? Math.max(1, Math.floor(services!.engine.options.threads / 2));
        if (anonymousEngineRequests >= cap) {
          res.setHeader("retry-after", "1");
          return sendTrpcError(
            res,
            429,
            "TOO_MANY_REQUESTS",
            "The price engine is busy with other visitors' requests; retry in a second.",
          );
        }
        anonymousEngineRequests++;
        res.once("close", () => anonymousEngineRequests--);
      }
      if (req.method === "GET" && path === PRICE_PATH) {
        const ctx = await createContext(services!, req.headers.authorization);
        const search = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
        if (await priceResponses!.answer(ctx, search, res)) return;
      }
      if (req.method === "POST") {
        // Every body is read here to bound it (whatever its content type: tRPC would read any other
        // up to its own, larger limit); tRPC then parses the text once, and the context keeps it
        // so a syntax error is answered with where and why (tRPC would only say it is not JSON).
        const body = await readBody(req, limit);
        if (!body.ok) {
          res.setHeader("connection", "close");
          return sendTrpcError(
            res,
            413,
            "PAYLOAD_TOO_LARGE",
            `The request body is larger than the ${limit} bytes this server accepts${limit === maxBodyBytes ? "" : " for a public call or a call without a token"}.`,
          );
        }
        (req as IncomingMessage & { body?: unknown }).body = body.text;
      }
      return trpc(req, res);
    }
    if (path.startsWith("/v1/public/") || path.startsWith("/pricing/")) {
      if (!(await admit(req, res, 1, false))) return;
      if (await pricing.handle(req, res, path)) return;
    }
    if (path.startsWith("/v1/")) {
      if (!(await admit(req, res, 1, false))) return;
      return handleFeed(services!, req, res, path);
    }
    if (path.startsWith("/tmf-api/")) {
      if (!(await admit(req, res, 1, false))) return;
      return handleTmf620(
        services!,
        tmf620,
        req,
        res,
        path,
        new URLSearchParams(q === -1 ? "" : url.slice(q + 1)),
      );
    }
    if (path === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        return sendError(res, 405, "METHOD_NOT_SUPPORTED", "Use GET.");
      }
      await services!.db.query("SELECT 1");
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end('{"ok":true}');
      return;
    }
    if (site.serve(req, res, path)) return;
    sendError(res, 404, "NOT_FOUND", "There is nothing at this address (the web app is not built).");
  }

  const server = createHttpServer((req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch((error: unknown) => {
      log(`request ${req.method} ${req.url} failed`, error);
      if (!res.headersSent)
        sendError(res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong on the server.");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    site,
    get prices() {
      if (!priceResponses) throw new Error("The server is not started.");
      return priceResponses;
    },
    get services() {
      if (!services) throw new Error("The server is not started.");
      return services;
    },
    async start() {
      let db = options.db;
      if (!db) {
        db = await openDb({
          databaseUrl: options.databaseUrl,
          dataDir: options.dataDir,
          schema: options.schema,
        });
        ownsDb = true;
      }
      await migrate(db);
      services = createServices({
        db,
        ...(options.today ? { today: options.today } : {}),
        ...(options.hooks ? { hooks: options.hooks } : {}),
        maxBodyBytes,
        ...(options.engine ? { engine: options.engine } : {}),
        webhookAllowHttp: webhookSettings.allowHttp ?? process.env.TESSERA_WEBHOOK_ALLOW_HTTP === "1",
      });
      // A quarter of the engine's result budget keeps priced responses (TESSERA_ENGINE_CACHE_MB).
      priceResponses = new PriceResponses(services.engine.options.resultCacheBytes / 4);
      // The first worker loads the engine while the server starts listening.
      services.engine.warm();
      if (options.webhooks !== false) {
        dispatcher = new WebhookDispatcher(db, { log: (m) => log(m), ...webhookSettings });
        await dispatcher.start();
      }
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
      const { port, address, family } = server.address() as AddressInfo;
      const host = family === "IPv6" ? `[${address}]` : address === "0.0.0.0" ? "localhost" : address;
      return { port, url: `http://${host}:${port}` };
    },
    async stop(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await services?.engine.close();
      await dispatcher?.stop();
      if (services && ownsDb) await services.db.close();
    },
  };
}
