/**
 * The self-service quote (issue 12): an anonymous caller reaches the public catalog's feed,
 * configure, price and the quote request, and nothing else (the router is enumerated, so a new
 * procedure is covered without editing this file). A request lands among the sellers' quotes as
 * a self-service draft; bad input is refused at its place; an address may send five an hour.
 */
import { validate } from "@tessera/engine";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extrasOf } from "../src/errors.ts";
import { REQUESTS_PER_HOUR } from "../src/public/router.ts";
import { appRouter } from "../src/router.ts";
import type { Services } from "../src/services.ts";
import { createCallerFactory, createContext } from "../src/trpc.ts";
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

const PUBLIC = ["public.catalog", "public.configure", "public.price", "public.requestQuote"];
const CATALOG = "acme-collaborate";
/** Team, yearly on the 12-month term, with Premium support picked (the group needs one pick). */
const TEAM = {
  catalogId: CATALOG,
  package: "collab-team",
  termMonths: 12,
  billingPeriod: "year" as const,
  currency: "USD",
  picks: ["team-support-premium"],
};
const CONTACT = { name: "Ada Lovelace", email: "ada@analytical.example", company: "Analytical Engines Ltd" };

const factory = createCallerFactory(appRouter);
/** A caller with no token, from `address`. */
const visitor = async (services: Services, address = "203.0.113.7") =>
  factory(await createContext(services, undefined, undefined, address));

type AnyCaller = Record<string, unknown>;
const call = (caller: AnyCaller, path: string, input: unknown): Promise<unknown> =>
  (
    path.split(".").reduce<unknown>((o, k) => (o as AnyCaller)[k], caller) as (i: unknown) => Promise<unknown>
  )(input);

const diagnosticsOf = (e: TRPCError) => extrasOf(e)?.diagnostics ?? [];

