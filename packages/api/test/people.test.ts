/**
 * Who holds what (issue 12): an admin grants and withdraws the approver capability of a seller
 * token, effective at once; sellers list and revoke the customer tokens they made, never another
 * seller's; admins see and revoke every one. Every change is in the audit log.
 */
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertToken } from "../src/auth/tokens.ts";
import { extrasOf } from "../src/errors.ts";
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

const BLUE = "Blue Harbor Design LLC";
const NORTHWIND = "Northwind Traders GmbH";

const diagnosticsOf = (e: TRPCError) => extrasOf(e)?.diagnostics ?? [];

describe.each(backends)("approver capability and customer tokens on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  /** A second seller, and its token id. */
  let other: { token: string; id: string };

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-12-07" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    await seedCustomers(services);
    const made = await insertToken(t.db, { name: "Second seller", role: "seller", createdBy: null });
    other = { token: made.token, id: made.record.id };
  }, 60_000);
  afterAll(() => t.close());

  it("lets an admin grant and withdraw the approver capability, at once and audited", async () => {
    const admin = await callerFor(services, tokens.admin);
    const seller = await callerFor(services, tokens.seller);
    // Resolve once so the token sits in the cache: the grant must not wait for it to expire.
    expect((await seller.me()).approver).toBe(false);
    expect((await errorOf(seller.approvals.queue())).code).toBe("FORBIDDEN");

    const granted = await admin.tokens.setApprover({ id: tokens.ids.seller, approver: true });
    expect(granted).toMatchObject({ id: tokens.ids.seller, role: "seller", approver: true });
    // A double click changes nothing more and is logged once.
    await admin.tokens.setApprover({ id: tokens.ids.seller, approver: true });
    const now = await callerFor(services, tokens.seller);
    expect((await now.me()).approver).toBe(true);
    expect(Array.isArray(await now.approvals.queue())).toBe(true);
    expect((await admin.tokens.list()).filter((r) => r.approver).map((r) => r.id)).toEqual([
      tokens.ids.seller,
    ]);

    await admin.tokens.setApprover({ id: tokens.ids.seller, approver: false });
    const after = await callerFor(services, tokens.seller);
    expect((await after.me()).approver).toBe(false);
    expect((await errorOf(after.approvals.queue())).code).toBe("FORBIDDEN");

    const trail = await admin.audit.list({ subject: `token:${tokens.ids.seller}` });
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ["token.approver.withdraw", tokens.ids.admin],
      ["token.approver.grant", tokens.ids.admin],
    ]);
  });

  it("gives the capability to seller tokens only, and only an admin may", async () => {
    const admin = await callerFor(services, tokens.admin);
    const designer = await errorOf(admin.tokens.setApprover({ id: tokens.ids.designer, approver: true }));
    expect(designer.code).toBe("BAD_REQUEST");
    expect(designer.message).toContain("only seller tokens");
    const diagnostics = diagnosticsOf(designer);
    expect(diagnostics).toEqual([expect.objectContaining({ pointer: "/id", code: "token.approver-role" })]);
    const self = await errorOf(admin.tokens.setApprover({ id: tokens.ids.admin, approver: false }));
    expect(self.message).toContain("admins always approve");
    const missing = await errorOf(admin.tokens.setApprover({ id: "tok_00", approver: true }));
    expect(missing.code).toBe("NOT_FOUND");
    const seller = await callerFor(services, tokens.seller);
    const refused = await errorOf(seller.tokens.setApprover({ id: tokens.ids.seller, approver: true }));
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("lets a seller list and revoke the customer tokens they made, and not another seller's", async () => {
    const seller = await callerFor(services, tokens.seller);
    const second = await callerFor(services, other.token);
    const admin = await callerFor(services, tokens.admin);
    const mine = await seller.tokens.createForCustomer({ customer: BLUE });
    const theirs = await second.tokens.createForCustomer({ customer: NORTHWIND });

    expect((await seller.tokens.listForCustomers()).map((r) => r.id)).toEqual([mine.record.id]);
    expect((await second.tokens.listForCustomers()).map((r) => r.id)).toEqual([theirs.record.id]);
    expect((await seller.tokens.listForCustomers({ customer: NORTHWIND })).map((r) => r.id)).toEqual([]);
    // An admin sees every customer token (the harness's own customer token too), of one customer when asked.
    const all = (await admin.tokens.listForCustomers()).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([mine.record.id, theirs.record.id, tokens.ids.customer]));
    expect((await admin.tokens.listForCustomers({ customer: BLUE })).map((r) => r.id)).toEqual([
      mine.record.id,
    ]);

    const refused = await errorOf(seller.tokens.revokeForCustomer({ id: theirs.record.id }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("made by another seller");
    // A staff token's id tells a seller nothing (not even its name): the answer of a missing token.
    const staff = await errorOf(seller.tokens.revokeForCustomer({ id: other.id }));
    const missing = await errorOf(seller.tokens.revokeForCustomer({ id: "tok_0000000000000000" }));
    expect(staff.code).toBe("NOT_FOUND");
    expect(missing.code).toBe("NOT_FOUND");
    expect(staff.message.replace(other.id, "ID")).toBe(missing.message.replace("tok_0000000000000000", "ID"));
    // An admin is told what it is.
    const told = await errorOf(admin.tokens.revokeForCustomer({ id: other.id }));
    expect(told.code).toBe("FORBIDDEN");
    expect(told.message).toContain("not a customer portal token");
    // Refusals changed nothing: their portal still opens.
    expect((await (await callerFor(services, theirs.token)).me()).customer).toBe(NORTHWIND);

    const portal = await callerFor(services, mine.token);
    expect((await portal.me()).customer).toBe(BLUE);
    const revoked = await seller.tokens.revokeForCustomer({ id: mine.record.id });
    expect(revoked.revokedAt).not.toBeNull();
    // Again is a no-op that keeps the first time.
    expect((await seller.tokens.revokeForCustomer({ id: mine.record.id })).revokedAt).toBe(revoked.revokedAt);
    expect((await errorOf((await callerFor(services, mine.token)).me())).code).toBe("UNAUTHORIZED");

    // An admin revokes any customer token.
    await admin.tokens.revokeForCustomer({ id: theirs.record.id });
    expect((await errorOf((await callerFor(services, theirs.token)).me())).code).toBe("UNAUTHORIZED");

    const trail = async (id: string) =>
      (await admin.audit.list({ subject: `token:${id}` })).map((e) => [e.action, e.actor]);
    expect(await trail(mine.record.id)).toEqual([
      ["token.revoke", tokens.ids.seller],
      ["token.create", tokens.ids.seller],
    ]);
    expect(await trail(theirs.record.id)).toEqual([
      ["token.revoke", tokens.ids.admin],
      ["token.create", other.id],
    ]);
  });
});
