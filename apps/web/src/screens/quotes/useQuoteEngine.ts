/**
 * The configuration and price of the quote being built, computed in a Web Worker
 * (engine/configure.worker.ts) so input never waits for the engine. While a newer quote is being
 * computed the last answer stays on screen (`pending` is true); answers to older quotes are dropped.
 */
import type { Configuration, PriceResult } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import { useEffect, useRef, useState } from "react";
import type { ConfigureRequest } from "../../engine/configure.worker.ts";
import { today } from "../../engine/useCatalog.ts";

export interface QuoteEngineState {
  configuration: Configuration | undefined;
  priced: PriceResult | undefined;
  /** The quote the answer above is for (it lags `quote` while `pending`). */
  answered: Quote | undefined;
  pending: boolean;
  error: string | undefined;
}

type Answer =
  | { seq: number; configuration: Configuration; priced: PriceResult }
  | { seq: number; error: string };

const idle: QuoteEngineState = {
  configuration: undefined,
  priced: undefined,
  answered: undefined,
  pending: false,
  error: undefined,
};

/** `catalogKey` names the catalog version (e.g. "acme@3"); `doc` is its published JSON. */
export function useQuoteEngine(
  catalogKey: string | undefined,
  doc: unknown,
  quote: Quote | null,
): QuoteEngineState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const sent = useRef(new Map<number, Quote>());
  const [state, setState] = useState<QuoteEngineState>(idle);

  useEffect(() => {
    const w = new Worker(new URL("../../engine/configure.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<Answer>) => {
      const a = e.data;
      const asked = sent.current.get(a.seq);
      sent.current.delete(a.seq);
      if (a.seq !== seq.current || !asked) return;
      if ("error" in a) setState((s) => ({ ...s, pending: false, error: a.error }));
      else
        setState({
          configuration: a.configuration,
          priced: a.priced,
          answered: asked,
          pending: false,
          error: undefined,
        });
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (catalogKey === undefined || doc === undefined) return;
    worker.current?.postMessage({ type: "catalog", key: catalogKey, doc } satisfies ConfigureRequest);
  }, [catalogKey, doc]);

  useEffect(() => {
    if (!quote || catalogKey === undefined) {
      seq.current++;
      setState(idle);
      return;
    }
    const n = ++seq.current;
    sent.current.clear();
    sent.current.set(n, quote);
    setState((s) => ({ ...s, pending: true }));
    worker.current?.postMessage({
      type: "quote",
      key: catalogKey,
      seq: n,
      quote,
      asOf: today(),
    } satisfies ConfigureRequest);
  }, [catalogKey, quote]);

  return state;
}
