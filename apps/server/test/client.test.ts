/** The typed feed client (`@tessera/client`) against the real server, as a consuming service uses it. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createFeedClient, FeedError } from "@tessera/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";

const sample = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../schemas/examples/hybrid.catalog.json", import.meta.url)),
    "utf8",
  ),
) as Record<string, unknown>;
delete sample.$schema;
const id = sample.id as string;

describe.each(backends)("@tessera/client on %s", (backend) => {
  let run: Running;
  const requests: string[] = [];
  const counting = ((input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    requests.push(
      `${new URL(String(input)).pathname} ${headers.get("if-none-match") ? "revalidate" : "get"}`,
    );
    return fetch(input, init);
  }) as typeof fetch;

  beforeAll(async () => {
    run = await boot(backend);
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: sample });
    await designer.catalogs.publish.mutate({ catalogId: id, revision: draft.revision });
  });
  afterAll(() => run.close());

  it("reads, validates and caches the latest version, then follows a new publish", async () => {
    const client = createFeedClient({
      baseUrl: run.url,
      token: run.tokens.reader,
      validate: true,
      fetch: counting,
    });
    const first = await client.latest(id);
    expect(first).toMatchObject({ version: 1, fromCache: false });
    expect(first.catalog.id).toBe(id);
    const again = await client.latest(id);
    expect(again.fromCache).toBe(true);
    expect(again.etag).toBe(first.etag);

    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.getDraft.query({ catalogId: id });
    const updated = await designer.catalogs.updateDraft.mutate({
      catalogId: id,
      revision: draft.revision,
      doc: { ...draft.doc, name: "Hybrid, second edition" },
    });
    await designer.catalogs.publish.mutate({ catalogId: id, revision: updated.revision });
    const second = await client.latest(id);
    expect(second).toMatchObject({ version: 2, fromCache: false });
    expect(second.catalog.name).toBe("Hybrid, second edition");

    // Numbered versions are immutable: the two read through "latest" need no request at all, and a
    // new client fetches version 1 once, then answers from memory.
    requests.length = 0;
    expect((await client.version(id, 1)).catalog.name).toBe(first.catalog.name);
    expect((await client.version(id, 2)).fromCache).toBe(true);
    expect(requests).toEqual([]);
    const fresh = createFeedClient({ baseUrl: run.url, token: run.tokens.reader, fetch: counting });
    expect((await fresh.version(id, 1)).fromCache).toBe(false);
    expect((await fresh.version(id, 1)).fromCache).toBe(true);
    expect(requests).toEqual([`/v1/catalogs/${id}/versions/1 get`]);
  });

  it("reports the feed's refusals as FeedError", async () => {
    const stranger = createFeedClient({ baseUrl: run.url, token: "tsr_forged" });
    await expect(stranger.latest(id)).rejects.toBeInstanceOf(FeedError);
    await expect(stranger.latest(id)).rejects.toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    const reader = createFeedClient({ baseUrl: run.url, token: run.tokens.reader });
    await expect(reader.version(id, 99)).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect((await stranger.schema("catalog.json")).$id).toContain("catalog.schema.json");
  });
});
