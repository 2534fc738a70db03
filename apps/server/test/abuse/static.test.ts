/**
 * Abuse of the static file server (issue 11, item 1): aliases of one file (`..`, `//`, `%2e%2e`,
 * `./`) are refused with 404 and never reach the cache, spellings that decode to the canonical
 * path share one cache entry, the cache holds at most its byte bound, and memory stays flat over
 * 1,000 aliased requests. A fixture app stands in for apps/web/dist, so a fresh clone needs no build.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalPath } from "../../src/static.ts";
import { bootCluster, type Cluster, raw, sample, setups } from "./harness.ts";

const MAP = "/assets/index-3f9a1c.js.map";
const MAP_BYTES = 2 * 1024 * 1024;

function fixtureApp(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-dist-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><html><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, "assets/index-3f9a1c.js"), 'console.log("app");\n');
  // A source map of a few MB, like the real build's: the file an attacker would alias.
  writeFileSync(
    join(dir, MAP.slice(1)),
    JSON.stringify({ mappings: randomBytes(Math.floor(MAP_BYTES * 0.7)).toString("base64") }),
  );
  return dir;
}

/** RSS after a full garbage collection, when the test runs with --expose-gc. */
function rss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

describe("canonical request paths", () => {
  it("accepts canonical paths and refuses every alias", () => {
    expect(canonicalPath("/")).toBe("/");
    expect(canonicalPath("/quotes/")).toBe("/quotes/");
    expect(canonicalPath("/assets/a.js")).toBe("/assets/a.js");
    expect(canonicalPath("/%61ssets/a.js")).toBe("/assets/a.js");
    for (const alias of [
      "/assets/x/../a.js",
      "/assets/x/%2e%2e/a.js",
      "/assets/x/%2E%2E/a.js",
      "/assets/./a.js",
      "//assets/a.js",
      "/assets//a.js",
      "/assets%2fa.js",
      "/assets%5ca.js",
      "/assets\\a.js",
      "/assets/a.js%00",
      "/assets/%E0%A4%A.js",
      "/../etc/passwd",
    ])
      expect(canonicalPath(alias), alias).toBeUndefined();
  });
});

describe.each(setups)("static files under abuse on %s", (setup) => {
  let dist: string;
  let run: Cluster;

  beforeAll(async () => {
    dist = fixtureApp();
    run = await bootCluster(setup, { webDist: dist });
  });
  afterAll(async () => {
    await run.close();
    rmSync(dist, { recursive: true, force: true });
    expect(run.failures).toEqual([]);
  });

  it("serves the app with its security headers", async () => {
    const index = await raw(run.url(), "/", { headers: { accept: "text/html" } });
    expect(index.status).toBe(200);
    expect(index.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(index.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(index.headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(index.headers["x-frame-options"]).toBe("DENY");
    expect(index.headers["x-content-type-options"]).toBe("nosniff");
    expect(index.headers["referrer-policy"]).toBe("no-referrer");
    const map = await raw(run.url(), MAP);
    expect(map.status).toBe(200);
    expect(map.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers aliases with 404 and keeps one copy of each file, within 50 MB over 1,000 requests", async () => {
    const base = run.url();
    // Warm up: the canonical file is cached once, and each server's engine worker has started (it
    // boots in the background, in this process, and its tens of MB are not the static cache's).
    expect((await raw(base, MAP)).status).toBe(200);
    for (let i = 0; i < run.servers.length; i++)
      await run.client(run.tokens.designer).catalogs.validate.mutate({ doc: sample("saas") });
    const statuses = new Map<number, number>();
    const aliases = (i: number) => [
      `/assets/a${i}/..${MAP.slice("/assets".length)}`,
      `/assets/a${i}/%2e%2e${MAP.slice("/assets".length)}`,
      `/assets/a${i}/%2E%2e/.${MAP.slice("/assets".length)}`,
      `/${"/".repeat(i % 5)}${MAP}`,
      `/assets/${"./".repeat((i % 7) + 1)}${MAP.slice("/assets/".length)}`,
    ];
    const round = async (from: number) => {
      for (let i = from; i < from + 1_000; i += 10) {
        const batch: Promise<number>[] = [];
        for (let j = i; j < i + 10; j++) {
          const path = j % 10 === 0 ? MAP.replace("/assets", "/%61ssets") : aliases(j)[j % 5]!;
          batch.push(raw(base, path).then((r) => r.status));
        }
        for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    // A first round of 1,000 other aliases settles the allocator and the JIT; the measured round
    // then uses 1,000 new spellings, so a cache keyed by the raw path would still grow by a copy each.
    await round(10_000);
    statuses.clear();
    const before = rss();
    await round(0);
    // 100 spellings that decode to the canonical path are served; 900 aliases are not.
    expect(Object.fromEntries(statuses)).toEqual({ 200: 100, 404: 900 });
    for (const server of run.servers) {
      expect(server.site.cachedFiles).toBeLessThanOrEqual(3);
      expect(server.site.cachedBytes).toBeLessThanOrEqual(MAP_BYTES + 4096);
    }
    expect(rss() - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe("the static cache's byte bound", () => {
  let dist: string;
  let run: Cluster;

  beforeAll(async () => {
    dist = fixtureApp();
    run = await bootCluster("pglite", { webDist: dist, staticCacheBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await run.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves a file larger than the cache can hold without caching it", async () => {
    const first = await raw(run.url(), MAP);
    const second = await raw(run.url(), MAP);
    expect(first.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(first.headers.etag).toBe(second.headers.etag);
    expect(run.servers[0]!.site.cachedBytes).toBeLessThanOrEqual(1024 * 1024);
  });
});
