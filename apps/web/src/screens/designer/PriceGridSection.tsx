/**
 * The price grids of one package's charges, chosen from a list of every package. A percentage
 * charge has no amounts to lay out by currency: it is edited with the charge.
 */
import type { Catalog } from "@tessera/schema";
import { useState } from "react";
import type { Path } from "./docEdit.ts";
import { SelectField } from "./fields.tsx";
import { PriceGrid } from "./PriceGrid.tsx";
import { GridAxesForm } from "./PriceGridRows.tsx";

export function PriceGridSection({
  doc,
  readOnly,
  set,
}: {
  doc: Catalog;
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
}) {
  const [index, setIndex] = useState(0);
  const pkg = doc.packages[index];
  return (
    <div className="stack">
      <section className="ts-card" aria-labelledby="grid-title">
        <h2 id="grid-title">Price grid</h2>
        <SelectField
          label="Package"
          pointer=""
          value={String(index)}
          options={doc.packages.map((p, i) => ({ value: String(i), label: p.name }))}
          onChange={(v) => setIndex(Number(v))}
        />
        <p className="ts-hint">
          Type, or paste a block copied from a spreadsheet into any cell (it fills right and down). Arrow keys
          and Enter move between cells.
        </p>
        {!readOnly && pkg ? (
          <GridAxesForm
            currencies={doc.currencies}
            periods={pkg.billingPeriods}
            packageName={pkg.name}
            onAddCurrency={(code) => set(["currencies"], [...doc.currencies, code])}
            onAddPeriod={(period) =>
              set(["packages", index, "billingPeriods"], [...pkg.billingPeriods, period])
            }
          />
        ) : null}
      </section>
      {pkg?.charges.map((charge, j) =>
        charge.model === "percentage" ? (
          <p key={charge.id} className="ts-card ts-hint">
            {charge.name ?? charge.id} is a percentage: its percent (and any amounts per transaction) are
            edited with the charge, in the package's Charges section.
          </p>
        ) : (
          <PriceGrid
            key={charge.id}
            doc={doc}
            path={["packages", index, "charges", j]}
            charge={charge}
            periods={pkg.billingPeriods}
            readOnly={readOnly}
            set={set}
          />
        ),
      )}
    </div>
  );
}
