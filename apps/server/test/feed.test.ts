import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateCatalog } from "@tessera/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";
import { checkedFetch } from "./openapi-check.ts";

const sample = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url)),
    "utf8",
  ),
) as Record<string, unknown>;
delete sample.$schema;
const id = sample.id as string;

describe.each(backends)("catalog feed on %s", (backend) => {
  let run: Running;
  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    // Every answer of the feed in these tests must be one the OpenAPI document describes.
    checkedFetch(`${run.url}${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  beforeAll(async () => {
    run = await boot(backend);
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: sample });
    await designer.catalogs.publish.mutate({ catalogId: id, revision: draft.revision });
  });
  afterAll(() => run.close());

  it("needs a token for catalogs but not for schemas", async () => {
    expect((await get(`/v1/catalogs/${id}`)).status).toBe(401);
    expect((await get(`/v1/catalogs/${id}`, "tsr_forged")).status).toBe(401);
    const schema = await get("/v1/schemas/catalog.json");
    expect(schema.status).toBe(200);
    expect(((await schema.json()) as { $id: string }).$id).toContain("catalog.schema.json");
    const openapi = (await (await get("/v1/openapi.json")).json()) as { openapi: string; paths: object };
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toContain("/v1/catalogs/{id}/versions/{version}");
  });

  it("serves the latest version with a strong ETag that is the hash of the body, and 304 on match", async () => {
    const res = await get(`/v1/catalogs/${id}`, run.tokens.reader);
    expect(res.status).toBe(200);
    const body = await res.text();
    const etag = res.headers.get("etag")!;
    expect(etag).toBe(`"${createHash("sha256").update(body).digest("hex")}"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("tessera-catalog-version")).toBe("1");
    const again = await get(`/v1/catalogs/${id}`, run.tokens.reader, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await get(`/v1/catalogs/${id}`, run.tokens.reader, { "if-none-match": '"other"' });
    expect(stale.status).toBe(200);
  });

  it("serves numbered versions as immutable, unchanged after later publishes", async () => {
    const v1 = await get(`/v1/catalogs/${id}/versions/1`, run.tokens.reader);
    expect(v1.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const v1Body = await v1.text();
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.getDraft.query({ catalogId: id });
    const updated = await designer.catalogs.updateDraft.mutate({
      catalogId: id,
      revision: draft.revision,
      doc: { ...draft.doc, name: "Acme Collaborate 2" },
    });
    const published = await designer.catalogs.publish.mutate({ catalogId: id, revision: updated.revision });
    expect(published.version).toBe(2);
    const latest = await get(`/v1/catalogs/${id}`, run.tokens.reader);
    expect(latest.headers.get("tessera-catalog-version")).toBe("2");
    expect(((await latest.json()) as { name: string }).name).toBe("Acme Collaborate 2");
    const v1Again = await get(`/v1/catalogs/${id}/versions/1`, run.tokens.reader);
    expect(await v1Again.text()).toBe(v1Body);
    expect((await get(`/v1/catalogs/${id}/versions/3`, run.tokens.reader)).status).toBe(404);
    expect((await get("/v1/catalogs/nope", run.tokens.reader)).status).toBe(404);
  });

  it("gives a consumer what it can validate: every version passes the published JSON Schema", async () => {
    for (const path of [
      `/v1/catalogs/${id}`,
      `/v1/catalogs/${id}/versions/1`,
      `/v1/catalogs/${id}/versions/2`,
    ]) {
      const doc = (await (await get(path, run.tokens.reader)).json()) as { version: number };
      expect(validateCatalog(doc), JSON.stringify(validateCatalog.errors)).toBe(true);
      expect(doc.version).toBe(path.endsWith("/1") ? 1 : 2);
    }
  });

  it("refuses writes on the feed", async () => {
    const res = await fetch(`${run.url}/v1/catalogs/${id}`, { method: "POST", body: "{}" });
    expect(res.status).toBe(405);
  });
});
