/**
 * Bad input over HTTP (issue 11, items 5, 6 and 10): NUL characters in every text field, numbers
 * past PostgreSQL's integer, impossible dates, methods no route takes. Each gets a 4xx with a
 * located diagnostic, never a 500; a lone surrogate reads back the same from every column; and
 * every response carries the security headers, with the feed cacheable by its caller only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootCluster, type Cluster, call, publishSample, raw, sample, setups } from "./harness.ts";

describe.each(setups)("bad input on %s", (setup) => {
  let run: Cluster;
  let quote: Record<string, unknown>;

  let catalogId: string;

  beforeAll(async () => {
    run = await bootCluster(setup);
    catalogId = await publishSample(run);
    quote = sample("saas", "quote");
  });
  afterAll(async () => {
    await run.close();
    expect(run.failures).toEqual([]);
  });

  const NUL = "a\u0000b";

  it("refuses a NUL character in any text field with 400 at its pointer", async () => {
    const cases: [string, unknown, string, string][] = [
      ["tokens.create", { name: NUL, role: "reader" }, run.tokens.admin, "/name"],
      ["catalogs.createDraft", { from: "empty", catalogId: "c2", name: NUL }, run.tokens.designer, "/name"],
      [
        "catalogs.createDraft",
        { from: "json", doc: { id: "c3", name: NUL, currencies: ["USD"] } },
        run.tokens.designer,
        "/doc/name",
      ],
      [
        "quotes.save",
        { idempotencyKey: "key-00000001", quote: { ...quote, customer: NUL } },
        run.tokens.seller,
        "/quote/customer",
      ],
      [
        "catalogs.createDraft",
        { from: "json", doc: { id: "c4", [NUL]: 1 } },
        run.tokens.designer,
        "/doc/a\u0000b",
      ],
    ];
    for (const [procedure, input, token, pointer] of cases) {
      const res = await call(run.url(), procedure, input, token);
      expect(res.status, procedure).toBe(400);
      expect(res.body.error?.data.diagnostics?.[0]).toMatchObject({ code: "input.nul", pointer });
    }
    const audit = await call(run.url(), "audit.list", { subject: NUL }, run.tokens.admin, "GET");
    expect(audit.status).toBe(400);
    expect(audit.body.error?.data.diagnostics?.[0]).toMatchObject({ code: "input.nul", pointer: "/subject" });
  });

  it("refuses numbers past PostgreSQL's integer in the feed and the API with 400", async () => {
    for (const v of ["2147483648", "99999999999999999999", "0", "007"]) {
      const res = await raw(run.url(), `/v1/catalogs/${catalogId}/versions/${v}`, {
        headers: { authorization: `Bearer ${run.tokens.reader}` },
      });
      expect(res.status, v).toBe(400);
      expect(JSON.parse(res.body).error.message).toMatch(/1 to 2147483647/);
    }
    const api = await call(
      run.url(),
      "catalogs.getVersion",
      { catalogId, version: 2 ** 31 },
      run.tokens.reader,
      "GET",
    );
    expect(api.status).toBe(400);
    expect(api.body.error?.data.diagnostics?.[0]?.pointer).toBe("/version");
  });

  it("refuses impossible dates with a located diagnostic that says what is wrong", async () => {
    const validUntil = await call(
      run.url(),
      "quotes.save",
      { idempotencyKey: "key-00000002", quote: { ...quote, validUntil: "2026-02-30" } },
      run.tokens.seller,
    );
    expect(validUntil.status).toBe(400);
    expect(validUntil.body.error?.data.diagnostics?.[0]).toMatchObject({
      code: "input.date",
      pointer: "/quote/validUntil",
    });
    const asOf = await call(
      run.url(),
      "quotes.price",
      { quote, asOf: "2026-2-3x" },
      run.tokens.seller,
      "GET",
    );
    expect(asOf.status).toBe(400);
    expect(asOf.body.error?.message).toBe('"asOf" must be a date (YYYY-MM-DD).');
    expect(asOf.body.error?.data.diagnostics?.[0]?.pointer).toBe("/asOf");
    const feb29 = await call(
      run.url(),
      "quotes.price",
      { quote, asOf: "2025-02-29" },
      run.tokens.seller,
      "GET",
    );
    expect(feb29.body.error?.data.diagnostics?.[0]).toMatchObject({ code: "input.date", pointer: "/asOf" });
  });

  it("answers methods no route takes with 405 and Allow, TRACE included", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"]) {
      const api = await raw(run.url(), "/trpc/catalogs.list", {
        method,
        headers: { authorization: `Bearer ${run.tokens.admin}`, "content-type": "application/json" },
      });
      expect(api.status, `${method} /trpc`).toBe(405);
      expect(api.headers.allow).toBe("GET, POST");
      const feed = await raw(run.url(), "/v1/catalogs/c1", { method });
      expect(feed.status, `${method} /v1`).toBe(405);
      expect(feed.headers.allow).toBe("GET, HEAD");
      const health = await raw(run.url(), "/healthz", { method });
      expect(health.status, `${method} /healthz`).toBe(405);
    }
  });

  it("stores a lone surrogate the same way in every column: as U+FFFD", async () => {
    const name = "Lone \ud800 surrogate";
    const created = await call(run.url(), "tokens.create", { name, role: "reader" }, run.tokens.admin);
    expect(created.status).toBe(200);
    const tokens = await call(run.url(), "tokens.list", undefined, run.tokens.admin, "GET");
    const record = (tokens.body.result!.data as { name: string }[]).find((t) => t.name.startsWith("Lone"));
    expect(record?.name).toBe("Lone \ufffd surrogate");
    const draft = await call(
      run.url(),
      "catalogs.createDraft",
      { from: "empty", catalogId: "lone", name },
      run.tokens.designer,
    );
    expect(draft.status).toBe(200);
    expect((draft.body.result!.data as { doc: { name: string } }).doc.name).toBe("Lone \ufffd surrogate");
  });

  it("lets only the caller's own cache keep a catalog: private, Vary: Authorization", async () => {
    const auth = { authorization: `Bearer ${run.tokens.reader}` };
    const latest = await raw(run.url(), `/v1/catalogs/${catalogId}`, { headers: auth });
    expect(latest.headers["cache-control"]).toBe("private, max-age=60");
    expect(latest.headers.vary).toBe("Authorization");
    const v1 = await raw(run.url(), `/v1/catalogs/${catalogId}/versions/1`, { headers: auth });
    expect(v1.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(v1.headers.vary).toBe("Authorization");
    const refused = await raw(run.url(), `/v1/catalogs/${catalogId}`);
    expect(refused.status).toBe(401);
    expect(refused.headers["cache-control"]).toBe("no-store");
  });

  it("puts the security headers on every response, API and feed included", async () => {
    const responses = [
      await raw(run.url(), "/trpc/me", { headers: { authorization: `Bearer ${run.tokens.reader}` } }),
      await raw(run.url(), "/trpc/me"),
      await raw(run.url(), `/v1/catalogs/${catalogId}`, {
        headers: { authorization: `Bearer ${run.tokens.reader}` },
      }),
      await raw(run.url(), "/v1/openapi.json"),
      await raw(run.url(), "/healthz"),
      await raw(run.url(), "/nowhere"),
    ];
    for (const res of responses) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    }
  });
});
