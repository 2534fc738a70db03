import { describe, expect, it } from "vitest";
import { freshId, ID_PATTERN, idProblem, shownName, slugOf } from "./ids.ts";

describe("ids of new things", () => {
  it("derives a valid id from a name", () => {
    expect(slugOf("SSO & SCIM")).toBe("sso-scim");
    expect(slugOf("Équipe Pro")).toBe("equipe-pro");
    expect(slugOf("  Storage (1 TB) pack ")).toBe("storage-1-tb-pack");
    expect(slugOf("Seats", "collab-team")).toBe("collab-team-seats");
    expect(slugOf("!!!")).toBe("");
    const long = slugOf("x".repeat(200));
    expect(long).toHaveLength(80);
    expect(ID_PATTERN.test(long)).toBe(true);
  });

  it("numbers a derived id that is taken, and falls back when the name has no letters", () => {
    expect(freshId("Team", new Set(["team", "team-2"]))).toBe("team-3");
    expect(freshId("?", new Set(), "charge")).toBe("charge");
    expect(freshId("?", new Set())).toBe("item");
    const taken = new Set([freshId("y".repeat(100), new Set())]);
    const next = freshId("y".repeat(100), taken);
    expect(ID_PATTERN.test(next)).toBe(true);
    expect(taken.has(next)).toBe(false);
  });

  it("refuses an invalid or taken id with the reason", () => {
    const taken = new Set(["collab-team"]);
    expect(idProblem("", taken)).toBe("Give it an id.");
    expect(idProblem("Team", taken)).toMatch(/lower-case/);
    expect(idProblem("-team", taken)).toMatch(/starts with a letter or a digit/);
    expect(idProblem("team plan", taken)).toMatch(/a space/);
    expect(idProblem("team/plan", taken)).toMatch(/“\/” is not allowed/);
    expect(idProblem("a".repeat(81), taken)).toMatch(/at most 80/);
    expect(idProblem("collab-team", taken)).toMatch(/already used/);
    expect(idProblem("collab-team", taken)).toBe(
      "The id “collab-team” is already used in this catalog; ids are unique across it.",
    );
    // A catalog's own id is unique among catalogs, and the refusal says so.
    expect(idProblem("collab-team", taken, "by another catalog")).toBe(
      "The id “collab-team” is already used by another catalog.",
    );
    expect(idProblem("collab-team-2", taken)).toBeUndefined();
  });

  it("agrees with the schema's pattern on every id it accepts", () => {
    for (const id of ["a", "0", "a.b_c-d", "x".repeat(80), "A", "a b", "_a", "é"])
      expect(idProblem(id, new Set()) === undefined).toBe(ID_PATTERN.test(id));
  });
});

describe("the name a list shows", () => {
  it("is the name, or the id marked (no name) while the name is blank", () => {
    expect(shownName("Support Team", "support-team")).toBe("Support Team");
    expect(shownName("", "support-team")).toBe("support-team (no name)");
    expect(shownName("   ", "support-team")).toBe("support-team (no name)");
    expect(shownName(undefined, "support-team")).toBe("support-team (no name)");
  });
});
