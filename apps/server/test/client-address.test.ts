/** Which address per-address limits count (Express's `trust proxy = n` semantics). */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "../src/client-address.ts";

const req = (peer: string, xff?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: xff === undefined ? {} : { "x-forwarded-for": xff },
  }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(req("192.0.2.1", "203.0.113.5"), 0)).toBe("192.0.2.1");
  });
  it("counts trusted hops from the right of X-Forwarded-For and the peer", () => {
    expect(clientAddress(req("10.0.0.1", "203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(req("10.0.0.1", "spoofed, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(req("10.0.0.2", "203.0.113.5, 10.0.0.1"), 2)).toBe("203.0.113.5");
  });
  it("falls back to the leftmost address when the chain is shorter than the hops", () => {
    expect(clientAddress(req("10.0.0.1"), 1)).toBe("10.0.0.1");
    expect(clientAddress(req("10.0.0.1", "203.0.113.5"), 3)).toBe("203.0.113.5");
  });
});

describe("the key per-address limits count", () => {
  it("is one per IPv6 /64, since one subscriber holds a whole /64 and could rotate through it", () => {
    const a = clientAddress(req("2001:db8:1:2:aaaa::1"), 0);
    expect(clientAddress(req("2001:db8:1:2:bbbb:cccc:dddd:2"), 0)).toBe(a);
    expect(clientAddress(req("2001:0DB8:0001:0002::9"), 0)).toBe(a);
    expect(clientAddress(req("10.0.0.1", "2001:db8:1:2::ffff"), 1)).toBe(a);
    expect(a).toBe("2001:db8:1:2::/64");
    expect(clientAddress(req("2001:db8:1:3::1"), 0)).not.toBe(a);
    expect(clientAddress(req("::1"), 0)).toBe("0:0:0:0::/64");
    expect(clientAddress(req("fe80::1%eth0"), 0)).toBe("fe80:0:0:0::/64");
  });
  it("reads an IPv4 address the same however it arrives", () => {
    expect(clientAddress(req("::ffff:192.0.2.1"), 0)).toBe("192.0.2.1");
    expect(clientAddress(req("10.0.0.1", "::FFFF:192.0.2.1"), 1)).toBe("192.0.2.1");
    expect(clientAddress(req("192.0.2.1"), 0)).toBe("192.0.2.1");
  });
  it("bounds whatever else a proxy forwards", () => {
    expect(clientAddress(req("10.0.0.1", "x".repeat(10_000)), 1)!.length).toBeLessThanOrEqual(64);
  });
});

describe("TESSERA_TRUSTED_PROXIES", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["2", 2],
    ["-1", 0],
    ["1.5", 0],
    ["many", 0],
    ["99", 16],
  ])("%s → %i", (text, hops) => {
    expect(parseTrustedProxies(text)).toBe(hops);
  });
});
