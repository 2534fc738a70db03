/// <reference lib="webworker" />
/**
 * Configures and prices the quote being built off the main thread, so clicking and typing never
 * wait for the engine on a big package. The catalog is compiled once per version (by `key`); each
 * quote answers with its sequence number, so the page drops answers to quotes it has moved past.
 */
import { type CompiledCatalog, configure, price, validate } from "@tessera/engine";
import type { Quote } from "@tessera/schema";

export type ConfigureRequest =
  | { type: "catalog"; key: string; doc: unknown }
  | { type: "quote"; key: string; seq: number; quote: Quote; asOf: string };

let compiled: { key: string; catalog: CompiledCatalog | undefined } | undefined;

self.onmessage = (e: MessageEvent<ConfigureRequest>) => {
  const msg = e.data;
  if (msg.type === "catalog") {
    if (compiled?.key !== msg.key) compiled = { key: msg.key, catalog: validate(msg.doc).catalog };
    return;
  }
  const catalog = compiled?.key === msg.key ? compiled.catalog : undefined;
  if (!catalog) {
    self.postMessage({ seq: msg.seq, error: "The catalog of this quote is not loaded." });
    return;
  }
  try {
    const configuration = configure(catalog, msg.quote);
    const priced = price(catalog, msg.quote, msg.asOf);
    self.postMessage({ seq: msg.seq, configuration, priced });
  } catch (err) {
    self.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
};
