import type { Catalog, Charge, PricePoint, Tier } from "@tessera/schema";
import { PriceChart } from "@tessera/ui";
import { useId, useMemo, useState } from "react";
import { chartPoints, chartQuantities } from "../../engine/chartPoints.ts";
import { type Path, pointer } from "./docEdit.ts";
import { SelectField, TextField } from "./fields.tsx";

const MODELS = ["flat", "per_unit", "tiered", "volume", "stairstep", "usage", "one_time"] as const;
const PERIODS = ["", "month", "quarter", "year", "upfront"];
const CHARTED = new Set(["tiered", "volume", "stairstep", "per_unit"]);

interface Props {
  doc: Catalog;
  path: Path;
  charge: Charge;
  /** Components and options of the package, for the "charged on" choice. */
  targets: { value: string; label: string }[];
  unitOf: (componentId: string | undefined) => string;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}

function TiersEditor({
  tiers,
  path,
  set,
  readOnly,
}: {
  tiers: Tier[];
  path: Path;
  set: Props["set"];
  readOnly: boolean;
}) {
  return (
    <table className="ts-table" aria-label="Tiers">
      <thead>
        <tr>
          <th scope="col">From (above)</th>
          <th scope="col">Up to</th>
          <th scope="col">Unit amount</th>
          <th scope="col">Flat amount</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {tiers.map((t, k) => (
          <tr key={k} data-pointer={pointer([...path, k])}>
            <td>
              <input
                aria-label={`Tier ${k + 1} from`}
                className="ts-input"
                type="number"
                data-pointer={pointer([...path, k, "from"])}
                value={t.from}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "from"], Math.trunc(e.target.valueAsNumber || 0))}
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} up to`}
                className="ts-input"
                type="number"
                placeholder="no limit"
                data-pointer={pointer([...path, k, "upTo"])}
                value={t.upTo ?? ""}
                readOnly={readOnly}
                onChange={(e) =>
                  set(
                    [...path, k, "upTo"],
                    e.target.value === "" ? undefined : Math.trunc(e.target.valueAsNumber),
                  )
                }
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} unit amount`}
                className="ts-input"
                inputMode="decimal"
                data-pointer={pointer([...path, k, "unitAmount"])}
                value={t.unitAmount}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "unitAmount"], e.target.value.trim())}
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} flat amount`}
                className="ts-input"
                inputMode="decimal"
                data-pointer={pointer([...path, k, "flatAmount"])}
                value={t.flatAmount ?? ""}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "flatAmount"], e.target.value.trim() || undefined)}
              />
            </td>
            <td>
              {!readOnly && tiers.length > 1 ? (
                <button
                  type="button"
                  className="ts-button ts-button--small"
                  aria-label={`Remove tier ${k + 1}`}
                  onClick={() =>
                    set(
                      path,
                      tiers.filter((_, i) => i !== k),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
      {!readOnly ? (
        <tfoot>
          <tr>
            <td colSpan={5}>
              <button
                type="button"
                className="ts-button ts-button--small"
                onClick={() => {
                  const last = tiers.at(-1);
                  const from = last?.upTo ?? (last ? last.from + 10 : 0);
                  const fixed =
                    last && last.upTo == null ? [...tiers.slice(0, -1), { ...last, upTo: from }] : tiers;
                  set(path, [...fixed, { from, unitAmount: last?.unitAmount ?? "0" }]);
                }}
              >
                Add tier
              </button>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function PointEditor({
  charge,
  point,
  path,
  set,
  readOnly,
  currencies,
}: {
  charge: Charge;
  point: PricePoint;
  path: Path;
  set: Props["set"];
  readOnly: boolean;
  currencies: readonly string[];
}) {
  const m = charge.model;
  return (
    <div
      className="ts-card"
      style={{ padding: "0.75rem", marginBottom: "0.5rem" }}
      data-pointer={pointer(path)}
    >
      <div className="grid-4">
        <SelectField
          label="Currency"
          pointer={pointer([...path, "currency"])}
          value={point.currency}
          options={currencies}
          readOnly={readOnly}
          onChange={(v) => set([...path, "currency"], v)}
        />
        <SelectField
          label="Billing period"
          pointer={pointer([...path, "billingPeriod"])}
          value={point.billingPeriod ?? ""}
          options={PERIODS.map((p) => ({ value: p, label: p || "monthly, scaled" }))}
          readOnly={readOnly}
          onChange={(v) => set([...path, "billingPeriod"], v || undefined)}
        />
        {m === "flat" || (m === "one_time" && !charge.component) ? (
          <TextField
            label="Amount"
            pointer={pointer([...path, "amount"])}
            value={point.amount}
            readOnly={readOnly}
            onChange={(v) => set([...path, "amount"], v.trim())}
          />
        ) : null}
        {m === "per_unit" || (m === "one_time" && charge.component) ? (
          <TextField
            label="Unit amount"
            pointer={pointer([...path, "unitAmount"])}
            value={point.unitAmount}
            readOnly={readOnly}
            onChange={(v) => set([...path, "unitAmount"], v.trim())}
          />
        ) : null}
        {m === "usage" ? (
          <TextField
            label="Included units"
            pointer={pointer([...path, "includedUnits"])}
            value={point.includedUnits === undefined ? "" : String(point.includedUnits)}
            readOnly={readOnly}
            onChange={(v) => set([...path, "includedUnits"], v === "" ? undefined : Math.trunc(Number(v)))}
          />
        ) : null}
      </div>
      {m === "tiered" || m === "volume" || m === "usage" ? (
        <TiersEditor tiers={point.tiers ?? []} path={[...path, "tiers"]} set={set} readOnly={readOnly} />
      ) : null}
      {m === "stairstep" ? (
        <table className="ts-table" aria-label="Steps">
          <thead>
            <tr>
              <th scope="col">Up to</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {(point.steps ?? []).map((s, k) => (
              <tr key={k}>
                <td>
                  <input
                    aria-label={`Step ${k + 1} up to`}
                    className="ts-input"
                    type="number"
                    placeholder="no limit"
                    data-pointer={pointer([...path, "steps", k, "upTo"])}
                    value={s.upTo ?? ""}
                    readOnly={readOnly}
                    onChange={(e) =>
                      set(
                        [...path, "steps", k, "upTo"],
                        e.target.value === "" ? null : Math.trunc(e.target.valueAsNumber),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Step ${k + 1} amount`}
                    className="ts-input"
                    data-pointer={pointer([...path, "steps", k, "amount"])}
                    value={s.amount}
                    readOnly={readOnly}
                    onChange={(e) => set([...path, "steps", k, "amount"], e.target.value.trim())}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          {!readOnly ? (
            <tfoot>
              <tr>
                <td colSpan={2}>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    onClick={() => {
                      const steps = point.steps ?? [];
                      const last = steps.at(-1);
                      const prev = steps.at(-2)?.upTo ?? 0;
                      const closed =
                        last && last.upTo === null
                          ? [...steps.slice(0, -1), { ...last, upTo: prev + 10 }]
                          : steps;
                      set([...path, "steps"], [...closed, { upTo: null, amount: last?.amount ?? "0" }]);
                    }}
                  >
                    Add step
                  </button>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : null}
    </div>
  );
}

