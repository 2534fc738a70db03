/**
 * Webhooks on publish, end to end: an admin registers a local receiver, publishes, and the receiver
 * gets a signed `catalog.published` event; failures are retried with backoff from the durable outbox,
 * survive a restart, give up after the last attempt, and can be redelivered; the dispatcher wakes on
 * LISTEN/NOTIFY and when a retry comes due, the poll being only a fallback.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type AppRouter, type Db, insertToken, openDb, openPgliteFromTemplate } from "@tessera/api";
import { verifyWebhook, WebhookSignatureError } from "@tessera/client";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type ServerOptions, type TesseraServer } from "../src/server.ts";
import { backends } from "./harness.ts";

const sample = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url)),
    "utf8",
  ),
) as Record<string, unknown>;
delete sample.$schema;
const catalogId = sample.id as string;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local endpoint that records what it receives and answers the statuses it is told to. */
async function receiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `check` holds (bounded), for work the dispatcher does in the background. */
async function until<T>(what: string, get: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await get();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const fast = { pollMs: 50, backoffSeconds: () => 0.05, maxAttempts: 3 };

describe.each(backends)("webhooks on %s", (backend) => {
  let db: Db;
  let schema: string | undefined;
  let server: TesseraServer;
  let url: string;
  let admin: string;
  let seller: string;

  const start = async (webhooks: NonNullable<ServerOptions["webhooks"]>) => {
    server = createServer({
      db,
      webDist: "/nonexistent",
      today: () => "2026-01-15",
      log: () => {},
      webhooks,
    });
    url = (await server.start()).url;
  };
  const client = (token: string) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${url}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })],
    });
  const publish = async (name: string) => {
    const designer = client(admin);
    const drafts = await designer.catalogs.list.query();
    if (!drafts.some((c) => c.id === catalogId)) {
      const draft = await designer.catalogs.createDraft.mutate({ from: "json", doc: { ...sample, name } });
      return designer.catalogs.publish.mutate({ catalogId, revision: draft.revision });
    }
    const draft = await designer.catalogs.getDraft.query({ catalogId });
    const updated = await designer.catalogs.updateDraft.mutate({
      catalogId,
      revision: draft.revision,
      doc: { ...draft.doc, name },
    });
    return designer.catalogs.publish.mutate({ catalogId, revision: updated.revision });
  };

  beforeAll(async () => {
    if (backend === "pglite") db = await openPgliteFromTemplate();
    else {
      schema = `w_${randomBytes(6).toString("hex")}`;
      db = await openDb({ databaseUrl: process.env.DATABASE_URL, schema });
    }
    await start(fast);
    admin = (await insertToken(server.services.db, { name: "admin", role: "admin", createdBy: null })).token;
    seller = (await insertToken(server.services.db, { name: "seller", role: "seller", createdBy: null }))
      .token;
  });
  afterAll(async () => {
    await server.stop(1_000);
    if (schema) await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  });

  it("registers an endpoint for admins only, shows its secret once, and refuses unsafe URLs", async () => {
    await expect(
      client(seller).webhooks.create.mutate({ url: "https://example.com/h" }),
    ).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    for (const [bad, says] of [
      ["not a url", "is not a URL"],
      ["ftp://example.com/h", "https://"],
      ["http://billing.example.com/h", "must use https://"],
      ["https://user:pw@example.com/h", "credentials"],
    ] as const) {
      const error = (await client(admin)
        .webhooks.create.mutate({ url: bad })
        .catch((e: unknown) => e)) as { message: string; data: { diagnostics: { pointer: string }[] } };
      expect(error.message).toContain(says);
      expect(error.data.diagnostics[0]?.pointer).toBe("/url");
    }
    const created = await client(admin).webhooks.create.mutate({
      url: "https://example.com/h",
      description: "x",
    });
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const listed = await client(admin).webhooks.list.query();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    await client(admin).webhooks.disable.mutate({ id: created.endpoint.id });
  });

  it("sends a signed catalog.published event when a version is published", async () => {
    const hook = await receiver();
    try {
      const { endpoint, secret } = await client(admin).webhooks.create.mutate({ url: hook.url });
      const published = await publish("First");
      await until(
        "the delivery",
        async () => hook.received.length,
        (n) => n >= 1,
      );
      const got = hook.received[0]!;
      const event = await verifyWebhook(secret, got.headers["tessera-signature"] as string, got.body);
      expect(event).toMatchObject({
        type: "catalog.published",
        data: {
          catalogId,
          version: published.version,
          contentHash: published.contentHash,
          url: `/v1/catalogs/${catalogId}/versions/${published.version}`,
        },
      });
      expect(got.headers["tessera-event-id"]).toBe(event.id);
      // Another secret, a changed body, or an old timestamp are all refused.
      await expect(
        verifyWebhook("whsec_other", got.headers["tessera-signature"] as string, got.body),
      ).rejects.toThrow(WebhookSignatureError);
      await expect(
        verifyWebhook(
          secret,
          got.headers["tessera-signature"] as string,
          got.body.replace("catalog", "katalog"),
        ),
      ).rejects.toThrow("does not match");
      await expect(
        verifyWebhook(secret, got.headers["tessera-signature"] as string, got.body, {
          now: Date.now() + 3_600_000,
        }),
      ).rejects.toThrow("s old");
      const log = await client(admin).webhooks.deliveries.query({ endpointId: endpoint.id });
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, eventId: event.id });
      await client(admin).webhooks.disable.mutate({ id: endpoint.id });
    } finally {
      await hook.close();
    }
  });

  it("retries a failing endpoint with backoff, gives up after the last attempt, and redelivers on request", async () => {
    const hook = await receiver();
    try {
      const { endpoint } = await client(admin).webhooks.create.mutate({ url: hook.url });
      hook.answers.push(500, 503);
      await publish("Second");
      const delivered = await until(
        "delivery after two failures",
        () => client(admin).webhooks.deliveries.query({ endpointId: endpoint.id }),
        (log) => log[0]?.status === "delivered",
      );
      expect(delivered[0]).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null });
      expect(hook.received.map((r) => r.headers["tessera-event-id"])).toEqual([
        delivered[0]!.eventId,
        delivered[0]!.eventId,
        delivered[0]!.eventId,
      ]);

      hook.answers.push(500, 500, 500);
      await publish("Third");
      const failed = await until(
        "the delivery to fail for good",
        () => client(admin).webhooks.deliveries.query({ endpointId: endpoint.id }),
        (log) => log[0]?.status === "failed",
      );
      expect(failed[0]).toMatchObject({
        attempts: 3,
        lastStatus: 500,
        lastError: "The endpoint answered 500.",
      });
      await client(admin).webhooks.redeliver.mutate({ id: failed[0]!.id });
      await until(
        "the redelivery",
        () => client(admin).webhooks.deliveries.query({ endpointId: endpoint.id }),
        (log) => log[0]?.status === "delivered",
      );
      const audit = await client(admin).audit.list.query({ subject: `webhook:${endpoint.id}` });
      expect(audit.map((a) => a.action)).toEqual(["webhook.redeliver", "webhook.create"]);
      await client(admin).webhooks.disable.mutate({ id: endpoint.id });
    } finally {
      await hook.close();
    }
  });

  it("keeps queued deliveries across a restart (the outbox is in the database)", async () => {
    const hook = await receiver();
    try {
      const { endpoint } = await client(admin).webhooks.create.mutate({ url: hook.url });
      await server.stop(1_000);
      await start(false); // a server that sends nothing: the event can only wait in the outbox
      await publish("Fourth");
      const waiting = await client(admin).webhooks.deliveries.query({ endpointId: endpoint.id });
      expect(waiting.map((d) => d.status)).toEqual(["pending"]);
      expect(hook.received).toHaveLength(0);
      await server.stop(1_000);
      await start(fast);
      await until(
        "delivery after the restart",
        async () => hook.received.length,
        (n) => n === 1,
      );
      await client(admin).webhooks.disable.mutate({ id: endpoint.id });
      // A disabled endpoint gets nothing more.
      await publish("Fifth");
      await new Promise((r) => setTimeout(r, 300));
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it("wakes on a notification and when a retry comes due, never waiting for the fallback poll", async () => {
    await server.stop(1_000);
    // An hour between polls: only LISTEN/NOTIFY and the retry timer can deliver within the test.
    await start({ pollMs: 3_600_000, backoffSeconds: () => 0.2, maxAttempts: 3 });
    const hook = await receiver();
    try {
      const { endpoint } = await client(admin).webhooks.create.mutate({ url: hook.url });
      hook.answers.push(500);
      await publish("Sixth");
      const delivered = await until(
        "delivery after one failure",
        () => client(admin).webhooks.deliveries.query({ endpointId: endpoint.id }),
        (log) => log[0]?.status === "delivered",
      );
      expect(delivered[0]).toMatchObject({ attempts: 2, lastStatus: 200 });
      expect(hook.received).toHaveLength(2);
      await client(admin).webhooks.disable.mutate({ id: endpoint.id });
    } finally {
      await hook.close();
    }
  });
});