describe.each(backends)("self-service quote requests on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;
  let key = 0;
  const nextKey = () => `request-key-${++key}`;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-12-07" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    for (const name of ["saas", "hybrid"]) {
      const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog(name) });
      await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    }
    await designer.catalogs.setPublic({ catalogId: CATALOG, public: true });
  }, 60_000);
  afterAll(() => t.close());

  it("lets an anonymous caller reach only the public procedures", async () => {
    const anonymous = (await visitor(services)) as unknown as AnyCaller;
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.filter((p) => p.startsWith("public."))).toEqual([...PUBLIC].sort());
    for (const path of procedures) {
      const e = await errorOf(call(anonymous, path, { catalogId: CATALOG, quote: TEAM, id: "q_00" }));
      if (PUBLIC.includes(path)) expect(`${path}: ${e.code}`).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
      else expect(`${path}: ${e.code}`).toBe(`${path}: UNAUTHORIZED`);
    }
  });

  it("serves the public catalog's latest version and prices it like a seller's quote", async () => {
    const anonymous = await visitor(services);
    const feed = await anonymous.public.catalog({ catalogId: CATALOG });
    expect(feed).toMatchObject({ catalogId: CATALOG, version: 1, name: "Acme Collaborate" });
    // What sales keeps to itself is not in the public document: the discount policy and approval
    // tiers, the partner price book and its prices, the moves policy, retention offers.
    expect(feed.doc.quotePolicy).toBeUndefined();
    expect(feed.doc.pathRules).toBeUndefined();
    expect(feed.doc.priceBooks?.map((b) => b.id)).toEqual(["list"]);
    expect(JSON.stringify(feed.doc)).not.toMatch(/"priceBook":"partner"|retentionOffers/);
    expect(validate(feed.doc).valid).toBe(true);
    const configured = await anonymous.public.configure({ quote: TEAM });
    expect(configured).toMatchObject({ package: "collab-team", complete: true, catalogVersion: 1 });
    const premium = configured.options.find((o) => o.id === "team-support-premium");
    expect(premium?.state).toBe("selected");
    const priced = await anonymous.public.price({ quote: TEAM });
    const seller = await callerFor(services, tokens.seller);
    const same = await seller.quotes.price({ quote: TEAM, asOf: "2026-12-07" });
    expect(priced.totals).toEqual(same.totals);
    expect(priced.lines.length).toBeGreaterThan(0);
  });

  it("answers a private, unknown or draft-only catalog in the same words", async () => {
    const anonymous = await visitor(services);
    const designer = await callerFor(services, tokens.designer);
    await designer.catalogs.createDraft({
      from: "json",
      doc: { ...sampleCatalog("saas"), id: "never-published" },
    });
    const messages: string[] = [];
    for (const catalogId of ["brewline", "no-such-catalog", "never-published"]) {
      const e = await errorOf(anonymous.public.catalog({ catalogId }));
      expect(e.code).toBe("NOT_FOUND");
      messages.push(e.message.replace(catalogId, "ID"));
      const c = await errorOf(anonymous.public.price({ quote: { ...TEAM, catalogId } }));
      expect(c.code).toBe("NOT_FOUND");
    }
    expect(new Set(messages)).toEqual(new Set(['There is no public catalog "ID".']));
  });

  it("refuses a seller's tools and a stale version, each at its place", async () => {
    const anonymous = await visitor(services);
    const e = await errorOf(
      anonymous.public.price({
        quote: {
          ...TEAM,
          priceBook: "partner",
          customer: "Someone else",
          notes: "internal",
          discounts: [{ id: "mine", description: "free", percent: "100", appliesTo: "recurring" }],
        },
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    const pointers = diagnosticsOf(e).map((d) => d.pointer);
    expect(pointers.sort()).toEqual([
      "/quote/customer",
      "/quote/discounts",
      "/quote/notes",
      "/quote/priceBook",
    ]);
    const stale = await errorOf(anonymous.public.configure({ quote: { ...TEAM, catalogVersion: 7 } }));
    expect(stale.code).toBe("PRECONDITION_FAILED");
    expect(stale.message).toContain("version 1 is current");
    const addOn = await errorOf(anonymous.public.price({ quote: { ...TEAM, package: "collab-sso" } }));
    expect(addOn.message).toContain("is not a plan of Acme Collaborate");
  });

  it("files a complete request as a self-service draft the sellers see, and only a receipt comes back", async () => {
    const anonymous = await visitor(services, "198.51.100.1");
    const idempotencyKey = nextKey();
    const receipt = await anonymous.public.requestQuote({
      idempotencyKey,
      quote: TEAM,
      contact: { ...CONTACT, note: "  We are 10 people.  " },
    });
    expect(Object.keys(receipt).sort()).toEqual(["company", "email", "packageName", "reference"]);
    expect(receipt).toMatchObject({ packageName: "Team", company: CONTACT.company, email: CONTACT.email });
    // A double click answers with the same request, not a second one.
    const again = await anonymous.public.requestQuote({
      idempotencyKey,
      quote: TEAM,
      contact: { ...CONTACT, note: "  We are 10 people.  " },
    });
    expect(again.reference).toBe(receipt.reference);

    const seller = await callerFor(services, tokens.seller);
    const listed = (await seller.quotes.list()).filter((q) => q.source === "self_service");
    expect(listed.map((q) => q.id)).toEqual([receipt.reference]);
    const quote = listed[0]!;
    expect(quote).toMatchObject({
      status: "draft",
      customer: CONTACT.company,
      title: "Analytical Engines Ltd — Team (self-service request)",
      requester: { ...CONTACT, note: "We are 10 people." },
      createdBy: "self-service",
      catalogVersion: 1,
    });
    const priced = await seller.quotes.price({ quote: TEAM, asOf: "2026-12-07" });
    expect(quote.price.totals).toEqual(priced.totals);
    const admin = await callerFor(services, tokens.admin);
    const trail = await admin.audit.list({ subject: `quote:${receipt.reference}` });
    expect(trail.map((a) => [a.action, a.actor])).toEqual([["quote.create", "self-service"]]);
    // The address is kept only as a hash.
    const stored = await t.db.query<{ requester_key: string }>(
      "SELECT requester_key FROM quotes WHERE id = $1",
      [receipt.reference],
    );
    expect(stored[0]!.requester_key).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.requester_key).not.toContain("198.51");
  });

  it("refuses a bad contact and an unfinished configuration with located reasons, storing nothing", async () => {
    const anonymous = await visitor(services, "198.51.100.2");
    const count = async () => (await t.db.query("SELECT id FROM quotes")).length;
    const before = await count();
    const email = await errorOf(
      anonymous.public.requestQuote({
        idempotencyKey: nextKey(),
        quote: TEAM,
        contact: { ...CONTACT, email: "ada at home" },
      }),
    );
    expect(email.code).toBe("BAD_REQUEST");
    expect(email.message).toContain("email address");
    expect(diagnosticsOf(email)).toEqual([
      expect.objectContaining({
        pointer: "/contact/email",
        message: "Enter an email address like name@company.com.",
      }),
    ]);
    // Every contact problem at once, each at its field.
    const blank = await errorOf(
      anonymous.public.requestQuote({
        idempotencyKey: nextKey(),
        quote: TEAM,
        contact: { name: "", email: CONTACT.email, company: "   ", note: "x".repeat(2001) },
      }),
    );
    expect(diagnosticsOf(blank).map((d) => [d.pointer, d.message])).toEqual([
      ["/contact/name", "Enter your name."],
      ["/contact/company", "Enter your company's name."],
      ["/contact/note", "This must be at most 2,000 characters."],
    ]);
    // Team's support group needs exactly one pick: none leaves it open, two conflict.
    const diagnostics = async (picks: string[]) => {
      const e = await errorOf(
        anonymous.public.requestQuote({
          idempotencyKey: nextKey(),
          quote: { ...TEAM, picks },
          contact: CONTACT,
        }),
      );
      expect(e.code).toBe("BAD_REQUEST");
      return diagnosticsOf(e);
    };
    const open = await diagnostics([]);
    expect(open.map((d) => d.pointer)).toEqual(["/quote/picks"]);
    expect(open[0]!.message).toContain("Finish the configuration");
    const both = await diagnostics(["team-support-standard", "team-support-premium"]);
    expect(both.map((d) => d.pointer)).toEqual(["/quote/picks/1"]);
    expect(both[0]!.message).toContain("cannot go with your pick");
    expect(await count()).toBe(before);
  });

  it("refuses an email that would become more than an address in the sellers' mailto: link", async () => {
    const anonymous = await visitor(services, "198.51.100.3");
    // A seller answers with the quote's mailto: link; these would add a subject and body (or a
    // header) of the visitor's choosing to the seller's message, or break out of the address.
    for (const email of [
      "ada@analytical.example?subject=Invoice&body=Pay%20at%20evil.example",
      "ada@analytical.example&cc=boss",
      "ada@analytical.example%0d%0abcc:x",
      'ada"<script>"@analytical.example',
      "ada@analytical.example/../x",
    ]) {
      const e = await errorOf(
        anonymous.public.requestQuote({
          idempotencyKey: nextKey(),
          quote: TEAM,
          contact: { ...CONTACT, email },
        }),
      );
      expect(`${email}: ${diagnosticsOf(e).map((d) => d.pointer)}`).toBe(`${email}: /contact/email`);
    }
    // Plus-addressing, dots, hyphens and internationalised names still pass.
    for (const email of ["ada.lovelace+quotes@analytical-engines.example", "josé@bücher.example"])
      await anonymous.public.requestQuote({
        idempotencyKey: nextKey(),
        quote: TEAM,
        contact: { ...CONTACT, email },
      });
  });

  it("refuses control characters and bidirectional overrides that would disguise a request to sellers", async () => {
    const anonymous = await visitor(services, "198.51.100.4");
    // "Evil Corp" written right-to-left with U+202E shows in the sellers' list as another name.
    const e = await errorOf(
      anonymous.public.requestQuote({
        idempotencyKey: nextKey(),
        quote: TEAM,
        contact: { name: "Ada\u0007", email: CONTACT.email, company: "\u202Eproc livE", note: "ok\u2066x" },
      }),
    );
    expect(diagnosticsOf(e).map((d) => [d.pointer, d.message])).toEqual([
      ["/contact/name", "Remove the control characters from this field."],
      ["/contact/company", "Remove the control characters from this field."],
      ["/contact/note", "Remove the control characters from this field."],
    ]);
    // Line breaks in the note, and scripts that need joiners (Persian's ZWNJ), are kept.
    const receipt = await anonymous.public.requestQuote({
      idempotencyKey: nextKey(),
      quote: TEAM,
      contact: { ...CONTACT, company: "می\u200Cخواهم", note: "Line one\r\nLine two\tend" },
    });
    expect(receipt.company).toBe("می\u200Cخواهم");
  });

  it(`accepts ${REQUESTS_PER_HOUR} requests an hour from one address, then refuses with 429`, async () => {
    const anonymous = await visitor(services, "192.0.2.99");
    for (let i = 0; i < REQUESTS_PER_HOUR; i++)
      await anonymous.public.requestQuote({ idempotencyKey: nextKey(), quote: TEAM, contact: CONTACT });
    const e = await errorOf(
      anonymous.public.requestQuote({ idempotencyKey: nextKey(), quote: TEAM, contact: CONTACT }),
    );
    expect(e).toBeInstanceOf(TRPCError);
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    expect(e.message).toContain("try again later");
    // Another address is not held back.
    const other = await visitor(services, "192.0.2.100");
    await other.public.requestQuote({ idempotencyKey: nextKey(), quote: TEAM, contact: CONTACT });
  });
  // Last: it makes brewline public, then private, then retires it.
  it("never shows a draft, and forgets a catalog made private again or retired, on every procedure", async () => {
    const anonymous = await visitor(services, "198.51.100.77");
    const designer = await callerFor(services, tokens.designer);
    const BREW = { catalogId: "brewline", package: "brew-club-home", termMonths: 12, currency: "USD" };
    await designer.catalogs.setPublic({ catalogId: "brewline", public: true });
    expect(await anonymous.public.catalog({ catalogId: "brewline" })).toMatchObject({ version: 1 });
    // A draft of a public catalog, with a new name and a plan not yet published, stays unseen.
    const published = sampleCatalog("hybrid") as { name: string; packages: { id: string; name: string }[] };
    const secret = {
      ...published,
      name: "Secret relaunch",
      packages: [...published.packages, { ...published.packages[0]!, id: "brew-secret", name: "Secret" }],
    };
    const draft = await designer.catalogs.getDraft({ catalogId: "brewline" });
    await designer.catalogs.updateDraft({ catalogId: "brewline", revision: draft.revision, doc: secret });
    const feed = await anonymous.public.catalog({ catalogId: "brewline" });
    expect(feed.name).not.toBe("Secret relaunch");
    expect(JSON.stringify(feed.doc)).not.toContain("brew-secret");
    const unseen = await errorOf(anonymous.public.price({ quote: { ...BREW, package: "brew-secret" } }));
    expect(diagnosticsOf(unseen).map((d) => d.pointer)).toEqual(["/quote/package"]);
    expect(unseen.message).not.toContain("Secret");
    const ahead = await errorOf(anonymous.public.configure({ quote: { ...BREW, catalogVersion: 2 } }));
    expect(ahead.code).toBe("PRECONDITION_FAILED");
    // Private again, then public and retired: every public procedure answers as for no catalog.
    const gone = async (why: string) => {
      const calls = [
        anonymous.public.catalog({ catalogId: "brewline" }),
        anonymous.public.configure({ quote: BREW }),
        anonymous.public.price({ quote: BREW }),
        anonymous.public.requestQuote({ idempotencyKey: nextKey(), quote: BREW, contact: CONTACT }),
      ];
      for (const e of await Promise.all(calls.map(errorOf))) {
        expect(`${why}: ${e.code}`).toBe(`${why}: NOT_FOUND`);
        expect(e.message).toBe('There is no public catalog "brewline".');
      }
    };
    await designer.catalogs.setPublic({ catalogId: "brewline", public: false });
    await gone("made private");
    await designer.catalogs.setPublic({ catalogId: "brewline", public: true });
    await anonymous.public.catalog({ catalogId: "brewline" });
    await designer.catalogs.retire({ catalogId: "brewline" });
    await gone("retired");
    const again = await errorOf(designer.catalogs.setPublic({ catalogId: "brewline", public: true }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    await gone("retired, asked to be public again");
  });
});
