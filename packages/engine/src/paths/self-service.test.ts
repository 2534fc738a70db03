/** Which moves a customer may make themselves: the catalog's flags, and the defaults when it is silent. */
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { isSelfService } from "./self-service.ts";
import type { Move } from "./types.ts";

const move = (kind: Move["kind"], extra: Partial<Move> = {}): Move => ({
  id: `${kind}:x`,
  kind,
  target: "x",
  label: kind,
  valid: true,
  reasons: [],
  notes: [],
  proration: [],
  addOns: [],
  ...extra,
});

const catalog = {
  packages: [
    { id: "archive", role: "add_on", addOn: { selfService: false } },
    { id: "sso", role: "add_on", addOn: {} },
  ],
  pathRules: [
    { id: "quiet-upgrade", kinds: ["upgrade"], outcome: { timing: "immediate" } },
    { id: "closed-upgrade", kinds: ["upgrade"], selfService: false, outcome: { timing: "immediate" } },
    { id: "open-downgrade", kinds: ["downgrade"], selfService: true, outcome: { timing: "end_of_term" } },
    { id: "quiet-downgrade", kinds: ["downgrade"], outcome: { timing: "end_of_term" } },
  ],
} as unknown as Catalog;

describe("isSelfService", () => {
  it("follows the deciding case's flag, and defaults to upgrades only", () => {
    expect(isSelfService(catalog, move("upgrade", { ruleCase: "quiet-upgrade" }))).toBe(true);
    expect(isSelfService(catalog, move("upgrade", { ruleCase: "closed-upgrade" }))).toBe(false);
    expect(isSelfService(catalog, move("downgrade", { ruleCase: "open-downgrade" }))).toBe(true);
    expect(isSelfService(catalog, move("downgrade", { ruleCase: "quiet-downgrade" }))).toBe(false);
    // No case decided it: the built-in defaults.
    expect(isSelfService(catalog, move("upgrade"))).toBe(true);
    for (const kind of ["downgrade", "crossgrade", "renew", "terminate"] as const)
      expect(isSelfService(catalog, move(kind))).toBe(false);
  });

  it("follows the add-on's flag when adding one (default yes), and keeps the rest with the account team", () => {
    expect(isSelfService(catalog, move("add_on", { target: "sso" }))).toBe(true);
    expect(isSelfService(catalog, move("add_on", { target: "archive" }))).toBe(false);
    expect(isSelfService(catalog, move("uncancel"))).toBe(true);
    for (const kind of ["remove_add_on", "change_quantity", "retention_offer"] as const)
      expect(isSelfService(catalog, move(kind, { target: "sso" }))).toBe(false);
  });
});
