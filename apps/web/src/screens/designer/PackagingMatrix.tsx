/**
 * The packaging matrix: services down, base packages across (grouped by portfolio, ordered by
 * tier). Each cell says how the package offers the service — included (with its quantity), as an
 * option, through a compatible add-on, or not at all — and is edited in place: a select for the
 * state and, when included, the quantity. A change that would orphan a charge or rule is refused
 * and the references are listed, each a link to the field to change first.
 */
import type { Catalog } from "@tessera/schema";
import { useMemo, useState } from "react";
import { AddOnMatrixRows } from "./AddOnMatrixRows.tsx";
import { setAddOnCell, setIncludedQuantity } from "./addOnMatrix.ts";
import type { Path } from "./docEdit.ts";
import { type Cell, type CellKind, cellOf, setCell } from "./matrix.ts";

interface Refusal {
  what: string;
  references: string[];
}

const KIND_LABEL: Record<CellKind, string> = { none: "Not offered", included: "Included", option: "Option" };

export function PackagingMatrix({
  doc,
  readOnly,
  onReplace,
  set,
  onSelect,
}: {
  doc: Catalog;
  readOnly: boolean;
  onReplace: (doc: Catalog) => void;
  set: (path: Path, value: unknown) => void;
  onSelect: (pointer: string) => void;
}) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const columns = useMemo(() => {
    const order = new Map(doc.portfolios.map((p, i) => [p.id, p.order ?? i]));
    return doc.packages
      .map((pkg, index) => ({ pkg, index }))
      .filter(({ pkg }) => pkg.role === "base")
      .sort(
        (a, b) =>
          (order.get(a.pkg.portfolio) ?? 0) - (order.get(b.pkg.portfolio) ?? 0) || a.pkg.tier - b.pkg.tier,
      );
  }, [doc.packages, doc.portfolios]);
  const portfolios = useMemo(() => {
    const spans: { id: string; name: string; span: number }[] = [];
    for (const { pkg } of columns) {
      const last = spans[spans.length - 1];
      if (last?.id === pkg.portfolio) last.span++;
      else
        spans.push({
          id: pkg.portfolio,
          name: doc.portfolios.find((p) => p.id === pkg.portfolio)?.name ?? pkg.portfolio,
          span: 1,
        });
    }
    return spans;
  }, [columns, doc.portfolios]);

  const edit = (index: number, service: string, kind: CellKind, quantity?: number) => {
    const r = setCell(doc, index, service, kind, quantity);
    if (r.ok) {
      setRefusal(null);
      onReplace(r.doc);
    } else {
      const svc = doc.services.find((s) => s.id === service)?.name ?? service;
      setRefusal({ what: `${svc} in ${doc.packages[index]?.name}`, references: r.references });
    }
  };

  return (
    <section className="ts-card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">Packaging matrix</h2>
      <p className="ts-hint">
        Services down, base packages across. Pick how each package offers each service; included services take
        a quantity. Add-on cells show the compatible add-ons that carry the service. Below, each add-on is
        offered, bundled or withdrawn per package.
      </p>
      {refusal ? (
        <div className="ts-alert ts-alert--warn" role="alert">
          <strong>{refusal.what} was not changed:</strong> something still depends on it. Change these first:
          <ul>
            {refusal.references.map((p) => (
              <li key={p}>
                <button type="button" className="ts-link" onClick={() => onSelect(p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="matrix-scroll">
        <table className="ts-table matrix" aria-label="Packaging matrix">
          <thead>
            <tr>
              <td />
              {portfolios.map((p) => (
                <th key={p.id} scope="colgroup" colSpan={p.span} className="matrix-portfolio">
                  {p.name}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">Service</th>
              {columns.map(({ pkg }) => (
                <th key={pkg.id} scope="col" data-package={pkg.id}>
                  {pkg.name}
                  <div className="ts-hint">tier {pkg.tier}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.services.map((svc) => (
              <tr key={svc.id}>
                <th scope="row">
                  {svc.name}
                  <div className="ts-hint">
                    {svc.kind} · per {svc.unit}
                  </div>
                </th>
                {columns.map(({ pkg, index }) => (
                  <MatrixCell
                    key={pkg.id}
                    cell={cellOf(doc, pkg, svc.id)}
                    label={`${svc.name} in ${pkg.name}`}
                    readOnly={readOnly}
                    onKind={(kind) => edit(index, svc.id, kind)}
                    onQuantity={(q, cell) =>
                      set(["packages", index, "components", cell.index, "included"], q)
                    }
                  />
                ))}
              </tr>
            ))}
          </tbody>
          <AddOnMatrixRows
            doc={doc}
            columns={columns}
            readOnly={readOnly}
            set={set}
            onKind={(addOnIndex, baseIndex, kind) => {
              const r = setAddOnCell(doc, addOnIndex, baseIndex, kind);
              if (r.ok) {
                setRefusal(null);
                onReplace(r.doc);
              } else
                setRefusal({
                  what: `${doc.packages[addOnIndex]?.name} on ${doc.packages[baseIndex]?.name}`,
                  references: r.references,
                });
            }}
            onQuantity={(baseIndex, i, q) => onReplace(setIncludedQuantity(doc, baseIndex, i, q))}
          />
        </table>
      </div>
    </section>
  );
}

function MatrixCell({
  cell,
  label,
  readOnly,
  onKind,
  onQuantity,
}: {
  cell: Cell;
  label: string;
  readOnly: boolean;
  onKind: (kind: CellKind) => void;
  onQuantity: (quantity: number, cell: Extract<Cell, { kind: "included" }>) => void;
}) {
  const kind: CellKind = cell.kind === "add-on" ? "none" : cell.kind;
  return (
    <td className={`matrix-cell matrix-cell--${cell.kind}`} data-cell={cell.kind}>
      <select
        className="ts-select matrix-select"
        aria-label={label}
        value={kind}
        disabled={readOnly}
        onChange={(e) => onKind(e.target.value as CellKind)}
      >
        {(Object.keys(KIND_LABEL) as CellKind[]).map((k) => (
          <option key={k} value={k}>
            {k === "none" && cell.kind === "add-on" ? "Add-on" : KIND_LABEL[k]}
          </option>
        ))}
      </select>
      {cell.kind === "included" ? (
        <input
          className="ts-input matrix-qty"
          type="number"
          min={0}
          aria-label={`Included quantity of ${label}`}
          value={cell.quantity}
          readOnly={readOnly}
          onChange={(e) => {
            const n = Math.trunc(e.target.valueAsNumber);
            if (Number.isFinite(n) && n >= 0) onQuantity(n, cell);
          }}
        />
      ) : null}
      {cell.kind === "add-on" ? <div className="ts-hint">{cell.addOns.join(", ")}</div> : null}
    </td>
  );
}
