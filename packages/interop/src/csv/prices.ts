/**
 * Price points as a spreadsheet: one row per price point of every charge, so a product manager can
 * edit prices in a sheet and bring them back. The sheet is authoritative for the price points of
 * the charges it names: rows change amounts, new rows add points, and a point whose row was
 * deleted is removed. Ids, models and structure are not edited here (a changed model is refused).
 * Reading and writing CSV is csv-parse's and csv-stringify's (RFC 4180 quoting); this module maps
 * rows to price points and reports every bad cell at its row and column (e.g. `G4`).
 *
 * Tiers and steps are written `upTo=amount` separated by `; `, the open band as `inf`, a tier's
 * flat amount after a `+`: `10=12.00; 50=10.00; inf=8.00`, `1000=0.0004+5.00; inf=0.0003`.
 * Percentage charges fill `percent` (e.g. 2.9) and, on a transaction volume, the fee per
 * transaction and its per-transaction minimum and maximum (`fixed_amount`, `min_amount`,
 * `max_amount`); a sheet written before those columns existed still imports.
 */
import { validate } from "@tessera/engine";
import type { BillingPeriod, Catalog, PricePoint, Step, Tier } from "@tessera/schema";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { InteropDiagnostic } from "../diagnostic.ts";
import { type CatalogDiff, diffCatalogs } from "../diff/diff.ts";

export const PRICE_COLUMNS = [
  "package",
  "charge",
  "model",
  "currency",
  "billing_period",
  "price_book",
  "amount",
  "unit_amount",
  "included_units",
  "tiers",
  "steps",
  "percent",
  "fixed_amount",
  "min_amount",
  "max_amount",
] as const;
type Column = (typeof PRICE_COLUMNS)[number];

