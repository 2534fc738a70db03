/**
 * The read-only TM Forum TMF620 v5 API over every published catalog's latest version, at
 * `/tmf-api/productCatalogManagement/v5/{resource}[/{id}]`, with TMF630 filtering, `fields=`
 * selection and `offset`/`limit` paging (`X-Total-Count`, `X-Result-Count`). Same tokens as the
 * feed. Each version's view is built once and kept (versions are immutable).
 * @see https://www.tmforum.org/oda/open-apis/directory/product-catalog-management-api-TMF620/v5.0
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "@tessera/api";
import {
  parseTmfQuery,
  runTmfQuery,
  stringifyTmf,
  TMF620_BASE,
  type Tmf620View,
  type TmfResourceName,
  toTmf620,
} from "@tessera/interop";
import { admitReader } from "./feed.ts";

const RESOURCES: TmfResourceName[] = [
  "catalog",
  "category",
  "productSpecification",
  "productOffering",
  "productOfferingPrice",
];
const PATH = new RegExp(`^${TMF620_BASE}/([A-Za-z]+)(?:/([^/]+))?$`);

/** TMF630's error shape. */
function tmfError(res: ServerResponse, status: number, code: string, reason: string, message: string): void {
  const body = JSON.stringify({ code, reason, message, status: String(status), "@type": "Error" });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

export class Tmf620Views {
  readonly #views = new Map<string, Tmf620View>();
  constructor(private readonly capacity = 64) {}

  /** The TMF620 resources of the latest version of every published catalog. */
  async all(services: Services): Promise<Tmf620View> {
    const merged: Tmf620View = {
      catalog: [],
      category: [],
      productSpecification: [],
      productOffering: [],
      productOfferingPrice: [],
    };
    for (const id of await services.published.publishedIds()) {
      const pv = await services.published.latest(id);
      if (!pv) continue;
      let view = this.#views.get(pv.contentHash);
      if (!view) {
        view = toTmf620(services.published.doc(pv), pv.version, { publishedAt: pv.publishedAt });
        if (this.#views.size >= this.capacity) this.#views.delete(this.#views.keys().next().value!);
        this.#views.set(pv.contentHash, view);
      }
      for (const name of RESOURCES) merged[name].push(...view[name]);
    }
    return merged;
  }
}

export async function handleTmf620(
  services: Services,
  views: Tmf620Views,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return tmfError(res, 405, "405", "Method not allowed", "This TMF620 API is read-only: use GET.");
  }
  const m = PATH.exec(path);
  const resource = m?.[1] as TmfResourceName | undefined;
  if (!m || !resource || !RESOURCES.includes(resource))
    return tmfError(
      res,
      404,
      "404",
      "Not found",
      `There is no such resource; this API serves ${RESOURCES.join(", ")}.`,
    );
  if (!(await admitReader(services, req, res))) return;
  const parsed = parseTmfQuery(search);
  if ("problem" in parsed)
    return tmfError(res, 400, "400", `Bad parameter ${parsed.problem.parameter}`, parsed.problem.message);
  const list = (await views.all(services))[resource];

  let body: string;
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "private, max-age=60",
  };
  if (m[2] !== undefined) {
    let id: string;
    try {
      id = decodeURIComponent(m[2]);
    } catch {
      return tmfError(res, 400, "400", "Bad id", "The id in the address is not valid percent-encoding.");
    }
    const found = list.find((r) => r.id === id);
    if (!found) return tmfError(res, 404, "404", "Not found", `There is no ${resource} "${id}".`);
    body = stringifyTmf(runTmfQuery([found], { ...parsed.query, filters: [], offset: 0 }).items[0]);
  } else {
    const { items, total } = runTmfQuery(list, parsed.query);
    body = stringifyTmf(items);
    headers["x-total-count"] = total;
    headers["x-result-count"] = items.length;
  }
  headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
