/**
 * The add-on rows of the packaging matrix: add-ons down, the same base packages across; each cell
 * offers the add-on on that base (available), bundles it (included, with a quantity) or withdraws
 * it, and each row sets how many units one arrangement may hold.
 */
import type { Catalog, Package } from "@tessera/schema";
import { type AddOnCell, type AddOnCellKind, addOnCellOf } from "./addOnMatrix.ts";
import type { Path } from "./docEdit.ts";

const LABEL: Record<AddOnCellKind, string> = {
  none: "Not offered",
  available: "Available",
  included: "Included",
};

export function AddOnMatrixRows({
  doc,
  columns,
  readOnly,
  onKind,
  onQuantity,
  set,
}: {
  doc: Catalog;
  columns: readonly { pkg: Package; index: number }[];
  readOnly: boolean;
  onKind: (addOnIndex: number, baseIndex: number, kind: AddOnCellKind) => void;
  onQuantity: (baseIndex: number, index: number, quantity: number) => void;
  set: (path: Path, value: unknown) => void;
}) {
  const addOns = doc.packages
    .map((pkg, index) => ({ pkg, index }))
    .filter(({ pkg }) => pkg.role === "add_on");
  if (addOns.length === 0) return null;
  return (
    <tbody aria-label="Add-ons">
      <tr>
        <th scope="colgroup" colSpan={columns.length + 1} className="matrix-section">
          Add-ons (bought separately, or bundled into a package)
        </th>
      </tr>
      {addOns.map(({ pkg: addOn, index: addOnIndex }) => (
        <tr key={addOn.id} data-addon={addOn.id}>
          <th scope="row">
            {addOn.name}
            <label className="ts-hint matrix-max">
              at most{" "}
              <input
                className="ts-input"
                type="number"
                min={1}
                aria-label={`Most units of ${addOn.name} per arrangement`}
                data-pointer={`/packages/${addOnIndex}/addOn/maxQuantity`}
                value={addOn.addOn?.maxQuantity ?? ""}
                placeholder="1"
                readOnly={readOnly}
                onChange={(e) => {
                  const n = Math.trunc(e.target.valueAsNumber);
                  const next = e.target.value === "" ? undefined : Number.isFinite(n) && n >= 1 ? n : null;
                  if (next === null) return;
                  const { maxQuantity: _, ...rest } = addOn.addOn ?? {};
                  const compat = next === undefined ? rest : { ...rest, maxQuantity: next };
                  set(["packages", addOnIndex, "addOn"], Object.keys(compat).length > 0 ? compat : undefined);
                }}
              />
            </label>
          </th>
          {columns.map(({ pkg: base, index: baseIndex }) => (
            <AddOnMatrixCell
              key={base.id}
              cell={addOnCellOf(addOn, base)}
              label={`${addOn.name} on ${base.name}`}
              readOnly={readOnly}
              onKind={(kind) => onKind(addOnIndex, baseIndex, kind)}
              onQuantity={(q, i) => onQuantity(baseIndex, i, q)}
            />
          ))}
        </tr>
      ))}
    </tbody>
  );
}

function AddOnMatrixCell({
  cell,
  label,
  readOnly,
  onKind,
  onQuantity,
}: {
  cell: AddOnCell;
  label: string;
  readOnly: boolean;
  onKind: (kind: AddOnCellKind) => void;
  onQuantity: (quantity: number, index: number) => void;
}) {
  return (
    <td className={`matrix-cell matrix-cell--addon-${cell.kind}`} data-cell={`add-on-${cell.kind}`}>
      <select
        className="ts-select matrix-select"
        aria-label={label}
        value={cell.kind}
        disabled={readOnly}
        onChange={(e) => onKind(e.target.value as AddOnCellKind)}
      >
        {(Object.keys(LABEL) as AddOnCellKind[]).map((k) => (
          <option key={k} value={k}>
            {LABEL[k]}
          </option>
        ))}
      </select>
      {cell.kind === "included" ? (
        <input
          className="ts-input matrix-qty"
          type="number"
          min={1}
          aria-label={`Units of ${label} included`}
          value={cell.quantity}
          readOnly={readOnly}
          onChange={(e) => {
            const n = Math.trunc(e.target.valueAsNumber);
            if (Number.isFinite(n) && n >= 1) onQuantity(n, cell.index);
          }}
        />
      ) : null}
    </td>
  );
}
