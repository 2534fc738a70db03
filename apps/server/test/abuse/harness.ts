/**
 * The fault-and-abuse suite's set-up: the real server over PGlite and, with DATABASE_URL, over
 * PostgreSQL, once as one server and once as two servers on one database (requests alternate
 * between them, as behind a load balancer). Also a raw HTTP client: `fetch` normalises `..` and
 * `%2e` in URLs before sending, and an attacker's client does not.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { type AppRouter, insertToken, openDb, openPgliteFromTemplate, type Role } from "@tessera/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createServer, type ServerOptions, type TesseraServer } from "../../src/server.ts";

export type Setup = "pglite" | "postgres" | "postgres, two servers";
export const setups: Setup[] = process.env.DATABASE_URL
  ? ["pglite", "postgres", "postgres, two servers"]
  : ["pglite"];

export interface Cluster {
  servers: TesseraServer[];
  urls: string[];
  /** What the servers logged as failed requests (500s); the suite expects none. */
  failures: string[];
  tokens: Record<Role, string>;
  /** The next server's URL, round robin. */
  url(): string;
  client(token: string | undefined): ReturnType<typeof createTRPCClient<AppRouter>>;
  close(): Promise<void>;
}

type Extra = Omit<ServerOptions, "db" | "databaseUrl" | "schema" | "dataDir">;

export async function bootCluster(setup: Setup, extra: Extra = {}): Promise<Cluster> {
  const schema = setup === "pglite" ? undefined : `s_${randomBytes(6).toString("hex")}`;
  const db = setup === "pglite" ? await openPgliteFromTemplate() : undefined;
  const failures: string[] = [];
  const base: ServerOptions = {
    webDist: "/nonexistent",
    today: () => "2026-01-15",
    log: (message, error) => {
      failures.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
    ...extra,
  };
  const count = setup === "postgres, two servers" ? 2 : 1;
  const servers: TesseraServer[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer({
      ...base,
      ...(db ? { db } : { databaseUrl: process.env.DATABASE_URL, schema }),
    });
    urls.push((await server.start()).url);
    servers.push(server);
  }
  const tokens = {} as Record<Role, string>;
  for (const role of ["admin", "designer", "seller", "reader"] as Role[])
    tokens[role] = (
      await insertToken(servers[0]!.services.db, { name: `test ${role}`, role, createdBy: null })
    ).token;
  let next = 0;
  const url = () => urls[next++ % urls.length]!;
  return {
    servers,
    urls,
    failures,
    tokens,
    url,
    client: (token) =>
      createTRPCClient<AppRouter>({
        links: [
          httpLink({
            url: `${urls[0]}/trpc`,
            // Each call goes to the next server.
            fetch: (target, init) => fetch(String(target).replace(urls[0]!, url()), init as RequestInit),
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      }) as ReturnType<typeof createTRPCClient<AppRouter>>,
    async close() {
      // Servers stop first, so no background work (the webhook dispatcher) meets a dropped schema.
      for (const s of servers) await s.stop(1_000);
      if (schema) {
        const admin = await openDb({ databaseUrl: process.env.DATABASE_URL });
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
      await db?.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request sent exactly as given (path unnormalised, any method). */
export function raw(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: opts.method ?? "GET", headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** POSTs a tRPC mutation (or GETs a query) and returns status and parsed body. */
export async function call(
  base: string,
  procedure: string,
  input: unknown,
  token: string | undefined,
  method: "GET" | "POST" = "POST",
): Promise<{ status: number; body: { result?: { data: unknown }; error?: TrpcError } }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res =
    method === "POST"
      ? await fetch(`${base}/trpc/${procedure}`, {
          method,
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(input),
        })
      : await fetch(
          `${base}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        );
  return { status: res.status, body: (await res.json()) as never };
}

export interface TrpcError {
  message: string;
  data: { code: string; httpStatus: number; diagnostics: { code: string; pointer: string }[] | null };
}

const examples = fileURLToPath(new URL("../../../../schemas/examples/", import.meta.url));

/** A sample document from schemas/examples (a fresh copy each call). */
export function sample(name: string, kind: "catalog" | "quote" = "catalog"): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${examples}${name}.${kind}.json`, "utf8")) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
}

/** Creates and publishes a sample catalog; returns its id. */
export async function publishSample(run: Cluster, name = "saas"): Promise<string> {
  const designer = run.client(run.tokens.designer);
  const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: sample(name) });
  await designer.catalogs.publish.mutate({ catalogId: draft.catalogId, revision: draft.revision });
  return draft.catalogId;
}
