/**
 * One charge in sections: its settings (name, id, model, what it is charged on, blocks, timing,
 * commitment discounts), its price points (each with only the fields its model reads), and, for
 * banded models, a chart of the total by quantity.
 */
import type { Catalog, Charge } from "@tessera/schema";
import { ChargeChart } from "./ChargeChart.tsx";
import { ChargeSettings, type ChargeTarget } from "./ChargeSettings.tsx";
import { pointFor } from "./chargeModel.ts";
import { type Path, pointer } from "./docEdit.ts";
import { PricePointEditor } from "./PricePointEditor.tsx";
import { RowActions } from "./RowActions.tsx";

interface Props {
  doc: Catalog;
  path: Path;
  charge: Charge;
  /** Components and options of the package, for the "charged on" choice. */
  targets: ChargeTarget[];
  unitOf: (componentId: string | undefined) => string;
  taken: ReadonlySet<string>;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}

export function ChargeEditor({ doc, path, charge, targets, unitOf, taken, set, readOnly }: Props) {
  const name = charge.name ?? charge.id;
  return (
    <section className="ts-card" aria-label={`Charge ${name}`} data-pointer={pointer(path)}>
      {!readOnly ? (
        <div style={{ float: "right" }}>
          <RowActions doc={doc} path={path} name={`charge ${name}`} set={set} />
        </div>
      ) : null}
      <ChargeSettings
        doc={doc}
        charge={charge}
        path={path}
        targets={targets}
        taken={taken}
        set={set}
        readOnly={readOnly}
      />
      <details
        className="price-points"
        open={charge.pricePoints.length <= Math.max(2, doc.currencies.length)}
      >
        <summary>
          Price points ({charge.pricePoints.length}) — or edit them all at once in the price grid
        </summary>
        {charge.pricePoints.map((p, k) => {
          const at = [...path, "pricePoints", k];
          return (
            <div
              key={k}
              className="ts-card"
              style={{ padding: "0.75rem", marginBottom: "0.5rem" }}
              data-pointer={pointer(at)}
            >
              <PricePointEditor doc={doc} charge={charge} point={p} path={at} set={set} readOnly={readOnly} />
              {!readOnly ? (
                <RowActions
                  doc={doc}
                  path={at}
                  name={`price point ${k + 1} of ${name}`}
                  set={set}
                  minItems={1}
                />
              ) : null}
            </div>
          );
        })}
        {!readOnly ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            onClick={() => {
              const first = charge.pricePoints[0];
              const used = new Set(charge.pricePoints.map((p) => p.currency));
              const currency =
                doc.currencies.find((c) => !used.has(c)) ?? first?.currency ?? doc.currencies[0] ?? "USD";
              set(
                [...path, "pricePoints"],
                [...charge.pricePoints, pointFor(charge, { ...(first ?? { currency }), currency })],
              );
            }}
          >
            Add price point
          </button>
        ) : null}
      </details>
      <ChargeChart charge={charge} unit={unitOf(charge.component)} />
    </section>
  );
}
