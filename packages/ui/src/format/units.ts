import { unitWords } from "@tessera/engine";

/**
 * A unit for a count: "1 seat", "25 seats", "250 GB", "2 API calls", "3 boxes" (the engine's rule,
 * `unitWords`, so the price explanations and the controls name units alike).
 */
export function unitFor(count: number, unit: string): string {
  const words = unitWords(unit);
  return count === 1 ? words.one : words.many;
}
