/**
 * Child process of the service benchmark: boots Tessera (embedded PGlite in memory) with one
 * published sample catalog, and beside it a bare `node:http` baseline that answers the same bytes
 * with the same ETag. Prints one JSON line with both URLs, the token and the request paths.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { appRouter, createCallerFactory, insertToken, openPgliteFromTemplate } from "@tessera/api";
import { createServer } from "../src/server.ts";

const examples = fileURLToPath(new URL("../../../schemas/examples/", import.meta.url));
const read = (file: string) => {
  const doc = JSON.parse(readFileSync(`${examples}${file}`, "utf8")) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
};

const db = await openPgliteFromTemplate();
const server = createServer({
  db,
  webDist: "/nonexistent",
  log: () => {},
  today: () => "2026-11-20",
  // The benchmark measures throughput, not the per-token limit.
  rateLimit: false,
});
const { url } = await server.start();
const services = server.services;
const { token } = await insertToken(services.db, { name: "bench", role: "admin", createdBy: null });
const system = createCallerFactory(appRouter)({
  services,
  principal: { tokenId: "bench", name: "bench", role: "admin" },
  refused: null,
});
const draft = await system.catalogs.createDraft({ from: "json", doc: read("saas.catalog.json") });
await system.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
const quote = read("saas.quote.json");
const pricePath = `/trpc/quotes.price?input=${encodeURIComponent(JSON.stringify({ quote, asOf: "2026-11-20" }))}`;

// The baseline answers with exactly the bytes Tessera answers with.
const auth = { authorization: `Bearer ${token}` };
const feedRes = await fetch(`${url}/v1/catalogs/${draft.catalogId}/versions/1`, { headers: auth });
const feedBytes = Buffer.from(await feedRes.arrayBuffer());
const feedEtag = `"${createHash("sha256").update(feedBytes).digest("hex")}"`;
const priceRes = await fetch(`${url}${pricePath}`, { headers: auth });
if (priceRes.status !== 200)
  throw new Error(`quotes.price answered ${priceRes.status}: ${await priceRes.text()}`);
const priceBytes = Buffer.from(await priceRes.arrayBuffer());

const baseline = createHttpServer((req, res) => {
  if (req.url?.startsWith("/trpc/")) {
    res.writeHead(200, { "content-type": "application/json", "content-length": priceBytes.length });
    res.end(priceBytes);
    return;
  }
  const headers = { etag: feedEtag, "cache-control": "private, max-age=31536000, immutable" };
  if (req.headers["if-none-match"] === feedEtag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": feedBytes.length,
  });
  res.end(feedBytes);
});
await new Promise<void>((resolve) => baseline.listen(0, "127.0.0.1", resolve));
const baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;

process.stdout.write(
  `${JSON.stringify({
    url,
    baselineUrl,
    token,
    feedPath: `/v1/catalogs/${draft.catalogId}/versions/1`,
    feedEtag,
    feedBytes: feedBytes.length,
    pricePath,
  })}\n`,
);
process.on("SIGTERM", () => {
  baseline.close();
  void server.stop(500).then(() => process.exit(0));
});
