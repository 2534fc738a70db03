/**
 * Priced quotes answered from memory. `quotes.price` is a pure function of the published version
 * (immutable, named by its content hash), the date it prices on and the quote, so a `GET` of it is
 * answered with the response bytes kept for exactly that triple: the input text as sent (two
 * different texts never share an entry, even when they mean the same), the content hash of the
 * version it resolves to (a publication moves "latest" to another hash) and the date (`asOf`, or
 * today when it names none). The first call for a key runs the procedure itself through a tRPC
 * caller, so the role check, the input checks and the engine are the procedure's own; only
 * successes are kept, and anything else (a batch, a failure, a caller not admitted) goes to tRPC.
 * A hit costs no tRPC round, no input check and no worker round trip.
 */
import type { ServerResponse } from "node:http";
import { appRouter, type Context, can, createCallerFactory, ResultCache, type Services } from "@tessera/api";

const createCaller = createCallerFactory(appRouter);

/** The tRPC path this cache answers for. */
export const PRICE_PATH = "/trpc/quotes.price";

export class PriceResponses {
  readonly #cache: ResultCache;

  constructor(capacityBytes: number) {
    this.#cache = new ResultCache(capacityBytes);
  }

  /** Entries and bytes kept (for tests). */
  get size(): { entries: number; bytes: number } {
    return this.#cache.size;
  }

  /**
   * Answers a `GET /trpc/quotes.price?input=…` from the cache (computing it on a miss) and returns
   * true, or returns false without touching `res` when tRPC must answer instead.
   */
  async answer(ctx: Context, search: URLSearchParams, res: ServerResponse): Promise<boolean> {
    const role = ctx.principal?.role;
    if (!role || !(can.preview as readonly string[]).includes(role) || search.has("batch")) return false;
    const text = search.get("input");
    if (text === null) return false;
    const found = await keyOf(ctx.services, text);
    if (found === undefined) return false;
    const { key, version } = found;
    let bytes: Buffer;
    try {
      bytes = (await this.#cache.get(key, async () => {
        const input = JSON.parse(text) as Parameters<ReturnType<typeof createCaller>["quotes"]["price"]>[0];
        const data = await createCaller(ctx).quotes.price(input);
        // A publication between the key and the call moved "latest": not this key's result.
        if (data.catalogVersion !== version) throw new Error("The latest version moved.");
        const body = Buffer.from(JSON.stringify({ result: { data } }), "utf8");
        return { value: body, bytes: body.length };
      })) as Buffer;
    } catch {
      // tRPC answers the failure in its own shape (and runs the call again to find it).
      return false;
    }
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": bytes.length,
      vary: "trpc-accept, accept",
    });
    res.end(bytes);
    return true;
  }
}

/**
 * The cache key of an input text, or `undefined` when the text does not name a published version
 * plainly (not JSON, no catalog, a version that does not exist…): tRPC then answers with the reason.
 */
async function keyOf(
  services: Services,
  text: string,
): Promise<{ key: string; version: number } | undefined> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof input !== "object" || input === null) return undefined;
  const { quote, asOf } = input as { quote?: unknown; asOf?: unknown };
  if (typeof quote !== "object" || quote === null) return undefined;
  if (asOf !== undefined && typeof asOf !== "string") return undefined;
  const { catalogId, catalogVersion } = quote as { catalogId?: unknown; catalogVersion?: unknown };
  if (typeof catalogId !== "string") return undefined;
  if (catalogVersion !== undefined && !Number.isSafeInteger(catalogVersion)) return undefined;
  const pv =
    catalogVersion === undefined
      ? await services.published.latest(catalogId)
      : await services.published.version(catalogId, catalogVersion as number);
  if (!pv) return undefined;
  return { key: `${pv.contentHash}\n${asOf ?? services.today()}\n${text}`, version: pv.version };
}
