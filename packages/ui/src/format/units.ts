/**
 * A unit for a count: "1 seat", "25 seats", "250 GB", "2 API calls", "3 boxes". Only a unit whose
 * last word is a lower-case noun is made plural; abbreviations (GB, kWh) and units already plural
 * stay as they are.
 */
export function unitFor(count: number, unit: string): string {
  const last = /(?:^|\s)([a-z]+)$/.exec(unit)?.[1];
  if (count === 1 || !last || last.endsWith("s")) return unit;
  if (/(x|z|ch|sh)$/.test(last)) return `${unit}es`;
  if (/[^aeiou]y$/.test(last)) return `${unit.slice(0, -1)}ies`;
  return `${unit}s`;
}
