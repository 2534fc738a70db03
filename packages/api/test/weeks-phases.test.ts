/**
 * A quote on a weekly package with a discount phase becomes an arrangement whose term is in weeks
 * and whose phase is the one the quote's schedule places on its start date; the API's paths say
 * the arrangement in the same words as the engine (and so the CLI and the path explorer).
 */
import { paths, validate } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../src/services.ts";
import { sampleCatalog } from "./fixtures.ts";
import {
  backends,
  callerFor,
  openTestDb,
  seedTokens,
  servicesFor,
  type TestDb,
  type Tokens,
} from "./harness.ts";

describe.each(backends)("week terms and phases through the API on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-12-07" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("hybrid") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => t.close());

  it("accepts a 6-week weekly quote into a week-term arrangement in its discount phase", async () => {
    const admin = await callerFor(services, tokens.admin);
    const quote = {
      catalogId: "brewline",
      catalogVersion: 1,
      package: "brew-beans-weekly",
      termWeeks: 6,
      billingPeriod: "week",
      currency: "USD",
      quantities: { "weekly-beans": 1 },
      startDate: "2026-12-07",
    } as Quote;
    const saved = await admin.quotes.save({ idempotencyKey: "weekly-box", quote });
    await admin.quotes.transition({ id: saved.id, to: "sent" });
    const accepted = await admin.quotes.transition({ id: saved.id, to: "accepted" });
    const got = await admin.arrangements.get({ id: accepted.arrangementId! });
    // 2026-12-07 + 6 weeks = 2027-01-18; the first two weeks (to 2026-12-21) at 50% off.
    expect(got.doc).toMatchObject({
      package: "brew-beans-weekly",
      billingPeriod: "week",
      term: { weeks: 6, start: "2026-12-07", end: "2027-01-18" },
      phase: "discount",
      phaseEnds: "2026-12-21",
      recurring: "9.50",
    });
    const result = await admin.arrangements.paths({ id: accepted.arrangementId!, asOf: "2026-12-10" });
    expect(result.current.summary).toBe(
      "Weekly bean box, billed weekly; 6-week term 2026-12-07 to 2027-01-18; in its discount phase (First two weeks: 2 weeks 50% off) until 2026-12-21.",
    );
    const compiled = validate(sampleCatalog("hybrid")).catalog!;
    expect(result.current).toEqual(paths(compiled, got.doc, "2026-12-10").current);
  });
});

describe.each(backends)("an add-on's own phase through the API on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => "2026-12-07" });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("connectivity") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
  });
  afterAll(() => t.close());

  it("accepts a quote into an arrangement whose add-on holds its trial (Kill Bill add-on TRIAL phase)", async () => {
    // Home Trio from 2026-12-10 with the Sports pack, whose 14-day trial runs to 2026-12-24: the
    // quote bills it from then (8 of December's 31 days × 30.00 = 7.74) and the arrangement holds
    // it in its trial until that day.
    const admin = await callerFor(services, tokens.admin);
    const quote = {
      catalogId: "nimbus-connect",
      package: "nc-trio",
      termMonths: 24,
      billingPeriod: "month",
      currency: "EUR",
      startDate: "2026-12-10",
      billingAnchorDay: 1,
      addOns: [{ package: "nc-tv-sports" }],
    } as Quote;
    const saved = await admin.quotes.save({ idempotencyKey: "sports-trial", quote });
    expect(saved.price.lines.find((l) => l.id === "trial-end@nc-tv-sports")?.amount).toBe("7.74");
    expect(saved.price.schedule?.addOnPhases?.[0]).toMatchObject({
      package: "nc-tv-sports",
      name: "Sports pack",
    });
    await admin.quotes.transition({ id: saved.id, to: "sent" });
    const accepted = await admin.quotes.transition({ id: saved.id, to: "accepted" });
    const got = await admin.arrangements.get({ id: accepted.arrangementId! });
    expect(got.doc.addOns?.find((a) => a.package === "nc-tv-sports")).toEqual({
      package: "nc-tv-sports",
      since: "2026-12-10",
      phase: "trial",
      phaseEnds: "2026-12-24",
    });
  });
});
