/** Boots the server on loopback over PGlite (always) or PostgreSQL (when DATABASE_URL is set). */
import { randomBytes } from "node:crypto";
import {
  type AppRouter,
  type EngineOptions,
  insertToken,
  openPgliteFromTemplate,
  type Role,
} from "@tessera/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { RateLimit } from "../src/rate-limit.ts";
import { createServer, type TesseraServer } from "../src/server.ts";

export type Backend = "pglite" | "postgres";
export const backends: Backend[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface Running {
  server: TesseraServer;
  url: string;
  tokens: Record<Role, string>;
  client(token: string | undefined): ReturnType<typeof createTRPCClient<AppRouter>>;
  close(): Promise<void>;
}

export async function boot(
  backend: Backend,
  options: {
    webDist?: string;
    engine?: Partial<EngineOptions>;
    trustedProxies?: number;
    publicEngineRate?: RateLimit | false;
    publicEngineConcurrency?: number;
  } = {},
): Promise<Running> {
  const schema = backend === "postgres" ? `s_${randomBytes(6).toString("hex")}` : undefined;
  const db = backend === "pglite" ? await openPgliteFromTemplate() : undefined;
  const server = createServer({
    ...(db ? { db } : { databaseUrl: process.env.DATABASE_URL, schema }),
    webDist: options.webDist ?? "/nonexistent",
    today: () => "2026-01-15",
    log: () => {},
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
    ...(options.publicEngineRate !== undefined ? { publicEngineRate: options.publicEngineRate } : {}),
    ...(options.publicEngineConcurrency ? { publicEngineConcurrency: options.publicEngineConcurrency } : {}),
  });
  const { url } = await server.start();
  const tokens = {} as Record<Role, string>;
  for (const role of ["admin", "designer", "seller", "reader", "account_manager", "customer"] as Role[]) {
    tokens[role] = (
      await insertToken(server.services.db, {
        name: `test ${role}`,
        role,
        createdBy: null,
        ...(role === "customer" ? { customer: "Test Customer Ltd" } : {}),
      })
    ).token;
  }
  return {
    server,
    url,
    tokens,
    client: (token) =>
      createTRPCClient<AppRouter>({
        links: [
          httpLink({
            url: `${url}/trpc`,
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      }),
    async close() {
      if (schema) await server.services.db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await server.stop(1_000);
      await db?.close();
    },
  };
}
