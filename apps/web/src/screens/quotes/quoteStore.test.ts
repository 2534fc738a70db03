import { beforeEach, describe, expect, it } from "vitest";
import { setQuantity, toggleAddOn, togglePick, useQuoteDraft } from "./quoteStore.ts";

const base = { package: "team", picks: ["std"], quantities: { seats: 5 } };

describe("quote draft store", () => {
  beforeEach(() => useQuoteDraft.getState().clear());

  it("undoes and redoes edits one at a time, and reset returns to the defaults", () => {
    const s = useQuoteDraft.getState();
    s.start("acme", 1, base);
    s.edit((q) => setQuantity(q, "seats", 6));
    s.edit((q) => setQuantity(q, "seats", 7));
    expect(useQuoteDraft.getState().quote?.quantities?.seats).toBe(7);
    s.undo();
    expect(useQuoteDraft.getState().quote?.quantities?.seats).toBe(6);
    s.redo();
    expect(useQuoteDraft.getState().quote?.quantities?.seats).toBe(7);
    s.reset();
    expect(useQuoteDraft.getState().quote).toEqual(base);
    // Reset itself can be undone: nothing the seller did is lost.
    s.undo();
    expect(useQuoteDraft.getState().quote?.quantities?.seats).toBe(7);
  });

  it("a new edit after undo drops the redo branch", () => {
    const s = useQuoteDraft.getState();
    s.start("acme", 1, base);
    s.edit((q) => setQuantity(q, "seats", 6));
    s.undo();
    s.edit((q) => setQuantity(q, "seats", 9));
    expect(useQuoteDraft.getState().future).toEqual([]);
    s.redo();
    expect(useQuoteDraft.getState().quote?.quantities?.seats).toBe(9);
  });

  it("a switch replaces what configure says it replaces; a plain pick adds; a picked option is unpicked", () => {
    expect(togglePick(base, "prio", ["std"]).picks).toEqual(["prio"]);
    expect(togglePick({ ...base, picks: ["std", "eu", "sso"] }, "prio", ["std", "eu"]).picks).toEqual([
      "sso",
      "prio",
    ]);
    expect(togglePick(base, "sso").picks).toEqual(["std", "sso"]);
    expect(togglePick(base, "std").picks).toEqual([]);
  });

  it("toggles add-ons on and off", () => {
    const withAddOn = toggleAddOn(base, "sso");
    expect(withAddOn.addOns).toEqual([{ package: "sso" }]);
    expect(toggleAddOn(withAddOn, "sso").addOns).toEqual([]);
  });
});
