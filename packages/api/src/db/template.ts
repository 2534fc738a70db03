/**
 * A migrated, empty PGlite database saved as a tarball, so tests can open a fresh database in a
 * fraction of the time `initdb` takes (PGlite's first start runs it; loading a dump skips it).
 * The file is keyed by the PGlite version and the migrations, and written atomically, so parallel
 * test workers share it safely.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Db } from "./db.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { openPglite } from "./pglite.ts";

/** The installed PGlite version (its package.json is not exported, so walk up from its entry). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (dir !== dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return "unknown";
}

function templatePath(): string {
  const version = pgliteVersion();
  const hash = createHash("sha256");
  for (const m of readMigrations()) hash.update(`${m.name}\n${m.sql}\n`);
  return join(tmpdir(), `tessera-pglite-${version}-${hash.digest("hex").slice(0, 16)}.tar`);
}

/** Makes the template when it is missing; returns its path. */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const pg = await PGlite.create();
  const db = await openPglite(undefined, { instance: pg });
  await migrate(db);
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return path;
}

/** A fresh, migrated in-memory database from the template. */
export async function openPgliteFromTemplate(): Promise<Db> {
  const path = await ensurePgliteTemplate();
  const dump = new Blob([readFileSync(path)]);
  const db = await openPglite(undefined, { loadDataDir: dump });
  await migrate(db);
  return db;
}
