import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateArrangement } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { examples, run } from "./harness.ts";

const CATALOG = "schemas/examples/saas.catalog.json";
const ARRANGEMENT = "schemas/examples/saas.arrangement.json";
const arrangement = JSON.parse(readFileSync(`${examples}saas.arrangement.json`, "utf8"));

describe("tessera paths", () => {
  it("prints every move with its reasons, dates, proration and add-on fates as JSON", async () => {
    const r = await run(["paths", CATALOG, ARRANGEMENT, "--as-of", "2026-09-10", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const up = out.moves.find((m: { id: string }) => m.id === "upgrade:collab-business");
    expect(up).toMatchObject({
      kind: "upgrade",
      target: "collab-business",
      valid: true,
      reasons: [],
      effectiveDate: "2026-09-10",
      addOns: [{ package: "collab-storage-pack", fate: "carried" }],
    });
    expect(up.proration.map((l: { kind: string }) => l.kind)).toEqual(["credit", "charge"]);
    expect(up.proration[0].amount).toBe("-172.90"); // 247.00 × 21/30 days unused
    for (const m of out.moves) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(["kind", "target", "valid", "reasons", "proration", "addOns"]),
      );
    }
    const sso = out.moves.find((m: { id: string }) => m.id === "add_on:collab-sso");
    expect(sso.valid).toBe(false);
    expect(out.moves.at(-1).id).toBe("terminate");
  });

  it("prints a readable list without --json", async () => {
    const r = await run(["paths", CATALOG, ARRANGEMENT, "--as-of", "2026-09-10"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("collab-team: 247.00 USD per period, MRR 247.00");
    expect(r.stdout).toMatch(
      /✗ add_on:collab-sso +Add SSO & SCIM\n +blocked: SSO & SCIM needs a package of tier 3/,
    );
    expect(r.stdout).toContain("credit -172.90: Unused time on Team (21 of 30 days)");
    // 443.44 × 21/30 = 310.408 → 310.41; 310.41 − 172.90 = 137.51 due for the upgrade.
    expect(r.stdout).toContain(
      "charge 310.41: Remaining time on Business (21 of 30 days)\n      net due 137.51",
    );
  });

  it("exits 2 without --as-of or with a bad date, and 1 for an invalid arrangement", async () => {
    expect((await run(["paths", CATALOG, ARRANGEMENT])).code).toBe(2);
    const bad = await run(["paths", CATALOG, ARRANGEMENT, "--as-of", "2026-13-01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of "2026-13-01" is not a calendar date');
    const invalid = await run(["paths", CATALOG, "-", "--as-of", "2026-09-10"], {
      stdin: JSON.stringify({ ...arrangement, term: undefined }),
    });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("the arrangement is not a valid arrangement document");
    expect((await run(["paths", CATALOG, "missing.json", "--as-of", "2026-09-10"])).code).toBe(2);
  });
});

describe("tessera apply", () => {
  it("prints the new arrangement of a valid move", async () => {
    const r = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "upgrade:collab-business" }),
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const next = JSON.parse(r.stdout);
    expect(next).toMatchObject({
      package: "collab-business",
      packageSince: "2026-09-10",
      recurring: "443.44",
    });
    expect(validateArrangement(next)).toBe(true);
  });

  it("takes a quantity for a quantity change and schedules a termination", async () => {
    const seats = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "change_quantity:team-seats", quantity: 20 }),
    });
    expect(seats.code).toBe(0);
    expect(JSON.parse(seats.stdout).quantities["team-seats"]).toBe(20);
    const cancel = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10"], {
      stdin: JSON.stringify({ id: "terminate" }),
    });
    expect(cancel.code).toBe(0);
    expect(cancel.stdout.split("\n")[0]).toBe("Cancel Team: effective 2027-06-01, 0.00 per period");
    expect(cancel.stdout).toContain('"status": "pending_termination"');
  });

  it("terminates on a chosen future date, and uncancels a pending termination", async () => {
    // Team has 30 days' notice: from 2026-09-10 the earliest end is 2026-10-10.
    const chosen = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "terminate", date: "2026-12-01" }),
    });
    expect(chosen.stderr).toBe("");
    const pending = JSON.parse(chosen.stdout);
    expect(pending).toMatchObject({ status: "pending_termination", terminationDate: "2026-12-01" });
    const early = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10"], {
      stdin: JSON.stringify({ id: "terminate", date: "2026-10-01" }),
    });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("the earliest end date is 2026-10-10");
    const dir = await mkdtemp(join(tmpdir(), "tessera-"));
    const file = join(dir, "pending.json");
    await writeFile(file, chosen.stdout, "utf8");
    const kept = await run(["apply", CATALOG, file, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "uncancel" }),
    });
    expect(kept.stderr).toBe("");
    const active = JSON.parse(kept.stdout);
    expect(active.status).toBe("active");
    expect(active.terminationDate).toBeUndefined();
  });

  it("renews with new quantities, and refuses quantities that are not whole numbers", async () => {
    const r = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "renew:12", quantities: { "team-seats": 30 } }),
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).quantities["team-seats"]).toBe(30);
    const bad = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10"], {
      stdin: JSON.stringify({ id: "renew:12", quantities: { "team-seats": "30" } }),
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the move\'s quantity of "team-seats" must be a whole number');
  });

  it("refuses a blocked move with the reasons paths gives, exit 1", async () => {
    const r = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10", "--json"], {
      stdin: JSON.stringify({ id: "add_on:collab-sso" }),
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      reasons: ["SSO & SCIM needs a package of tier 3 or higher (Business or higher); Team is tier 2."],
    });
    const text = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10"], {
      stdin: JSON.stringify({ id: "warp:collab-ultra" }),
    });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('There is no move "warp:collab-ultra" from this arrangement.');
  });

  it("exits 1 for a move document without an id, 2 for a wrong argument count", async () => {
    const r = await run(["apply", CATALOG, ARRANGEMENT, "-", "--as-of", "2026-09-10"], { stdin: "{}" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the move needs an "id"');
    expect((await run(["apply", CATALOG, ARRANGEMENT])).code).toBe(2);
  });
});

