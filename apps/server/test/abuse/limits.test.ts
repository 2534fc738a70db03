/**
 * Limits a heavy or hostile caller meets (issue 11, items 7, 8 and 9): a tRPC batch is capped,
 * each token is rate limited with 429 and Retry-After, idempotency keys belong to the token that
 * used them and hash the request's canonical form, and the last admin cannot lock everyone out
 * (with recovery through TESSERA_ADMIN_TOKEN when it happens anyway).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "../../src/bootstrap.ts";
import { bootCluster, type Cluster, call, publishSample, raw, sample, setups } from "./harness.ts";

/** The same object with its keys in reverse order, at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  return value;
}

describe.each(setups)("limits on %s", (setup) => {
  let run: Cluster;
  let catalogId: string;

  beforeAll(async () => {
    run = await bootCluster(setup, { rateLimit: { perMinute: 60, burst: 40 } });
    catalogId = await publishSample(run);
  });
  afterAll(async () => {
    await run.close();
    expect(run.failures).toEqual([]);
  });

  it("refuses a batch of more than 50 calls whole, before any of it runs", async () => {
    const quote = sample("saas", "quote");
    const calls = Array.from({ length: 500 }, () => "quotes.save").join(",");
    const input = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [i, { idempotencyKey: `batch-key-${i}`, quote }]),
    );
    const res = await raw(run.url(), `/trpc/${calls}?batch=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${run.tokens.seller}`, "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe(
      "A batch may hold at most 50 calls; this one holds 500. Send it in smaller batches.",
    );
    const saved = await call(run.url(), "quotes.list", undefined, run.tokens.seller, "GET");
    expect(saved.body.result!.data).toEqual([]);
  });

  it("scopes idempotency keys to their token and hashes the canonical request", async () => {
    const quote = { ...sample("saas", "quote"), catalogId };
    const key = "shared-key-0001";
    const first = await call(run.url(), "quotes.save", { idempotencyKey: key, quote }, run.tokens.seller);
    expect(first.status).toBe(200);
    const id = (first.body.result!.data as { id: string }).id;
    // The same request with its keys in another order is a replay, not a conflict.
    const replay = await call(
      run.url(),
      "quotes.save",
      reversed({ idempotencyKey: key, quote }),
      run.tokens.seller,
    );
    expect(replay.status).toBe(200);
    expect((replay.body.result!.data as { id: string }).id).toBe(id);
    // Another caller's same key is its own request: it never gets the first caller's quote.
    const other = await call(
      run.url(),
      "quotes.save",
      { idempotencyKey: key, quote: { ...quote, customer: "Someone else" } },
      run.tokens.admin,
    );
    expect(other.status).toBe(200);
    expect((other.body.result!.data as { id: string; customer: string }).id).not.toBe(id);
    const changed = await call(
      run.url(),
      "quotes.save",
      { idempotencyKey: key, quote: { ...quote, customer: "Changed" } },
      run.tokens.seller,
    );
    expect(changed.status).toBe(409);
  });

  it("refuses to revoke the last active admin token", async () => {
    const admin = run.client(run.tokens.admin);
    const me = await admin.me.query();
    const res = await call(run.url(), "tokens.revoke", { id: me.tokenId }, run.tokens.admin);
    expect(res.status).toBe(412);
    expect(res.body.error?.message).toMatch(/last active admin token/);
    // With a second admin, the first may go; then the second is the last.
    const second = await admin.tokens.create.mutate({ name: "second admin", role: "admin" });
    expect((await call(run.url(), "tokens.revoke", { id: me.tokenId }, second.token)).status).toBe(200);
    const last = await call(run.url(), "tokens.revoke", { id: second.record.id }, second.token);
    expect(last.status).toBe(412);
    run.tokens.admin = second.token;
  });

  it("adds TESSERA_ADMIN_TOKEN as an admin only when no admin is left", async () => {
    const services = run.servers[0]!.services;
    const given = "tsr_recovery-token-for-tests-0123456789abcdef";
    expect(await bootstrap(services, { adminToken: given, demo: false, examplesDir: "/nonexistent" })).toBe(
      undefined,
    );
    // Locked out by hand (the API refuses to do it).
    await services.db.query("UPDATE api_tokens SET revoked_at = now() WHERE role = 'admin'");
    services.tokens.invalidate();
    const seeded = await bootstrap(services, { adminToken: given, demo: false, examplesDir: "/nonexistent" });
    expect(seeded?.recovered).toBe(true);
    const me = await call(run.url(), "me", undefined, given, "GET");
    expect(me.body.result!.data).toMatchObject({ role: "admin", name: "recovered admin" });
    run.tokens.admin = given;
  });

  it("answers a caller over its rate with 429 and Retry-After, and other callers still pass", async () => {
    let refused: Awaited<ReturnType<typeof raw>> | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await raw(run.urls[0]!, "/trpc/me", {
        headers: { authorization: `Bearer ${run.tokens.reader}` },
      });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused!.body).error.data.code).toBe("TOO_MANY_REQUESTS");
    const feed = await raw(run.urls[0]!, `/v1/catalogs/${catalogId}`, {
      headers: { authorization: `Bearer ${run.tokens.reader}` },
    });
    expect(feed.status).toBe(429);
    const other = await raw(run.urls[0]!, "/trpc/me", {
      headers: { authorization: `Bearer ${run.tokens.designer}` },
    });
    expect(other.status).toBe(200);
  });
});
