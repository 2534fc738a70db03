/**
 * First-start seeding. "First start" means the token table is empty: then an admin token is made
 * (TESSERA_ADMIN_TOKEN when set), and, unless demo seeding is off, one token per other role, a
 * seller token with the approver capability (a sales manager), and the sample catalogs, each published as version 1. Tokens are written last, so a start interrupted
 * half-way simply seeds again (catalogs already there are skipped).
 *
 * Recovery: the API refuses to revoke the last admin token, but should none be left (revoked in
 * the database by hand, say), a start with TESSERA_ADMIN_TOKEN set adds that token as an admin,
 * audited as `token.recover`. With an active admin present the variable is ignored, so a leaked
 * value cannot mint an admin on a healthy installation.
 */
import { readdirSync, readFileSync } from "node:fs";
import {
  activeAdmins,
  appendAudit,
  appRouter,
  countTokens,
  createCallerFactory,
  findTokenByHash,
  hashToken,
  insertToken,
  type Role,
  type Services,
} from "@tessera/api";

export interface Seeded {
  /** `label` tells apart tokens of one role: the demo sales manager is a seller labelled `approver`. */
  tokens: { role: Role; token: string; label?: string }[];
  catalogs: { id: string; version: number }[];
  /** True when this start only restored an admin token (no admin was left). */
  recovered?: boolean;
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
  if ((await countTokens(db)) > 0) return recover(services, options.adminToken);
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
    if (options.demo) {
      // A sales manager: sells and approves discounts (the approver capability, apps/server/README.md).
      const { token } = await insertToken(tx, {
        name: "demo sales manager",
        role: "seller",
        createdBy: "system",
        approver: true,
      });
      made.push({ role: "seller", token, label: "approver" });
    }
    return made;
  });
  return { tokens, catalogs };
}

/** Adds `adminToken` as an admin when no active admin token is left (see the module comment). */
async function recover(services: Services, adminToken: string | undefined): Promise<Seeded | undefined> {
  if (!adminToken) return undefined;
  return services.db.transaction(async (tx) => {
    if ((await activeAdmins(tx)).length > 0) return undefined;
    if (await findTokenByHash(tx, hashToken(adminToken)))
      throw new Error("TESSERA_ADMIN_TOKEN is a revoked token; choose a new value to recover admin access.");
    const { record } = await insertToken(tx, {
      name: "recovered admin",
      role: "admin",
      createdBy: "system",
      token: adminToken,
    });
    await appendAudit(tx, { actor: "system", action: "token.recover", subject: `token:${record.id}` });
    return { tokens: [{ role: "admin" as Role, token: adminToken }], catalogs: [], recovered: true };
  });
}
