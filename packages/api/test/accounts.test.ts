/**
 * Sample customers and the account view: the seed makes a known book of business through the
 * engine's own moves, and the account view names things, keeps the history, draws MRR over time,
 * lists what comes up and compares usage with allowance. Account managers read; sellers move.
 */
import { Decimal } from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(backends)("accounts on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db, { today: () => TODAY });
    tokens = await seedTokens(t.db);
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({ from: "json", doc: sampleCatalog("saas") });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision });
    await seedCustomers(services);
  }, 60_000);
  afterAll(() => t.close());

  it("seeds the sample customers once: a second run adds nobody", async () => {
    expect(await seedCustomers(services)).toEqual([]);
    const manager = await callerFor(services, tokens.account_manager);
    const list = await manager.accounts.list();
    expect(list.map((c) => c.customer)).toEqual([
      "Blue Harbor Design LLC",
      "Fjord Analytics AS",
      "Northwind Traders GmbH",
      "Pine & Pixel Studio",
      "Quanta Labs Inc.",
    ]);
    expect(list.find((c) => c.customer === "Pine & Pixel Studio")?.cancelling).toBe(true);
    expect(list.find((c) => c.customer === "Blue Harbor Design LLC")?.packages).toEqual(["Team"]);
  });

  it("shows an account with names, the history of moves and MRR over time", async () => {
    const manager = await callerFor(services, tokens.account_manager);
    const account = await manager.accounts.get({ customer: "Blue Harbor Design LLC" });
    const [a] = account.arrangements;
    expect(a).toMatchObject({ packageName: "Team", catalogName: expect.any(String), status: "active" });
    expect(a!.addOns.map((x) => x.name)).toEqual(["Extra storage (1 TB pack)"]);
    // Newest first: started on Starter, upgraded, more seats, a storage pack.
    expect(account.events.map((e) => e.action)).toEqual(["add_on", "change_quantity", "upgrade", "create"]);
    expect(account.events.at(-1)!.label).toBe("Started on Starter");
    expect(account.events.find((e) => e.action === "upgrade")!.label).toBe("Upgrade to Team");
    // Each event's delta is its MRR minus the one before; the series ends today at the current MRR.
    const chronological = [...account.events].reverse();
    chronological.forEach((e, i) => {
      const before = i === 0 ? Decimal.ZERO : Decimal.parse(chronological[i - 1]!.mrr);
      expect(Decimal.parse(e.mrrDelta).eq(Decimal.parse(e.mrr).sub(before))).toBe(true);
    });
    const [usd] = account.mrr;
    expect(usd!.currency).toBe("USD");
    expect(usd!.points.map((p) => p.date)).toEqual([...chronological.map((e) => e.date), TODAY]);
    expect(usd!.current).toBe(a!.mrr);
    // Monthly billing: the MRR is the recurring price.
    expect(a!.mrr).toBe(a!.recurring);
  });

  it("divides a yearly price by twelve and lists the renewal coming up", async () => {
    const manager = await callerFor(services, tokens.account_manager);
    const account = await manager.accounts.get({ customer: "Northwind Traders GmbH" });
    const [a] = account.arrangements;
    expect(a!.billingPeriod).toBe("year");
    // MRR = recurring ÷ 12, exactly (e.g. 17056.80 EUR a year → 1421.40 a month).
    expect(Decimal.parse(a!.mrr).mul(12).eq(Decimal.parse(a!.recurring))).toBe(true);
    // 2026-12-07 → 2027-01-26 (the term's end): 24 days left in December + 26 in January.
    expect(account.upcoming).toEqual([
      { arrangementId: a!.id, packageName: "Business", kind: "renewal", date: a!.term.end, days: 50 },
    ]);
    expect(a!.term.end).toBe("2027-01-26");
    expect(a!.phase).toBe("evergreen");
  });

  it("shows a trial, a pending cancellation and usage over the allowance", async () => {
    const manager = await callerFor(services, tokens.account_manager);
    const fjord = await manager.accounts.get({ customer: "Fjord Analytics AS" });
    expect(fjord.arrangements[0]).toMatchObject({ phase: "trial", phaseEnds: "2026-12-16" });
    expect(fjord.upcoming.map((u) => [u.kind, u.days])).toContainEqual(["trial_ends", 9]);

    const pine = await manager.accounts.get({ customer: "Pine & Pixel Studio" });
    expect(pine.arrangements[0]).toMatchObject({ status: "pending_termination" });
    const last = pine.mrr[0]!.points.at(-1)!;
    expect(last).toMatchObject({ date: pine.arrangements[0]!.terminationDate, projected: true });
    expect(Decimal.parse(last.mrr).isZero()).toBe(true);

    const quanta = await manager.accounts.get({ customer: "Quanta Labs Inc." });
    const seats = quanta.arrangements[0]!.usage.find((u) => u.component === "team-seats")!;
    expect(seats).toMatchObject({ used: 15, allowance: 12, metered: false });
    expect(quanta.arrangements[0]!.insights.some((m) => /15 used but 12 covered/.test(m))).toBe(true);
  });

  it("lets an account manager explore paths but not apply a move; a seller may", async () => {
    const manager = await callerFor(services, tokens.account_manager);
    const [arrangement] = (await manager.accounts.get({ customer: "Quanta Labs Inc." })).arrangements;
    const paths = await manager.arrangements.paths({ id: arrangement!.id });
    const upgrade = paths.moves.find((m) => m.valid && m.kind === "upgrade")!;
    const request = { id: arrangement!.id, revision: paths.revision, move: { id: upgrade.id } };
    expect((await errorOf(manager.arrangements.applyMove(request))).code).toBe("FORBIDDEN");
    const seller = await callerFor(services, tokens.seller);
    const { arrangement: after } = await seller.arrangements.applyMove(request);
    expect(after.packageName).not.toBe("Team");
    expect(after.revision).toBe(paths.revision + 1);
  });

  it("answers an unknown customer with NOT_FOUND", async () => {
    const manager = await callerFor(services, tokens.account_manager);
    const e = await errorOf(manager.accounts.get({ customer: "Nobody Inc." }));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.message).toContain("Nobody Inc.");
  });
});
