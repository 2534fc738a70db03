/**
 * Quote revisions and clones (issue 12): a saved quote is edited as a new revision, the old one
 * kept and viewable but no longer movable; a clone is a new quote with the same selection.
 */
import type { Quote } from "@tessera/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(backends)("quote revisions on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  const quote = sampleDoc("saas", "quote") as unknown as Quote;
  let n = 0;
  const key = () => `revision-key-${++n}`;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => t.close());

  it("saves an edit as revision 2, keeps revision 1 viewable, and lists only the latest", async () => {
    const seller = await callerFor(services, tokens.seller);
    const first = await seller.quotes.save({ idempotencyKey: key(), quote });
    expect(first).toMatchObject({ revision: 1, familyId: first.id, supersededBy: null });
    const edit = { ...first.doc, termMonths: 36 };
    const revKey = key();
    const [second, repeat] = await Promise.all([
      seller.quotes.revise({ id: first.id, idempotencyKey: revKey, quote: edit }),
      seller.quotes.revise({ id: first.id, idempotencyKey: revKey, quote: edit }),
    ]);
    expect(repeat.id).toBe(second.id);
    expect(second).toMatchObject({ revision: 2, familyId: first.id, status: "draft", title: first.title });
    expect(second.doc.termMonths).toBe(36);
    const old = await seller.quotes.get({ id: first.id });
    expect(old).toMatchObject({ revision: 1, supersededBy: second.id, status: "draft" });
    expect(old.doc.termMonths).toBe(12);
    expect((await seller.quotes.revisions({ id: second.id })).map((r) => r.revision)).toEqual([1, 2]);
    const listed = (await seller.quotes.list()).map((q) => q.id);
    expect(listed).toContain(second.id);
    expect(listed).not.toContain(first.id);
    expect((await seller.quotes.list({ revisions: true })).map((q) => q.id)).toContain(first.id);

    const stale = await errorOf(seller.quotes.transition({ id: first.id, to: "sent" }));
    expect(stale.code).toBe("PRECONDITION_FAILED");
    expect(stale.message).toContain("replaced by a later revision");
    const twice = await errorOf(seller.quotes.revise({ id: first.id, idempotencyKey: key(), quote: edit }));
    expect(twice.message).toContain("already revised");
    const audit = await t.db.query<{ action: string; detail: { of: string; revision: number } }>(
      "SELECT action, detail FROM audit_log WHERE subject = $1",
      [`quote:${second.id}`],
    );
    expect(audit).toEqual([
      { action: "quote.revision", detail: expect.objectContaining({ of: first.id, revision: 2 }) },
    ]);
  });

  it("revises a sent quote (the sent one can no longer be accepted), never an accepted one", async () => {
    const seller = await callerFor(services, tokens.seller);
    const sent = await seller.quotes.save({ idempotencyKey: key(), quote });
    await seller.quotes.transition({ id: sent.id, to: "sent" });
    const next = await seller.quotes.revise({ id: sent.id, idempotencyKey: key(), quote: sent.doc });
    expect(next.status).toBe("draft");
    expect((await errorOf(seller.quotes.transition({ id: sent.id, to: "accepted" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    await seller.quotes.transition({ id: next.id, to: "sent" });
    await seller.quotes.transition({ id: next.id, to: "accepted" });
    const refused = await errorOf(
      seller.quotes.revise({ id: next.id, idempotencyKey: key(), quote: next.doc }),
    );
    expect(refused.message).toContain("accepted quote cannot be revised");
  });

  it("a revision that raises the discount asks for approval again", async () => {
    const seller = await callerFor(services, tokens.seller);
    const plain = await seller.quotes.save({ idempotencyKey: key(), quote });
    expect(plain.approval.required).toBe(0);
    const deeper = await seller.quotes.revise({
      id: plain.id,
      idempotencyKey: key(),
      quote: { ...plain.doc, discounts: [{ id: "vip", percent: "20" }] },
    });
    expect(deeper.approval).toMatchObject({ state: "none", required: 1 });
    expect((await errorOf(seller.quotes.transition({ id: deeper.id, to: "sent" }))).message).toContain(
      "needs approval",
    );
  });

  it("clones a quote into a new draft of its own, named as a copy", async () => {
    const seller = await callerFor(services, tokens.seller);
    const original = await seller.quotes.save({
      idempotencyKey: key(),
      quote: { ...quote, title: "Northwind 2027" },
    });
    await seller.quotes.transition({ id: original.id, to: "sent" });
    const cloneKey = key();
    const copy = await seller.quotes.clone({ id: original.id, idempotencyKey: cloneKey });
    expect((await seller.quotes.clone({ id: original.id, idempotencyKey: cloneKey })).id).toBe(copy.id);
    expect(copy).toMatchObject({
      revision: 1,
      familyId: copy.id,
      status: "draft",
      title: "Copy of Northwind 2027",
    });
    expect(copy.doc.picks).toEqual(original.doc.picks);
    expect(copy.price.totals).toEqual(original.price.totals);
    expect((await seller.quotes.get({ id: original.id })).status).toBe("sent");
  });

  it("drops a validity already past from a revision; the quote gets a fresh one when sent", async () => {
    const seller = await callerFor(services, tokens.seller);
    const old = await seller.quotes.save({
      idempotencyKey: key(),
      quote: { ...quote, validUntil: "2026-11-25" },
    });
    await seller.quotes.transition({ id: old.id, to: "sent" });
    const later = await callerFor(servicesFor(t.db, { today: () => "2026-12-10" }), tokens.seller);
    expect((await later.quotes.get({ id: old.id })).status).toBe("expired");
    const revived = await later.quotes.revise({ id: old.id, idempotencyKey: key(), quote: old.doc });
    expect(revived.doc.validUntil).toBeUndefined();
    // 2026-12-10 + 30 days (the sample's validityDays) = 2027-01-09.
    expect((await later.quotes.transition({ id: revived.id, to: "sent" })).doc.validUntil).toBe("2027-01-09");
  });

  it("two different revisions of one quote at once: one wins, the other is refused", async () => {
    const seller = await callerFor(services, tokens.seller);
    const first = await seller.quotes.save({ idempotencyKey: key(), quote });
    const results = await Promise.allSettled([
      seller.quotes.revise({ id: first.id, idempotencyKey: key(), quote: { ...first.doc, termMonths: 36 } }),
      seller.quotes.revise({ id: first.id, idempotencyKey: key(), quote: { ...first.doc, termMonths: 12 } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["CONFLICT", "PRECONDITION_FAILED"]).toContain((refused.reason as { code: string }).code);
    expect((await seller.quotes.revisions({ id: first.id })).map((r) => r.revision)).toEqual([1, 2]);
  });
});
