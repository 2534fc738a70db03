/**
 * The quote being built, with undo/redo: every edit pushes the previous quote on `past`, so
 * "Undo" walks back click by click and "Reset" returns to the package's defaults.
 */
import { type CompiledCatalog, configure } from "@tessera/engine";
import type { Package, Quote } from "@tessera/schema";
import { create } from "zustand";

export interface QuoteDraftState {
  catalogId: string | null;
  catalogVersion: number | null;
  quote: Quote | null;
  /** The quote right after the package was chosen (what Reset returns to). */
  initial: Quote | null;
  past: Quote[];
  future: Quote[];
  /** Starts a quote for a package from its defaults; clears history. */
  start: (catalogId: string, catalogVersion: number, quote: Quote) => void;
  /** Applies an edit; the previous quote becomes undoable. */
  edit: (update: (quote: Quote) => Quote) => void;
  undo: () => void;
  redo: () => void;
  reset: () => void;
  clear: () => void;
}

const HISTORY_LIMIT = 200;

const empty = {
  catalogId: null,
  catalogVersion: null,
  quote: null,
  initial: null,
  past: [],
  future: [],
};

export const useQuoteDraft = create<QuoteDraftState>()((set) => ({
  ...empty,
  start: (catalogId, catalogVersion, quote) =>
    set({ catalogId, catalogVersion, quote, initial: quote, past: [], future: [] }),
  edit: (update) =>
    set((s) => {
      if (!s.quote) return s;
      const next = update(s.quote);
      if (next === s.quote) return s;
      return { quote: next, past: [...s.past, s.quote].slice(-HISTORY_LIMIT), future: [] };
    }),
  undo: () =>
    set((s) => {
      const prev = s.past.at(-1);
      if (!prev || !s.quote) return s;
      return { quote: prev, past: s.past.slice(0, -1), future: [s.quote, ...s.future] };
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.future;
      if (!next || !s.quote) return s;
      return { quote: next, past: [...s.past, s.quote], future: rest };
    }),
  reset: () =>
    set((s) =>
      s.initial && s.quote !== s.initial ? { quote: s.initial, past: [...s.past, s.quote!], future: [] } : s,
    ),
  clear: () => set(empty),
}));

/**
 * Toggles a pick. Picking a `switch` choice of a pick-one group first removes what configure says
 * it replaces (the group's pick and the picks nested under it).
 */
export function togglePick(quote: Quote, optionId: string, replaces: readonly string[] = []): Quote {
  const picks = quote.picks ?? [];
  if (picks.includes(optionId)) return { ...quote, picks: picks.filter((p) => p !== optionId) };
  const kept = replaces.length > 0 ? picks.filter((p) => !replaces.includes(p)) : picks;
  return { ...quote, picks: [...kept, optionId] };
}

/** Adds or removes an add-on (quantity 1 when added). */
export function toggleAddOn(quote: Quote, addOnId: string): Quote {
  const addOns = quote.addOns ?? [];
  if (addOns.some((a) => a.package === addOnId))
    return { ...quote, addOns: addOns.filter((a) => a.package !== addOnId) };
  return { ...quote, addOns: [...addOns, { package: addOnId }] };
}

export function setQuantity(quote: Quote, component: string, value: number): Quote {
  return { ...quote, quantities: { ...quote.quantities, [component]: value } };
}

/** A new quote for a package, with the engine's defaults filled in (term, billing period, picks). */
export function startQuote(catalog: CompiledCatalog, pkg: Package, base: Omit<Quote, "package">): Quote {
  const draft: Quote = { ...base, package: pkg.id };
  const cfg = configure(catalog, draft);
  return {
    ...draft,
    ...(cfg.termMonths !== undefined ? { termMonths: cfg.termMonths } : {}),
    ...(cfg.termWeeks !== undefined ? { termWeeks: cfg.termWeeks } : {}),
    ...(cfg.billingPeriod !== undefined ? { billingPeriod: cfg.billingPeriod } : {}),
    picks: cfg.defaultsApplied.picks,
  };
}
