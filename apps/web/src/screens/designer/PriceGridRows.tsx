/**
 * Adding rows and columns to the price grid: a row group for another price book and billing
 * period of one charge (it stays until priced: an unpriced row writes nothing), a currency for the
 * whole catalog, and a billing period for the package (each then asks for its prices in the grid,
 * and the diagnostics list what is still missing).
 */
import { PERIOD_LABEL } from "@tessera/ui";
import { useId, useState } from "react";
import { BILLING_PERIODS } from "./periods.ts";
import type { Period, RowKey } from "./priceGrid.ts";

const ALL_PERIODS: readonly Period[] = BILLING_PERIODS;
const periodLabel = (p: Period) => PERIOD_LABEL[p] ?? p;

export function AddRowsForm({
  books,
  defaultBook,
  periods,
  shown,
  label,
  onAdd,
}: {
  books: readonly { id: string; name: string }[];
  defaultBook: string | undefined;
  periods: readonly Period[];
  shown: readonly RowKey[];
  label: string;
  onAdd: (k: RowKey) => void;
}) {
  const id = useId();
  const [book, setBook] = useState(books.find((b) => b.id !== defaultBook)?.id ?? defaultBook ?? "");
  const [period, setPeriod] = useState<Period | "">(periods[0] ?? "");
  const key: RowKey = {
    book: book === "" || book === defaultBook ? undefined : book,
    period: period === "" ? undefined : period,
  };
  const exists = shown.some((k) => k.book === key.book && k.period === key.period);
  if (books.length === 0 && periods.length <= 1) return null;
  return (
    <form
      className="ts-row grid-add-rows"
      aria-label={`Add price rows to ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!exists) onAdd(key);
      }}
    >
      <label htmlFor={`${id}-book`}>Add rows for</label>
      <select
        id={`${id}-book`}
        className="ts-select"
        aria-label={`Price book of the new rows of ${label}`}
        value={book}
        onChange={(e) => setBook(e.target.value)}
      >
        {books.length === 0 ? <option value="">List prices</option> : null}
        {books.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
      <select
        className="ts-select"
        aria-label={`Billing period of the new rows of ${label}`}
        value={period}
        onChange={(e) => setPeriod(e.target.value as Period | "")}
      >
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
        <option value="">every period</option>
      </select>
      <button type="submit" className="ts-button ts-button--small" disabled={exists}>
        {exists ? "Rows shown" : "Add rows"}
      </button>
    </form>
  );
}

/** A currency for the whole catalog (ISO 4217 code) and a billing period for the package. */
export function GridAxesForm({
  currencies,
  periods,
  packageName,
  onAddCurrency,
  onAddPeriod,
}: {
  currencies: readonly string[];
  periods: readonly Period[];
  packageName: string;
  onAddCurrency: (code: string) => void;
  onAddPeriod: (period: Period) => void;
}) {
  const [code, setCode] = useState("");
  const upper = code.trim().toUpperCase();
  const problem =
    upper === ""
      ? null
      : !/^[A-Z]{3}$/.test(upper)
        ? "A currency is a three-letter ISO 4217 code, e.g. CHF."
        : currencies.includes(upper)
          ? `${upper} is already a currency of the catalog.`
          : null;
  const missing = ALL_PERIODS.filter((p) => !periods.includes(p));
  const [period, setPeriod] = useState<Period | "">("");
  return (
    <div className="ts-row" style={{ flexWrap: "wrap", gap: "1rem" }}>
      <form
        className="ts-row"
        aria-label="Add a currency"
        onSubmit={(e) => {
          e.preventDefault();
          if (upper !== "" && problem === null) {
            onAddCurrency(upper);
            setCode("");
          }
        }}
      >
        <label>
          New currency{" "}
          <input
            className="ts-input grid-rate"
            value={code}
            maxLength={3}
            placeholder="CHF"
            aria-invalid={problem ? "true" : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="ts-button ts-button--small"
          disabled={upper === "" || problem !== null}
        >
          Add currency
        </button>
        {problem ? (
          <span className="ts-hint" role="alert">
            {problem}
          </span>
        ) : null}
      </form>
      {missing.length > 0 ? (
        <form
          className="ts-row"
          aria-label={`Add a billing period to ${packageName}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (period !== "") {
              onAddPeriod(period);
              setPeriod("");
            }
          }}
        >
          <label>
            Bill {packageName} also{" "}
            <select
              className="ts-select"
              value={period}
              onChange={(e) => setPeriod(e.target.value as Period | "")}
            >
              <option value="">choose…</option>
              {missing.map((p) => (
                <option key={p} value={p}>
                  {periodLabel(p)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="ts-button ts-button--small" disabled={period === ""}>
            Add billing period
          </button>
        </form>
      ) : null}
    </div>
  );
}
