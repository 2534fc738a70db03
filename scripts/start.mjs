#!/usr/bin/env node
/**
 * `pnpm start`: builds what is missing, then runs the Tessera server (API, feed and web app on one
 * port) from source through tsx, in this process so Ctrl-C reaches the server's clean shutdown.
 *
 * Environment: PORT (default 3000), HOST (default 127.0.0.1), TESSERA_DATA_DIR (embedded database
 * folder, default .data/pglite), DATABASE_URL (use PostgreSQL instead), TESSERA_ADMIN_TOKEN (the admin
 * token seeded on first start), TESSERA_DEMO=0 or `--no-demo` (no sample catalogs or demo tokens).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = dirname(dirname(fileURLToPath(import.meta.url)));

/** Newest modification time of the files under `dir` (skipping builds and dependencies). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    // Tests, stories and end-to-end suites are not part of the built app.
    if (/\.(test|spec|stories)\.[jt]sx?$|^(__tests__|e2e|test-artifacts)$/.test(entry.name)) continue;
    const full = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return max;
}

function pnpm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath?.includes("pnpm"))
    execFileSync(process.execPath, [execPath, ...args], { cwd: repo, stdio: "inherit" });
  else execFileSync("npx", ["--yes", "pnpm@10.34.9", ...args], { cwd: repo, stdio: "inherit" });
}

const web = join(repo, "apps/web");
if (existsSync(join(web, "package.json"))) {
  const index = join(web, "dist/index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newest(web),
    newest(join(repo, "packages/ui/src")),
    newest(join(repo, "packages/engine/src")),
    newest(join(repo, "packages/schema/src")),
  );
  if (sources > built) {
    console.log(built === 0 ? "Building the web app…" : "The web app changed; rebuilding…");
    try {
      pnpm(["--filter", "@tessera/web", "build"]);
    } catch {
      console.error("The web app did not build; starting the API and feed without it.");
    }
  }
}

const { register } = await import("tsx/esm/api");
register();
await import(pathToFileURL(join(repo, "apps/server/src/main.ts")).href);
