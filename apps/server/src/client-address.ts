/**
 * The address a request comes from, for per-address limits (the rate limiter, the public quote
 * request limit). Behind reverse proxies the socket's peer is the nearest proxy, so every visitor
 * would share one limit; with `trustedProxies` = n (the number of proxies in front of the server
 * that append to `X-Forwarded-For`), the client is the address n hops from the right of
 * `X-Forwarded-For, <socket peer>` — Express's `trust proxy = n`. Addresses to the left of that
 * are whatever the client sent and are never trusted.
 *
 * The answer is the key those limits count, not a display address: an IPv6 client is counted by
 * its /64 (one subscriber, phone or server is given a whole /64 and could rotate through 2^64
 * addresses to dodge a per-address limit), an IPv4 address however it arrives (`::ffff:192.0.2.1`
 * is `192.0.2.1`), and anything else a proxy forwards is cut to 64 characters.
 * @see https://expressjs.com/en/guide/behind-proxies.html
 * @see https://www.rfc-editor.org/rfc/rfc6177 (an end site is assigned a /48 to /64)
 */
import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6 } from "node:net";

/** The first four groups of an IPv6 address, as `a:b:c:d::/64` (no leading zeros). */
function ipv6Network(address: string): string {
  let text = address.toLowerCase();
  // An IPv4 tail (`64:ff9b::192.0.2.1`) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** The key per-address limits count for `address` (see the module comment). */
export function limitKey(address: string): string {
  const bare = address.trim().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(bare)) return bare;
  if (isIPv6(bare)) return ipv6Network(bare);
  return bare.slice(0, 64);
}

export function clientAddress(req: IncomingMessage, trustedProxies: number): string | undefined {
  const address = forwardedAddress(req, trustedProxies);
  return address === undefined ? undefined : limitKey(address);
}

function forwardedAddress(req: IncomingMessage, trustedProxies: number): string | undefined {
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
