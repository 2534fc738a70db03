/**
 * Every procedure checks its role, and every procedure survives malformed input: a missing,
 * unknown or revoked token is refused with UNAUTHORIZED, a role outside the procedure's list with
 * FORBIDDEN; wrong types, deep nesting and `__proto__` keys get a clear BAD_REQUEST and leave the
 * database exactly as it was.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/auth/roles.ts";
import { appRouter } from "../src/router.ts";
import type { Services } from "../src/services.ts";
import {
  backends,
  callerFor,
  openTestDb,
  seedTokens,
  servicesFor,
  type TestDb,
  type Tokens,
} from "./harness.ts";

const EVERY: Role[] = ["admin", "designer", "seller", "reader", "account_manager", "customer"];
/** Every staff role: customer tokens read nothing but their own portal. */
const ALL: Role[] = ["admin", "designer", "seller", "reader", "account_manager"];
const ACCOUNTS: Role[] = ["admin", "seller", "account_manager"];
const PORTAL: Role[] = ["customer"];
const DESIGN: Role[] = ["admin", "designer"];
const SELL: Role[] = ["admin", "seller"];
const PREVIEW: Role[] = ["admin", "designer", "seller"];
/** Anyone, with or without a token (test/public.test.ts proves nothing else answers without one). */
const ANYONE: Role[] = EVERY;

/** The roles each procedure admits. Adding a procedure without a row here fails the test. */
const ADMITS: Record<string, Role[]> = {
  me: EVERY,
  "catalogs.list": ALL,
  "catalogs.getDraft": DESIGN,
  "catalogs.createDraft": DESIGN,
  "catalogs.updateDraft": DESIGN,
  "catalogs.validate": DESIGN,
  "catalogs.diff": ALL,
  "catalogs.publish": DESIGN,
  "interop.exportVersion": ALL,
  "interop.breakingDiff": ALL,
  "interop.previewPriceSheet": DESIGN,
  "catalogs.listVersions": ALL,
  "catalogs.getVersion": ALL,
  "catalogs.retire": DESIGN,
  "catalogs.setPublic": DESIGN,
  "quotes.configure": PREVIEW,
  "quotes.price": PREVIEW,
  "quotes.save": SELL,
  "quotes.list": SELL,
  "quotes.get": SELL,
  "quotes.transition": SELL,
  "quotes.revise": SELL,
  "quotes.clone": SELL,
  "quotes.revisions": SELL,
  "approvals.request": SELL,
  // Sellers pass the role check, but only approvers (admins, sellers with the approver
  // capability, test/approvals.test.ts) pass the capability check.
  "approvals.decide": ["admin"],
  "approvals.queue": ["admin"],
  "approvals.history": SELL,
  "arrangements.list": ACCOUNTS,
  "arrangements.get": ACCOUNTS,
  "arrangements.paths": ACCOUNTS,
  "arrangements.previewMove": ACCOUNTS,
  "arrangements.applyMove": SELL,
  "arrangements.history": ACCOUNTS,
  "accounts.list": ACCOUNTS,
  "accounts.get": ACCOUNTS,
  "portal.account": PORTAL,
  "portal.moves": PORTAL,
  "portal.applyMove": PORTAL,
  "tokens.list": ["admin"],
  "tokens.create": ["admin"],
  "tokens.createForCustomer": SELL,
  "tokens.revoke": ["admin"],
  "tokens.setApprover": ["admin"],
  "tokens.listForCustomers": SELL,
  "tokens.revokeForCustomer": SELL,
  "public.catalog": ANYONE,
  "public.configure": ANYONE,
  "public.price": ANYONE,
  "public.requestQuote": ANYONE,
  "audit.list": ["admin"],
  "webhooks.list": ["admin"],
  "webhooks.create": ["admin"],
  "webhooks.disable": ["admin"],
  "webhooks.deliveries": ["admin"],
  "webhooks.redeliver": ["admin"],
};

const procedures = Object.keys(appRouter._def.procedures).sort();

type AnyCaller = Record<string, unknown>;
async function call(caller: AnyCaller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as AnyCaller)[k], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

/** A snapshot of every table the API writes. */
async function snapshot(t: TestDb): Promise<string> {
  const tables = [
    "api_tokens",
    "catalogs",
    "drafts",
    "catalog_versions",
    "quotes",
    "arrangements",
    "arrangement_history",
    "audit_log",
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await t.db.query(`SELECT * FROM ${table} ORDER BY 1`);
    parts.push(JSON.stringify(rows));
  }
  return parts.join("\n");
}

