/**
 * The address a request comes from, for per-address limits (the rate limiter, the public quote
 * request limit). Behind reverse proxies the socket's peer is the nearest proxy, so every visitor
 * would share one limit; with `trustedProxies` = n (the number of proxies in front of the server
 * that append to `X-Forwarded-For`), the client is the address n hops from the right of
 * `X-Forwarded-For, <socket peer>` — Express's `trust proxy = n`. Addresses to the left of that
 * are whatever the client sent and are never trusted.
 * @see https://expressjs.com/en/guide/behind-proxies.html
 */
import type { IncomingMessage } from "node:http";

export function clientAddress(req: IncomingMessage, trustedProxies: number): string | undefined {
  const peer = req.socket.remoteAddress;
  if (trustedProxies <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  const chain = peer === undefined ? forwarded : [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}

/** `TESSERA_TRUSTED_PROXIES`: a whole number of proxy hops (0 when absent or not a number). */
export function parseTrustedProxies(text: string | undefined): number {
  const n = Number(text ?? "0");
  return Number.isInteger(n) && n > 0 ? Math.min(n, 16) : 0;
}
