import { Decimal } from "@tessera/engine";
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

describe.each(backends)("arrangements on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  let arrangementId: string;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    const admin = await callerFor(services, tokens.admin);
    const quote = { ...sampleDoc("saas", "quote"), discounts: [] } as unknown as Quote;
    const saved = await admin.quotes.save({ idempotencyKey: "arrangement-quote", quote });
    await admin.quotes.transition({ id: saved.id, to: "sent" });
    const accepted = await admin.quotes.transition({ id: saved.id, to: "accepted" });
    arrangementId = accepted.arrangementId!;
  });
  afterAll(() => t.close());

  it("lists every move from the arrangement, valid or blocked with reasons", async () => {
    const seller = await callerFor(services, tokens.seller);
    const got = await seller.arrangements.get({ id: arrangementId });
    expect(got).toMatchObject({ id: arrangementId, revision: 1, doc: { package: "collab-business" } });
    const result = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    expect(result.problems).toEqual([]);
    expect(result.catalogVersion).toBe(1);
    expect(result.moves.length).toBeGreaterThan(0);
    for (const m of result.moves.filter((x) => !x.valid)) expect(m.reasons.length).toBeGreaterThan(0);
    expect(result.moves.some((m) => m.kind === "terminate")).toBe(true);
    expect((await seller.arrangements.list()).map((a) => a.id)).toContain(arrangementId);
  });

  it("applies a valid move, records it in the history, and refuses a stale revision", async () => {
    const seller = await callerFor(services, tokens.seller);
    const { moves, revision } = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    const move = moves.find((m) => m.valid && m.kind !== "terminate") ?? moves.find((m) => m.valid)!;
    const request = {
      id: move.id,
      ...(move.quantity ? { quantity: move.quantity.min } : {}),
      ...(move.kind === "renew" && move.term ? { termMonths: move.term.months } : {}),
    };
    const applied = await seller.arrangements.applyMove({
      id: arrangementId,
      revision,
      move: request,
      asOf: "2027-01-15",
    });
    expect(applied.arrangement.revision).toBe(revision + 1);
    expect(applied.move.id).toBe(move.id);
    const stale = await errorOf(
      seller.arrangements.applyMove({ id: arrangementId, revision, move: request, asOf: "2027-01-15" }),
    );
    expect(stale.code).toBe("CONFLICT");
    const history = await seller.arrangements.history({ id: arrangementId });
    expect(history.map((h) => h.revision)).toEqual([1, 2]);
    expect(history[0]!.action).toBe("create");
    // The move is recorded as of the date it was made for, not the day the button was pressed.
    expect(history[1]!).toMatchObject({ action: move.kind, move: { id: move.id }, asOf: "2027-01-15" });
    expect(history[0]!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(history[1]!.doc).toEqual(applied.arrangement.doc);
  });

  it("refuses a blocked or unknown move with the engine's reasons and changes nothing", async () => {
    const seller = await callerFor(services, tokens.seller);
    const { moves, revision } = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    const blocked = moves.find((m) => !m.valid);
    const target = blocked ? blocked.id : "upgrade:nowhere";
    const err = await errorOf(
      seller.arrangements.applyMove({
        id: arrangementId,
        revision,
        move: { id: target },
        asOf: "2027-01-15",
      }),
    );
    expect(err.code).toBe("PRECONDITION_FAILED");
    const diagnostics = (err.cause as unknown as { extras: { diagnostics: { message: string }[] } }).extras
      .diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    if (blocked) expect(diagnostics.map((d) => d.message)).toEqual(blocked.reasons);
    expect((await seller.arrangements.get({ id: arrangementId })).revision).toBe(revision);
  });

  it("renews with new quantities, and refuses quantities that are not whole numbers by component", async () => {
    const seller = await callerFor(services, tokens.seller);
    const { moves, revision } = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    const renew = moves.find((m) => m.kind === "renew" && m.valid)!;
    const seats = moves.find((m) => m.id === "change_quantity:biz-seats")!.quantity!;
    const wanted = seats.current + seats.step * 5;
    const malformed = await errorOf(
      seller.arrangements.applyMove({
        id: arrangementId,
        revision,
        move: { id: renew.id, quantities: { "biz-seats": 2.5 } },
        asOf: "2027-01-15",
      }),
    );
    expect(malformed.code).toBe("BAD_REQUEST");
    const applied = await seller.arrangements.applyMove({
      id: arrangementId,
      revision,
      move: { id: renew.id, quantities: { "biz-seats": wanted } },
      asOf: "2027-01-15",
    });
    expect(applied.arrangement.doc.quantities?.["biz-seats"]).toBe(wanted);
    expect(applied.move.notes).toContain(`Seats: ${seats.current} → ${wanted} from ${renew.effectiveDate}.`);
  });
  it("terminates on a chosen date and uncancels it, each recorded as of its date", async () => {
    const seller = await callerFor(services, tokens.seller);
    const { revision } = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    const cancelled = await seller.arrangements.applyMove({
      id: arrangementId,
      revision,
      move: { id: "terminate", date: "2027-06-01" },
      asOf: "2027-01-15",
    });
    expect(cancelled.arrangement.doc).toMatchObject({
      status: "pending_termination",
      terminationDate: "2027-06-01",
    });
    const after = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-20" });
    expect(after.moves.find((m) => m.id === "uncancel")).toMatchObject({ valid: true, kind: "uncancel" });
    const kept = await seller.arrangements.applyMove({
      id: arrangementId,
      revision: after.revision,
      move: { id: "uncancel" },
      asOf: "2027-01-20",
    });
    expect(kept.arrangement.doc.status).toBe("active");
    expect(kept.arrangement.doc.terminationDate).toBeUndefined();
    const history = await seller.arrangements.history({ id: arrangementId });
    expect(history.slice(-2).map((h) => [h.action, h.asOf])).toEqual([
      ["terminate", "2027-01-15"],
      ["uncancel", "2027-01-20"],
    ]);
    const bad = await errorOf(
      seller.arrangements.applyMove({
        id: arrangementId,
        revision: kept.arrangement.revision,
        move: { id: "terminate", date: "2027-02-30" },
        asOf: "2027-01-20",
      }),
    );
    // Refused at the input, located, as every impossible date is (never a 500).
    expect(bad.code).toBe("BAD_REQUEST");
  });
  it("previews an add-on removal on a chosen date with the numbers applying it gives", async () => {
    const seller = await callerFor(services, tokens.seller);
    const asOf = "2027-02-10";
    const { moves, revision } = await seller.arrangements.paths({ id: arrangementId, asOf });
    const remove = moves.find((m) => m.kind === "remove_add_on" && m.valid)!;
    const request = { id: remove.id, date: "2027-03-01" };
    const preview = await seller.arrangements.previewMove({ id: arrangementId, move: request, asOf });
    if (!preview.ok) throw new Error(preview.reasons.join(" "));
    expect(preview.move.effectiveDate).toBe("2027-03-01");
    const early = await seller.arrangements.previewMove({
      id: arrangementId,
      move: { id: remove.id, date: "2027-01-01" },
      asOf,
    });
    expect(early.ok).toBe(false);
    // Nothing was saved by previewing.
    expect((await seller.arrangements.get({ id: arrangementId })).revision).toBe(revision);
    const applied = await seller.arrangements.applyMove({ id: arrangementId, revision, move: request, asOf });
    expect(applied.move).toEqual(preview.move);
  });
});