function nested(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const MALFORMED: [string, unknown][] = [
  ["a number", 42],
  ["a string", "catalogs"],
  ["an array", [1, 2, 3]],
  ["wrong field types", { catalogId: 7, revision: "one", id: false, quote: 3, doc: [], move: "up" }],
  ["unknown fields", { surprise: true }],
  ["deep nesting", nested(10_000)],
  ["a __proto__ key", JSON.parse('{"__proto__": {"role": "admin"}, "catalogId": "x"}')],
  ["a nested constructor key", { doc: { id: "x", constructor: { prototype: {} } }, catalogId: "x" }],
];

describe.each(backends)("access on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db);
    tokens = await seedTokens(t.db);
  });
  afterAll(() => t.close());

  it("has an access rule for every procedure", () => {
    expect(procedures).toEqual(Object.keys(ADMITS).sort());
  });

  it("refuses missing, unknown and revoked tokens on every procedure", async () => {
    const anonymous = (await callerFor(services, undefined)) as unknown as AnyCaller;
    const unknown = (await callerFor(services, "tsr_not-a-real-token")) as unknown as AnyCaller;
    const revoked = (await callerFor(services, tokens.revoked)) as unknown as AnyCaller;
    for (const path of procedures.filter((p) => !p.startsWith("public."))) {
      for (const caller of [anonymous, unknown, revoked]) {
        expect(`${path}: ${await codeOf(call(caller, path, undefined))}`).toBe(`${path}: UNAUTHORIZED`);
      }
    }
  });

  it("refuses every role a procedure does not admit, and admits the others", async () => {
    const before = await snapshot(t);
    for (const role of EVERY) {
      const caller = (await callerFor(services, tokens[role])) as unknown as AnyCaller;
      for (const path of procedures) {
        const code = await codeOf(call(caller, path, undefined));
        if (ADMITS[path]!.includes(role))
          expect(`${role} ${path}: ${code}`).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
        else expect(`${role} ${path}: ${code}`).toBe(`${role} ${path}: FORBIDDEN`);
      }
    }
    expect(await snapshot(t)).toBe(before);
  });

  it("answers malformed input to every procedure with a clear error and changes nothing", async () => {
    const admin = (await callerFor(services, tokens.admin)) as unknown as AnyCaller;
    const customer = (await callerFor(services, tokens.customer)) as unknown as AnyCaller;
    // These take no input at all, so there is nothing to be malformed.
    const withoutInput = new Set(["me", "tokens.list", "webhooks.list", "portal.account"]);
    const before = await snapshot(t);
    for (const path of procedures) {
      // The portal admits only customer tokens.
      const caller = path.startsWith("portal.") ? customer : admin;
      for (const [what, value] of MALFORMED) {
        try {
          await call(caller, path, value);
          if (!withoutInput.has(path)) expect.fail(`${path} accepted ${what}`);
        } catch (e) {
          if (!(e instanceof TRPCError)) throw e;
          expect(`${path} with ${what}: ${e.code}`).toBe(`${path} with ${what}: BAD_REQUEST`);
          expect(e.message.length).toBeGreaterThan(10);
          expect(e.message).not.toMatch(/at .*\.ts:\d+/);
        }
      }
    }
    expect(await snapshot(t)).toBe(before);
    // And the API still works.
    const me = await call(admin, "me", undefined);
    expect(me).toMatchObject({ role: "admin" });
  });

  it("revokes a token at once", async () => {
    const admin = await callerFor(services, tokens.admin);
    const made = await admin.tokens.create({ name: "short-lived", role: "reader" });
    const reader = await callerFor(services, made.token);
    expect(await reader.me()).toMatchObject({ role: "reader", name: "short-lived" });
    await admin.tokens.revoke({ id: made.record.id });
    expect(await codeOf((await callerFor(services, made.token)).me())).toBe("UNAUTHORIZED");
    const trail = await admin.audit.list({ subject: `token:${made.record.id}` });
    expect(trail.map((e) => e.action)).toEqual(["token.revoke", "token.create"]);
    expect(trail.every((e) => e.actor === tokens.ids.admin)).toBe(true);
    const listed = await admin.tokens.list();
    expect(listed.find((r) => r.id === made.record.id)?.revokedAt).not.toBeNull();
    const stored = await t.db.query<{ token_hash: string }>(
      "SELECT token_hash FROM api_tokens WHERE id = $1",
      [made.record.id],
    );
    expect(stored[0]!.token_hash).not.toContain(made.token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
