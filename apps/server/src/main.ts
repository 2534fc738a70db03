/**
 * Entry point of the server process (`pnpm start` runs it through scripts/start.mjs).
 * Environment: PORT (default 3000), HOST (default 127.0.0.1), DATABASE_URL (PostgreSQL; otherwise
 * embedded PGlite in TESSERA_DATA_DIR, default <repo>/.data/pglite), TESSERA_ADMIN_TOKEN (the admin
 * token seeded on first start, or added when no admin token is left), TESSERA_DEMO=0 or --no-demo
 * (skip the sample catalogs and demo tokens), TESSERA_RATE_LIMIT (calls per minute per token,
 * "perMinute/burst", or "off"), TESSERA_PUBLIC_ENGINE_RATE (the same for configure and price calls
 * without a token, per address), TESSERA_MAX_BODY_MB (request body limit, default 10) and the
 * engine's limits (TESSERA_MAX_OPTIONS…, TESSERA_ENGINE_BUDGET_MS…; see the README).
 */
import { fileURLToPath } from "node:url";
import { engineOptionsFromEnv } from "@tessera/api";
import { bootstrap } from "./bootstrap.ts";
import { parseTrustedProxies } from "./client-address.ts";
import { parseRateLimit } from "./rate-limit.ts";
import { createServer } from "./server.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const env = process.env;
const demo = !process.argv.includes("--no-demo") && env.TESSERA_DEMO !== "0" && env.TESSERA_DEMO !== "false";
const dataDir = env.TESSERA_DATA_DIR || `${repo}.data/pglite`;

const rateLimit = parseRateLimit(env.TESSERA_RATE_LIMIT);
const publicEngineRate = parseRateLimit(env.TESSERA_PUBLIC_ENGINE_RATE, "TESSERA_PUBLIC_ENGINE_RATE");

const server = createServer({
  ...(rateLimit === undefined ? {} : { rateLimit }),
  ...(publicEngineRate === undefined ? {} : { publicEngineRate }),
  databaseUrl: env.DATABASE_URL,
  dataDir,
  port: env.PORT ? Number(env.PORT) : 3000,
  host: env.HOST || "127.0.0.1",
  ...(Number(env.TESSERA_MAX_BODY_MB) > 0
    ? { maxBodyBytes: Number(env.TESSERA_MAX_BODY_MB) * 1024 * 1024 }
    : {}),
  engine: engineOptionsFromEnv(env, (message) => console.warn(message)),
  trustedProxies: parseTrustedProxies(env.TESSERA_TRUSTED_PROXIES),
});

const { url } = await server.start();
const seeded = await bootstrap(server.services, {
  adminToken: env.TESSERA_ADMIN_TOKEN || undefined,
  demo,
  examplesDir: `${repo}schemas/examples`,
});
console.log(`Tessera is listening on ${url}`);
console.log(
  env.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PGlite in ${dataDir}`,
);
if (seeded?.recovered) {
  console.log("No admin token was left: TESSERA_ADMIN_TOKEN was added as an admin token (audited).");
} else if (seeded) {
  console.log("\nFirst start: these tokens are shown once and stored only as hashes. Keep them.");
  for (const t of seeded.tokens)
    console.log(
      `  ${(t.label ?? t.role).padEnd(15)} ${t.token}${t.customer ? `  (portal of ${t.customer})` : ""}`,
    );
  if (seeded.catalogs.length > 0)
    console.log(
      `Published sample catalogs: ${seeded.catalogs.map((c) => `${c.id} v${c.version}`).join(", ")}`,
    );
  if (seeded.customers.length > 0)
    console.log(`Sample customers with arrangements: ${seeded.customers.join(", ")}`);
  if (seeded.catalogs.some((c) => c.id === "acme-collaborate"))
    console.log(`Public pricing page: ${url}/pricing/acme-collaborate`);
  console.log("");
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    console.log(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: draining connections and closing the database…`);
  try {
    await server.stop();
    console.log("Stopped cleanly.");
    process.exit(0);
  } catch (error) {
    console.error("Shutdown failed:", error);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
