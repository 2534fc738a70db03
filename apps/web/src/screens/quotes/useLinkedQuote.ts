/**
 * A quote opened from a link (the public pricing page's "Configure" buttons):
 * `/quotes/new?catalog=…&package=…&period=month|year&currency=…` starts the quote on that
 * package, billing period and currency once the catalog is loaded, as if the rep had chosen them.
 */
import { useEffect, useRef } from "react";
import { queryParam, useNavigation } from "../../navigation/store.ts";
import { useQuoteDraft } from "./quoteStore.ts";

/** The link's parameters (null when absent). */
export function linkedQuote(path: string) {
  return {
    catalog: queryParam(path, "catalog"),
    package: queryParam(path, "package"),
    period: queryParam(path, "period"),
    currency: queryParam(path, "currency"),
  };
}

/** Starts the linked package once (`choose` is the builder's own package choice). */
export function useLinkedQuote(ready: boolean, choose: (packageId: string) => void): void {
  const path = useNavigation((s) => s.path);
  const done = useRef(false);
  useEffect(() => {
    const link = linkedQuote(path);
    if (done.current || !ready || !link.package || useQuoteDraft.getState().quote) return;
    done.current = true;
    choose(link.package);
    const period = link.period;
    if (period === "month" || period === "year")
      useQuoteDraft.getState().edit((q) => ({ ...q, billingPeriod: period }));
  }, [ready, path, choose]);
}
