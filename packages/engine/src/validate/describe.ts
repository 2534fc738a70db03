/**
 * Names the thing a JSON Pointer designates the way a product manager would:
 * "Package `pro` (/packages/3)" or "`tier` of package `pro` (/packages/3/tier)".
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
      entity =
        typeof id === "string" && id.length > 0 && id.length <= 80
          ? `${kind} \`${id}\``
          : `${kind} ${token} of \`${tokens[i - 1]}\``;
      entityEnd = i + 1;
    }
    cur = next;
  }
  const rest = tokens.slice(entityEnd);
  const of = entity || "the catalog";
  if (rest.length === 0) return `${entity.charAt(0).toUpperCase()}${entity.slice(1)} (${pointer})`;
  // An entry of a plain list reads as "Item 2 of `billingPeriods`", not "`billingPeriods/1`".
  const last = rest[rest.length - 1] as string;
  if (rest.length > 1 && /^(0|[1-9][0-9]*)$/.test(last))
    return `Item ${Number(last) + 1} of \`${rest.slice(0, -1).join("/")}\` of ${of} (${pointer})`;
  return `\`${rest.join("/")}\` of ${of} (${pointer})`;
}
