/**
 * Undo and redo of draft edits (zundo over the draft store): every edit is a step, keystrokes in
 * one field coalesce, loading starts a fresh history, and saving does not touch it.
 */
import type { Catalog } from "@tessera/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COALESCE_MS, isDirty, redo, undo, useDraft } from "./draftStore.ts";

const doc = (): Catalog =>
  ({
    id: "acme",
    name: "Acme",
    currencies: ["USD"],
    services: [],
    portfolios: [],
    packages: [],
  }) as unknown as Catalog;

const history = () => useDraft.temporal.getState();

beforeEach(() => {
  vi.useFakeTimers();
  useDraft.getState().load("acme", 1, doc());
});
afterEach(() => {
  useDraft.getState().clear();
  vi.useRealTimers();
});

describe("draft undo/redo", () => {
  it("starts with nothing to undo after a load", () => {
    expect(history().pastStates).toHaveLength(0);
    undo();
    expect(useDraft.getState().doc?.name).toBe("Acme");
  });

  it("undoes and redoes edits of different fields one by one", () => {
    const { set } = useDraft.getState();
    set(["name"], "Acme Cloud");
    set(["currencies"], ["USD", "EUR"]);
    undo();
    expect(useDraft.getState().doc?.currencies).toEqual(["USD"]);
    expect(useDraft.getState().doc?.name).toBe("Acme Cloud");
    undo();
    expect(useDraft.getState().doc?.name).toBe("Acme");
    expect(isDirty(useDraft.getState())).toBe(false);
    redo();
    redo();
    expect(useDraft.getState().doc?.currencies).toEqual(["USD", "EUR"]);
    expect(useDraft.getState().doc?.name).toBe("Acme Cloud");
  });

  it("groups keystrokes in one field into one step, and a pause starts a new one", () => {
    const { set } = useDraft.getState();
    for (const text of ["A", "Ac", "Acm", "Acme 2"]) {
      set(["name"], text);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(COALESCE_MS + 1);
    set(["name"], "Acme 3");
    expect(history().pastStates).toHaveLength(2);
    undo();
    expect(useDraft.getState().doc?.name).toBe("Acme 2");
    undo();
    expect(useDraft.getState().doc?.name).toBe("Acme");
  });

  it("makes a whole-document replace one step and a new edit clears what could be redone", () => {
    const { replace, set } = useDraft.getState();
    replace({ ...doc(), name: "From JSON" });
    undo();
    expect(useDraft.getState().doc?.name).toBe("Acme");
    set(["name"], "Typed");
    expect(history().futureStates).toHaveLength(0);
  });

  it("keeps the history across a save and drops it on a load of another revision", () => {
    const { set } = useDraft.getState();
    set(["name"], "Saved name");
    useDraft.getState().saved(2);
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(isDirty(useDraft.getState())).toBe(true);
    useDraft.getState().load("acme", 3, doc());
    expect(history().pastStates).toHaveLength(0);
    expect(history().futureStates).toHaveLength(0);
  });
});
