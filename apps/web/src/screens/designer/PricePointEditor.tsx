/**
 * One price point of a charge: its currency, billing period and price book, and the amount fields
 * its charge's model reads (and no others). Amounts are typed as exact decimal strings; the hint
 * shows each one as the customer reads it, formatted by Intl.NumberFormat from the string itself.
 */
import { PERIOD_NOUN } from "@tessera/engine";
import type { Catalog, Charge, PricePoint } from "@tessera/schema";
import { formatMoney } from "@tessera/ui";
import { StepsEditor, TiersEditor } from "./BandsEditor.tsx";
import { pointFields } from "./chargeModel.ts";
import { type Path, pointer } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { BILLING_PERIODS } from "./periods.ts";

const PERIODS = [
  { value: "", label: "every period (monthly, scaled)" },
  ...BILLING_PERIODS.map((p) => ({
    value: p,
    label: PERIOD_NOUN[p] === "term" ? "upfront" : PERIOD_NOUN[p],
  })),
];

const PER_TRANSACTION = [
  ["fixedAmount", "Fee per transaction"],
  ["minAmount", "Least per transaction"],
  ["maxAmount", "Most per transaction"],
] as const;

const shown = (amount: string | undefined, currency: string) =>
  amount && /^\d+(\.\d+)?$/.test(amount) ? formatMoney(amount, currency) : undefined;

export function PricePointEditor({
  doc,
  charge,
  point,
  path,
  set,
  readOnly,
}: {
  doc: Catalog;
  charge: Charge;
  point: PricePoint;
  path: Path;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}) {
  const show = pointFields(charge);
  const books = doc.priceBooks ?? [];
  return (
    <>
      <div className="grid-4">
        <SelectField
          label="Currency"
          pointer={pointer([...path, "currency"])}
          value={point.currency}
          options={doc.currencies}
          readOnly={readOnly}
          onChange={(v) => set([...path, "currency"], v)}
        />
        {show.billingPeriod ? (
          <SelectField
            label="Billing period"
            pointer={pointer([...path, "billingPeriod"])}
            value={point.billingPeriod ?? ""}
            options={PERIODS}
            readOnly={readOnly}
            onChange={(v) => set([...path, "billingPeriod"], v || undefined)}
          />
        ) : null}
        {books.length > 0 || point.priceBook !== undefined ? (
          <SelectField
            label="Price book"
            pointer={pointer([...path, "priceBook"])}
            value={point.priceBook ?? ""}
            options={[
              { value: "", label: "the default book" },
              ...books.map((b) => ({ value: b.id, label: b.name })),
            ]}
            readOnly={readOnly}
            onChange={(v) => set([...path, "priceBook"], v || undefined)}
          />
        ) : null}
        {show.amount ? (
          <TextField
            label="Amount"
            pointer={pointer([...path, "amount"])}
            value={point.amount}
            readOnly={readOnly}
            hint={shown(point.amount, point.currency)}
            onChange={(v) => set([...path, "amount"], v.trim())}
          />
        ) : null}
        {show.unitAmount ? (
          <TextField
            label="Unit amount"
            pointer={pointer([...path, "unitAmount"])}
            value={point.unitAmount}
            readOnly={readOnly}
            hint={shown(point.unitAmount, point.currency)}
            onChange={(v) => set([...path, "unitAmount"], v.trim())}
          />
        ) : null}
        {show.percent ? (
          <TextField
            label="Percent (%)"
            pointer={pointer([...path, "percent"])}
            value={point.percent}
            readOnly={readOnly}
            onChange={(v) => set([...path, "percent"], v.trim())}
          />
        ) : null}
        {show.perTransaction
          ? PER_TRANSACTION.map(([key, label]) => (
              <TextField
                key={key}
                label={label}
                pointer={pointer([...path, key])}
                value={point[key]}
                readOnly={readOnly}
                hint={shown(point[key], point.currency) ?? "Empty: none."}
                onChange={(v) => set([...path, key], v.trim() || undefined)}
              />
            ))
          : null}
        {show.includedUnits ? (
          <NumberField
            label="Included units"
            pointer={pointer([...path, "includedUnits"])}
            value={point.includedUnits}
            readOnly={readOnly}
            onChange={(v) => set([...path, "includedUnits"], v === undefined ? undefined : Math.max(0, v))}
          />
        ) : null}
      </div>
      {show.tiers ? (
        <TiersEditor tiers={point.tiers ?? []} path={[...path, "tiers"]} set={set} readOnly={readOnly} />
      ) : null}
      {show.steps ? (
        <StepsEditor steps={point.steps ?? []} path={[...path, "steps"]} set={set} readOnly={readOnly} />
      ) : null}
    </>
  );
}
