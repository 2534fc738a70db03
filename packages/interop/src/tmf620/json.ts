/**
 * TMF620's Money carries `value` as a JSON number. Tessera's amounts are decimal strings and must
 * never pass through binary floating point, so a money value is held as a marked string and written
 * into the JSON text digit for digit by `stringifyTmf`: "0.0004" becomes the number token 0.0004.
 */
const MARK = "\u0000decimal:";

/** A JSON number written exactly as the decimal string `value` (see `stringifyTmf`). */
export function decimalNumber(value: string): number {
  return `${MARK}${value}` as unknown as number;
}

/** A TMF Money object whose value is the exact decimal `amount`. */
export function money(currency: string, amount: string): { unit: string; value: number } {
  return { unit: currency, value: decimalNumber(amount) };
}

/** JSON text of a TMF620 resource (or a list), with money values as exact number tokens. */
export function stringifyTmf(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/"\\u0000decimal:(-?[0-9]+(?:\.[0-9]+)?)"/g, "$1");
}
