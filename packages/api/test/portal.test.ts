/**
 * The customer portal. A seller makes a token for one customer; with it the customer sees only
 * their own arrangements and the valid moves the catalog marks self-service, in plain words, and
 * makes them. Every procedure of the API is called with a customer token (the router is
 * enumerated, so a new procedure is covered without editing this file) and is either refused or
 * scoped to that customer.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/router.ts";
import { seedCustomers } from "../src/seed/customers.ts";
import type { Services } from "../src/services.ts";
import { sampleCatalog } from "./fixtures.ts";
import {
  backends,
  callerFor,
  errorOf,
  openTestDb,
  seedTokens,
  servicesFor,
  type TestDb,
  type Tokens,
} from "./harness.ts";

const TODAY = "2026-12-07";
const BLUE = "Blue Harbor Design LLC";
const NORTHWIND = "Northwind Traders GmbH";
const QUANTA = "Quanta Labs Inc.";

type AnyCaller = Record<string, unknown>;
const call = (caller: AnyCaller, path: string, input: unknown): Promise<unknown> =>
  (
    path.split(".").reduce<unknown>((o, k) => (o as AnyCaller)[k], caller) as (i: unknown) => Promise<unknown>
  )(input);

describe.each(backends)("customer portal on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  const ids: Record<string, string> = {};
  const portalToken: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => TODAY });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    for (const m of await seedCustomers(services)) ids[m.customer] = m.arrangementId;
    const seller = await callerFor(services, tokens.seller);
    for (const customer of [BLUE, NORTHWIND])
      portalToken[customer] = (await seller.tokens.createForCustomer({ customer })).token;
  }, 60_000);
  afterAll(() => t.close());

  it("makes a portal token only for a customer that holds an arrangement", async () => {
    const seller = await callerFor(services, tokens.seller);
    const e = await errorOf(seller.tokens.createForCustomer({ customer: "Blue Harbour Design" }));
    expect(e.code).toBe("NOT_FOUND");
    const me = await (await callerFor(services, portalToken[BLUE])).me();
    expect(me).toMatchObject({ role: "customer", customer: BLUE });
  });

  it("shows only the customer's own arrangements, by name", async () => {
    const portal = await callerFor(services, portalToken[BLUE]);
    const account = await portal.portal.account();
    expect(account.customer).toBe(BLUE);
    expect(account.arrangements.map((a) => [a.id, a.packageName])).toEqual([[ids[BLUE], "Team"]]);
  });

  it("offers the valid self-service moves only, with price and proration in words", async () => {
    const seller = await callerFor(services, tokens.seller);
    const all = await seller.arrangements.paths({ id: ids[BLUE]! });
    const valid = all.moves.filter((m) => m.valid).map((m) => m.id);
    // The account team sees a downgrade the catalog does not let customers make themselves.
    expect(valid).toContain("downgrade:collab-starter");
    const portal = await callerFor(services, portalToken[BLUE]);
    const offered = await portal.portal.moves({ id: ids[BLUE]! });
    const offeredIds = offered.moves.map((m) => m.id);
    expect(offeredIds).toContain("upgrade:collab-business");
    expect(offeredIds).toContain("add_on:collab-audit-log");
    expect(offeredIds).not.toContain("downgrade:collab-starter");
    expect(offeredIds.every((id) => valid.includes(id))).toBe(true);
    const upgrade = offered.moves.find((m) => m.id === "upgrade:collab-business")!;
    expect(upgrade.words.when).toBe("Takes effect today.");
    expect(upgrade.words.price).toMatch(
      /^From then on you pay \$[\d,]+\.\d\d a month instead of \$237\.50 a month\.$/,
    );
    // 7 December is Blue Harbor's billing date: the whole new period is charged, the old one credited.
    expect(upgrade.words.proration).toMatch(
      /^You pay \$[\d,]+\.\d\d on 7 December 2026 \(\$[\d,]+\.\d\d for the whole 31-day billing period, less a credit of \$237\.50 for the 31 unused days of your current plan\)\.$/,
    );
  });

  it("honours the add-on flag: an add-on marked not self-service is left to the account team", async () => {
    const seller = await callerFor(services, tokens.seller);
    const all = await seller.arrangements.paths({ id: ids[NORTHWIND]! });
    expect(all.moves.find((m) => m.id === "add_on:collab-compliance-archive")?.valid).toBe(true);
    const portal = await callerFor(services, portalToken[NORTHWIND]);
    const offered = (await portal.portal.moves({ id: ids[NORTHWIND]! })).moves.map((m) => m.id);
    expect(offered).not.toContain("add_on:collab-compliance-archive");
    expect(offered).toContain("add_on:collab-meetings-lite");
  });

  it("applies a self-service upgrade and refuses a move that is not self-service", async () => {
    const portal = await callerFor(services, portalToken[BLUE]);
    const before = await portal.portal.moves({ id: ids[BLUE]! });
    const refused = await errorOf(
      portal.portal.applyMove({
        id: ids[BLUE]!,
        revision: before.revision,
        move: { id: "downgrade:collab-starter" },
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("account manager");
    const { arrangement } = await portal.portal.applyMove({
      id: ids[BLUE]!,
      revision: before.revision,
      move: { id: "upgrade:collab-business" },
    });
    expect(arrangement).toMatchObject({ packageName: "Business", revision: before.revision + 1 });
    const admin = await callerFor(services, tokens.admin);
    const history = await admin.arrangements.history({ id: ids[BLUE]! });
    expect(history.at(-1)).toMatchObject({ action: "upgrade", actor: expect.stringMatching(/^tok_/) });
    const trail = await admin.audit.list({ subject: `arrangement:${ids[BLUE]}` });
    expect(trail[0]).toMatchObject({ action: "arrangement.upgrade", actor: history.at(-1)!.actor });
  });

  it("refuses or scopes every procedure of the API for a customer token", async () => {
    const portal = (await callerFor(services, portalToken[BLUE])) as unknown as AnyCaller;
    const other = ids[QUANTA]!;
    const admin = await callerFor(services, tokens.admin);
    const otherBefore = await admin.arrangements.get({ id: other });
    const quote = (await admin.quotes.list()).at(0);
    // What a curious customer might send anywhere: another customer's ids and names.
    const probe = {
      id: other,
      customer: QUANTA,
      catalogId: "acme-collaborate",
      quoteId: quote?.id,
      revision: 1,
      move: { id: "upgrade:collab-business" },
    };
    /** How each portal procedure is probed, and what scoping means for it. */
    const scoped: Record<string, () => Promise<void>> = {
      me: async () => {
        expect(await call(portal, "me", undefined)).toMatchObject({ role: "customer", customer: BLUE });
      },
      "portal.account": async () => {
        const account = (await call(portal, "portal.account", undefined)) as {
          customer: string;
          arrangements: { id: string }[];
        };
        expect(account.customer).toBe(BLUE);
        expect(account.arrangements.map((a) => a.id)).toEqual([ids[BLUE]]);
      },
      "portal.moves": async () => {
        const e = await errorOf(call(portal, "portal.moves", { id: other }));
        const missing = await errorOf(call(portal, "portal.moves", { id: "arr_00" }));
        expect([e.code, missing.code]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
        // Another customer's arrangement is answered exactly like one that does not exist.
        expect(e.message.replace(other, "ID")).toBe(missing.message.replace("arr_00", "ID"));
      },
      // Anyone may call the public procedures; they read only a catalog marked public, and this
      // one is not (test/public.test.ts covers a public one), so a customer learns nothing here.
      ...Object.fromEntries(
        ["public.catalog", "public.configure", "public.price", "public.requestQuote"].map((path) => [
          path,
          async () => {
            const quote = { catalogId: "acme-collaborate", package: "collab-team" };
            const contact = { name: "A", email: "a@b.co", company: QUANTA };
            const e = await errorOf(
              call(
                portal,
                path,
                path === "public.catalog"
                  ? { catalogId: "acme-collaborate" }
                  : {
                      quote,
                      ...(path === "public.requestQuote" ? { idempotencyKey: "probe-key-1", contact } : {}),
                    },
              ),
            );
            expect(`${path}: ${e.code}`).toBe(`${path}: NOT_FOUND`);
          },
        ]),
      ),
      "portal.applyMove": async () => {
        const { id, revision, move } = probe;
        const e = await errorOf(call(portal, "portal.applyMove", { id, revision, move }));
        expect(e.code).toBe("NOT_FOUND");
      },
    };
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(30);
    for (const path of procedures) {
      const check = scoped[path];
      if (check) {
        await check();
        continue;
      }
      try {
        await call(portal, path, probe);
        expect.fail(`${path} answered a customer token`);
      } catch (e) {
        if (!(e instanceof TRPCError)) throw e;
        expect(`${path}: ${e.code}`).toBe(`${path}: FORBIDDEN`);
      }
    }
    // Nothing of the other customer's changed.
    expect(await admin.arrangements.get({ id: other })).toEqual(otherBefore);
  });
});