describe.each(backends)("catalog versions for arrangements on %s (Kill Bill grandfathering)", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  let arrangementId: string;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const v1 = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: v1.catalogId, revision: v1.revision });
    const admin = await callerFor(services, tokens.admin);
    const quote = { ...sampleDoc("saas", "quote"), discounts: [] } as unknown as Quote;
    const saved = await admin.quotes.save({ idempotencyKey: "versions-quote", quote });
    await admin.quotes.transition({ id: saved.id, to: "sent" });
    arrangementId = (await admin.quotes.transition({ id: saved.id, to: "accepted" })).arrangementId!;
    // Version 2: every EUR price of the held package's flat charges goes up; it reaches existing
    // customers from 2027-03-01.
    const doc = sampleCatalog("saas") as {
      effectiveDate?: string;
      existingSubscriptionsFrom?: string;
      packages: {
        id: string;
        charges: { model: string; pricePoints: { currency: string; amount?: string }[] }[];
      }[];
    };
    doc.effectiveDate = "2026-12-01";
    doc.existingSubscriptionsFrom = "2027-03-01";
    for (const c of doc.packages.find((p) => p.id === "collab-business")!.charges)
      if (c.model === "flat")
        for (const pp of c.pricePoints)
          if (pp.currency === "EUR" && pp.amount)
            pp.amount = Decimal.parse(pp.amount).add(Decimal.parse("100")).toFixed(2);
    // Publishing leaves the draft in place: replacing it names its revision.
    const v2 = await designer.catalogs.createDraft({ from: "json", doc, revision: v1.revision });
    await designer.catalogs.publish({ catalogId: v2.catalogId, revision: v2.revision });
  });
  afterAll(() => t.close());

  it("prices any other move from the version the arrangement was sold on, and keeps it there", async () => {
    // Version 2 (in force from 2026-12-01) raises the flat EUR charges of Business by 100.00 but
    // reaches existing customers only from 2027-03-01. On 2027-01-15 one more seat costs what it
    // costs on version 1: 61 seats in the 0–100 volume tier at 220.00 a year, less the 12-month
    // term's 8% commitment discount (8% of 31,854.00 = 2,548.32 instead of 8% of 31,634.00 =
    // 2,530.72, so 17.60 more): +202.40 on the recurring price, with no flat charge raised (on
    // version 2 it would also carry 3 × 100.00 × 0.92 more); the arrangement stays on version 1.
    const seller = await callerFor(services, tokens.seller);
    const during = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    expect(during.catalogVersion).toBe(1);
    const record = await seller.arrangements.get({ id: arrangementId });
    const seats = during.moves.find((m) => m.id === "change_quantity:biz-seats")!;
    const applied = await seller.arrangements.applyMove({
      id: arrangementId,
      revision: during.revision,
      move: { id: seats.id, quantity: 61 },
      asOf: "2027-01-15",
    });
    const expected = Decimal.parse(record.doc.recurring!).add(Decimal.parse("202.40")).toFixed(2);
    expect(applied.move.newRecurring).toBe(expected);
    expect(applied.arrangement.doc.catalogVersion).toBe(1);
    expect(applied.arrangement.doc.recurring).toBe(expected);
  });

  it("keeps the arrangement on version 1 and offers change_version:2 once version 2 is in force", async () => {
    const seller = await callerFor(services, tokens.seller);
    const before = await seller.arrangements.paths({ id: arrangementId, asOf: "2026-11-25" });
    expect(before.catalogVersion).toBe(1);
    expect(before.moves.some((m) => m.kind === "change_version")).toBe(false);
    const during = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    expect(during.catalogVersion).toBe(1);
    const change = during.moves.find((m) => m.id === "change_version:2")!;
    expect(change).toMatchObject({ valid: true, timing: "next_billing_date", proration: [] });
    expect(change.notes[0]).toMatch(/^Prices of catalog version 2 apply from \d{4}-\d{2}-\d{2}: /);
    const applied = await seller.arrangements.applyMove({
      id: arrangementId,
      revision: during.revision,
      move: { id: change.id },
      asOf: "2027-01-15",
    });
    expect(applied.arrangement.doc.catalogVersion).toBe(2);
    expect(applied.arrangement.doc.recurring).toBe(change.newRecurring);
  });

  it("evaluates on version 2 once it reaches existing customers", async () => {
    const seller = await callerFor(services, tokens.seller);
    const later = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-03-02" });
    expect(later.catalogVersion).toBe(2);
    expect(later.moves.some((m) => m.kind === "change_version")).toBe(false);
  });
});

