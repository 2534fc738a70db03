/// <reference lib="webworker" />
/** Runs the engine's validate off the main thread; answers with the diagnostics and the request's sequence number. */
import { validate } from "@tessera/engine";

self.onmessage = (e: MessageEvent<{ seq: number; doc: unknown }>) => {
  const { diagnostics } = validate(e.data.doc);
  self.postMessage({ seq: e.data.seq, diagnostics });
};
