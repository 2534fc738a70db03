/**
 * Discount approvals (issue 12), after Salesforce CPQ's advanced approvals, on the saas sample's
 * tiers: above 15% one approver (Sales manager), above 25% two distinct approvers. Every step:
 * permission, double submit, and the audit log.
 */
import type { Quote } from "@tessera/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertToken } from "../src/auth/tokens.ts";
import type { Services } from "../src/services.ts";
import { sampleCatalog, sampleDoc } from "./fixtures.ts";
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

describe.each(backends)("approvals on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  /** Two sales managers: seller tokens with the approver capability. */
  let managers: { token: string; id: string }[];
  const base = sampleDoc("saas", "quote") as unknown as Quote;
  const discounted = (percent: string): Quote => ({
    ...base,
    discounts: [{ id: "vip", description: "Strategic logo", percent, appliesTo: "recurring" }],
  });
  let n = 0;
  const key = () => `approval-key-${++n}`;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    managers = await Promise.all(
      ["manager one", "manager two"].map(async (name) => {
        const made = await insertToken(t.db, { name, role: "seller", createdBy: null, approver: true });
        return { token: made.token, id: made.record.id };
      }),
    );
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => t.close());

  it("request → approve → send → accept, each step once however often it is clicked, all audited", async () => {
    const seller = await callerFor(services, tokens.seller);
    const manager = await callerFor(services, managers[0]!.token);
    const saved = await seller.quotes.save({ idempotencyKey: key(), quote: discounted("20") });
    expect(saved.approval).toEqual({ state: "none", required: 1, tier: "Sales manager", round: 0 });
    // 20% off the recurring charges for the year; its share of the list value of the term.
    expect(Number(saved.discountImpact.percentOfList)).toBeGreaterThan(0);
    expect(Number(saved.discountImpact.percentOfList)).toBeLessThanOrEqual(20);

    const unsent = await errorOf(seller.quotes.transition({ id: saved.id, to: "sent" }));
    expect(unsent.code).toBe("PRECONDITION_FAILED");
    expect(unsent.message).toContain("needs approval before it is sent");
    expect(unsent.message).toContain("more than 15% needs approval by one approver (Sales manager)");

    const note = "Competitive displacement of their current vendor; 3-year expansion expected.";
    const [a, b] = await Promise.all([
      seller.approvals.request({ id: saved.id, note }),
      seller.approvals.request({ id: saved.id, note }),
    ]);
    expect(a.approval.state).toBe("pending");
    expect(b.approval).toEqual(a.approval);
    expect((await seller.approvals.request({ id: saved.id, note })).approval.round).toBe(1);

    const queue = await manager.approvals.queue();
    const item = queue.find((p) => p.quote.id === saved.id);
    expect(item).toMatchObject({
      note,
      requestedBy: tokens.ids.seller,
      requestedByName: "test seller",
      approvalsGiven: 0,
      mine: false,
      myDecision: null,
      quote: { title: "Northwind Traders GmbH — Business", customer: "Northwind Traders GmbH" },
    });
    expect(item!.quote.price.reasons.join(" ")).toContain("20% off recurring charges");

    // Plain sellers can neither see the queue nor decide.
    expect((await errorOf(seller.approvals.queue())).code).toBe("FORBIDDEN");
    expect(
      (await errorOf(seller.approvals.decide({ id: saved.id, decision: "approve", comment: "" }))).code,
    ).toBe("FORBIDDEN");

    const [x, y] = await Promise.all([
      manager.approvals.decide({ id: saved.id, decision: "approve", comment: "OK for this logo." }),
      manager.approvals.decide({ id: saved.id, decision: "approve", comment: "OK for this logo." }),
    ]);
    expect(x.approval.state).toBe("approved");
    expect(y.approval.state).toBe("approved");
    expect(
      (await manager.approvals.decide({ id: saved.id, decision: "approve", comment: "again" })).approval
        .state,
    ).toBe("approved");
    expect((await manager.approvals.queue()).some((p) => p.quote.id === saved.id)).toBe(false);

    const sent = await seller.quotes.transition({ id: saved.id, to: "sent" });
    expect(sent.status).toBe("sent");
    expect((await seller.quotes.transition({ id: saved.id, to: "sent" })).updatedAt).toBe(sent.updatedAt);
    const [acc1, acc2] = await Promise.all([
      seller.quotes.transition({ id: saved.id, to: "accepted" }),
      seller.quotes.transition({ id: saved.id, to: "accepted" }),
    ]);
    expect(acc1.status).toBe("accepted");
    expect(acc2.arrangementId).toBe(acc1.arrangementId);
    const again = await seller.quotes.transition({ id: saved.id, to: "accepted" });
    expect(again.arrangementId).toBe(acc1.arrangementId);
    const arrangements = await t.db.query("SELECT id FROM arrangements WHERE quote_id = $1", [saved.id]);
    expect(arrangements).toHaveLength(1);

    const history = await seller.approvals.history({ id: saved.id });
    expect(history.map((e) => [e.action, e.actorName, e.note])).toEqual([
      ["request", "test seller", note],
      ["approve", "manager one", "OK for this logo."],
    ]);
    const audit = await t.db.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE subject = $1 ORDER BY id",
      [`quote:${saved.id}`],
    );
    expect(audit.map((r) => r.action)).toEqual([
      "quote.create",
      "quote.approval.request",
      "quote.approval.approve",
      "quote.sent",
      "quote.accepted",
    ]);
    expect(audit[2]!.actor).toBe(managers[0]!.id);
  });

  it("needs two distinct approvers above the second tier; an approver cannot decide their own request", async () => {
    const one = await callerFor(services, managers[0]!.token);
    const two = await callerFor(services, managers[1]!.token);
    const admin = await callerFor(services, tokens.admin);
    // Manager one sells this one and asks for approval: the others must decide.
    const saved = await one.quotes.save({ idempotencyKey: key(), quote: discounted("30") });
    expect(saved.approval.required).toBe(2);
    expect(saved.approval.tier).toBe("Sales manager and finance");
    await one.approvals.request({ id: saved.id, note: "Multi-year deal." });
    expect((await one.approvals.queue()).find((p) => p.quote.id === saved.id)?.mine).toBe(true);
    const own = await errorOf(one.approvals.decide({ id: saved.id, decision: "approve", comment: "" }));
    expect(own.code).toBe("FORBIDDEN");
    expect(own.message).toContain("another approver must decide it");

    const first = await two.approvals.decide({
      id: saved.id,
      decision: "approve",
      comment: "Fine by sales.",
    });
    expect(first.approval.state).toBe("pending");
    // The same approver twice does not count twice.
    expect(
      (await two.approvals.decide({ id: saved.id, decision: "approve", comment: "" })).approval.state,
    ).toBe("pending");
    expect((await admin.approvals.queue()).find((p) => p.quote.id === saved.id)?.approvalsGiven).toBe(1);
    // The queue tells each approver whether they already decided, so nobody approves twice for nothing.
    expect((await two.approvals.queue()).find((p) => p.quote.id === saved.id)?.myDecision).toBe("approve");
    expect((await admin.approvals.queue()).find((p) => p.quote.id === saved.id)?.myDecision).toBeNull();
    expect((await errorOf(one.quotes.transition({ id: saved.id, to: "sent" }))).message).toContain(
      "waiting for approval",
    );
    const second = await admin.approvals.decide({
      id: saved.id,
      decision: "approve",
      comment: "Finance OK.",
    });
    expect(second.approval.state).toBe("approved");
    expect((await one.quotes.transition({ id: saved.id, to: "sent" })).status).toBe("sent");
  });

  it("a rejection needs a comment, blocks sending, and a new request opens a new round", async () => {
    const seller = await callerFor(services, tokens.seller);
    const manager = await callerFor(services, managers[0]!.token);
    const saved = await seller.quotes.save({ idempotencyKey: key(), quote: discounted("20") });
    await seller.approvals.request({ id: saved.id, note: "Please." });
    const bare = await errorOf(manager.approvals.decide({ id: saved.id, decision: "reject", comment: "  " }));
    expect(bare.code).toBe("BAD_REQUEST");
    const rejected = await manager.approvals.decide({
      id: saved.id,
      decision: "reject",
      comment: "Too deep for a one-year term; 15% at most.",
    });
    expect(rejected.approval.state).toBe("rejected");
    expect(
      (await manager.approvals.decide({ id: saved.id, decision: "reject", comment: "x" })).approval.state,
    ).toBe("rejected");
    const approveLate = await errorOf(
      manager.approvals.decide({ id: saved.id, decision: "approve", comment: "" }),
    );
    expect(approveLate.code).toBe("PRECONDITION_FAILED");
    const blocked = await errorOf(seller.quotes.transition({ id: saved.id, to: "sent" }));
    expect(blocked.message).toContain("was rejected");
    const again = await seller.approvals.request({
      id: saved.id,
      note: "Customer signs a 3-year term instead.",
    });
    expect(again.approval).toMatchObject({ state: "pending", round: 2 });
    const approved = await manager.approvals.decide({
      id: saved.id,
      decision: "approve",
      comment: "OK now.",
    });
    expect(approved.approval.state).toBe("approved");
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject = $1 ORDER BY id",
      [`quote:${saved.id}`],
    );
    expect(audit.map((r) => r.action)).toEqual([
      "quote.create",
      "quote.approval.request",
      "quote.approval.reject",
      "quote.approval.request",
      "quote.approval.approve",
    ]);
  });

  it("refuses a request for a quote that needs none, and for one already sent", async () => {
    const seller = await callerFor(services, tokens.seller);
    const plain = await seller.quotes.save({ idempotencyKey: key(), quote: base });
    expect(plain.approval.required).toBe(0);
    const none = await errorOf(seller.approvals.request({ id: plain.id, note: "" }));
    expect(none.code).toBe("PRECONDITION_FAILED");
    expect(none.message).toContain("needs no approval");
    await seller.quotes.transition({ id: plain.id, to: "sent" });
    expect((await errorOf(seller.approvals.request({ id: plain.id, note: "" }))).message).toContain(
      "past approval",
    );
  });

  it("gives the approver capability only to seller and admin tokens", async () => {
    const admin = await callerFor(services, tokens.admin);
    const err = await errorOf(admin.tokens.create({ name: "r", role: "reader", approver: true }));
    expect(err.code).toBe("BAD_REQUEST");
    const made = await admin.tokens.create({ name: "sales manager", role: "seller", approver: true });
    expect(made.record.approver).toBe(true);
    expect(await (await callerFor(services, made.token)).me()).toMatchObject({
      role: "seller",
      approver: true,
    });
    expect(await (await callerFor(services, tokens.seller)).me()).toMatchObject({ approver: false });
    expect(await admin.me()).toMatchObject({ approver: true });
  });

  it("a pending request on a revised quote leaves the queue and can no longer be decided", async () => {
    const seller = await callerFor(services, tokens.seller);
    const manager = await callerFor(services, managers[0]!.token);
    const saved = await seller.quotes.save({ idempotencyKey: key(), quote: discounted("20") });
    await seller.approvals.request({ id: saved.id, note: "" });
    const next = await seller.quotes.revise({ id: saved.id, idempotencyKey: key(), quote: discounted("12") });
    expect(next.approval.required).toBe(0);
    expect((await manager.approvals.queue()).some((p) => p.quote.id === saved.id)).toBe(false);
    const late = await errorOf(manager.approvals.decide({ id: saved.id, decision: "approve", comment: "" }));
    expect(late.message).toContain("later revision");
    expect((await seller.quotes.transition({ id: next.id, to: "sent" })).status).toBe("sent");
  });
});
