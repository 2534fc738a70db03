/**
 * A hostile visitor against the anonymous surfaces over HTTP: request bodies (whatever the
 * procedure, content type or framing, a caller without a token gets the public 64 KiB), the
 * per-address allowance of engine calls, hostile inputs to the public procedures (each a 4xx with
 * a located diagnostic), catalog text that tries to become markup on the pricing page, and the
 * security headers of the public configurator's route and the pricing embed.
 */

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_CSP } from "../src/headers.ts";
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

const CONTACT = { name: "Mallory", email: "mallory@evil.example", company: "Evil Corp" };

/** Markup a catalog's text might carry, hoping to reach the page unescaped. */
const XSS = `</title><script>alert(1)</script><img src=x onerror="alert(2)">' "`;

function fixtureApp(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-dist-"));
  writeFileSync(join(dir, "index.html"), '<!doctype html><html><body><div id="root"></div></body></html>');
  return dir;
}

/** A POST sent chunked (no Content-Length), so only reading the body finds its size. */
function chunkedPost(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
    req.end();
  });
}

describe.each(backends)("the anonymous surfaces against a hostile visitor on %s", (backend) => {
  let run: Running;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${run.url}${path}`, { headers });
  const priceUrl = (quote: unknown) =>
    `/trpc/public.price?input=${encodeURIComponent(JSON.stringify({ quote }))}`;

  beforeAll(async () => {
    run = await boot(backend, {
      webDist: fixtureApp(),
      publicEngineRate: { perMinute: 1, burst: 40 },
      publicEngineConcurrency: 1,
    });
    const designer = run.client(run.tokens.designer);
    const hostile = saas();
    hostile.id = "hostile";
    hostile.name = `Hostile ${XSS}`;
    hostile.description = XSS;
    const packages = hostile.packages as { name: string; description?: string }[];
    for (const p of packages) {
      p.name = `${p.name} ${XSS}`;
      p.description = XSS;
    }
    (hostile.portfolios as { name: string }[])[0]!.name = XSS;
    (hostile.services as { name: string; unit?: string }[])[0]!.unit = `seat${XSS}`;
    for (const doc of [saas(), hostile]) {
      const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc });
      await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
      await designer.catalogs.setPublic.mutate({ catalogId: draft.catalogId, public: true });
    }
  });
  afterAll(() => run.close());

  it("gives a caller without a token 64 KiB of body on every procedure, however the body is framed", async () => {
    const big = JSON.stringify({ doc: { ...saas(), description: "x".repeat(200_000) } });
    // Declared length, chunked JSON, chunked text/plain, and a batch that hides a public call.
    const declared = await fetch(`${run.url}/trpc/catalogs.validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    for (const [path, type] of [
      ["catalogs.validate", "application/json"],
      ["catalogs.validate", "text/plain"],
      ["public.requestQuote", "text/plain"],
      ["public.configure,catalogs.createDraft", "application/json"],
    ] as const) {
      const res = await chunkedPost(`${run.url}/trpc/${path}`, big, { "content-type": type });
      expect(`${path} ${type}: ${res.status}`).toBe(`${path} ${type}: 413`);
      expect(res.text).toContain(`${PUBLIC_MAX_BODY_BYTES} bytes`);
    }
    // A bad or revoked token is no token.
    const forged = await chunkedPost(`${run.url}/trpc/catalogs.validate`, big, {
      "content-type": "application/json",
      authorization: "Bearer tsk_forged",
    });
    expect(forged.status).toBe(413);
    // Staff keep the catalog-upload allowance.
    const staff = await chunkedPost(`${run.url}/trpc/catalogs.validate`, big, {
      "content-type": "application/json",
      authorization: `Bearer ${run.tokens.designer}`,
    });
    expect(staff.status).toBe(200);
  });

  it("answers hostile selections with a located 4xx and keeps serving", async () => {
    const cases: [string, unknown][] = [
      ["1e308 seats", { ...QUOTE, quantities: { "svc-seat": 1e308 } }],
      ["negative seats", { ...QUOTE, quantities: { "svc-seat": -5 } }],
      ["NaN as text", { ...QUOTE, quantities: { "svc-seat": "NaN" } }],
      ["fractional term", { ...QUOTE, termMonths: 12.5 }],
      ["thousands of picks", { ...QUOTE, picks: Array.from({ length: 3000 }, (_, i) => `opt-${i}`) }],
      [
        "thousands of add-ons",
        { ...QUOTE, addOns: Array.from({ length: 3000 }, (_, i) => ({ package: `a${i}` })) },
      ],
      ["an unknown currency", { ...QUOTE, currency: "<b>" }],
      [
        "a prototype key",
        JSON.parse('{"catalogId":"acme-collaborate","package":"collab-team","__proto__":{"x":1}}'),
      ],
    ];
    for (const [what, quote] of cases) {
      // As a query (GET, the input in the URL) and inside a quote request (POST).
      const query = await get(priceUrl(quote));
      const post = await fetch(`${run.url}/trpc/public.requestQuote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ idempotencyKey: "hostile-selection", quote, contact: CONTACT }),
      });
      for (const [how, res] of [
        ["GET", query],
        ["POST", post],
      ] as const) {
        // A URL past Node's 16 KiB of headers is refused by Node itself (431, no body).
        if (how === "GET" && res.status === 431) continue;
        const body = (await res.json()) as { error?: { data?: { diagnostics?: { pointer: string }[] } } };
        expect(`${what} ${how}: ${res.status}`).toBe(`${what} ${how}: 400`);
        expect(`${what} ${how}: ${body.error?.data?.diagnostics?.[0]?.pointer}`).toMatch(/: \/quote\//);
      }
    }
    // Deep nesting (far past the 64 levels allowed) in a POST body.
    const deep = `${"[".repeat(20_000)}1${"]".repeat(20_000)}`;
    const nested = await fetch(`${run.url}/trpc/public.requestQuote`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"idempotencyKey":"deep-nesting","quote":${JSON.stringify(QUOTE)},"contact":{"name":${deep}}}`,
    });
    expect(nested.status).toBe(400);
    const refusal = (await nested.json()) as { error: { data: { diagnostics: { pointer: string }[] } } };
    expect(refusal.error.data.diagnostics[0]!.pointer).toMatch(/^\/contact\/name/);
    expect((await get("/healthz")).status).toBe(200);
  });

  it("escapes every catalog text on the pricing page and its embed", async () => {
    for (const path of ["/pricing/hostile", "/pricing/hostile/embed"]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("<img");
      expect(html).not.toMatch(/onerror="/);
      expect(html).toContain("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("onerror=&quot;alert(2)&quot;&gt;&#39; &quot;");
      // The only script is the embed's same-origin height reporter.
      expect(html.match(/<script/g)?.length ?? 0).toBe(path.endsWith("/embed") ? 1 : 0);
    }
  });

  it("sends the app's headers on the public configurator and the documented ones on the embed", async () => {
    const page = await get("/configure/acme-collaborate?package=collab-team&period=year&currency=EUR");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(APP_CSP);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const embed = await get("/pricing/acme-collaborate/embed");
    const csp = embed.headers.get("content-security-policy")!;
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(embed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(embed.headers.get("referrer-policy")).toBe("no-referrer");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const full = await get("/pricing/acme-collaborate");
    expect(full.headers.get("x-frame-options")).toBe("DENY");
    expect(full.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets visitors hold only their share of the engine at once; staff are not held back", async () => {
    const engine = run.server.services.engine;
    const price = engine.price.bind(engine);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    engine.price = async (...args: Parameters<typeof price>) => {
      entered();
      await gate;
      return price(...args);
    };
    try {
      const first = get(priceUrl(QUOTE));
      await inside;
      // Another visitor (another address: X-Forwarded-For is not trusted here, so the same
      // socket address, but the cap is across all addresses) is told to retry.
      const second = await get(priceUrl(QUOTE));
      expect(second.status).toBe(429);
      expect(second.headers.get("retry-after")).toBe("1");
      expect(((await second.json()) as { error: { message: string } }).error.message).toContain("busy");
      // A seller's call to the same procedure is not counted.
      const staff = get(priceUrl(QUOTE), { authorization: `Bearer ${run.tokens.seller}` });
      release();
      expect((await first).status).toBe(200);
      expect((await staff).status).toBe(200);
    } finally {
      release();
      engine.price = price;
    }
    // Once the first is answered, the next visitor gets in.
    expect((await get(priceUrl(QUOTE))).status).toBe(200);
  });

  // Last: it spends this address's engine allowance (40 at once, then one a minute).
  it("limits an address's engine calls without a token, and only those", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await get(priceUrl(QUOTE))).status);
    const refused = statuses.indexOf(429);
    expect(refused).toBeGreaterThan(0);
    expect(statuses.slice(refused).every((s) => s === 429)).toBe(true);
    const res = await get(priceUrl(QUOTE));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "TESSERA_PUBLIC_ENGINE_RATE",
    );
    const batch = await get(
      `/trpc/public.configure,public.requestQuote?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { quote: QUOTE } }))}`,
    );
    expect(batch.status).toBe(429);
    // Reading the public catalog costs no engine time; a token holder has its own allowance.
    expect(
      (await get("/trpc/public.catalog?input=%7B%22catalogId%22%3A%22acme-collaborate%22%7D")).status,
    ).toBe(200);
    expect((await get(priceUrl(QUOTE), { authorization: `Bearer ${run.tokens.seller}` })).status).toBe(200);
  });
});
