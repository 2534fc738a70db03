/**
 * Names the thing a JSON Pointer designates the way a product manager would:
 * "Package `pro` (/packages/3)", "`tier` of package `pro` (/packages/3/tier)", "`amount` of price
 * point 1 of charge `pro-fee` (…/pricePoints/0/amount)" or "Currency 2 of the catalog (/currencies/1)".
 */

const KIND: Record<string, string> = {
  services: "service",
  portfolios: "portfolio",
  packages: "package",
  priceBooks: "price book",
  components: "component",
  optionGroups: "option group",
  options: "option",
  rules: "rule",
  quantityRules: "quantity rule",
  charges: "charge",
  pathRules: "path rule case",
  retentionOffers: "retention offer",
  pricePoints: "price point",
  tiers: "tier",
  phases: "phase",
  terms: "term",
};

/** An entry of a plain list, by its 1-based position: "Currency 2", "Place 3 in the display order". */
const ENTRY: Record<string, (n: number) => string> = {
  currencies: (n) => `Currency ${n}`,
  billingPeriods: (n) => `Billing period ${n}`,
  packageOrder: (n) => `Place ${n} in the display order`,
  tags: (n) => `Tag ${n}`,
};

/** A field named in words when it is the subject: "The price points of charge `pro-fee`". */
const FIELD: Record<string, string> = {
  pricePoints: "The price points",
};

/** Describes the value at `pointer` in `doc` by its nearest enclosing entity with an id. */
export function describeAt(doc: unknown, pointer: string): string {
  if (pointer === "") return "The catalog";
  const tokens = pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  let cur: unknown = doc;
  let entity = "";
  let entityEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (cur === null || typeof cur !== "object") break;
    const next = Array.isArray(cur) ? cur[Number(token)] : (cur as Record<string, unknown>)[token];
    const isObject = next !== null && typeof next === "object" && !Array.isArray(next);
    const kind = Array.isArray(cur) && isObject ? KIND[tokens[i - 1] ?? ""] : undefined;
    if (kind) {
      const id = (next as Record<string, unknown>).id;
      // Without an id, an entry is named by its 1-based place in the thing that holds it.
      entity =
        typeof id === "string" && id.length > 0 && id.length <= 80
          ? `${kind} \`${id}\``
          : `${kind} ${Number(token) + 1} of ${entity || "the catalog"}`;
      entityEnd = i + 1;
    }
    cur = next;
  }
  const rest = tokens.slice(entityEnd);
  const of = entity || "the catalog";
  if (rest.length === 0) return `${entity.charAt(0).toUpperCase()}${entity.slice(1)} (${pointer})`;
  // An entry of a plain list reads as "Item 2 of `billingPeriods`", not "`billingPeriods/1`".
  const last = rest[rest.length - 1] as string;
  if (rest.length === 1 && FIELD[last]) return `${FIELD[last]} of ${of} (${pointer})`;
  const list = rest[rest.length - 2] as string;
  if (rest.length === 2 && /^(0|[1-9][0-9]*)$/.test(last) && ENTRY[list])
    return `${ENTRY[list](Number(last) + 1)} of ${of} (${pointer})`;
  if (rest.length > 1 && /^(0|[1-9][0-9]*)$/.test(last))
    return `Item ${Number(last) + 1} of \`${rest.slice(0, -1).join("/")}\` of ${of} (${pointer})`;
  return `\`${rest.join("/")}\` of ${of} (${pointer})`;
}
