/**
 * TMF630 query conventions on a list of TMF resources: attribute filtering (`lifecycleStatus=Launched`,
 * `a.b=x` for nested attributes, `x,y` for either value), `fields=` selection (id, href and @type are
 * always kept), and `offset`/`limit` paging. Unknown parameters are errors, not silently ignored.
 * @see https://www.tmforum.org/resources/specification/tmf630-rest-api-design-guidelines-4-2-0/
 */
import type { TmfResource } from "./map.ts";

export interface TmfQuery {
  fields?: string[];
  filters: [path: string[], accepted: string[]][];
  offset: number;
  limit: number;
}

export type TmfQueryResult = { query: TmfQuery } | { problem: { parameter: string; message: string } };

export const MAX_LIMIT = 1000;

/** Reads a TMF630 query string. */
export function parseTmfQuery(params: URLSearchParams): TmfQueryResult {
  const query: TmfQuery = { filters: [], offset: 0, limit: 100 };
  for (const [key, value] of params) {
    if (key === "fields") {
      const fields = value
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean);
      if (fields.length === 0)
        return { problem: { parameter: key, message: "fields= needs at least one attribute name." } };
      query.fields = fields;
    } else if (key === "offset" || key === "limit") {
      if (!/^[0-9]{1,9}$/.test(value))
        return {
          problem: { parameter: key, message: `${key} must be a whole number from 0; got "${value}".` },
        };
      const n = Number(value);
      if (key === "limit" && (n < 1 || n > MAX_LIMIT))
        return { problem: { parameter: key, message: `limit must be from 1 to ${MAX_LIMIT}; got ${n}.` } };
      query[key] = n;
    } else if (/^[@A-Za-z][A-Za-z0-9@.]*$/.test(key)) {
      query.filters.push([key.split("."), value.split(",")]);
    } else return { problem: { parameter: key, message: `"${key}" is not an attribute name to filter on.` } };
  }
  return { query };
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (value === null || typeof value !== "object") return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

const ALWAYS = ["id", "href", "@type"];

/** Applies filters, paging and field selection; `total` counts every match before paging. */
export function runTmfQuery(
  items: TmfResource[],
  query: TmfQuery,
): { items: Record<string, unknown>[]; total: number } {
  const matching = items.filter((item) =>
    query.filters.every(([path, accepted]) =>
      valuesAt(item, path).some((v) => (typeof v === "object" ? false : accepted.includes(String(v)))),
    ),
  );
  const page = matching.slice(query.offset, query.offset + query.limit);
  const fields = query.fields;
  return {
    total: matching.length,
    items: fields
      ? page.map((item) =>
          Object.fromEntries(Object.entries(item).filter(([k]) => ALWAYS.includes(k) || fields.includes(k))),
        )
      : page,
  };
}
