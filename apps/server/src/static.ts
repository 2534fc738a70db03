/**
 * Serves the built web app (apps/web/dist) from the same origin as the API, with an SPA fallback:
 * unknown paths that ask for HTML get index.html, so client-side routes survive a reload.
 * Hashed assets under /assets/ are cached forever; index.html is revalidated every time.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { etagMatches, sendError } from "./feed.ts";

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

interface File {
  bytes: Buffer;
  etag: string;
  type: string;
}

export class StaticSite {
  readonly #root: string;
  readonly #files = new Map<string, File>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** Whether a built app is there to serve. */
  get available(): boolean {
    return existsSync(join(this.#root, "index.html"));
  }

  #load(path: string): File | undefined {
    const hit = this.#files.get(path);
    if (hit) return hit;
    const full = normalize(join(this.#root, path));
    if (full !== this.#root && !full.startsWith(this.#root + sep)) return undefined;
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    const bytes = readFileSync(full);
    const file = {
      bytes,
      etag: `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`,
      type: TYPES[extname(full)] ?? "application/octet-stream",
    };
    this.#files.set(path, file);
    return file;
  }

  /** Serves `path`; returns false when there is no app to serve at all. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!this.available) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendError(res, 405, "METHOD_NOT_SUPPORTED", "Use GET.");
      return true;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      sendError(res, 400, "BAD_REQUEST", "The address is not valid.");
      return true;
    }
    let file = decoded.endsWith("/") ? undefined : this.#load(decoded);
    let isIndex = false;
    if (!file) {
      const wantsHtml = !extname(decoded) || (req.headers.accept ?? "").includes("text/html");
      if (!wantsHtml) {
        sendError(res, 404, "NOT_FOUND", "There is nothing at this address.");
        return true;
      }
      file = this.#load("/index.html");
      isIndex = true;
    }
    if (!file) return false;
    const cache =
      !isIndex && decoded.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    const headers: Record<string, string | number> = { etag: file.etag, "cache-control": cache };
    if (etagMatches(req.headers["if-none-match"], file.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers["content-type"] = file.type;
    headers["content-length"] = file.bytes.length;
    headers["x-content-type-options"] = "nosniff";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : file.bytes);
    return true;
  }
}
