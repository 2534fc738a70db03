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
