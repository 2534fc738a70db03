/**
 * A catalog marked public: its feed is served without a token and with `Cache-Control: public`
 * (so a CDN may keep it), and its pricing page and embed are rendered from it, cached by ETag,
 * under a CSP without 'unsafe-inline'. Catalogs not marked public stay behind a token, and a
 * customer (portal) token reads no feed at all.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";
import { checkedFetch } from "./openapi-check.ts";

const sample = (name: string) => {
  const doc = JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../schemas/examples/${name}.catalog.json`, import.meta.url)),
      "utf8",
    ),
  ) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
};

describe.each(backends)("public pricing on %s", (backend) => {
  let run: Running;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${run.url}${path}`, { headers });

  beforeAll(async () => {
    run = await boot(backend);
    const designer = run.client(run.tokens.designer);
    for (const name of ["saas", "hybrid"]) {
      const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: sample(name) });
      await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
    }
  });
  afterAll(() => run.close());

  it("serves nothing without a token until a designer marks the catalog public", async () => {
    expect((await checkedFetch(`${run.url}/v1/public/catalogs/acme-collaborate`)).status).toBe(404);
    expect((await get("/pricing/acme-collaborate")).status).toBe(404);
    const seller = run.client(run.tokens.seller);
    await expect(
      seller.catalogs.setPublic.mutate({ catalogId: "acme-collaborate", public: true }),
    ).rejects.toThrow(/designer/);
    await run
      .client(run.tokens.designer)
      .catalogs.setPublic.mutate({ catalogId: "acme-collaborate", public: true });
    const list = await run.client(run.tokens.reader).catalogs.list.query();
    expect(list.find((c) => c.id === "acme-collaborate")?.public).toBe(true);
    expect(list.find((c) => c.id === "brewline")?.public).toBe(false);
  });

  it("serves the public feed without what sales keeps to itself, with its own ETag, cacheable by anyone", async () => {
    const pub = await checkedFetch(`${run.url}/v1/public/catalogs/acme-collaborate`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get("cache-control")).toBe("public, max-age=60");
    expect(pub.headers.get("vary")).toBeNull();
    expect(pub.headers.get("access-control-allow-origin")).toBe("*");
    const priv = await fetch(`${run.url}/v1/catalogs/acme-collaborate`, {
      headers: { authorization: `Bearer ${run.tokens.reader}` },
    });
    // The sample has a partner price book, approval tiers and retention offers: none are public.
    const full = (await priv.json()) as Record<string, unknown>;
    const shown = (await pub.json()) as Record<string, unknown>;
    expect(full.quotePolicy).toBeDefined();
    expect(shown.quotePolicy).toBeUndefined();
    expect(shown.pathRules).toBeUndefined();
    expect((shown.priceBooks as { id: string }[]).map((b) => b.id)).toEqual(["list"]);
    const text = JSON.stringify(shown);
    expect(text).not.toContain('"priceBook":"partner"');
    expect(text).not.toContain("retentionOffers");
    expect(JSON.stringify(full)).toContain("retentionOffers");
    expect(pub.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(pub.headers.get("etag")).not.toBe(priv.headers.get("etag"));
    const again = await get("/v1/public/catalogs/acme-collaborate", {
      "if-none-match": pub.headers.get("etag")!,
    });
    expect(again.status).toBe(304);
    // Not public: the same 404 as a catalog that does not exist.
    const hidden = await (await checkedFetch(`${run.url}/v1/public/catalogs/brewline`)).json();
    const missing = await (await checkedFetch(`${run.url}/v1/public/catalogs/nope`)).json();
    expect(JSON.stringify(hidden).replace("brewline", "X")).toBe(
      JSON.stringify(missing).replace("nope", "X"),
    );
  });

  it("renders the pricing page from the feed: tiers in order, the badge, the annual saving", async () => {
    const res = await get("/pricing/acme-collaborate");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const html = await res.text();
    const names = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(names).toEqual(["Starter", "Team", "Business", "Enterprise"]);
    expect(html.match(/Most popular/g)).toHaveLength(1);
    expect(html).toMatch(/<article class="card popular" aria-label="Business">/);
    // Team in USD, 10 seats (its default) at $12.00 (the first tier): $120.00 a month on a monthly
    // term; yearly: 10 × $120.00 = $1,200.00 less the 12-month term's 5% = $1,140.00 a year, i.e.
    // $95.00 a month. Saving (120.00 − 95.00) × 12 = $300.00 a year; 25 ÷ 120 = 20.8% → 20%.
    const team = html.slice(html.indexOf('aria-label="Team"'), html.indexOf('aria-label="Business"'));
    expect(team).toContain('data-c="USD" data-p="month"><p class="price"><strong>$120.00</strong>');
    expect(team).toContain('data-c="USD" data-p="year"><p class="price"><strong>$95.00</strong>');
    expect(team).toContain("billed yearly at $1,140.00");
    expect(team).toContain("Save $300.00 a year (20%)");
    expect(team).toContain("<li>10 seats</li>");
    expect(team).toContain("<li>14-day free trial</li>");
    expect(team).toContain(
      'href="/configure/acme-collaborate?package=collab-team&amp;period=year&amp;currency=EUR"',
    );
    // EUR, worked the same way: 10 × €11.00 = €110.00 a month; 10 × €110.00 × 0.95 =
    // €1,045.00 a year, €87.08 a month (1045 ÷ 12 = 87.083…). The saving is taken from the exact
    // bills, 12 × 110.00 − 1,045.00 = €275.00 (not 12 × (110.00 − 87.08) = 275.04); 275 ÷ 1320 → 20%.
    expect(team).toContain('data-c="EUR" data-p="year"><p class="price"><strong>€87.08</strong>');
    expect(team).toContain("Save €275.00 a year (20%)");
    // Yen has no minor unit.
    expect(team).toMatch(/data-c="JPY" data-p="month"><p class="price"><strong>¥18,000<\/strong>/);
  });

  it("fits a CSP without inline script or unhashed style, and only the embed may be framed", async () => {
    const page = await get("/pricing/acme-collaborate");
    const html = await page.text();
    const css = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const hash = createHash("sha256").update(css, "utf8").digest("base64");
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("script-src");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    const embed = await get("/pricing/acme-collaborate/embed");
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(await embed.text()).toContain('<script src="/pricing/frame.js" defer></script>');
    const script = await get("/pricing/embed.js");
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain('"/pricing/"+encodeURIComponent(id)+"/embed"');
  });

  it("answers a repeated page request with 304 from its ETag", async () => {
    const first = await get("/pricing/acme-collaborate");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await get("/pricing/acme-collaborate", { "if-none-match": etag })).status).toBe(304);
    const embed = await get("/pricing/acme-collaborate/embed");
    expect(embed.headers.get("etag")).not.toBe(etag);
  });

  it("refuses the feed to a customer token", async () => {
    const res = await checkedFetch(`${run.url}/v1/catalogs/acme-collaborate`, {
      headers: { authorization: `Bearer ${run.tokens.customer}` },
    });
    expect(res.status).toBe(403);
  });
});
