/**
 * The REST feed other services read: published catalogs as the exact bytes that were hashed, with
 * a strong ETag (the content hash), `304 Not Modified` on a matching `If-None-Match`, immutable
 * caching for numbered versions and a short max-age for "latest". Catalogs need a token, so they
 * are cacheable by the caller only (`private`, `Vary: Authorization`): a shared cache (a CDN, a
 * corporate proxy) must never hand one caller's answer to another. Also serves the JSON Schemas
 * and the OpenAPI document describing all this, which are public.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-if-none-match
 * @see https://www.rfc-editor.org/rfc/rfc8246 (immutable)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, contentHashOf, type Services } from "@tessera/api";
import { arrangementSchema, catalogSchema, quoteSchema } from "@tessera/schema";
import { openApiDocument } from "./openapi.ts";

/** A numbered version never changes; only its caller's own cache may keep it. */
export const IMMUTABLE = "private, max-age=31536000, immutable";
/** How long a cache may serve "latest" before asking again. */
export const LATEST_MAX_AGE = 60;

interface Static {
  bytes: Buffer;
  etag: string;
}

function staticJson(value: unknown): Static {
  const body = JSON.stringify(value);
  return { bytes: Buffer.from(body, "utf8"), etag: `"${contentHashOf(body)}"` };
}

const schemas: Record<string, Static> = {
  "catalog.json": staticJson(catalogSchema),
  "quote.json": staticJson(quoteSchema),
  "arrangement.json": staticJson(arrangementSchema),
};
const openapi = staticJson(openApiDocument);

/** Whether `If-None-Match` matches `etag` (weak comparison, as RFC 9110 requires for this header). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  body: Static,
  cacheControl: string,
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = {
    etag: body.etag,
    "cache-control": cacheControl,
    ...extra,
  };
  if (etagMatches(req.headers["if-none-match"], body.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-type"] = "application/json; charset=utf-8";
  headers["content-length"] = body.bytes.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body.bytes);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/**
 * Admits a caller holding a token of any role (a `reader` suffices); otherwise answers 401 and
 * returns false.
 */
export async function admitReader(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  // Every answer after this depends on the caller's token.
  res.setHeader("vary", "Authorization");
  const token = bearerToken(req.headers.authorization);
  if (!token) {
    sendError(res, 401, "UNAUTHORIZED", "Send a reader token: Authorization: Bearer <token>.");
    return false;
  }
  const who = await services.tokens.resolve(token);
  if ("principal" in who && who.principal.role === "customer") {
    sendError(
      res,
      403,
      "FORBIDDEN",
      "A customer token opens the customer portal only, not the catalog feed.",
    );
    return false;
  }
  if ("principal" in who) return true;
  sendError(
    res,
    401,
    "UNAUTHORIZED",
    who.refused === "revoked" ? "This token has been revoked." : "This token is not valid.",
  );
  return false;
}

const CATALOG = /^\/v1\/catalogs\/([a-z0-9][a-z0-9_.-]{0,79})$/;
const VERSION = /^\/v1\/catalogs\/([a-z0-9][a-z0-9_.-]{0,79})\/versions\/([0-9]+)$/;
/** Versions are PostgreSQL `integer`s. */
const MAX_VERSION = 2 ** 31 - 1;
const SCHEMA = /^\/v1\/schemas\/([a-z]+\.json)$/;

/**
 * Handles a `/v1/…` request. Catalogs need a token of any role (a `reader` suffices); the schemas
 * and the OpenAPI document are public, so tools can fetch them before holding a token.
 */
export async function handleFeed(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendError(res, 405, "METHOD_NOT_SUPPORTED", "The feed is read-only: use GET.");
  }
  if (path === "/v1/openapi.json") return sendJson(req, res, openapi, "public, max-age=300");
  const schema = SCHEMA.exec(path);
  if (schema) {
    const s = schemas[schema[1]!];
    if (!s) return sendError(res, 404, "NOT_FOUND", `There is no schema ${schema[1]}.`);
    return sendJson(req, res, s, "public, max-age=300");
  }
  const latest = CATALOG.exec(path);
  const numbered = latest ? null : VERSION.exec(path);
  if (!latest && !numbered) return sendError(res, 404, "NOT_FOUND", "There is nothing at this address.");

  if (!(await admitReader(services, req, res))) return;
  const { published } = services;

  if (latest) {
    const id = latest[1]!;
    const pv = await published.latest(id);
    if (!pv) return sendError(res, 404, "NOT_FOUND", `Catalog "${id}" has no published version.`);
    return sendJson(req, res, { bytes: pv.bytes, etag: pv.etag }, `private, max-age=${LATEST_MAX_AGE}`, {
      "content-location": `/v1/catalogs/${id}/versions/${pv.version}`,
      "tessera-catalog-version": String(pv.version),
    });
  }
  const id = numbered![1]!;
  const version = Number(numbered![2]);
  if (!/^[1-9]/.test(numbered![2]!) || version > MAX_VERSION)
    return sendError(
      res,
      400,
      "BAD_REQUEST",
      `"${numbered![2]}" is not a version number: versions are whole numbers from 1 to ${MAX_VERSION}.`,
    );
  const pv = await published.version(id, version);
  if (!pv) return sendError(res, 404, "NOT_FOUND", `Catalog "${id}" has no version ${version}.`);
  return sendJson(req, res, { bytes: pv.bytes, etag: pv.etag }, IMMUTABLE, {
    "tessera-catalog-version": String(pv.version),
  });
}
