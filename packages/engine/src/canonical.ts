/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every level (the ordering of RFC
 * 8785, JSON Canonicalization Scheme), arrays kept in order. The same value always prints the same
 * bytes, whatever key order or whitespace its author used, so a hash of the output identifies it:
 * the CLI exports catalogs this way, and the API hashes idempotent requests this way.
 * @see https://www.rfc-editor.org/rfc/rfc8785#section-3.2.3
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Serialises `value` canonically: pretty (2-space indent) by default, one line when `compact`. */
export function canonicalJson(value: unknown, { compact = false } = {}): string {
  return `${JSON.stringify(sortKeys(value), null, compact ? undefined : 2)}\n`;
}
