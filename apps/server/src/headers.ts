/**
 * Security headers on every response: the API, the feed, errors and the web app.
 * The web app's Content-Security-Policy allows only its own origin: the built app has no inline
 * script or style element (vite emits files), its favicon is a `data:` image, its worker is a
 * same-origin module. Images may also come from any https:// origin: a catalog's branding names its
 * logo by URL for printed quotes (an image cannot run script). Everything else (JSON) gets a policy that allows nothing at all.
 * @see https://owasp.org/www-project-secure-headers/
 * @see https://www.w3.org/TR/CSP3/#directive-frame-ancestors
 */
import type { ServerResponse } from "node:http";

/** The policy of the web app's pages and assets. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The policy of everything that is not the web app (JSON never needs to load anything). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

const COMMON: [string, string][] = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
  ["cross-origin-opener-policy", "same-origin"],
  ["content-security-policy", API_CSP],
];

/** Sets the headers every response carries (the web app replaces the CSP with `APP_CSP`). */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of COMMON) res.setHeader(name, value);
}
