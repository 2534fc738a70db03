/**
 * Engine work off the event loop (issue 11, design §5), on the real server over HTTP: catalogs past
 * the count limits are refused before any solving with a located error naming the limit and its
 * environment variable; a call past its time budget is stopped with such an error and the next call
 * works; `/healthz` keeps answering while four oversized validations occupy the worker pool; and
 * configure and price results are cached per published version and selection. On PostgreSQL a
 * second server on the same database runs beside the first.
 */
import { resolvePointer } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_PACKAGE, largeCatalog } from "../bench/large-catalog.ts";
import { createServer, type TesseraServer } from "../src/server.ts";
import { backends, boot, type Running } from "./harness.ts";

interface TrpcError {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      diagnostics: { code: string; pointer: string; message: string }[];
    };
  };
}

async function post(url: string, token: string, path: string, input: unknown): Promise<Response> {
  return fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

/** The error of a refused call, after checking its status and that its diagnostic resolves in `doc`. */
async function refusal(res: Response, status: number, doc: unknown): Promise<TrpcError["error"]> {
  expect(res.status).toBe(status);
  const { error } = (await res.json()) as TrpcError;
  expect(error.data.diagnostics).toHaveLength(1);
  const [d] = error.data.diagnostics;
  expect(resolvePointer(doc, d!.pointer).found).toBe(true);
  expect(error.message).toBe(d!.message);
  return error;
}

const SAMPLE_QUOTE: Quote = {
  catalogId: "big",
  package: "collab-team",
  termMonths: 12,
  billingPeriod: "year",
  currency: "EUR",
  picks: ["team-support-premium"],
  quantities: { "team-seats": 10 },
};

describe.each(backends)("engine limits and the worker pool on %s", (backend) => {
  let run: Running;
  /** A second server on the same database (PostgreSQL only, as another process would be). */
  let other: TesseraServer | undefined;
  let otherUrl: string | undefined;

  beforeAll(async () => {
    run = await boot(backend, {
      engine: { maxOptionsPerPackage: 20_000, maxRulesPerPackage: 500, maxOptions: 30_000, budgetMs: 10_000 },
    });
    if (backend === "postgres") {
      const schema = (await run.server.services.db.query<{ s: string }>("SELECT current_schema() AS s"))[0]!
        .s;
      other = createServer({
        databaseUrl: process.env.DATABASE_URL,
        schema,
        webDist: "/nonexistent",
        today: () => "2026-01-15",
        log: () => {},
        engine: { budgetMs: 10_000 },
      });
      otherUrl = (await other.start()).url;
    }
  });
  afterAll(async () => {
    await other?.stop(1_000);
    await run.close();
  });

  it("refuses a 350,000-option draft before any solving, naming the limit and its variable", async () => {
    const doc = largeCatalog(350_000);
    const body = JSON.stringify({ doc });
    // The document of the issue: under the 10 MB body limit, far over the options limit.
    expect(body.length).toBeLessThan(10 * 1024 * 1024);
    const res = await post(run.url, run.tokens.designer, "catalogs.validate", { doc });
    const error = await refusal(res, 422, doc);
    expect(error.data.diagnostics[0]).toMatchObject({
      code: "limit.package-options",
      pointer: `/packages/${LARGE_PACKAGE}/optionGroups`,
    });
    expect(error.message).toBe(
      'Package "Team" has 350,000 options; the limit is 20,000 options per package (TESSERA_MAX_OPTIONS_PER_PACKAGE). Split it into smaller packages or ask an administrator to raise the limit.',
    );
  });

  it("refuses too many rules in a package and too many options in a catalog, each with its variable", async () => {
    // 500 pick rules and the sample's quantity rule.
    const ruled = largeCatalog(10, 500);
    const rules = await refusal(
      await post(run.url, run.tokens.designer, "catalogs.validate", { doc: ruled }),
      422,
      ruled,
    );
    expect(rules.data.diagnostics[0]).toMatchObject({
      code: "limit.package-rules",
      pointer: "/packages/1/rules",
    });
    expect(rules.message).toContain(
      "has 501 rules; the limit is 500 rules per package (TESSERA_MAX_RULES_PER_PACKAGE)",
    );

    // Two packages of 16,000 options each: each under the per-package limit, together over 30,000.
    const wide = largeCatalog(16_000);
    const packages = wide.packages as { optionGroups: { id: string; options: unknown[] }[] }[];
    packages[2]!.optionGroups = [{ ...packages[1]!.optionGroups[0]!, id: "wide" }];
    const total = await refusal(
      await post(run.url, run.tokens.designer, "catalogs.validate", { doc: wide }),
      422,
      wide,
    );
    expect(total.data.diagnostics[0]).toMatchObject({ code: "limit.options", pointer: "/packages" });
    expect(total.message).toContain("This catalog has 32,");
    expect(total.message).toContain("the limit is 30,000 options per catalog (TESSERA_MAX_OPTIONS)");
  });

  it("refuses to publish a draft past the limits with the same error, and publishes nothing", async () => {
    const doc = largeCatalog(10, 600, "ruled");
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc });
    const res = await post(run.url, run.tokens.designer, "catalogs.publish", {
      catalogId: draft.catalogId,
      revision: draft.revision,
    });
    const error = await refusal(res, 422, doc);
    expect(error.data.diagnostics[0]!.code).toBe("limit.package-rules");
    const versions = await run.server.services.db.query(
      "SELECT 1 FROM catalog_versions WHERE catalog_id = 'ruled'",
    );
    expect(versions).toHaveLength(0);
  });

  it("stops a validation past its time budget with a located error, and the next call still works", async () => {
    // Its own server, with a 200 ms budget and one worker: five packages of 19,000 options each
    // (95,000, under the 100,000 default) take any engine well past 200 ms to validate.
    const strict = await boot(backend, { engine: { budgetMs: 200, threads: 1 } });
    try {
      const doc = largeCatalog(19_000, 399);
      const packages = doc.packages as { optionGroups: unknown[] }[];
      const team = (packages[LARGE_PACKAGE]!.optionGroups[0] as { options: { id: string }[] }).options;
      for (let p = 2; p < 6; p++)
        packages[p]!.optionGroups = [
          {
            id: `g${p}`,
            name: "x",
            min: 1,
            max: 1,
            options: team.map((o) => ({ id: `p${p}${o.id}`, name: "x" })),
          },
        ];
      const res = await post(strict.url, strict.tokens.designer, "catalogs.validate", { doc });
      const error = await refusal(res, 422, doc);
      expect(error.data.diagnostics[0]).toMatchObject({
        code: "limit.time",
        pointer: `/packages/${LARGE_PACKAGE}`,
      });
      expect(error.message).toBe(
        'Validating this catalog took longer than 200 ms, the limit for one engine call (TESSERA_ENGINE_BUDGET_MS), so it was stopped. Its largest package, "Team", has 19,000 options and 400 rules. Make the package smaller or ask an administrator to raise the limit.',
      );
      // The stopped worker was replaced: a small document is answered.
      const ok = await strict.client(strict.tokens.designer).catalogs.validate.mutate({ doc: { id: "x" } });
      expect(ok.valid).toBe(false);
      expect(ok.diagnostics.length).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it("answers /healthz while four oversized validations occupy the worker pool", async () => {
    const doc = largeCatalog(19_000, 399);
    let settled = 0;
    const validations = Array.from({ length: 4 }, () =>
      post(run.url, run.tokens.designer, "catalogs.validate", { doc }).finally(() => settled++),
    );
    const engine = run.server.services.engine;
    // Wait until the pool is busy with them (their bodies are read and parsed first).
    while (engine.load.running === 0 && settled === 0) await new Promise((r) => setTimeout(r, 5));
    const answers: number[] = [];
    let whileSolving = 0;
    while (settled < 4) {
      const res = await fetch(`${run.url}/healthz`);
      answers.push(res.status);
      await res.text();
      // Answered while a worker was still in the middle of a validation. Were the engine on the
      // event loop, no health check could be answered during one.
      if (engine.load.running > 0) whileSolving++;
    }
    expect(whileSolving).toBeGreaterThanOrEqual(3);
    expect(answers.every((s) => s === 200)).toBe(true);
    // Each ends with an answer: diagnostics, or an error naming the budget (a slow engine) or
    // saying the engine stayed busy (waiting a whole budget for a worker).
    for (const res of await Promise.all(validations)) {
      if (res.status === 200) continue;
      const error = await refusal(res, res.status === 429 ? 429 : 422, doc);
      expect(["limit.time", "engine.busy"]).toContain(error.data.diagnostics[0]!.code);
    }
  });

  it("caches configure and price per published version and selection", async () => {
    const designer = run.client(run.tokens.designer);
    const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: largeCatalog(2) });
    await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
    const seller = run.client(run.tokens.seller);
    const engine = run.server.services.engine;

    const first = await seller.quotes.price.query({ quote: SAMPLE_QUOTE, asOf: "2026-02-01" });
    const ran = engine.load.completed;
    const again = await seller.quotes.price.query({ quote: SAMPLE_QUOTE, asOf: "2026-02-01" });
    expect(again).toEqual(first);
    expect(engine.load.completed).toBe(ran);
    // Another date or another selection is another result.
    const later = await seller.quotes.price.query({ quote: SAMPLE_QUOTE, asOf: "2026-03-01" });
    expect(engine.load.completed).toBe(ran + 1);
    expect(later.catalogVersion).toBe(1);
    const configured = await seller.quotes.configure.query({ quote: SAMPLE_QUOTE });
    const configuredAgain = await seller.quotes.configure.query({ quote: SAMPLE_QUOTE });
    expect(configuredAgain).toEqual(configured);
    expect(engine.load.completed).toBe(ran + 2);
    const standard = await seller.quotes.configure.query({
      quote: { ...SAMPLE_QUOTE, picks: ["team-support-standard"] },
    });
    expect(standard).not.toEqual(configured);
    expect(engine.load.completed).toBe(ran + 3);
  });

  // Registered only where a second server can share the database (PostgreSQL).
  if (backend === "postgres")
    it("serves the same prices from a second server on the same database, through its own pool", async () => {
      const quote = { ...SAMPLE_QUOTE, quantities: { "team-seats": 25 } };
      const here = await run.client(run.tokens.seller).quotes.price.query({ quote, asOf: "2026-02-01" });
      const res = await fetch(
        `${otherUrl}/trpc/quotes.price?input=${encodeURIComponent(JSON.stringify({ quote, asOf: "2026-02-01" }))}`,
        { headers: { authorization: `Bearer ${run.tokens.seller}` } },
      );
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual(here);
      expect(other!.services.engine.load.completed).toBeGreaterThan(0);
    });
});
