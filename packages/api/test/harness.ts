/**
 * Test harness: every API test file runs against embedded PGlite and, when `DATABASE_URL` is set,
 * against PostgreSQL too, in a schema of its own that is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Role } from "../src/auth/roles.ts";
import { insertToken } from "../src/auth/tokens.ts";
import type { Db } from "../src/db/db.ts";
import { migrate } from "../src/db/migrate.ts";
import { openDb } from "../src/db/open.ts";
import { openPgliteFromTemplate } from "../src/db/template.ts";
import { EngineService } from "../src/engine/service.ts";
import { appRouter } from "../src/router.ts";
import { createServices, type Services, type ServicesOptions } from "../src/services.ts";
import { createCallerFactory, createContext } from "../src/trpc.ts";

export type Backend = "pglite" | "postgres";

/** The databases to run against: PGlite always, PostgreSQL when `DATABASE_URL` is set. */
export const backends: Backend[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

/** A fresh, migrated database on `backend`. */
export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === "pglite") {
    const db = await openPgliteFromTemplate();
    return { db, close: () => db.close() };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const db = await openDb({ databaseUrl: url, schema });
  await migrate(db);
  return {
    db,
    async close() {
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export interface Tokens {
  admin: string;
  designer: string;
  seller: string;
  reader: string;
  account_manager: string;
  /** A portal token of the customer TEST_CUSTOMER. */
  customer: string;
  revoked: string;
  /** Token id of each role's token (for audit assertions). */
  ids: Record<Role, string>;
}

/** The customer the harness's customer token is bound to. */
export const TEST_CUSTOMER = "Test Customer Ltd";

/** One token per role (the customer's bound to TEST_CUSTOMER), plus a revoked designer token. */
export async function seedTokens(db: Db): Promise<Tokens> {
  const make = (role: Role) =>
    insertToken(db, {
      name: `test ${role}`,
      role,
      createdBy: null,
      ...(role === "customer" ? { customer: TEST_CUSTOMER } : {}),
    });
  const [admin, designer, seller, reader, accountManager, customer, revoked] = await Promise.all([
    make("admin"),
    make("designer"),
    make("seller"),
    make("reader"),
    make("account_manager"),
    make("customer"),
    make("designer"),
  ]);
  await db.query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1", [revoked.record.id]);
  return {
    admin: admin.token,
    designer: designer.token,
    seller: seller.token,
    reader: reader.token,
    account_manager: accountManager.token,
    customer: customer.token,
    revoked: revoked.token,
    ids: {
      admin: admin.record.id,
      designer: designer.record.id,
      seller: seller.record.id,
      reader: reader.record.id,
      account_manager: accountManager.record.id,
      customer: customer.record.id,
    },
  };
}

const callerFactory = createCallerFactory(appRouter);

/** An in-process caller acting with `token` (or none). */
export async function callerFor(services: Services, token: string | undefined) {
  return callerFactory(await createContext(services, token === undefined ? undefined : `Bearer ${token}`));
}

/** One engine pool per test file: its workers start once, and idle ones let the process exit. */
const engine = new EngineService({ threads: 2 });

export function servicesFor(db: Db, options: Omit<ServicesOptions, "db"> = {}): Services {
  return createServices({ db, today: () => "2026-01-15", engine, ...options });
}

/** The TRPCError a call fails with; fails the test when the call succeeds or throws anything else. */
export async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}