const PERIODS: readonly BillingPeriod[] = [
  "week",
  "two_weeks",
  "month",
  "quarter",
  "half_year",
  "year",
  "upfront",
];
const AMOUNT = /^(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?$/;
/** The catalog schema's Percent: 0 to 100 with at most 4 decimals. */
const PERCENT = /^(100(\.0{1,4})?|[1-9]?[0-9](\.[0-9]{1,4})?)$/;

function bands(list: { upTo?: number | null }[], value: (i: number) => string): string {
  return list
    .map((b, i) => `${b.upTo === undefined || b.upTo === null ? "inf" : b.upTo}=${value(i)}`)
    .join("; ");
}

/** The catalog's price points as CSV text with a header row. */
export function exportPriceSheet(catalog: Catalog): string {
  const rows: string[][] = [];
  for (const pkg of catalog.packages)
    for (const charge of pkg.charges)
      for (const p of charge.pricePoints)
        rows.push([
          pkg.id,
          charge.id,
          charge.model,
          p.currency,
          p.billingPeriod ?? "",
          p.priceBook ?? "",
          p.amount ?? "",
          p.unitAmount ?? "",
          p.includedUnits === undefined ? "" : String(p.includedUnits),
          p.tiers
            ? bands(
                p.tiers,
                (i) =>
                  `${p.tiers![i]!.unitAmount}${p.tiers![i]!.flatAmount ? `+${p.tiers![i]!.flatAmount}` : ""}`,
              )
            : "",
          p.steps ? bands(p.steps, (i) => p.steps![i]!.amount) : "",
          p.percent ?? "",
          p.fixedAmount ?? "",
          p.minAmount ?? "",
          p.maxAmount ?? "",
        ]);
  return stringify([[...PRICE_COLUMNS], ...rows]);
}

export type PriceSheetResult =
  | { ok: true; catalog: Catalog; diff: CatalogDiff; valid: boolean; diagnostics: InteropDiagnostic[] }
  | { ok: false; diagnostics: InteropDiagnostic[] };

/** A1-style cell name: column 1 → A, 27 → AA. */
function cellName(column: number, line: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${line}`;
}

interface Cursor {
  line: number;
  header: string[];
  out: InteropDiagnostic[];
}

function bad(cur: Cursor, column: Column | number, code: string, message: string): void {
  const index = typeof column === "number" ? column : cur.header.indexOf(column) + 1;
  cur.out.push({
    code,
    severity: "error",
    pointer: "",
    message,
    location: { line: cur.line, column: Math.max(1, index), at: cellName(Math.max(1, index), cur.line) },
  });
}

function parseBands(
  cur: Cursor,
  column: "tiers" | "steps",
  text: string,
): { upTo: number | null; amount: string; flat?: string }[] | undefined {
  const out: { upTo: number | null; amount: string; flat?: string }[] = [];
  for (const part of text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    const m = /^(inf|\d+)\s*=\s*([0-9.]+)(?:\s*\+\s*([0-9.]+))?$/.exec(part);
    if (!m || !AMOUNT.test(m[2]!) || (m[3] !== undefined && (column === "steps" || !AMOUNT.test(m[3])))) {
      bad(
        cur,
        column,
        "csv.bands",
        `"${part}" is not a band; write upTo=amount${column === "tiers" ? "[+flat]" : ""}, e.g. 10=12.00, and inf for the last one.`,
      );
      return undefined;
    }
    out.push({ upTo: m[1] === "inf" ? null : Number(m[1]), amount: m[2]!, ...(m[3] ? { flat: m[3] } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

/** One row as a price point, or undefined after reporting its bad cells. */
function rowToPoint(
  cur: Cursor,
  catalog: Catalog,
  row: Record<string, string>,
): { key: string; point: PricePoint } | undefined {
  const before = cur.out.length;
  const pkg = catalog.packages.find((p) => p.id === row.package);
  if (!pkg)
    bad(cur, "package", "csv.unknown-package", `There is no package "${row.package}" in the catalog.`);
  const charge = pkg?.charges.find((c) => c.id === row.charge);
  if (pkg && !charge)
    bad(
      cur,
      "charge",
      "csv.unknown-charge",
      `Package ${pkg.id} has no charge "${row.charge}"; add charges in the designer, not the sheet.`,
    );
  if (charge && row.model !== "" && row.model !== charge.model)
    bad(
      cur,
      "model",
      "csv.model-changed",
      `Charge ${charge.id} is ${charge.model}; a sheet can change prices, not the pricing model (${row.model}).`,
    );
  const currency = row.currency ?? "";
  if (!catalog.currencies.includes(currency))
    bad(
      cur,
      "currency",
      "csv.currency",
      `"${currency}" is not one of the catalog's currencies (${catalog.currencies.join(", ")}).`,
    );
  const period = row.billing_period ?? "";
  if (period !== "" && !PERIODS.includes(period as BillingPeriod))
    bad(
      cur,
      "billing_period",
      "csv.billing-period",
      `"${period}" is not a billing period; use ${PERIODS.join(", ")} or leave it empty.`,
    );
  const book = row.price_book ?? "";
  if (book !== "" && !catalog.priceBooks?.some((b) => b.id === book))
    bad(cur, "price_book", "csv.price-book", `There is no price book "${book}" in the catalog.`);
  for (const column of ["amount", "unit_amount", "fixed_amount", "min_amount", "max_amount"] as const)
    if (row[column] && !AMOUNT.test(row[column]!))
      bad(
        cur,
        column,
        "csv.amount",
        `"${row[column]}" is not an amount; write a plain decimal like 12.50 (no currency sign or thousands separator).`,
      );
  const percent = row.percent ?? "";
  if (percent !== "" && !PERCENT.test(percent))
    bad(
      cur,
      "percent",
      "csv.percent",
      `"${percent}" is not a percentage; write a number from 0 to 100 like 2.9.`,
    );
  const included = row.included_units ?? "";
  if (included !== "" && !/^\d+$/.test(included))
    bad(cur, "included_units", "csv.integer", `"${included}" is not a whole number of units.`);
  const tiers = row.tiers ? parseBands(cur, "tiers", row.tiers) : undefined;
  const steps = row.steps ? parseBands(cur, "steps", row.steps) : undefined;
  if (cur.out.length > before) return undefined;
  let from = 0;
  const point: PricePoint = {
    currency,
    ...(period ? { billingPeriod: period as BillingPeriod } : {}),
    ...(book ? { priceBook: book } : {}),
    ...(row.amount ? { amount: row.amount } : {}),
    ...(row.unit_amount ? { unitAmount: row.unit_amount } : {}),
    ...(tiers
      ? {
          tiers: tiers.map((t): Tier => {
            const tier: Tier = {
              from,
              ...(t.upTo === null ? {} : { upTo: t.upTo }),
              unitAmount: t.amount,
              ...(t.flat ? { flatAmount: t.flat } : {}),
            };
            from = t.upTo ?? from;
            return tier;
          }) as [Tier, ...Tier[]],
        }
      : {}),
    ...(steps
      ? { steps: steps.map((s): Step => ({ upTo: s.upTo, amount: s.amount })) as [Step, ...Step[]] }
      : {}),
    ...(included ? { includedUnits: Number(included) } : {}),
    ...(percent ? { percent } : {}),
    ...(row.fixed_amount ? { fixedAmount: row.fixed_amount } : {}),
    ...(row.min_amount ? { minAmount: row.min_amount } : {}),
    ...(row.max_amount ? { maxAmount: row.max_amount } : {}),
  };
  return { key: `${row.package}\u0000${row.charge}`, point };
}

