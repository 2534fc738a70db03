/** The breaking-change diff between two versions of the B2B SaaS sample catalog. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolvePointer } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { diffCatalogs } from "../src/index.ts";

const saas = (): Catalog =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../../schemas/examples/saas.catalog.json"), "utf8"));
const pkg = (c: Catalog, id: string) => c.packages.find((p) => p.id === id)!;

describe("diffCatalogs", () => {
  it("finds nothing between a catalog and itself", () => {
    expect(diffCatalogs(saas(), saas())).toEqual({ breaking: false, changes: [] });
  });

  it("lists a price change per currency without calling it breaking", () => {
    const after = saas();
    const fee = pkg(after, "collab-team").charges.find((c) => c.id === "team-premium-support-fee")!;
    fee.pricePoints[0]!.amount = "109.00";
    const d = diffCatalogs(saas(), after);
    expect(d.breaking).toBe(false);
    expect(d.changes).toEqual([
      expect.objectContaining({
        code: "price.changed",
        breaking: false,
        side: "new",
        message:
          "Charge team-premium-support-fee of collab-team changed its price in USD per month from 99.00 to 109.00.",
        before: { amount: "99.00" },
        after: { amount: "109.00" },
      }),
    ]);
    expect(resolvePointer(after, d.changes[0]!.pointer).value).toBe(fee.pricePoints[0]);
  });

  it("calls removed and renamed ids, dropped currencies and price points breaking", () => {
    const before = saas();
    const after = saas();
    after.packages = after.packages.filter((p) => p.id !== "collab-meetings-pro");
    pkg(after, "collab-starter").id = "collab-starter-2026";
    for (const p of after.portfolios)
      if (p.packageOrder)
        p.packageOrder = p.packageOrder.map((id) => (id === "collab-starter" ? "collab-starter-2026" : id));
    const team = pkg(after, "collab-team");
    team.billingPeriods = ["month"];
    const d = diffCatalogs(before, after);
    expect(d.breaking).toBe(true);
    const codes = d.changes.map((c) => c.code);
    expect(codes).toContain("package.renamed");
    expect(codes).toContain("package.removed");
    expect(codes).toContain("package.billing-period.removed");
    const removed = d.changes.find((c) => c.code === "package.removed")!;
    expect(removed.side).toBe("old");
    expect(resolvePointer(before, removed.pointer).value).toMatchObject({ id: "collab-meetings-pro" });
    // Named as the designer knows it, then by the id consumers hold.
    expect(removed.message).toBe("The package “Meetings Pro” (collab-meetings-pro) was removed.");
    const renamed = d.changes.find((c) => c.code === "package.renamed")!;
    expect(renamed).toMatchObject({ before: "collab-starter", after: "collab-starter-2026" });
    expect(resolvePointer(after, renamed.pointer).value).toBe("collab-starter-2026");
  });

  it("calls a move that became illegal breaking and a changed timing not", () => {
    const after = saas();
    after.pathRules = [
      { id: "no-downgrades", kinds: ["downgrade"], outcome: { timing: "illegal" } },
      ...(after.pathRules ?? []),
    ];
    const d = diffCatalogs(saas(), after);
    expect(d.breaking).toBe(true);
    const blocked = d.changes.filter((c) => c.code === "path.blocked");
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((c) => c.after === "illegal" && c.breaking)).toBe(true);
    expect(blocked.map((c) => c.message)).toContain(
      "The move collab-team → collab-starter (yearly, evergreen) was allowed (end_of_term) and is now blocked.",
    );
  });

  it("calls a removed currency and an add-on that no longer fits breaking", () => {
    const after = saas();
    after.currencies = after.currencies.filter((c) => c !== "JPY") as Catalog["currencies"];
    const sso = pkg(after, "collab-sso");
    // Was: any base of the portfolio from tier 3 (business, enterprise); now: enterprise only.
    sso.addOn = { packages: ["collab-enterprise"] };
    const d = diffCatalogs(saas(), after);
    const codes = d.changes.filter((c) => c.breaking).map((c) => c.code);
    expect(codes).toContain("currency.removed");
    expect(codes).toContain("add-on.no-longer-fits");
  });
});
