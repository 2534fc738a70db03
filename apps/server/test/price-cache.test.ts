/**
 * Priced quotes answered from memory (issue 11, `quotePrice.ratio`): a repeated `quotes.price`
 * answers the very bytes tRPC answers, without running the engine again; inputs that differ in any
 * way (date, selection, version, even only the order of keys) never share an entry; callers the
 * procedure refuses stay refused; failures are not kept.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";

const examples = new URL("../../../schemas/examples/", import.meta.url);
const read = (file: string) => {
  const doc = JSON.parse(readFileSync(new URL(file, examples), "utf8")) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
};
const CATALOG = read("saas.catalog.json");
const QUOTE = read("saas.quote.json");

describe.each(backends)("the price cache on %s", (backend) => {
  let run: Running;
  const price = (input: unknown, token = run.tokens.seller) =>
    fetch(`${run.url}/trpc/quotes.price?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  /** The same call as one tRPC batch, which the cache never answers. */
  const batched = async (input: unknown) => {
    const res = await fetch(
      `${run.url}/trpc/quotes.price?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`,
      { headers: { authorization: `Bearer ${run.tokens.seller}` } },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as [unknown])[0];
  };

  beforeAll(async () => {
    run = await boot(backend);
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: CATALOG });
    await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => run.close());

  it("answers a repeated call with the bytes tRPC answers, without running the engine again", async () => {
    const input = { quote: QUOTE, asOf: "2026-11-20" };
    const first = await price(input);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = await first.text();
    const kept = run.server.prices.size.entries;
    const ran = run.server.services.engine.load.completed;

    const again = await price(input);
    expect(await again.text()).toBe(bytes);
    expect(run.server.services.engine.load.completed).toBe(ran);
    expect(run.server.prices.size.entries).toBe(kept);
    // tRPC's own answer of the same call (a batch of one) holds the same result.
    expect(await batched(input)).toEqual(JSON.parse(bytes));
  });

  it("never shares an entry between inputs that differ", async () => {
    const base = { quote: QUOTE, asOf: "2026-11-20" };
    const first = JSON.parse(await (await price(base)).text()) as { result: { data: unknown } };
    const kept = run.server.prices.size.entries;
    const variants = [
      { quote: QUOTE, asOf: "2026-11-21" },
      { quote: { ...QUOTE, quantities: { "biz-seats": 61, "biz-storage": 400 } }, asOf: "2026-11-20" },
      { quote: { ...QUOTE, currency: "USD" }, asOf: "2026-11-20" },
      // The same meaning in another key order is another text: kept apart, priced alike.
      { asOf: "2026-11-20", quote: QUOTE },
    ];
    const answers = [];
    for (const input of variants) {
      const res = await price(input);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { data: unknown } };
      expect(body).toEqual(await batched(input));
      answers.push(body.result.data);
    }
    expect(run.server.prices.size.entries).toBe(kept + variants.length);
    expect(answers[1]).not.toEqual(first.result.data);
    expect(answers[2]).not.toEqual(first.result.data);
    expect(answers[3]).toEqual(first.result.data);
  });

  it("prices the latest version anew once another is published", async () => {
    const { catalogVersion: _, ...latest } = QUOTE;
    const input = { quote: latest, asOf: "2026-11-20" };
    const before = (await (await price(input)).json()) as { result: { data: { catalogVersion: number } } };
    const designer = run.client(run.tokens.designer);
    const id = QUOTE.catalogId as string;
    const draft = await designer.catalogs.getDraft.query({ catalogId: id });
    const edited = await designer.catalogs.updateDraft.mutate({
      catalogId: id,
      revision: draft.revision,
      doc: { ...CATALOG, name: `${CATALOG.name as string} (2)` },
    });
    await designer.catalogs.publish.mutate({ catalogId: id, revision: edited.revision });
    const after = (await (await price(input)).json()) as { result: { data: { catalogVersion: number } } };
    expect(after.result.data.catalogVersion).toBe(before.result.data.catalogVersion + 1);
    expect(after).toEqual(await batched(input));
  });

  it("keeps refusing callers the procedure refuses, and keeps no failure", async () => {
    const input = { quote: QUOTE, asOf: "2026-11-20" };
    expect((await price(input)).status).toBe(200);
    expect((await price(input, run.tokens.reader)).status).toBe(403);
    expect((await price(input, "tsr_not-a-token")).status).toBe(401);
    const kept = run.server.prices.size.entries;
    // A date that does not exist passes the key but not the procedure's input check.
    const refused = await price({ quote: QUOTE, asOf: "2026-02-30" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { data: { code: "BAD_REQUEST" } } });
    const missing = await price({ quote: { ...QUOTE, catalogVersion: 99 }, asOf: "2026-11-20" });
    expect(missing.status).toBe(404);
    expect(run.server.prices.size.entries).toBe(kept);
  });
});
