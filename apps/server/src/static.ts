/**
 * Serves the built web app (apps/web/dist) from the same origin as the API, with an SPA fallback:
 * unknown paths that ask for HTML get index.html, so client-side routes survive a reload.
 * Hashed assets under /assets/ are cached forever; index.html is revalidated every time.
 *
 * Hand-written rather than a static middleware because it is small and the server has no
 * framework to mount one on; the two things that make such a module safe are done here once:
 * - a request path is decoded and checked once, and only its canonical spelling is served: an
 *   alias (`/assets/x/../a.js`, `//assets/a.js`, `%2e%2e`, `%2f`, a backslash) is answered 404,
 *   so no alias reaches the file system or the cache;
 * - files are cached by their resolved path, up to `maxCacheBytes` in all (least recently used
 *   first out), and a file larger than a quarter of that is read for each request instead.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, posix, resolve, sep } from "node:path";
import { etagMatches, sendError } from "./feed.ts";
import { APP_CSP } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Default bound on the bytes of cached files (the built app is about 10 MB with source maps). */
export const DEFAULT_STATIC_CACHE_BYTES = 32 * 1024 * 1024;

interface File {
  bytes: Buffer;
  etag: string;
  type: string;
  /** Modification time and size when read: a rebuilt file is read again. */
  mtimeMs: number;
  size: number;
}

/**
 * The canonical form of a request path, decoded, or `undefined` when it is not canonical: empty
 * or repeated segments, `.` or `..`, an encoded `/` or `\`, a backslash or a NUL byte.
 */
export function canonicalPath(rawPath: string): string | undefined {
  if (!rawPath.startsWith("/") || /%(2f|5c|00)/i.test(rawPath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\\") || decoded.includes("\0")) return undefined;
  const segments = decoded.split("/").slice(1);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    // An empty last segment is a trailing slash ("/", "/quotes/"), which is canonical.
    if (s === "." || s === ".." || (s === "" && i < segments.length - 1)) return undefined;
  }
  return posix.normalize(decoded) === decoded ? decoded : undefined;
}

export class StaticSite {
  readonly #root: string;
  readonly #maxCacheBytes: number;
  /** Resolved file path → file; a Map keeps insertion order, which serves as recency. */
  readonly #files = new Map<string, File>();
  #cachedBytes = 0;

  constructor(root: string, maxCacheBytes = DEFAULT_STATIC_CACHE_BYTES) {
    this.#root = resolve(root);
    this.#maxCacheBytes = maxCacheBytes;
  }

  /** Whether a built app is there to serve. */
  get available(): boolean {
    return existsSync(join(this.#root, "index.html"));
  }

  /** Bytes of file content held in the cache now (bounded by `maxCacheBytes`). */
  get cachedBytes(): number {
    return this.#cachedBytes;
  }

  /** Number of files held in the cache now (at most the number of distinct files served). */
  get cachedFiles(): number {
    return this.#files.size;
  }

  #load(path: string): File | undefined {
    const full = resolve(this.#root, `.${path}`);
    if (full !== this.#root && !full.startsWith(this.#root + sep)) return undefined;
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(full);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = this.#files.get(full);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
      this.#files.delete(full);
      this.#files.set(full, hit);
      return hit;
    }
    if (hit) this.#forget(full, hit);
    const bytes = readFileSync(full);
    const file: File = {
      bytes,
      etag: `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`,
      type: TYPES[extname(full)] ?? "application/octet-stream",
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    };
    if (bytes.length <= this.#maxCacheBytes / 4) {
      while (this.#cachedBytes + bytes.length > this.#maxCacheBytes && this.#files.size > 0) {
        const [oldest, old] = this.#files.entries().next().value!;
        this.#forget(oldest, old);
      }
      this.#files.set(full, file);
      this.#cachedBytes += bytes.length;
    }
    return file;
  }

  #forget(key: string, file: File): void {
    this.#files.delete(key);
    this.#cachedBytes -= file.bytes.length;
  }

  /** Serves `path` (as received, still encoded); returns false when there is no app to serve at all. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!this.available) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendError(res, 405, "METHOD_NOT_SUPPORTED", "The web app is read-only: use GET.");
      return true;
    }
    const canonical = canonicalPath(path);
    if (canonical === undefined) {
      sendError(res, 404, "NOT_FOUND", "There is nothing at this address.");
      return true;
    }
    let file = canonical.endsWith("/") ? undefined : this.#load(canonical);
    let isIndex = false;
    if (!file) {
      const wantsHtml = !extname(canonical) || (req.headers.accept ?? "").includes("text/html");
      if (!wantsHtml) {
        sendError(res, 404, "NOT_FOUND", "There is nothing at this address.");
        return true;
      }
      file = this.#load("/index.html");
      isIndex = true;
    }
    if (!file) return false;
    // Assets are the same for everyone (no token needed), so shared caches may keep them.
    const cache =
      !isIndex && canonical.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    const headers: Record<string, string | number> = {
      etag: file.etag,
      "cache-control": cache,
      "content-security-policy": APP_CSP,
    };
    if (etagMatches(req.headers["if-none-match"], file.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers["content-type"] = file.type;
    headers["content-length"] = file.bytes.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : file.bytes);
    return true;
  }
}
