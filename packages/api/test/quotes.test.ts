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

describe.each(backends)("quotes on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  const quote = sampleDoc("saas", "quote") as unknown as Quote;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-11-20" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => t.close());

  it("configures and prices a selection against the published version", async () => {
    const seller = await callerFor(services, tokens.seller);
    const configuration = await seller.quotes.configure({ quote });
    expect(configuration.catalogVersion).toBe(1);
    expect(configuration.options.length).toBeGreaterThan(0);
    const priced = await seller.quotes.price({ quote, asOf: "2026-11-20" });
    expect(priced.currency).toBe("EUR");
    expect(priced.totals.perPeriod).toMatch(/^\d+\.\d{2}$/);
    expect(priced.lines.length).toBeGreaterThan(0);
  });

  it("reports invalid quote documents with located schema diagnostics", async () => {
    const seller = await callerFor(services, tokens.seller);
    const err = await errorOf(
      seller.quotes.price({ quote: { ...quote, termMonths: "twelve" } as unknown as Quote }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    const diagnostics = (err.cause as unknown as { extras: { diagnostics: { pointer: string }[] } }).extras
      .diagnostics;
    expect(diagnostics.map((d) => d.pointer)).toContain("/quote/termMonths");
    const unknown = await errorOf(seller.quotes.price({ quote: { ...quote, catalogId: "missing" } }));
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("names a saved quote after its title, else its customer and package, and names the package", async () => {
    const seller = await callerFor(services, tokens.seller);
    const named = await seller.quotes.save({
      idempotencyKey: "idem-key-title-0001",
      quote: { ...quote, title: "Northwind renewal 2027" },
    });
    expect(named.title).toBe("Northwind renewal 2027");
    expect(named.packageName).toBe("Business");
    const plain = await seller.quotes.save({ idempotencyKey: "idem-key-title-0002", quote });
    expect(plain.title).toBe("Northwind Traders GmbH — Business");
    const { customer: _c, ...anonymous } = quote;
    const noCustomer = await seller.quotes.save({ idempotencyKey: "idem-key-title-0003", quote: anonymous });
    expect(noCustomer.title).toBe("Business quote");
    const listed = await seller.quotes.list();
    expect(listed.find((q) => q.id === named.id)).toMatchObject({
      title: "Northwind renewal 2027",
      packageName: "Business",
    });
  });

  it("saves once per idempotency key, even when retried concurrently", async () => {
    const seller = await callerFor(services, tokens.seller);
    const key = "idem-key-0001";
    const [a, b] = await Promise.all([
      seller.quotes.save({ idempotencyKey: key, quote }),
      seller.quotes.save({ idempotencyKey: key, quote }),
    ]);
    expect(a.id).toBe(b.id);
    const again = await seller.quotes.save({ idempotencyKey: key, quote });
    expect(again.id).toBe(a.id);
    const rows = await t.db.query("SELECT id FROM quotes WHERE idempotency_key = $1", [key]);
    expect(rows).toHaveLength(1);
    expect(a).toMatchObject({ status: "draft", catalogVersion: 1, customer: quote.customer });
    expect(a.doc).toMatchObject({ id: a.id, status: "draft", catalogVersion: 1 });
    const reused = await errorOf(
      seller.quotes.save({ idempotencyKey: key, quote: { ...quote, termMonths: 36 } }),
    );
    expect(reused.code).toBe("CONFLICT");
  });

  it("moves draft → sent → accepted and creates the arrangement in the same step", async () => {
    const seller = await callerFor(services, tokens.seller);
    const saved = await seller.quotes.save({ idempotencyKey: "idem-key-accept", quote });
    if (saved.price.requiresApproval) {
      expect((await errorOf(seller.quotes.transition({ id: saved.id, to: "sent" }))).code).toBe(
        "PRECONDITION_FAILED",
      );
    }
    expect((await errorOf(seller.quotes.transition({ id: saved.id, to: "accepted" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    // A server that has not seen this catalog version yet (a restart, another instance) loads it.
    const cold = servicesFor(t.db, { today: () => "2026-11-20" });
    const coldSender = await callerFor(cold, saved.price.requiresApproval ? tokens.admin : tokens.seller);
    const sent = await coldSender.quotes.transition({ id: saved.id, to: "sent" });
    expect(sent.status).toBe("sent");
    const accepted = await seller.quotes.transition({ id: saved.id, to: "accepted" });
    expect(accepted.status).toBe("accepted");
    expect(accepted.arrangementId).toMatch(/^arr_/);
    const rows = await t.db.query<{ doc: Record<string, unknown> }>(
      "SELECT doc FROM arrangements WHERE id = $1",
      [accepted.arrangementId],
    );
    // The price snapshot is the regular bill without the estimated usage (billed in arrear on use).
    const usage = saved.price.lines.filter((l) => l.kind === "usage" && l.perPeriod);
    expect(usage.length).toBeGreaterThan(0);
    const snapshot = usage
      .reduce((sum, l) => sum.sub(Decimal.parse(l.amount)), Decimal.parse(saved.price.totals.perPeriod))
      .toFixed(2);
    expect(rows[0]!.doc).toMatchObject({
      customer: quote.customer,
      catalogId: "acme-collaborate",
      catalogVersion: 1,
      package: quote.package,
      currency: "EUR",
      billingPeriod: "year",
      term: { months: 12, start: "2026-12-01", end: "2027-12-01" },
      recurring: snapshot,
      status: "active",
    });
    expect((await errorOf(seller.quotes.transition({ id: saved.id, to: "expired" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    const listed = await seller.quotes.list({ status: "accepted" });
    expect(listed.map((q) => q.id)).toContain(saved.id);
    expect((await seller.quotes.get({ id: saved.id })).status).toBe("accepted");
  });

  it("refuses to send an incomplete or invalid quote", async () => {
    const seller = await callerFor(services, tokens.seller);
    const bad = await seller.quotes.save({
      idempotencyKey: "idem-key-bad",
      quote: { ...quote, picks: [], discounts: [], quantities: { "biz-seats": 1 } },
    });
    const err = await errorOf(seller.quotes.transition({ id: bad.id, to: "sent" }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect((await seller.quotes.get({ id: bad.id })).status).toBe("draft");
  });

  it("names what is still to choose when an incomplete quote is sent", async () => {
    const seller = await callerFor(services, tokens.seller);
    // EU residency picked, but no EU hosting region (a group of min 1 nested under it).
    const open = await seller.quotes.save({
      idempotencyKey: "idem-key-open",
      quote: { ...quote, picks: ["biz-support-premium", "biz-res-eu"], discounts: [] },
    });
    const err = await errorOf(seller.quotes.transition({ id: open.id, to: "sent" }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toBe(
      "The quote is not complete yet: EU hosting region: pick 1. Revise the quote to choose, then send it.",
    );
  });

  it("expires a sent quote past its validity on read: it cannot be accepted, and saying so is allowed", async () => {
    const seller = await callerFor(services, tokens.seller);
    const saved = await seller.quotes.save({
      idempotencyKey: "idem-key-old",
      quote: { ...quote, validUntil: "2026-11-25", discounts: [] },
    });
    expect((await seller.quotes.transition({ id: saved.id, to: "sent" })).doc.validUntil).toBe("2026-11-25");
    // Ten days later the quote reads as expired, in lists too, and refuses acceptance with the date.
    const later = await callerFor(servicesFor(t.db, { today: () => "2026-12-05" }), tokens.seller);
    expect((await later.quotes.get({ id: saved.id })).status).toBe("expired");
    expect((await later.quotes.list({ status: "expired" })).map((q) => q.id)).toContain(saved.id);
    expect((await later.quotes.list({ status: "sent" })).map((q) => q.id)).not.toContain(saved.id);
    const err = await errorOf(later.quotes.transition({ id: saved.id, to: "accepted" }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain("valid until 2026-11-25");
    // The database refuses it too, whatever the caller checked (the conditional update).
    const rows = await t.db.query("UPDATE quotes SET status = status WHERE id = $1 AND status = 'accepted'", [
      saved.id,
    ]);
    expect(rows).toHaveLength(0);
    expect((await later.quotes.transition({ id: saved.id, to: "expired" })).status).toBe("expired");
    expect((await later.quotes.transition({ id: saved.id, to: "expired" })).status).toBe("expired");
  });

  it("gives a sent quote the catalog's validity when it names none", async () => {
    const seller = await callerFor(services, tokens.seller);
    const { validUntil: _v, ...open } = quote;
    const saved = await seller.quotes.save({ idempotencyKey: "idem-key-validity", quote: open });
    expect(saved.doc.validUntil).toBeUndefined();
    // The sample's quote policy: validityDays 30; 2026-11-20 + 30 days = 2026-12-20.
    expect((await seller.quotes.transition({ id: saved.id, to: "sent" })).doc.validUntil).toBe("2026-12-20");
  });
});
