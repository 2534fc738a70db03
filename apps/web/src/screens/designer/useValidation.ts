/**
 * Live validation of the working copy in a Web Worker (the engine's own `validate`), debounced so
 * typing stays smooth on big catalogs. Results for stale documents are dropped.
 */
import type { Diagnostic } from "@tessera/engine";
import { useEffect, useRef, useState } from "react";

export function useLiveValidation(doc: unknown): { diagnostics: Diagnostic[]; pending: boolean } {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [state, setState] = useState<{ diagnostics: Diagnostic[]; pending: boolean }>({
    diagnostics: [],
    pending: true,
  });
  useEffect(() => {
    const w = new Worker(new URL("../../engine/validate.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<{ seq: number; diagnostics: Diagnostic[] }>) => {
      if (e.data.seq === seq.current) setState({ diagnostics: e.data.diagnostics, pending: false });
    };
    return () => w.terminate();
  }, []);
  useEffect(() => {
    if (doc === null || doc === undefined) return;
    const n = ++seq.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => worker.current?.postMessage({ seq: n, doc }), 250);
    return () => clearTimeout(timer);
  }, [doc]);
  return state;
}
