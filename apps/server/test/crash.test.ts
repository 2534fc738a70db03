/**
 * A server killed with SIGKILL in the middle of publishing: after a restart the catalog is the old
 * version or the new one, whole, never half of one; and publishing works again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AppRouter, ensurePgliteTemplate } from "@tessera/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("./fixtures/crash-server.ts", import.meta.url));
const cwd = fileURLToPath(new URL("..", import.meta.url));
const token = `tsr_crash_${Date.now()}_test_admin`;
let template = "";

function startChild(
  dataDir: string,
  pause: boolean,
): { child: ChildProcess; ready: Promise<string>; line: (prefix: string) => Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir], {
    cwd,
    env: {
      ...process.env,
      TESSERA_ADMIN_TOKEN: token,
      TESSERA_PAUSE_PUBLISH: pause ? "1" : "0",
      TESSERA_PGLITE_TEMPLATE: template,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const waiters: { prefix: string; resolve: (l: string) => void }[] = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of [...waiters]) {
      const l = out.split("\n").find((x) => x.startsWith(w.prefix));
      if (l) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  let err = "";
  child.stderr!.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const line = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const l = out.split("\n").find((x) => x.startsWith(prefix));
      if (l) return resolve(l);
      waiters.push({ prefix, resolve });
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before "${prefix}": ${err}`)));
    });
  return { child, ready: line("READY ").then((l) => l.slice(6).trim()), line };
}

const clientAt = (url: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });

describe("SIGKILL in the middle of a publish (PGlite data directory)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tessera-crash-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("leaves the old version whole, and publishing works after restart", async () => {
    template = await ensurePgliteTemplate();
    // First life: publish version 1 normally.
    const first = startChild(dataDir, false);
    children.push(first.child);
    const api1 = clientAt(await first.ready);
    const doc = {
      id: "crashy",
      name: "Crashy v1",
      currencies: ["USD"],
      services: [],
      portfolios: [],
      packages: [],
    };
    const d1 = await api1.catalogs.createDraft.mutate({ from: "json", doc });
    const v1 = await api1.catalogs.publish.mutate({ catalogId: "crashy", revision: d1.revision });
    const d2 = await api1.catalogs.updateDraft.mutate({
      catalogId: "crashy",
      revision: d1.revision,
      doc: { ...doc, name: "Crashy v2" },
    });
    first.child.kill("SIGTERM");
    await new Promise((r) => first.child.once("exit", r));

    // Second life: the publish of version 2 stops inside its transaction; kill -9 there.
    const second = startChild(dataDir, true);
    children.push(second.child);
    const api2 = clientAt(await second.ready);
    const publishing = api2.catalogs.publish
      .mutate({ catalogId: "crashy", revision: d2.revision })
      .catch((e: unknown) => e);
    expect(await second.line("PUBLISHING ")).toBe("PUBLISHING 2");
    second.child.kill("SIGKILL");
    await new Promise((r) => second.child.once("exit", r));
    expect(await publishing).toBeInstanceOf(Error);

    // Third life: version 1 is there, whole; version 2 never happened; publishing works.
    const third = startChild(dataDir, false);
    children.push(third.child);
    const url = await third.ready;
    const api3 = clientAt(url);
    const versions = await api3.catalogs.listVersions.query({ catalogId: "crashy" });
    expect(versions.map((v) => v.version)).toEqual([1]);
    const latest = await fetch(`${url}/v1/catalogs/crashy`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await latest.text();
    expect(createHash("sha256").update(body).digest("hex")).toBe(v1.contentHash);
    expect(JSON.parse(body)).toMatchObject({ name: "Crashy v1", version: 1 });
    const draft = await api3.catalogs.getDraft.query({ catalogId: "crashy" });
    expect(draft).toMatchObject({ revision: d2.revision, doc: { name: "Crashy v2" } });
    const v2 = await api3.catalogs.publish.mutate({ catalogId: "crashy", revision: draft.revision });
    expect(v2.version).toBe(2);
    const v2Body = await (
      await fetch(`${url}/v1/catalogs/crashy/versions/2`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(createHash("sha256").update(v2Body).digest("hex")).toBe(v2.contentHash);
    third.child.kill("SIGTERM");
    await new Promise((r) => third.child.once("exit", r));
  }, 240_000);
});
