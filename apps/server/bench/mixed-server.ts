/**
 * Child process of the mixed-traffic benchmark: boots Tessera with its default engine options on
 * PGlite (in memory) or, with `--postgres`, on DATABASE_URL in a schema of its own (dropped on
 * SIGTERM), publishes the SaaS sample, and prints one JSON line with the URL, a token, the
 * catalog id and its process id (the parent reads its memory from /proc).
 */
import { randomBytes } from "node:crypto";
import { insertToken, openPgliteFromTemplate } from "@tessera/api";
import { createServer } from "../src/server.ts";
import { largeCatalog } from "./large-catalog.ts";

const postgres = process.argv.includes("--postgres");
const schema = postgres ? `bench_${randomBytes(6).toString("hex")}` : undefined;
const db = postgres ? undefined : await openPgliteFromTemplate();
const server = createServer({
  ...(db ? { db } : { databaseUrl: process.env.DATABASE_URL, schema }),
  webDist: "/nonexistent",
  log: () => {},
  today: () => "2026-11-20",
  // The 50 connections stand for 50 clients but share one token: the per-token rate limit (proven
  // by the abuse suite) would answer most of them 429 and the bench would measure the limiter.
  rateLimit: false,
});
const { url } = await server.start();
const services = server.services;
const { token } = await insertToken(services.db, { name: "bench", role: "admin", createdBy: null });
const doc = largeCatalog(2, 0, "acme-collaborate");
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${url}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { catalogId: string; revision: number } } }).result.data;
};
const draft = await post("catalogs.createDraft", { from: "json", doc });
await post("catalogs.publish", { catalogId: draft.catalogId, revision: draft.revision });

process.stdout.write(`${JSON.stringify({ url, token, catalogId: draft.catalogId, pid: process.pid })}\n`);
process.on("SIGTERM", () => {
  void (async () => {
    if (schema) await services.db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await server.stop(500);
    await db?.close();
    process.exit(0);
  })();
});
