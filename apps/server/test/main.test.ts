/**
 * The real entry point: first start seeds the admin token from TESSERA_ADMIN_TOKEN (demo seeding
 * off with --no-demo), Ctrl-C (SIGINT) drains and closes the database cleanly, and a restart on the
 * same data directory keeps everything and prints no new tokens.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePgliteTemplate, openPglite } from "@tessera/api";
import { afterAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const cwd = fileURLToPath(new URL("..", import.meta.url));
const adminToken = "tsr_main-test-admin-token-0123456789";

interface Life {
  child: ChildProcess;
  url: Promise<string>;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string): Life {
  const child = spawn(process.execPath, ["--import", "tsx", main, "--no-demo"], {
    cwd,
    env: {
      ...process.env,
      PORT: "0",
      TESSERA_DATA_DIR: dataDir,
      TESSERA_ADMIN_TOKEN: adminToken,
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited: ${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}

describe("pnpm start's server process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tessera-main-"));
  const lives: ChildProcess[] = [];
  afterAll(() => {
    for (const c of lives) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds once, stops cleanly on SIGINT and restarts with its data", async () => {
    // Start from the migrated template so the test does not pay for initdb.
    const db = await openPglite(dataDir, {
      loadDataDir: new Blob([readFileSync(await ensurePgliteTemplate())]),
    });
    await db.close();

    const first = start(dataDir);
    lives.push(first.child);
    const url = await first.url;
    const me = await fetch(`${url}/trpc/me`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(((await me.json()) as { result: { data: { role: string } } }).result.data.role).toBe("admin");
    expect(first.output()).toContain(adminToken);
    expect(first.output()).not.toMatch(/designer\s+tsr_/);
    const list = await fetch(`${url}/trpc/catalogs.list`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await list.json()) as { result: { data: unknown[] } }).result.data).toEqual([]);
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("Stopped cleanly.");

    const second = start(dataDir);
    lives.push(second.child);
    const url2 = await second.url;
    const again = await fetch(`${url2}/trpc/me`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(again.status).toBe(200);
    expect(second.output()).not.toContain("First start");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 240_000);
});
