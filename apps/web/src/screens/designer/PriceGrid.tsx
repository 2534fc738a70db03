/**
 * One charge's prices as a spreadsheet: currencies across; price book × billing period down, and
 * for banded models one row per band, whose bounds are edited once for every currency. Type in a
 * cell, move with the arrow keys or Enter, paste a block copied from a spreadsheet at any cell, or
 * fill the other currencies from one currency by exchange rates (each result rounded to its
 * currency's minor unit). The grid keeps no amounts of its own: every edit is a draft edit (one
 * undo step per paste or fill).
 */
import type { Catalog, Charge } from "@tessera/schema";
import { PERIOD_LABEL } from "@tessera/ui";
import { type ClipboardEvent, type KeyboardEvent, useId, useMemo, useState } from "react";
import { type Path, pointer } from "./docEdit.ts";
import { AddRowsForm } from "./PriceGridRows.tsx";
import {
  addBand,
  amountsHint,
  bandsOf,
  cellValue,
  fillFrom,
  type GridRow,
  gridRows,
  isBanded,
  type Period,
  parseBlock,
  pasteBlock,
  type RowKey,
  removeBand,
  setBandUpTo,
  setCellValue,
} from "./priceGrid.ts";

interface Props {
  doc: Catalog;
  path: Path;
  charge: Charge;
  periods: readonly Period[];
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
}

const periodLabel = (p: Period | undefined) => (p === undefined ? "every period" : (PERIOD_LABEL[p] ?? p));

export function PriceGrid({ doc, path, charge, periods, readOnly, set }: Props) {
  const gridId = useId();
  const currencies = doc.currencies;
  const defaultBook = doc.priceBooks?.find((b) => b.default)?.id;
  const bookName = (id: string | undefined) =>
    doc.priceBooks?.find((b) => b.id === (id ?? defaultBook))?.name ?? id ?? "List prices";
  const [extra, setExtra] = useState<RowKey[]>([]);
  const rows = useMemo(() => gridRows(charge, periods, extra), [charge, periods, extra]);
  const bands = isBanded(charge.model) ? bandsOf(charge) : undefined;
  const [problem, setProblem] = useState<string | null>(null);
  const name = charge.name ?? charge.id;

  const cellId = (r: number, c: number) => `${gridId}-${r}-${c}`;
  const focusCell = (r: number, c: number) => document.getElementById(cellId(r, c))?.focus();
  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    if (e.key === "ArrowDown" || e.key === "Enter") focusCell(r + 1, c);
    else if (e.key === "ArrowUp") focusCell(r - 1, c);
    else if (e.key === "ArrowRight" && e.currentTarget.selectionStart === e.currentTarget.value.length)
      focusCell(r, c + 1);
    else if (e.key === "ArrowLeft" && e.currentTarget.selectionStart === 0) focusCell(r, c - 1);
    else return;
    e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData("text/plain");
    // A single value is an ordinary paste into the field.
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const { cells, errors } = parseBlock(text);
    setProblem(errors.length > 0 ? `Pasted, except ${errors.join("; ")}.` : null);
    set(path, pasteBlock(charge, rows, currencies, r, c, cells, defaultBook));
  };
  const pointOf = (row: GridRow, currency: string) =>
    charge.pricePoints.findIndex(
      (p) =>
        p.currency === currency &&
        (p.priceBook ?? defaultBook) === (row.book ?? defaultBook) &&
        p.billingPeriod === row.period,
    );

  return (
    <section className="ts-card price-grid" aria-label={`Prices of ${name}`} data-pointer={pointer(path)}>
      <h3>
        {name} <span className="ts-badge">{charge.model.replace("_", " ")}</span>
      </h3>
      <p className="ts-hint">{amountsHint(charge.model, currencies)}</p>
      {!readOnly ? (
        <FillForm
          currencies={currencies}
          onFill={(from, rates) => set(path, fillFrom(charge, rows, from, rates, defaultBook))}
          label={name}
        />
      ) : null}
      {problem ? (
        <p role="alert" className="ts-hint" style={{ color: "var(--ts-danger)" }}>
          {problem}
        </p>
      ) : null}
      <table className="ts-table grid-table" aria-label={`Price grid of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Price book</th>
            <th scope="col">Billing</th>
            {bands ? <th scope="col">Units</th> : null}
            {currencies.map((c) => (
              <th key={c} scope="col" className="ts-num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const band = row.band === undefined ? undefined : bands?.[row.band];
            const firstGroup = r < (bands?.length ?? 1);
            const where = `${periodLabel(row.period)}${row.book ? `, ${bookName(row.book)}` : ""}${band ? `, units ${band.from + 1}–${band.upTo ?? "∞"}` : ""}`;
            return (
              <tr key={`${row.book}-${row.period}-${row.band}`}>
                <td>{row.band === undefined || row.band === 0 ? bookName(row.book) : ""}</td>
                <td>{row.band === undefined || row.band === 0 ? periodLabel(row.period) : ""}</td>
                {bands && band && row.band !== undefined ? (
                  <td>
                    <BandBounds
                      band={band}
                      index={row.band}
                      last={row.band === bands.length - 1}
                      editable={firstGroup && !readOnly}
                      label={name}
                      onUpTo={(n) => set(path, setBandUpTo(charge, row.band!, n))}
                      onRemove={bands.length > 1 ? () => set(path, removeBand(charge, row.band!)) : undefined}
                    />
                  </td>
                ) : null}
                {currencies.map((currency, c) => {
                  const k = pointOf(row, currency);
                  return (
                    <td key={currency} className="ts-num">
                      <input
                        id={cellId(r, c)}
                        className="ts-input grid-cell"
                        inputMode="decimal"
                        aria-label={`${name}: ${currency}, ${where}`}
                        data-pointer={k >= 0 ? pointer([...path, "pricePoints", k]) : undefined}
                        value={cellValue(charge, row, currency, defaultBook)}
                        readOnly={readOnly}
                        onKeyDown={(e) => onKey(e, r, c)}
                        onPaste={(e) => onPaste(e, r, c)}
                        onChange={(e) =>
                          set(path, setCellValue(charge, row, currency, e.target.value.trim(), defaultBook))
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly && charge.model !== "one_time" ? (
        <AddRowsForm
          books={(doc.priceBooks ?? []).map((b) => ({ id: b.id, name: b.name }))}
          defaultBook={defaultBook}
          periods={periods}
          shown={rows}
          label={name}
          onAdd={(k) => setExtra([...extra, k])}
        />
      ) : null}
      {bands && !readOnly ? (
        <AddBand
          bands={bands.length}
          lastFrom={bands[bands.length - 1]!.from}
          label={name}
          onAdd={(at) => set(path, addBand(charge, at))}
        />
      ) : null}
    </section>
  );
}

function BandBounds({
  band,
  index,
  last,
  editable,
  label,
  onUpTo,
  onRemove,
}: {
  band: { from: number; upTo: number | null };
  index: number;
  last: boolean;
  editable: boolean;
  label: string;
  onUpTo: (n: number) => void;
  onRemove: (() => void) | undefined;
}) {
  if (!editable || last)
    return (
      <span className="grid-band">
        {band.from + 1}–{band.upTo ?? "∞"}
        {editable && onRemove ? (
          <button
            type="button"
            className="ts-link"
            aria-label={`Remove band ${index + 1} of ${label}`}
            onClick={onRemove}
          >
            ×
          </button>
        ) : null}
      </span>
    );
  return (
    <span className="grid-band">
      {band.from + 1}–
      <input
        className="ts-input grid-bound"
        type="number"
        min={band.from + 1}
        aria-label={`Band ${index + 1} of ${label} ends at`}
        value={band.upTo ?? ""}
        onChange={(e) => {
          const n = Math.trunc(e.target.valueAsNumber);
          if (Number.isFinite(n) && n > band.from) onUpTo(n);
        }}
      />
      {onRemove ? (
        <button
          type="button"
          className="ts-link"
          aria-label={`Remove band ${index + 1} of ${label}`}
          onClick={onRemove}
        >
          ×
        </button>
      ) : null}
    </span>
  );
}

function AddBand({
  bands,
  lastFrom,
  label,
  onAdd,
}: {
  bands: number;
  lastFrom: number;
  label: string;
  onAdd: (at: number) => void;
}) {
  const [at, setAt] = useState("");
  const n = Math.trunc(Number(at));
  const valid = at !== "" && Number.isFinite(n) && n > lastFrom;
  return (
    <form
      className="ts-row"
      style={{ marginTop: "0.5rem" }}
      aria-label={`Add a band to ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) {
          onAdd(n);
          setAt("");
        }
      }}
    >
      <label>
        Split band {bands} at unit{" "}
        <input
          className="ts-input grid-bound"
          type="number"
          min={lastFrom + 1}
          value={at}
          onChange={(e) => setAt(e.target.value)}
        />
      </label>
      <button type="submit" className="ts-button ts-button--small" disabled={!valid}>
        Add band
      </button>
    </form>
  );
}

