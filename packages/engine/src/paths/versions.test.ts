/**
 * Catalog versions over time (issue 13, Missing: catalog versions). Kill Bill's catalog guide: a
 * catalog has versions, each with an effectiveDate for new subscriptions; existing subscriptions
 * keep the version they were created on (grandfathering) unless the new version states
 * effectiveDateForExistingSubscriptions, from which its prices reach them; and a change to the
 * same plan moves a subscription onto the latest version
 * (docs.killbill.io/latest/userguide_subscription.html, "Catalog versions"; Tessera's field is
 * `existingSubscriptionsFrom`). Fixture: version 2 sells Pro at 20.00 a month; version 3, in force
 * from 2026-03-01, sells it at 25.00 and reaches existing customers from 2026-06-01.
 */
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";
import { versionForArrangement, versionInForce } from "./versions.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const v2 = fixtureCatalog({
  patch: (doc) => {
    doc.effectiveDate = "2026-01-01";
  },
});
const v3doc = (patch?: (doc: Catalog) => void) =>
  fixtureCatalog({
    patch: (doc) => {
      doc.version = 3;
      doc.effectiveDate = "2026-03-01";
      doc.existingSubscriptionsFrom = "2026-06-01";
      for (const pp of doc.packages.find((p) => p.id === "pro")!.charges[0]!.pricePoints)
        if (pp.currency === "USD" && pp.billingPeriod === "month") pp.amount = "25.00";
      patch?.(doc);
    },
  });
const v3 = v3doc();
const onPro = arrangementOn("pro"); // sold on version 2, 20.00 a month, billed on the 1st

describe("catalog versions (Kill Bill effectiveDateForExistingSubscriptions)", () => {
  it("new sales use the version in force on the date", () => {
    expect(versionInForce([v2, v3], "2026-02-28")?.doc.version).toBe(2);
    expect(versionInForce([v2, v3], "2026-03-01")?.doc.version).toBe(3);
  });

  it("an arrangement stays on its version until the new prices reach existing customers", () => {
    expect(versionForArrangement([v2, v3], onPro, "2026-04-16")).toEqual({ catalog: v2 });
    const later = versionForArrangement([v2, v3], onPro, "2026-06-01");
    expect(later.catalog?.doc.version).toBe(3);
    expect(later.note).toBe(
      "Catalog version 3 reaches existing customers from 2026-06-01: the arrangement (sold on version 2) is priced on it.",
    );
    // Grandfathered meanwhile: on version 2 the price is still 20.00.
    expect(paths(v2, onPro, "2026-04-16", { newest: v3 }).current.recurring).toBe("20.00");
  });

  it("a change to the same package moves onto the newest version at the next billing date: 20.00 → 25.00", () => {
    const m = move(paths(v2, onPro, "2026-04-16", { newest: v3 }), "change_version:3");
    expect(m).toMatchObject({
      kind: "change_version",
      valid: true,
      timing: "next_billing_date",
      effectiveDate: "2026-05-01",
      proration: [],
      newRecurring: "25.00",
      mrrDelta: "5.00",
      termRestarts: false,
    });
    expect(m.notes).toEqual(["Prices of catalog version 3 apply from 2026-05-01: 20.00 → 25.00 per period."]);
    const done = applyMove(v2, onPro, { id: "change_version:3" }, "2026-04-16", { newest: v3 });
    if (!done.ok) throw new Error(done.reasons.join(" "));
    expect(done.arrangement).toMatchObject({ catalogVersion: 3, package: "pro", recurring: "25.00" });
    // On version 3 there is nothing newer to move to.
    expect(
      paths(v3, done.arrangement, "2026-05-01", { newest: v3 }).moves.some(
        (x) => x.kind === "change_version",
      ),
    ).toBe(false);
  });

  it("is blocked when the newest version no longer has the package", () => {
    const without = v3doc((doc) => {
      doc.packages = doc.packages.filter((p) => p.id !== "studio");
    });
    const m = move(paths(v2, arrangementOn("studio"), "2026-04-16", { newest: without }), "change_version:3");
    expect(m.reasons).toEqual(["Studio is not in catalog version 3; change to one of its packages instead."]);
  });

  it("the validator refuses a version that reaches existing customers before it is in force", () => {
    const doc = structuredClone(v3.doc);
    doc.existingSubscriptionsFrom = "2026-02-01";
    expect(validate(doc).diagnostics.map((d) => [d.code, d.severity, d.pointer])).toContainEqual([
      "dates.out-of-order",
      "error",
      "/existingSubscriptionsFrom",
    ]);
  });
});
