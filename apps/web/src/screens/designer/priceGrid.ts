/**
 * The price grid's model: one charge's price points laid out as a spreadsheet. Columns are the
 * catalog's currencies; rows are (price book, billing period) pairs and, for banded models
 * (tiered, volume, usage, stairstep), one row per band. Band bounds are shared by every point of
 * the charge — edited once, priced per currency. Edits return a new charge; the grid never holds
 * amounts of its own. Amounts stay decimal strings; the fill-by-rate arithmetic is the engine's
 * `Decimal`, rounded half away from zero to the currency's minor unit (unit rates keep the
 * source's finer decimals: 0.0004 per call stays meaningful).
 */
import { Decimal, minorUnit } from "@tessera/engine";
import type { Charge, PricePoint } from "@tessera/schema";

export type Period = NonNullable<PricePoint["billingPeriod"]>;
type Steps = NonNullable<PricePoint["steps"]>;
type Tiers = NonNullable<PricePoint["tiers"]>;
type Points = Charge["pricePoints"];
/** A row group: price book (undefined: the default book) and billing period (undefined: every period). */
export interface RowKey {
  book: string | undefined;
  period: Period | undefined;
}
export interface GridRow extends RowKey {
  /** Band index for banded models, else undefined. */
  band: number | undefined;
}
export interface Band {
  from: number;
  upTo: number | null;
}