/** "Fill from USD at EUR 0.92, GBP 0.79 …": rates are decimal strings the PM types. */
function FillForm({
  currencies,
  label,
  onFill,
}: {
  currencies: readonly string[];
  label: string;
  onFill: (from: string, rates: Record<string, string>) => void;
}) {
  const [from, setFrom] = useState(currencies[0] ?? "");
  const [rates, setRates] = useState<Record<string, string>>({});
  const bad = Object.entries(rates).filter(
    ([c, r]) => c !== from && r.trim() !== "" && !/^\d+(\.\d+)?$/.test(r.trim()),
  );
  const any = Object.entries(rates).some(([c, r]) => c !== from && r.trim() !== "");
  return (
    <form
      className="grid-fill"
      aria-label={`Fill ${label} by exchange rate`}
      onSubmit={(e) => {
        e.preventDefault();
        if (bad.length === 0 && any) onFill(from, rates);
      }}
    >
      <label>
        Fill from{" "}
        <select className="ts-select" value={from} onChange={(e) => setFrom(e.target.value)}>
          {currencies.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {currencies
        .filter((c) => c !== from)
        .map((c) => (
          <label key={c}>
            1 {from} ={" "}
            <input
              className="ts-input grid-rate"
              inputMode="decimal"
              aria-label={`Rate from ${from} to ${c}`}
              aria-invalid={bad.some(([x]) => x === c) ? "true" : undefined}
              value={rates[c] ?? ""}
              onChange={(e) => setRates({ ...rates, [c]: e.target.value })}
            />{" "}
            {c}
          </label>
        ))}
      <button type="submit" className="ts-button ts-button--small" disabled={bad.length > 0 || !any}>
        Fill row by rate
      </button>
    </form>
  );
}
