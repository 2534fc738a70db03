import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createFeedClient, FeedError } from "./index.ts";

const sampleText = readFileSync(
  fileURLToPath(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url)),
  "utf8",
);

/** A feed that behaves like Tessera's: ETags, 304 on match, immutable versions; it counts requests. */
function stubFeed(bodies: Record<string, string>, token = "tsr_reader") {
  const calls: { path: string; ifNoneMatch: string | null }[] = [];
  let latest = 1;
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const h = new Headers(init?.headers);
    calls.push({ path: url.pathname, ifNoneMatch: h.get("if-none-match") });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(status === 304 ? null : JSON.stringify(body), { status, headers });
    if (h.get("authorization") !== `Bearer ${token}`)
      return json(401, { error: { code: "UNAUTHORIZED", message: "This token is not valid." } });
    const m = /^\/v1\/catalogs\/([^/]+)(?:\/versions\/(\d+))?$/.exec(url.pathname);
    const version = m?.[2] ? Number(m[2]) : latest;
    const body = m ? bodies[`${m[1]}@${version}`] : undefined;
    if (!body) return json(404, { error: { code: "NOT_FOUND", message: "No such catalog." } });
    const etag = `"etag-${m![1]}-${version}"`;
    if (h.get("if-none-match") === etag) return json(304, null, { etag });
    return new Response(body, { status: 200, headers: { etag, "tessera-catalog-version": String(version) } });
  }) as typeof fetch;
  return { fetch: fetchStub, calls, publish: (v: number) => (latest = v) };
}

describe("createFeedClient", () => {
  it("revalidates latest with its ETag and answers a 304 from memory", async () => {
    const feed = stubFeed({ "saas@1": sampleText });
    const client = createFeedClient({ baseUrl: "http://feed.test/", token: "tsr_reader", fetch: feed.fetch });
    const first = await client.latest("saas");
    expect(first).toMatchObject({ version: 1, etag: '"etag-saas-1"', fromCache: false });
    expect(first.catalog.id).toBe(JSON.parse(sampleText).id);
    const second = await client.latest("saas");
    expect(second.fromCache).toBe(true);
    expect(second.catalog).toBe(first.catalog);
    expect(feed.calls.map((c) => c.ifNoneMatch)).toEqual([null, '"etag-saas-1"']);
  });

  it("follows latest to a newly published version", async () => {
    const next = JSON.stringify({ ...JSON.parse(sampleText), version: 2 });
    const feed = stubFeed({ "saas@1": sampleText, "saas@2": next });
    const client = createFeedClient({ baseUrl: "http://feed.test", token: "tsr_reader", fetch: feed.fetch });
    expect((await client.latest("saas")).version).toBe(1);
    feed.publish(2);
    const read = await client.latest("saas");
    expect(read).toMatchObject({ version: 2, fromCache: false });
    // The version read through "latest" is immutable and is now answered without a request.
    const before = feed.calls.length;
    expect((await client.version("saas", 2)).fromCache).toBe(true);
    expect(feed.calls.length).toBe(before);
  });

  it("fetches an immutable version once, and forgets the oldest past its bound", async () => {
    const feed = stubFeed({ "a@1": sampleText, "b@1": sampleText, "c@1": sampleText });
    const client = createFeedClient({
      baseUrl: "http://feed.test",
      token: () => "tsr_reader",
      fetch: feed.fetch,
      maxCachedVersions: 2,
    });
    await client.version("a", 1);
    await client.version("a", 1);
    expect(feed.calls.length).toBe(1);
    await client.version("b", 1);
    await client.version("c", 1); // "a" is the oldest and goes
    await client.version("a", 1);
    expect(feed.calls.map((c) => c.path)).toEqual([
      "/v1/catalogs/a/versions/1",
      "/v1/catalogs/b/versions/1",
      "/v1/catalogs/c/versions/1",
      "/v1/catalogs/a/versions/1",
    ]);
  });

  it("turns the feed's errors into FeedError with its status, code and sentence", async () => {
    const feed = stubFeed({ "saas@1": sampleText });
    const wrongToken = createFeedClient({ baseUrl: "http://feed.test", token: "nope", fetch: feed.fetch });
    await expect(wrongToken.latest("saas")).rejects.toMatchObject({
      name: "FeedError",
      status: 401,
      code: "UNAUTHORIZED",
      message: "This token is not valid.",
    });
    const client = createFeedClient({ baseUrl: "http://feed.test", token: "tsr_reader", fetch: feed.fetch });
    await expect(client.version("saas", 7)).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    await expect(client.version("saas", 0)).rejects.toMatchObject({ code: "BAD_VERSION" });
    const down = createFeedClient({
      baseUrl: "http://feed.test",
      token: "t",
      fetch: (async () => {
        throw new TypeError("connect ECONNREFUSED");
      }) as typeof fetch,
    });
    const error = await down.latest("saas").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ status: 0, code: "UNREACHABLE" });
  });

  it("validates on receipt when asked, naming where the catalog breaks its schema", async () => {
    const broken = JSON.stringify({ ...JSON.parse(sampleText), currencies: ["usd"] });
    const feed = stubFeed({ "saas@1": broken });
    const lax = createFeedClient({ baseUrl: "http://feed.test", token: "tsr_reader", fetch: feed.fetch });
    expect((await lax.latest("saas")).catalog.currencies).toEqual(["usd"]);
    const strict = createFeedClient({
      baseUrl: "http://feed.test",
      token: "tsr_reader",
      fetch: feed.fetch,
      validate: true,
    });
    const error = (await strict.latest("saas").catch((e: unknown) => e)) as FeedError;
    expect(error.code).toBe("INVALID_CATALOG");
    expect(error.problems.some((p) => p.pointer.startsWith("/currencies"))).toBe(true);
    expect(error.message).toContain("/currencies");
  });

  it("accepts the sample catalog when validating", async () => {
    const feed = stubFeed({ "saas@1": sampleText });
    const client = createFeedClient({
      baseUrl: "http://feed.test",
      token: "tsr_reader",
      fetch: feed.fetch,
      validate: true,
    });
    expect((await client.latest("saas")).catalog.currencies).toContain("USD");
  });
});