const BANDED = new Set(["tiered", "volume", "usage", "stairstep"]);
const AMOUNT_PATTERN = /^(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?$/;

export const isBanded = (model: Charge["model"]) => BANDED.has(model);

/** Whether the cell's amount is charged as it is (rounded to the minor unit) or is a unit rate. */
export const chargedAsIs = (model: Charge["model"]) =>
  model === "flat" || model === "one_time" || model === "stairstep";

/**
 * The line under a charge's grid: how many decimals an amount may have. An amount charged as it is
 * has at most its currency's (ISO 4217 minor unit: "USD 2, JPY 0"); a unit rate may have more.
 */
export function amountsHint(model: Charge["model"], currencies: readonly string[]): string {
  if (!chargedAsIs(model))
    return "Unit rates: they may carry more decimals than the currency; each line is rounded after multiplying by the quantity.";
  const places = currencies.map((c) => `${c} ${minorUnit(c)}`).join(", ");
  return `Amounts are charged as they are, so each has at most its currency's decimals (${places}).`;
}

/** Which field of a point (or of its band) a cell edits. */
function fieldOf(model: Charge["model"]): "amount" | "unitAmount" {
  return model === "flat" || model === "one_time" || model === "stairstep" ? "amount" : "unitAmount";
}

const sameKey = (p: PricePoint, k: RowKey, defaultBook: string | undefined) =>
  (p.priceBook ?? defaultBook) === (k.book ?? defaultBook) && p.billingPeriod === k.period;

/** The bands of the charge, read from its first point that has any (or one open band). */
export function bandsOf(charge: Charge): Band[] {
  for (const p of charge.pricePoints) {
    const list = charge.model === "stairstep" ? p.steps : p.tiers;
    if (list && list.length > 0) {
      if (charge.model === "stairstep") {
        let from = 0;
        return (list as { upTo: number | null }[]).map((s) => {
          const band = { from, upTo: s.upTo ?? null };
          from = s.upTo ?? from;
          return band;
        });
      }
      return (list as { from: number; upTo?: number | null }[]).map((t) => ({
        from: t.from,
        upTo: t.upTo ?? null,
      }));
    }
  }
  return [{ from: 0, upTo: null }];
}

/**
 * Row groups: every (book, period) a point has, plus the package's periods in the default book,
 * plus `extra` rows the designer added and has not priced yet.
 */
export function rowKeys(charge: Charge, periods: readonly Period[], extra: readonly RowKey[] = []): RowKey[] {
  const keys: RowKey[] = [];
  const add = (k: RowKey) => {
    if (!keys.some((x) => x.book === k.book && x.period === k.period)) keys.push(k);
  };
  const anyWithout = charge.pricePoints.some((p) => p.billingPeriod === undefined);
  if (charge.model === "one_time" || anyWithout || periods.length === 0)
    add({ book: undefined, period: undefined });
  else for (const period of periods) add({ book: undefined, period });
  for (const p of charge.pricePoints) add({ book: p.priceBook, period: p.billingPeriod });
  for (const k of extra) add(k);
  return keys;
}

/** All rows of the grid, in display order. */
export function gridRows(
  charge: Charge,
  periods: readonly Period[],
  extra: readonly RowKey[] = [],
): GridRow[] {
  const bands = isBanded(charge.model) ? bandsOf(charge) : undefined;
  return rowKeys(charge, periods, extra).flatMap((k): GridRow[] =>
    bands ? bands.map((_, band) => ({ ...k, band })) : [{ ...k, band: undefined }],
  );
}

/** The text of one cell ("" when there is no price there yet). */
export function cellValue(
  charge: Charge,
  row: GridRow,
  currency: string,
  defaultBook: string | undefined,
): string {
  const p = charge.pricePoints.find((x) => x.currency === currency && sameKey(x, row, defaultBook));
  if (!p) return "";
  if (row.band === undefined) return p[fieldOf(charge.model)] ?? "";
  if (charge.model === "stairstep") return p.steps?.[row.band]?.amount ?? "";
  return p.tiers?.[row.band]?.unitAmount ?? "";
}

/** Tiers or steps for a new point, shaped like the charge's bands, amounts blank until typed. */
function blankBands(charge: Charge): { tiers: Tiers } | { steps: Steps } {
  const bands = bandsOf(charge);
  if (charge.model === "stairstep")
    return { steps: bands.map((b) => ({ upTo: b.upTo, amount: "0" })) as Steps };
  return {
    tiers: bands.map((b) =>
      b.upTo === null ? { from: b.from, unitAmount: "0" } : { from: b.from, upTo: b.upTo, unitAmount: "0" },
    ) as Tiers,
  };
}

/**
 * Sets one cell. An empty value removes a simple point's price (the point goes when nothing is left
 * in it); a cell without a point creates the point.
 */
export function setCellValue(
  charge: Charge,
  row: GridRow,
  currency: string,
  value: string,
  defaultBook: string | undefined,
): Charge {
  const points = [...charge.pricePoints];
  let k = points.findIndex((x) => x.currency === currency && sameKey(x, row, defaultBook));
  if (k < 0) {
    if (value === "") return charge;
    const created: PricePoint = { currency };
    if (row.period !== undefined) created.billingPeriod = row.period;
    if (row.book !== undefined) created.priceBook = row.book;
    Object.assign(created, row.band === undefined ? {} : blankBands(charge));
    points.push(created);
    k = points.length - 1;
  }
  const p: PricePoint = { ...points[k]! };
  if (row.band === undefined) {
    const field = fieldOf(charge.model);
    if (value === "") delete p[field];
    else p[field] = value;
    if (value === "" && p.amount === undefined && p.unitAmount === undefined && !p.tiers && !p.steps) {
      points.splice(k, 1);
      // The schema wants at least one point; an emptied charge is left for the validator to flag.
      return { ...charge, pricePoints: points as Points };
    }
  } else if (charge.model === "stairstep") {
    p.steps = (p.steps ?? []).map((s, i) => (i === row.band ? { ...s, amount: value } : s)) as Steps;
  } else {
    p.tiers = (p.tiers ?? []).map((t, i) => (i === row.band ? { ...t, unitAmount: value } : t)) as Tiers;
  }
  points[k] = p;
  return { ...charge, pricePoints: points as Points };
}

/** The charge's points mapped one to one (the tuple type of a non-empty list is kept). */
const mapPoints = (charge: Charge, f: (p: PricePoint) => PricePoint): Points =>
  charge.pricePoints.map(f) as Points;

/** Moves band `b`'s upper bound (and the next band's start) in every point of the charge. */
export function setBandUpTo(charge: Charge, b: number, upTo: number): Charge {
  return {
    ...charge,
    pricePoints: mapPoints(charge, (p) => {
      if (charge.model === "stairstep" && p.steps)
        return { ...p, steps: p.steps.map((s, i) => (i === b ? { ...s, upTo } : s)) as Steps };
      if (p.tiers)
        return {
          ...p,
          tiers: p.tiers.map((t, i) =>
            i === b ? { ...t, upTo } : i === b + 1 ? { ...t, from: upTo } : t,
          ) as Tiers,
        };
      return p;
    }),
  };
}

/** Splits the open last band at `at` units in every point (the new band copies the old prices). */
export function addBand(charge: Charge, at: number): Charge {
  return {
    ...charge,
    pricePoints: mapPoints(charge, (p) => {
      if (charge.model === "stairstep" && p.steps && p.steps.length > 0) {
        const steps = [...p.steps];
        const last = steps[steps.length - 1]!;
        steps.splice(steps.length - 1, 0, { ...last, upTo: at });
        return { ...p, steps: steps as Steps };
      }
      if (p.tiers && p.tiers.length > 0) {
        const tiers = [...p.tiers];
        const last = tiers[tiers.length - 1]!;
        tiers[tiers.length - 1] = { ...last, upTo: at };
        const { upTo: _open, ...rest } = last;
        tiers.push({ ...rest, from: at });
        return { ...p, tiers: tiers as Tiers };
      }
      return p;
    }),
  };
}

/** Removes band `b` in every point; its units join the band before (or after, for the first). */
export function removeBand(charge: Charge, b: number): Charge {
  return {
    ...charge,
    pricePoints: mapPoints(charge, (p) => {
      if (charge.model === "stairstep" && p.steps && p.steps.length > 1) {
        const steps = p.steps.filter((_, i) => i !== b);
        if (b === p.steps.length - 1) steps[steps.length - 1] = { ...steps[steps.length - 1]!, upTo: null };
        return { ...p, steps: steps as Steps };
      }
      if (p.tiers && p.tiers.length > 1) {
        const old = p.tiers;
        const tiers = old.filter((_, i) => i !== b).map((t) => ({ ...t }));
        if (b === 0) tiers[0]!.from = 0;
        else if (b === old.length - 1) delete tiers[tiers.length - 1]!.upTo;
        else tiers[b]!.from = old[b - 1]!.upTo ?? tiers[b]!.from;
        return { ...p, tiers: tiers as Tiers };
      }
      return p;
    }),
  };
}

/**
 * Reads a block copied from a spreadsheet (tab-separated columns, newline-separated rows) into
 * amount strings: thousands separators and currency signs are dropped; anything else that is not
 * an amount is returned as an error with its place.
 */
export function parseBlock(text: string): { cells: string[][]; errors: string[] } {
  const errors: string[] = [];
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const cells = lines.map((line, r) =>
    line.split("\t").map((raw, c) => {
      const cleaned = raw
        .trim()
        .replace(/^[^\d]*?(?=\d)/, "")
        .replace(/,(?=\d{3}(\D|$))/g, "");
      if (raw.trim() === "") return "";
      if (!AMOUNT_PATTERN.test(cleaned)) {
        errors.push(`row ${r + 1}, column ${c + 1}: “${raw.trim()}” is not an amount`);
        return "";
      }
      return cleaned;
    }),
  );
  return { cells, errors };
}

/** Pastes `block` with its top-left at (row `r0`, currency column `c0`); blank cells are skipped. */
export function pasteBlock(
  charge: Charge,
  rows: readonly GridRow[],
  currencies: readonly string[],
  r0: number,
  c0: number,
  block: string[][],
  defaultBook: string | undefined,
): Charge {
  let next = charge;
  block.forEach((line, dr) => {
    const row = rows[r0 + dr];
    if (!row) return;
    line.forEach((value, dc) => {
      const currency = currencies[c0 + dc];
      if (currency !== undefined && value !== "")
        next = setCellValue(next, row, currency, value, defaultBook);
    });
  });
  return next;
}

/** Decimals of a decimal string ("0.0004" → 4). */
const decimalsOf = (s: string) => s.split(".")[1]?.length ?? 0;

/** `amount` × `rate` in `currency`: rounded to its minor unit, or for unit rates to the finer of that and the source's decimals. */
export function convert(amount: string, rate: string, currency: string, asIs: boolean): string | undefined {
  const a = Decimal.tryParse(amount);
  const r = Decimal.tryParse(rate);
  if (!a || !r) return undefined;
  const places = asIs ? minorUnit(currency) : Math.max(minorUnit(currency), decimalsOf(amount));
  return a.mul(r).toFixed(places);
}

/**
 * Fills every row's cells in the other currencies from the `from` currency's cell × that
 * currency's rate (rows without a source price are left as they are).
 */
export function fillFrom(
  charge: Charge,
  rows: readonly GridRow[],
  from: string,
  rates: Readonly<Record<string, string>>,
  defaultBook: string | undefined,
): Charge {
  const asIs = chargedAsIs(charge.model);
  let next = charge;
  for (const row of rows) {
    const source = cellValue(next, row, from, defaultBook);
    if (source === "") continue;
    for (const [currency, rate] of Object.entries(rates)) {
      if (currency === from || rate.trim() === "") continue;
      const value = convert(source, rate.trim(), currency, asIs);
      if (value !== undefined) next = setCellValue(next, row, currency, value, defaultBook);
    }
  }
  return next;
}
