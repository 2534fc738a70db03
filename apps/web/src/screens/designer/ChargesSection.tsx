/** The package's charges, each in its charge editor. */
import { ChargeEditor } from "./ChargeEditor.tsx";
import type { PackageCtx } from "./packageContext.ts";

export function ChargesSection({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, set, readOnly, serviceName, unitOf, at } = ctx;
  return (
    <section aria-labelledby="pkg-charges" className="stack">
      <div className="section-title">
        <h2 id="pkg-charges" style={{ margin: 0 }}>
          Charges
        </h2>
        {!readOnly ? (
          <button
            type="button"
            className="ts-button"
            onClick={() =>
              set(
                [...at, "charges"],
                [
                  ...pkg.charges,
                  {
                    id: `${pkg.id}-charge-${pkg.charges.length + 1}`,
                    name: "New charge",
                    model: "flat",
                    pricePoints: doc.currencies.map((currency) => ({ currency, amount: "0.00" })),
                  },
                ],
              )
            }
          >
            Add charge
          </button>
        ) : null}
      </div>
      {pkg.charges.map((c, j) => (
        <ChargeEditor
          key={c.id}
          doc={doc}
          path={[...at, "charges", j]}
          charge={c}
          targets={[
            ...(pkg.components ?? []).map((x) => ({
              value: `component:${x.id}`,
              label: `component ${x.name ?? serviceName(x.service)}`,
            })),
            ...(pkg.optionGroups ?? []).flatMap((g) =>
              g.options.map((o) => ({ value: `option:${o.id}`, label: `option ${o.name}` })),
            ),
          ]}
          unitOf={unitOf}
          set={set}
          readOnly={readOnly}
        />
      ))}
    </section>
  );
}
