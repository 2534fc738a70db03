import type { Catalog, SchemaError } from "@tessera/schema";
import { validateCatalog } from "@tessera/schema";

export type SchemaName = "catalog.json" | "quote.json" | "arrangement.json";

export interface FeedClientOptions {
  /** Where the Tessera server answers, e.g. `https://tessera.example.com` (no trailing `/v1`). */
  baseUrl: string;
  /** An API token (a `reader` token suffices), or a function that returns the current one. */
  token: string | (() => string | Promise<string>);
  /** Check each catalog received against the catalog JSON Schema before returning it. */
  validate?: boolean;
  /** The fetch to use (default: the global one). Tests and proxies pass their own. */
  fetch?: typeof fetch;
  /** How many catalog versions to keep in memory at most (default 32; the oldest read goes first). */
  maxCachedVersions?: number;
}

/** A catalog as the feed served it. */
export interface CatalogRead {
  catalog: Catalog;
  /** The version number served (`Tessera-Catalog-Version`). */
  version: number;
  /** The strong ETag: the SHA-256 of the exact bytes published. */
  etag: string;
  /** Whether the answer came from memory: a `304`, or an immutable version read before. */
  fromCache: boolean;
}

export interface FeedClient {
  /** The latest published version of a catalog, revalidated with its ETag. */
  latest(catalogId: string): Promise<CatalogRead>;
  /** One published version; immutable, so it is fetched at most once. */
  version(catalogId: string, version: number): Promise<CatalogRead>;
  /** One of the JSON Schemas the feed serves (public: no token needed). */
  schema(name: SchemaName): Promise<Record<string, unknown>>;
}

/**
 * What went wrong, in the feed's own terms: `status` is the HTTP status (0 when the server could not
 * be reached or answered something that is not a catalog), `code` the feed's error code
 * (`UNAUTHORIZED`, `NOT_FOUND`, …, or `INVALID_CATALOG` when validation on receipt failed).
 */
export class FeedError extends Error {
  readonly status: number;
  readonly code: string;
  /** With `INVALID_CATALOG`: where the catalog breaks its schema (JSON Pointers and messages). */
  readonly problems: { pointer: string; message: string }[];

  constructor(status: number, code: string, message: string, problems: FeedError["problems"] = []) {
    super(message);
    this.name = "FeedError";
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

interface Entry {
  read: Omit<CatalogRead, "fromCache">;
}

export function createFeedClient(options: FeedClientOptions): FeedClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const maxVersions = options.maxCachedVersions ?? 32;
  /** Immutable versions by `id@version`, in the order they were last read (a small LRU). */
  const versions = new Map<string, Entry>();
  /** The last "latest" answer per catalog, for `If-None-Match`. */
  const latestRead = new Map<string, Entry>();

  const remember = (key: string, entry: Entry) => {
    versions.delete(key);
    versions.set(key, entry);
    while (versions.size > maxVersions) versions.delete(versions.keys().next().value as string);
  };

  async function headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = typeof options.token === "function" ? await options.token() : options.token;
    return { accept: "application/json", authorization: `Bearer ${token}`, ...extra };
  }

  async function request(path: string, init: Record<string, string>): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { headers: init });
    } catch (error) {
      throw new FeedError(0, "UNREACHABLE", `The feed at ${base} could not be reached: ${String(error)}`);
    }
  }

  async function failure(res: Response): Promise<FeedError> {
    let code = `HTTP_${res.status}`;
    let message = `The feed answered ${res.status} ${res.statusText}.`;
    try {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code === "string") code = body.error.code;
      if (typeof body.error?.message === "string") message = body.error.message;
    } catch {
      // Not the feed's JSON error shape: keep the status line.
    }
    return new FeedError(res.status, code, message);
  }

  async function catalogFrom(res: Response, path: string): Promise<Entry> {
    const text = await res.text();
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new FeedError(0, "NOT_JSON", `${path} did not answer JSON.`);
    }
    if (options.validate && !validateCatalog(doc)) {
      const problems = (validateCatalog.errors ?? []).map((e: SchemaError) => ({
        pointer: e.instancePath,
        message: e.message ?? "is not valid",
      }));
      throw new FeedError(
        0,
        "INVALID_CATALOG",
        `${path} is not a valid catalog: ${problems[0]?.pointer || "/"} ${problems[0]?.message ?? ""}`.trim(),
        problems,
      );
    }
    const version = Number(res.headers.get("tessera-catalog-version"));
    return {
      read: { catalog: doc as Catalog, version, etag: res.headers.get("etag") ?? "" },
    };
  }

  return {
    async latest(catalogId) {
      const path = `/v1/catalogs/${encodeURIComponent(catalogId)}`;
      const known = latestRead.get(catalogId);
      const res = await request(path, await headers(known ? { "if-none-match": known.read.etag } : {}));
      if (res.status === 304 && known) return { ...known.read, fromCache: true };
      if (!res.ok) throw await failure(res);
      const entry = await catalogFrom(res, path);
      latestRead.set(catalogId, entry);
      remember(`${catalogId}@${entry.read.version}`, entry);
      return { ...entry.read, fromCache: false };
    },

    async version(catalogId, version) {
      if (!Number.isInteger(version) || version < 1)
        throw new FeedError(0, "BAD_VERSION", `A version is a whole number from 1; got ${version}.`);
      const key = `${catalogId}@${version}`;
      const known = versions.get(key);
      if (known) {
        remember(key, known);
        return { ...known.read, fromCache: true };
      }
      const path = `/v1/catalogs/${encodeURIComponent(catalogId)}/versions/${version}`;
      const res = await request(path, await headers());
      if (!res.ok) throw await failure(res);
      const entry = await catalogFrom(res, path);
      remember(key, entry);
      return { ...entry.read, fromCache: false };
    },

    async schema(name) {
      const res = await request(`/v1/schemas/${name}`, { accept: "application/json" });
      if (!res.ok) throw await failure(res);
      return (await res.json()) as Record<string, unknown>;
    },
  };
}
