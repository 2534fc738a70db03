/**
 * Revising a saved quote in the builder: loads the quote, and once its catalog version is loaded,
 * starts the draft from the saved selection (without its id and status, which the server assigns
 * to the new revision) and tells the builder which catalog, portfolio, currency, customer and
 * title to show.
 */
import { useQuery } from "@tanstack/react-query";
import type { CompiledCatalog } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import { useEffect, useRef } from "react";
import { type RouterOutputs, useTRPC } from "../../api/trpc.ts";
import { useQuoteDraft } from "./quoteStore.ts";

export type RevisedQuote = RouterOutputs["quotes"]["get"];

export interface RevisionSetters {
  setPortfolioId: (id: string | null) => void;
  setCurrency: (currency: string | null) => void;
  setCustomer: (customer: string) => void;
  setTitle: (title: string) => void;
}

/** The quote being revised (undefined when building a new one); starts the draft once. */
export function useRevision(
  quoteId: string | undefined,
  catalog: CompiledCatalog | undefined,
  version: number | undefined,
  setters: RevisionSetters,
): { revised: RevisedQuote | undefined; pin: { catalogId: string; version: number } | undefined } {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.quotes.get.queryOptions({ id: quoteId ?? "" }),
    enabled: quoteId !== undefined,
  });
  const revised = quoteId === undefined ? undefined : query.data;
  const settersRef = useRef(setters);
  settersRef.current = setters;

  useEffect(() => {
    // Started once: while the draft holds a quote it is the rep's (the builder clears it on leaving).
    if (!revised || !catalog || useQuoteDraft.getState().quote !== null) return;
    if (catalog.doc.id !== revised.catalogId || version !== revised.catalogVersion) return;
    const { id: _id, status: _status, ...selection } = revised.doc;
    const quote: Quote = selection;
    const pkg = catalog.packages.get(quote.package)?.value;
    const s = settersRef.current;
    if (pkg) s.setPortfolioId(pkg.portfolio);
    s.setCurrency(quote.currency ?? null);
    s.setCustomer(quote.customer ?? "");
    s.setTitle(quote.title ?? "");
    useQuoteDraft.getState().start(revised.catalogId, revised.catalogVersion, quote);
  }, [revised, catalog, version]);

  return {
    revised,
    pin: revised ? { catalogId: revised.catalogId, version: revised.catalogVersion } : undefined,
  };
}
