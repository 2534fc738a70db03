/** The TMF620 v5 API over published catalogs, on the real server. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";

const load = (name: string) => {
  const doc = JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../schemas/examples/${name}.catalog.json`, import.meta.url)),
      "utf8",
    ),
  ) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
};
const saas = load("saas");
const hybrid = load("hybrid");
const BASE = "/tmf-api/productCatalogManagement/v5";

describe.each(backends)("TMF620 API on %s", (backend) => {
  let run: Running;
  const get = (path: string, token: string | undefined = run.tokens.reader, method = "GET") =>
    fetch(`${run.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    run = await boot(backend);
    const designer = run.client(run.tokens.designer);
    for (const doc of [saas, hybrid]) {
      const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc });
      await designer.catalogs.publish.mutate({ catalogId: doc.id as string, revision: draft.revision });
    }
    // A catalog with only a draft is not in the API.
    await designer.catalogs.createDraft.mutate({ from: "json", doc: { ...saas, id: "unpublished" } });
  });
  afterAll(() => run.close());

  it("lists the published catalogs and their offerings, with counts for paging", async () => {
    const catalogs = await get(`${BASE}/catalog`);
    expect(catalogs.status).toBe(200);
    expect(((await catalogs.json()) as { id: string }[]).map((c) => c.id).sort()).toEqual(
      [saas.id, hybrid.id].sort(),
    );
    const page = await get(`${BASE}/productOffering?isSellable=true&limit=2&fields=name`);
    const items = (await page.json()) as Record<string, unknown>[];
    expect(items).toHaveLength(2);
    expect(Object.keys(items[0]!).sort()).toEqual(["@type", "href", "id", "name"]);
    const sellable = (saas.packages as unknown[]).length + (hybrid.packages as unknown[]).length;
    expect(page.headers.get("x-total-count")).toBe(String(sellable));
    expect(page.headers.get("x-result-count")).toBe("2");
  });

  it("reads one resource by id, following its href", async () => {
    const list = (await (await get(`${BASE}/productOffering?name=Team`)).json()) as {
      id: string;
      href: string;
    }[];
    expect(list).toHaveLength(1);
    const one = await get(list[0]!.href);
    expect(one.status).toBe(200);
    const offering = (await one.json()) as { id: string; name: string; productOfferingPrice: unknown[] };
    expect(offering).toMatchObject({ id: `${saas.id}:collab-team`, name: "Team" });
    const price = (offering.productOfferingPrice[0] as { href: string }).href;
    expect((await get(price)).status).toBe(200);
    const text = await (
      await get(
        `${BASE}/productOfferingPrice/${encodeURIComponent(`${saas.id}:team-seat-fee/USD/month/list/1`)}`,
      )
    ).text();
    expect(text).toContain('"price":{"unit":"USD","value":12.00}');
  });

  it("answers what it cannot do with TMF errors, and needs a token", async () => {
    expect((await get(`${BASE}/productOffering`, "")).status).toBe(401);
    const missing = await get(`${BASE}/productOffering/${encodeURIComponent("nope:nothing")}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "404", "@type": "Error" });
    const badLimit = await get(`${BASE}/productOffering?limit=5000`);
    expect(badLimit.status).toBe(400);
    expect(((await badLimit.json()) as { message: string }).message).toBe(
      "limit must be from 1 to 1000; got 5000.",
    );
    expect((await get(`${BASE}/productOrder`)).status).toBe(404);
    expect((await get(`${BASE}/productOffering`, run.tokens.reader, "DELETE")).status).toBe(405);
    const draftOnly = (await (await get(`${BASE}/catalog?fields=name`)).json()) as { id: string }[];
    expect(draftOnly.map((c) => c.id)).not.toContain("unpublished");
  });
});