/** "2. EUR per year, partner book": a price point in the chart's menu. */
function pointLabel(p: PricePoint, k: number): string {
  return `${k + 1}. ${p.currency}${p.billingPeriod ? ` per ${p.billingPeriod}` : ""}${p.priceBook ? `, ${p.priceBook} book` : ""}`;
}

/** One charge: its model, what it is charged on, and every price point, with a chart for banded models. */
export function ChargeEditor({ doc, path, charge, targets, unitOf, set, readOnly }: Props) {
  const first = charge.pricePoints[0];
  const chartId = useId();
  // The price point the chart shows (any of them: currency, billing period, price book).
  const [charted, setCharted] = useState(0);
  const shown = charge.pricePoints[charted] ?? first;
  const points = useMemo(() => {
    if (!shown || !CHARTED.has(charge.model)) return [];
    try {
      return chartPoints(charge, shown, chartQuantities(shown));
    } catch {
      return [];
    }
  }, [charge, shown]);
  const on = charge.component
    ? `component:${charge.component}`
    : charge.option
      ? `option:${charge.option}`
      : "";
  return (
    <section
      className="ts-card"
      aria-label={`Charge ${charge.name ?? charge.id}`}
      data-pointer={pointer(path)}
    >
      <div className="grid-3">
        <TextField
          label="Charge name"
          pointer={pointer([...path, "name"])}
          value={charge.name}
          readOnly={readOnly}
          onChange={(v) => set([...path, "name"], v || undefined)}
        />
        <SelectField
          label="Price model"
          pointer={pointer([...path, "model"])}
          value={charge.model}
          options={MODELS}
          readOnly={readOnly}
          onChange={(v) => set([...path, "model"], v)}
        />
        <SelectField
          label="Charged on"
          pointer={pointer([...path, "component"])}
          value={on}
          options={[{ value: "", label: "the package" }, ...targets]}
          readOnly={readOnly}
          onChange={(v) => {
            const [kind, id] = v.split(":");
            set(path, {
              ...charge,
              component: kind === "component" ? id : undefined,
              option: kind === "option" ? id : undefined,
            });
          }}
        />
      </div>
      {charge.model === "per_unit" ||
      charge.model === "tiered" ||
      charge.model === "volume" ||
      charge.model === "usage" ? (
        <div className="grid-3">
          <TextField
            label="Block size"
            pointer={pointer([...path, "blockSize"])}
            value={charge.blockSize === undefined ? "" : String(charge.blockSize)}
            readOnly={readOnly}
            hint="Quantities are charged in whole blocks of this many units."
            onChange={(v) => {
              const n = Math.trunc(Number(v));
              set([...path, "blockSize"], v === "" || !Number.isFinite(n) ? undefined : n);
            }}
          />
        </div>
      ) : null}
      {charge.pricePoints.map((p, k) => (
        <PointEditor
          key={k}
          charge={charge}
          point={p}
          path={[...path, "pricePoints", k]}
          set={set}
          readOnly={readOnly}
          currencies={doc.currencies}
        />
      ))}
      {!readOnly ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          onClick={() =>
            set(
              [...path, "pricePoints"],
              [...charge.pricePoints, { ...(first ?? { currency: doc.currencies[0] }) }],
            )
          }
        >
          Add price point
        </button>
      ) : null}
      {shown && CHARTED.has(charge.model) ? (
        <div style={{ marginTop: "0.75rem" }}>
          {charge.pricePoints.length > 1 ? (
            <div className="ts-field" style={{ maxWidth: "20rem" }}>
              <label htmlFor={chartId}>Chart the price point</label>
              <select
                id={chartId}
                className="ts-select"
                value={Math.min(charted, charge.pricePoints.length - 1)}
                onChange={(e) => setCharted(Number(e.target.value))}
              >
                {charge.pricePoints.map((p, k) => (
                  <option key={k} value={k}>
                    {pointLabel(p, k)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <PriceChart
            title={`${charge.name ?? charge.id}: total price by quantity (${shown.currency}${shown.billingPeriod ? ` per ${shown.billingPeriod}` : ""}${shown.priceBook ? `, ${shown.priceBook} price book` : ""})`}
            model={charge.model}
            currency={shown.currency}
            unit={unitOf(charge.component)}
            points={points}
          />
        </div>
      ) : null}
    </section>
  );
}
