import type { Move } from "@tessera/engine";
import { describe, expect, it } from "vitest";
import { endChoicesOf, moveViews } from "./moves.ts";

const move = (over: Partial<Move> & Pick<Move, "id" | "kind" | "label">): Move => ({
  target: "x",
  valid: true,
  reasons: [],
  notes: [],
  proration: [],
  addOns: [],
  ...over,
});

describe("move list view models", () => {
  it("orders moves by kind, puts retention offers under terminate and leaves quantity changes out", () => {
    const views = moveViews(
      [
        move({ id: "terminate", kind: "terminate", label: "Cancel" }),
        move({ id: "retention:half", kind: "retention_offer", label: "Half price for 3 months" }),
        move({ id: "upgrade:pro", kind: "upgrade", label: "Upgrade to Pro" }),
        move({ id: "qty:seats", kind: "change_quantity", label: "Change seats" }),
        move({ id: "renew:12", kind: "renew", label: "Renew" }),
      ],
      undefined,
    );
    expect(views.map((v) => v.key)).toEqual(["renew:12", "upgrade:pro", "terminate"]);
    expect(views[2]?.retention?.map((r) => r.key)).toEqual(["retention:half"]);
  });

  it("blocked moves carry their reasons; valid ones their proration lines", () => {
    // Upgrades list before downgrades.
    const [valid, blocked] = moveViews(
      [
        move({ id: "downgrade:a", kind: "downgrade", label: "Down", valid: false, reasons: ["Too soon."] }),
        move({
          id: "upgrade:b",
          kind: "upgrade",
          label: "Up",
          notes: ["Term restarts."],
          proration: [
            {
              kind: "credit",
              description: "Unused time",
              amount: "-10.00",
              periodStart: "2026-01-01",
              periodEnd: "2026-02-01",
              days: 15,
              periodDays: 31,
              timing: "in_advance",
            },
            {
              kind: "charge",
              description: "Remaining time",
              amount: "25.00",
              periodStart: "2026-01-01",
              periodEnd: "2026-02-01",
              days: 15,
              periodDays: 31,
              timing: "in_advance",
            },
          ],
          prorationNet: "15.00",
        }),
      ],
      undefined,
    );
    expect(blocked?.reasons).toEqual(["Too soon."]);
    expect(valid?.reasons).toEqual(["Term restarts."]);
    expect(valid?.proration).toEqual([
      { label: "Unused time (15 of 31 days)", amount: "-10.00" },
      { label: "Remaining time (15 of 31 days)", amount: "25.00" },
    ]);
    // The net amount the move bills, so an upgrade shows what is due, not only credit and charge.
    expect(valid?.prorationNet).toBe("15.00");
  });

  it("a move that restarts the term says the new term in words, weeks as weeks (as the CLI does)", () => {
    const [renew] = moveViews(
      [
        move({
          id: "renew:12w",
          kind: "renew",
          label: "Renew for 12 weeks",
          termRestarts: true,
          term: { weeks: 12, start: "2026-03-30", end: "2026-06-22" },
          notes: ["Weekly box renews as it is."],
        }),
      ],
      undefined,
    );
    expect(renew?.reasons).toEqual([
      "New 12-week term 2026-03-30 to 2026-06-22.",
      "Weekly box renews as it is.",
    ]);
  });
});

describe("the new price's period", () => {
  it("goes with the new price, so a yearly price is not read as monthly", () => {
    const views = moveViews(
      [
        move({
          id: "upgrade:ent",
          kind: "upgrade",
          label: "Upgrade",
          newRecurring: "18000.00",
          billingPeriod: "year",
        }),
        move({ id: "renew:12", kind: "renew", label: "Renew" }),
      ],
      undefined,
    );
    const up = views.find((v) => v.key === "upgrade:ent");
    expect(up).toMatchObject({ newRecurring: "18000.00", newPeriod: "year" });
    expect(views.find((v) => v.key === "renew:12")?.newPeriod).toBeUndefined();
  });
});

describe("policies, add-on changes and price books in the move list", () => {
  it("says when and how a move takes effect, names the rule, and lists add-on changes after removals", () => {
    const views = moveViews(
      [
        move({
          id: "change_add_on:std:prem",
          kind: "change_add_on",
          label: "Change Standard support to Premium support",
          timing: "immediate",
          prorationPolicy: "prorate",
          effectiveDate: "2026-04-16",
        }),
        move({
          id: "remove_add_on:sso",
          kind: "remove_add_on",
          label: "Remove SSO",
          timing: "immediate",
          prorationPolicy: "full_credit",
          ruleCase: "sso-cancel",
          effectiveDate: "2026-04-16",
        }),
        move({
          id: "upgrade:team",
          kind: "upgrade",
          label: "Upgrade to Team",
          timing: "immediate",
          prorationPolicy: "prorate",
          ruleCase: "rescue-upgrades-at-list",
          priceBook: "list",
        }),
      ],
      undefined,
    );
    expect(views.map((v) => [v.key, v.policy, v.priceBook])).toEqual([
      ["upgrade:team", "at once, prorated (path rule rescue-upgrades-at-list)", "list"],
      ["remove_add_on:sso", "at once, the whole period credited (path rule sso-cancel)", undefined],
      ["change_add_on:std:prem", "at once, prorated (default)", undefined],
    ]);
  });

  it("offers an add-on removal's end dates per the cancel policies, none before the notice allows", () => {
    // Policy: end of billing period (2026-04-01); as of 2026-03-16, term ends 2027-01-01.
    const remove = move({
      id: "remove_add_on:sso",
      kind: "remove_add_on",
      label: "Remove SSO",
      effectiveDate: "2026-04-01",
      timing: "next_billing_date",
    });
    const dates = { asOf: "2026-03-16", nextBillingDate: "2026-04-01", termEnd: "2027-01-01" };
    expect(endChoicesOf(remove, dates)).toEqual([
      { label: "As the policy says: 2026-04-01" },
      { label: "At once: 2026-03-16", date: "2026-03-16" },
      { label: "At the end of the term: 2027-01-01", date: "2027-01-01" },
    ]);
    // 30 days' notice: nothing before 2026-04-15, so the billing period's end is not offered.
    const notice = { ...remove, earliestDate: "2026-04-15", effectiveDate: "2026-04-15" };
    expect(endChoicesOf(notice, dates)).toEqual([
      { label: "As the policy says: 2026-04-15" },
      { label: "At the end of the term: 2027-01-01", date: "2027-01-01" },
    ]);
    // A billing period that ends after the term (yearly billing, a term ending mid-period) is not offered.
    expect(endChoicesOf(remove, { ...dates, nextBillingDate: "2027-02-01" }).map((c) => c.date)).toEqual([
      undefined,
      "2026-03-16",
      "2027-01-01",
    ]);
    const [view] = moveViews([remove], undefined, dates);
    expect(view?.endChoices?.length).toBe(3);
    expect(moveViews([remove], undefined)[0]?.endChoices).toBeUndefined();
  });
});
