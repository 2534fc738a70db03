/**
 * The self-service quote request over HTTP, as a visitor's browser sends it: no token; a body
 * over the public limit is refused with 413 before it is read; the sixth request from one address
 * in an hour is 429; any other procedure is 401. (What the procedures answer is in
 * packages/api/test/public.test.ts.)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_MAX_BODY_BYTES } from "../src/server.ts";
import { backends, boot, type Running } from "./harness.ts";

const saas = () => {
  const doc = JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url)),
      "utf8",
    ),
  ) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
};

const QUOTE = {
  catalogId: "acme-collaborate",
  package: "collab-team",
  termMonths: 12,
  billingPeriod: "year",
  currency: "EUR",
  picks: ["team-support-standard"],
};
const CONTACT = { name: "Grace Hopper", email: "grace@cobol.example", company: "Compilers Inc." };

describe.each(backends)("self-service requests over HTTP on %s", (backend) => {
  let run: Running;
  let n = 0;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${run.url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const request = (contact: Record<string, string> = CONTACT, headers: Record<string, string> = {}) =>
    post("public.requestQuote", { idempotencyKey: `http-key-${++n}`, quote: QUOTE, contact }, headers);

  beforeAll(async () => {
    // One proxy in front (as behind a load balancer): the client is the last X-Forwarded-For entry.
    run = await boot(backend, { trustedProxies: 1 });
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: saas() });
    await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
    await designer.catalogs.setPublic.mutate({ catalogId: "acme-collaborate", public: true });
  });
  afterAll(() => run.close());

  it("refuses a public call's body over its limit before reading it", async () => {
    const note = "x".repeat(PUBLIC_MAX_BODY_BYTES);
    const res = await request({ ...CONTACT, note });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`the limit is ${PUBLIC_MAX_BODY_BYTES} bytes`);
  });

  it("answers the same anonymous caller 401 on any other procedure", async () => {
    const res = await post("quotes.save", { idempotencyKey: "abcdefgh", quote: QUOTE });
    expect(res.status).toBe(401);
    const list = await fetch(`${run.url}/trpc/quotes.list`);
    expect(list.status).toBe(401);
  });

  it("takes five requests an hour from one address, then answers 429; behind a proxy, per forwarded address", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await request();
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { data: { reference: string } } };
      expect(body.result.data.reference).toMatch(/^q_[0-9a-f]+$/);
    }
    const refused = await request();
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toContain("5 quote requests in the last hour");
    // Behind the proxy, each visitor has a limit of its own, counted on the address the proxy
    // appended; what a client writes further left in X-Forwarded-For is never trusted.
    for (let i = 0; i < 5; i++)
      expect((await request(CONTACT, { "x-forwarded-for": `10.0.0.${i}, 198.51.100.7` })).status).toBe(200);
    expect((await request(CONTACT, { "x-forwarded-for": "10.0.0.99, 198.51.100.7" })).status).toBe(429);
    expect((await request(CONTACT, { "x-forwarded-for": "198.51.100.8" })).status).toBe(200);
    // The sellers see the eleven accepted, marked as self-service requests.
    const quotes = await run.client(run.tokens.seller).quotes.list.query();
    expect(quotes.filter((q) => q.source === "self_service")).toHaveLength(11);
  });
});