/**
 * Applies a price sheet to a copy of `catalog`: the new catalog, the diff a reviewer sees before
 * saving it into a draft, and every problem located at its row and column. Never throws.
 */
export function applyPriceSheet(catalog: Catalog, text: string): PriceSheetResult {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: false, bom: true, trim: true });
  } catch (e) {
    const err = e as { message?: string; lines?: number; column?: number };
    return {
      ok: false,
      diagnostics: [
        {
          code: "csv.syntax",
          severity: "error",
          pointer: "",
          message: `The sheet is not valid CSV: ${err.message ?? String(e)}`,
          location: { line: err.lines ?? 1, column: 1 },
        },
      ],
    };
  }
  const header = records[0] ?? [];
  const missing = PRICE_COLUMNS.filter(
    (c) => !header.includes(c) && ["package", "charge", "currency"].includes(c),
  );
  const cur: Cursor = { line: 1, header, out: [] };
  if (missing.length > 0) {
    bad(
      cur,
      1,
      "csv.header",
      `The first row must name the columns; ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing (expected ${PRICE_COLUMNS.join(", ")}).`,
    );
    return { ok: false, diagnostics: cur.out };
  }
  header.forEach((h, i) => {
    if (!(PRICE_COLUMNS as readonly string[]).includes(h))
      bad(cur, i + 1, "csv.unknown-column", `Column "${h}" is not one Tessera reads; it is ignored.`);
  });
  for (const d of cur.out) d.severity = "warning";
  const points = new Map<string, PricePoint[]>();
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    cur.line = i + 2;
    const row = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ""]));
    const got = rowToPoint(cur, catalog, row);
    if (!got) return;
    const identity = `${got.key}|${got.point.currency}|${got.point.billingPeriod ?? ""}|${got.point.priceBook ?? ""}`;
    const twin = seen.get(identity);
    if (twin !== undefined) {
      bad(
        cur,
        "currency",
        "csv.duplicate",
        `This row prices the same charge, currency, period and price book as row ${twin}.`,
      );
      return;
    }
    seen.set(identity, cur.line);
    points.set(got.key, [...(points.get(got.key) ?? []), got.point]);
  });
  if (cur.out.some((d) => d.severity === "error")) return { ok: false, diagnostics: cur.out };
  const next: Catalog = structuredClone(catalog);
  for (const pkg of next.packages)
    for (const charge of pkg.charges) {
      const rows = points.get(`${pkg.id}\u0000${charge.id}`);
      if (rows) charge.pricePoints = rows as [PricePoint, ...PricePoint[]];
    }
  const result = validate(next);
  const diagnostics = [...cur.out, ...result.diagnostics];
  return { ok: true, catalog: next, diff: diffCatalogs(catalog, next), valid: result.valid, diagnostics };
}