describe.each(backends)("an intermediate catalog version reaching existing customers on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  let arrangementId: string;

  /** The saas sample with each flat EUR charge of Business raised by `by`, and its dates. */
  function raised(by: string, effectiveDate: string, existingSubscriptionsFrom: string) {
    const doc = sampleCatalog("saas") as {
      effectiveDate?: string;
      existingSubscriptionsFrom?: string;
      packages: {
        id: string;
        charges: { model: string; pricePoints: { currency: string; amount?: string }[] }[];
      }[];
    };
    doc.effectiveDate = effectiveDate;
    doc.existingSubscriptionsFrom = existingSubscriptionsFrom;
    for (const c of doc.packages.find((p) => p.id === "collab-business")!.charges)
      if (c.model === "flat")
        for (const pp of c.pricePoints)
          if (pp.currency === "EUR" && pp.amount)
            pp.amount = Decimal.parse(pp.amount).add(Decimal.parse(by)).toFixed(2);
    return doc;
  }

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const v1 = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: v1.catalogId, revision: v1.revision });
    const admin = await callerFor(services, tokens.admin);
    const quote = { ...sampleDoc("saas", "quote"), discounts: [] } as unknown as Quote;
    const saved = await admin.quotes.save({ idempotencyKey: "three-versions-quote", quote });
    await admin.quotes.transition({ id: saved.id, to: "sent" });
    arrangementId = (await admin.quotes.transition({ id: saved.id, to: "accepted" })).arrangementId!;
    // Version 2 reaches existing customers from 2027-02-01; version 3, in force from 2027-01-01,
    // only from 2027-06-01.
    const v2 = await designer.catalogs.createDraft({
      from: "json",
      doc: raised("100", "2026-12-01", "2027-02-01"),
      revision: v1.revision,
    });
    await designer.catalogs.publish({ catalogId: v2.catalogId, revision: v2.revision });
    const v3 = await designer.catalogs.createDraft({
      from: "json",
      doc: raised("200", "2027-01-01", "2027-06-01"),
      revision: v2.revision,
    });
    await designer.catalogs.publish({ catalogId: v3.catalogId, revision: v3.revision });
  });
  afterAll(() => t.close());

  it("stays on version 1 until version 2 reaches it, offering the newest version in force", async () => {
    const seller = await callerFor(services, tokens.seller);
    const before = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-01-15" });
    expect(before.catalogVersion).toBe(1);
    expect(before.moves.filter((m) => m.kind === "change_version").map((m) => m.id)).toEqual([
      "change_version:3",
    ]);
  });

  it("prices on version 2 once it reaches existing customers, though version 3 does not yet", async () => {
    const seller = await callerFor(services, tokens.seller);
    const later = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-03-01" });
    expect(later.catalogVersion).toBe(2);
    expect(later.moves.filter((m) => m.kind === "change_version").map((m) => m.id)).toEqual([
      "change_version:3",
    ]);
    const after = await seller.arrangements.paths({ id: arrangementId, asOf: "2027-06-01" });
    expect(after.catalogVersion).toBe(3);
    expect(after.moves.some((m) => m.kind === "change_version")).toBe(false);
  });
});
