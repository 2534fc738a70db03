/**
 * First-start seeding. "First start" means the token table is empty: then an admin token is made
 * (TESSERA_ADMIN_TOKEN when set), and, unless demo seeding is off, one token per other role and the
 * sample catalogs, each published as version 1. Tokens are written last, so a start interrupted
 * half-way simply seeds again (catalogs already there are skipped).
 */
import { readdirSync, readFileSync } from "node:fs";
import { appRouter, createCallerFactory, insertToken, type Role, type Services } from "@tessera/api";

export interface Seeded {
  tokens: { role: Role; token: string }[];
  catalogs: { id: string; version: number }[];
}

export interface BootstrapOptions {
  adminToken?: string | undefined;
  demo: boolean;
  examplesDir: string;
  log?: (message: string) => void;
}

/** Seeds a fresh installation; returns what it made, or `undefined` when it was not a first start. */
export async function bootstrap(services: Services, options: BootstrapOptions): Promise<Seeded | undefined> {
  const { db } = services;
  const existing = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM api_tokens");
  if ((existing[0]?.n ?? 0) > 0) return undefined;
  const log = options.log ?? ((m: string) => console.warn(m));

  const catalogs: Seeded["catalogs"] = [];
  if (options.demo) {
    const system = createCallerFactory(appRouter)({
      services,
      principal: { tokenId: "system", name: "first-start seeding", role: "admin" },
      refused: null,
    });
    const present = new Set((await system.catalogs.list({ includeRetired: true })).map((c) => c.id));
    const files = readdirSync(options.examplesDir)
      .filter((f) => f.endsWith(".catalog.json"))
      .sort();
    for (const file of files) {
      const doc = JSON.parse(readFileSync(`${options.examplesDir}/${file}`, "utf8")) as Record<
        string,
        unknown
      >;
      delete doc.$schema;
      const id = typeof doc.id === "string" ? doc.id : file;
      if (present.has(id)) continue;
      try {
        const draft = await system.catalogs.createDraft({ from: "json", doc });
        const v = await system.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
        catalogs.push({ id: v.catalogId, version: v.version });
      } catch (error) {
        log(
          `Sample catalog ${file} was not published: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  const roles: Role[] = options.demo ? ["admin", "designer", "seller", "reader"] : ["admin"];
  const tokens = await db.transaction(async (tx) => {
    const made: Seeded["tokens"] = [];
    for (const role of roles) {
      const given = role === "admin" ? options.adminToken : undefined;
      const { token } = await insertToken(tx, {
        name: role === "admin" ? "first admin" : `demo ${role}`,
        role,
        createdBy: "system",
        token: given,
      });
      made.push({ role, token });
    }
    return made;
  });
  return { tokens, catalogs };
}
