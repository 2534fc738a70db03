/**
 * Price books in path rules (issue 13, Missing: price lists). Kill Bill's "Firearms" test catalog
 * (killbill-catalog, SpyCarAdvanced's ancestor) carries the rule this reproduces:
 *   <priceListCase><fromPriceList>rescue</fromPriceList><toPriceList>DEFAULT</toPriceList></priceListCase>
 * — a customer on the discounted "rescue" price list goes back to the default list when the plan
 * changes — and a changePolicyCase matching on the price list. A case here does both: it matches
 * on `priceBooks` and names the book the arrangement moves to in `outcome.priceBook`. Numbers are
 * worked out by hand from the fixture (Basic 10.00, Pro 20.00, Team 50.00 + 5 seats × 4.00 a month).
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 */
import type { Catalog, PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const rescueRules: PathRuleCase[] = [
  {
    id: "rescue-upgrades-at-list",
    kinds: ["upgrade"],
    priceBooks: ["rescue"],
    outcome: { timing: "immediate", priceBook: "list" },
  },
  {
    id: "rescue-renews-at-list",
    kinds: ["renew"],
    priceBooks: ["rescue"],
    outcome: { timing: "end_of_term", priceBook: "list" },
  },
];

/** The fixture with a "rescue" book: Basic 7.50 and Pro 15.00 a month; everything else falls back to list. */
function withRescue(pathRules: PathRuleCase[] = rescueRules) {
  const patch = (doc: Catalog) => {
    doc.priceBooks = [
      { id: "list", name: "List", default: true },
      { id: "rescue", name: "Rescue", fallback: "list" },
    ];
    const add = (id: string, amount: string) =>
      doc.packages
        .find((p) => p.id === id)!
        .charges[0]!.pricePoints.push({
          currency: "USD",
          billingPeriod: "month",
          priceBook: "rescue",
          amount,
        });
    add("basic", "7.50");
    add("pro", "15.00");
  };
  return { catalog: fixtureCatalog({ pathRules, patch }), patch };
}

describe("price books in path rules (Kill Bill priceListCase rescue → DEFAULT)", () => {
  it("an upgrade from the rescue book moves to the list book, prorated at both prices", () => {
    const { catalog } = withRescue();
    const a = arrangementOn("pro", { priceBook: "rescue" });
    const result = paths(catalog, a, "2026-04-16");
    expect(result.current.recurring).toBe("15.00");
    const up = move(result, "upgrade:team");
    // Team at list: 50.00 + 5 seats × 4.00 = 70.00. Upgraded on 16 April, 15 of April's 30 days left:
    // credit −15.00 × 15/30 = −7.50 (what the rescue price paid), charge 70.00 × 15/30 = 35.00.
    expect(up).toMatchObject({
      ruleCase: "rescue-upgrades-at-list",
      priceBook: "list",
      effectiveDate: "2026-04-16",
      newRecurring: "70.00",
      mrrDelta: "55.00",
      prorationNet: "27.50",
    });
    expect(up.proration.map((l) => l.amount)).toEqual(["-7.50", "35.00"]);
    expect(up.notes).toContain(
      "Priced from the List price book instead of Rescue from 2026-04-16 (path rule rescue-upgrades-at-list).",
    );
    const applied = applyMove(catalog, a, { id: "upgrade:team" }, "2026-04-16");
    if (!applied.ok) throw new Error(applied.reasons.join(" "));
    expect(applied.arrangement).toMatchObject({ package: "team", priceBook: "list", recurring: "70.00" });
  });

  it("a move no book case matches keeps the arrangement's book (a crossgrade stays on rescue)", () => {
    const { catalog } = withRescue();
    const a = arrangementOn("pro", { priceBook: "rescue" });
    // Studio has no rescue price: the rescue book falls back to list, 20.00.
    const cross = move(paths(catalog, a, "2026-04-16"), "crossgrade:studio");
    expect(cross.priceBook).toBeUndefined();
    const applied = applyMove(catalog, a, { id: "crossgrade:studio" }, "2026-04-16");
    if (!applied.ok) throw new Error(applied.reasons.join(" "));
    expect(applied.arrangement.priceBook).toBe("rescue");
  });

  it("the case matches the book only: a list customer's upgrade follows the default rule", () => {
    const { catalog } = withRescue();
    const up = move(paths(catalog, arrangementOn("pro"), "2026-04-16"), "upgrade:team");
    expect(up.ruleCase).toBeUndefined();
    expect(up.priceBook).toBeUndefined();
  });

  it("promo → list on renewal: Basic renews at its list price, 7.50 → 10.00", () => {
    const { catalog } = withRescue();
    const renew = move(
      paths(catalog, arrangementOn("basic", { priceBook: "rescue" }), "2026-04-16"),
      "renew:12",
    );
    expect(renew).toMatchObject({
      ruleCase: "rescue-renews-at-list",
      priceBook: "list",
      effectiveDate: "2027-01-01",
      newRecurring: "10.00",
      mrrDelta: "2.50",
    });
  });

  it("the renewal price policy still applies on the new book: Pro capped at 5 % over 15.00 = 15.75", () => {
    const { catalog } = withRescue();
    // Pro renews with pricePolicy capped, upliftCapPercent 5: list 20.00 > 15.00 × 1.05 = 15.75.
    const renew = move(
      paths(catalog, arrangementOn("pro", { priceBook: "rescue" }), "2026-04-16"),
      "renew:12",
    );
    expect(renew).toMatchObject({ priceBook: "list", newRecurring: "15.75" });
  });

  it("the catalog with book rules validates cleanly", () => {
    const { patch } = withRescue();
    const doc = structuredClone(fixtureCatalog({ pathRules: rescueRules, patch }).doc);
    const result = validate(doc);
    expect(
      result.diagnostics.filter((d) => d.code.includes("price-book") || d.code.startsWith("paths.case")),
    ).toEqual([]);
  });
});
