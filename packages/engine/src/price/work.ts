/**
 * The engine-internal form of a price line while `price()` assembles a quote: exact rounded
 * amounts as Decimals, plus the facts the later stages (discounts, first invoice) need.
 */
import type { Charge } from "@tessera/schema";
import type { Decimal } from "../decimal.ts";
import type { PriceLineKind } from "./types.ts";

export interface WorkLine {
  id: string;
  chargeId: string | null;
  packageId: string;
  kind: PriceLineKind;
  description: string;
  quantity: number;
  /** Rounded to the currency's minor unit. */
  amount: Decimal;
  /** `amount` formatted, when already known (memoised charge lines). */
  text?: string;
  explanation: string;
  /** Rounded share of the first invoice. */
  firstInvoice: Decimal;
  perPeriod: boolean;
  periods: number;
  /** Recurring amount billed at the start of each period (so on the first invoice, unless a trial
   * or a partial first period moves it). */
  inAdvance: boolean;
  /** Billed once with the first invoice's one-time content (one-time charges, discounts on them). */
  oneTime: boolean;
  /** Whether the term's commitment discount reduces this line. */
  commitment: boolean;
  charge?: Charge;
}

/** A charge priced for one quantity with one price point: what its line needs, amount rounded. */
export interface PricedCharge {
  quantity: number;
  amount: Decimal;
  /** `amount` formatted with the currency's minor digits. */
  text: string;
  explanation: string;
  estimated: boolean;
  problem: string | undefined;
}

/** `wanted`, or `wanted#2`, `wanted#3`… when taken; records the id as used. */
export function uniqueId(ids: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; ids.has(id); n++) id = `${wanted}#${n}`;
  ids.add(id);
  return id;
}