describe("tessera paths and apply with several catalog versions (Kill Bill catalog versions)", () => {
  // Version 2 of the saas catalog, in force from 2026-08-01, raises Team's storage blocks from
  // 2.00 to 2.50 (USD, monthly). The sample arrangement (version 1, 247.00 a month) holds
  // 150 GB with 100 included: 50 GB in blocks of 10 = 5 blocks, 5 × 2.00 = 10.00 → 5 × 2.50 = 12.50.
  // Its 12-month term takes 5 % off: 247.00 is 260.00 list − 13.00; on version 2 the list is
  // 262.50, 5 % of it 13.125 → 13.13 (rounded once), so 262.50 − 13.13 = 249.37 (MRR +2.37).
  async function versions(existingFrom?: string) {
    const v2 = JSON.parse(readFileSync(`${examples}saas.catalog.json`, "utf8"));
    v2.version = 2;
    v2.effectiveDate = "2026-08-01";
    if (existingFrom) v2.existingSubscriptionsFrom = existingFrom;
    const team = v2.packages.find((p: { id: string }) => p.id === "collab-team");
    const storage = team.charges.find((c: { id: string }) => c.id === "team-storage-fee");
    storage.pricePoints.find(
      (p: { currency: string; billingPeriod: string }) => p.currency === "USD" && p.billingPeriod === "month",
    ).unitAmount = "2.50";
    const dir = await mkdtemp(join(tmpdir(), "tessera-versions-"));
    const file = join(dir, "saas-v2.catalog.json");
    await writeFile(file, JSON.stringify(v2));
    return file;
  }

  it("keeps the arrangement on its version and offers the change to version 2 on the next billing date", async () => {
    const v2 = await versions();
    const r = await run(["paths", CATALOG, v2, ARRANGEMENT, "--as-of", "2026-09-10", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.current.recurring).toBe("247.00");
    expect(out.moves.find((m: { id: string }) => m.id === "change_version:2")).toMatchObject({
      valid: true,
      effectiveDate: "2026-10-01",
      newRecurring: "249.37",
      mrrDelta: "2.37",
    });
    const moveFile = join(await mkdtemp(join(tmpdir(), "tessera-move-")), "move.json");
    await writeFile(moveFile, JSON.stringify({ id: "change_version:2" }));
    const applied = await run([
      "apply",
      CATALOG,
      v2,
      ARRANGEMENT,
      moveFile,
      "--as-of",
      "2026-09-10",
      "--json",
    ]);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ catalogVersion: 2, recurring: "249.37" });
  });

  it("prices on version 2 once it reaches existing customers, and says so", async () => {
    const v2 = await versions("2026-09-01");
    const r = await run(["paths", CATALOG, v2, ARRANGEMENT, "--as-of", "2026-09-10"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Catalog version 2 reaches existing customers from 2026-09-01: the arrangement (sold on version 1) is priced on it.",
    );
  });
});
