/** The package's charges, each in its charge editor; a new charge is flat, zero in every currency. */
import type { Charge } from "@tessera/schema";
import { ChargeEditor } from "./ChargeEditor.tsx";
import { pointer } from "./docEdit.ts";
import { Fold, useFolds } from "./Fold.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import type { PackageCtx } from "./packageContext.ts";

export function ChargesSection({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, set, readOnly, serviceName, unitOf, at, takenIds } = ctx;
  const folds = useFolds();
  const targets = [
    ...(pkg.components ?? []).map((x) => ({
      value: `component:${x.id}`,
      label: `component ${x.name ?? serviceName(x.service)}`,
    })),
    ...(pkg.optionGroups ?? []).flatMap((g) =>
      g.options.map((o) => ({ value: `option:${o.id}`, label: `option ${o.name}` })),
    ),
  ];
  return (
    <section aria-labelledby="pkg-charges" className="stack">
      <div className="section-title">
        <h2 id="pkg-charges" style={{ margin: 0 }}>
          Charges
        </h2>
      </div>
      {pkg.charges.map((c, j) => (
        <Fold
          key={c.id}
          id={c.id}
          pointer={pointer([...at, "charges", j])}
          open={folds.isOpen(c.id, pkg.charges.length === 1)}
          onToggle={folds.set}
          summary={
            <>
              <strong>{c.name ?? c.id}</strong> <span className="ts-badge">{c.model.replace("_", " ")}</span>{" "}
              <span className="ts-hint">
                {targets.find(
                  (t) => t.value === `component:${c.component}` || t.value === `option:${c.option}`,
                )?.label ?? "on the package"}{" "}
                · {c.pricePoints.length} price point{c.pricePoints.length === 1 ? "" : "s"}
              </span>
            </>
          }
        >
          <ChargeEditor
            doc={doc}
            path={[...at, "charges", j]}
            charge={c}
            targets={targets}
            unitOf={unitOf}
            taken={takenIds}
            set={set}
            readOnly={readOnly}
          />
        </Fold>
      ))}
      {!readOnly ? (
        <div className="ts-card">
          <NewItemForm
            title="Add a charge"
            nameLabel="New charge name"
            idLabel="New charge id"
            submitLabel="Add charge"
            taken={takenIds}
            prefix={pkg.id}
            onCreate={(id, name) => {
              const charge: Charge = {
                id,
                name,
                model: "flat",
                pricePoints: doc.currencies.map((currency) => ({
                  currency,
                  amount: "0.00",
                })) as Charge["pricePoints"],
              };
              set([...at, "charges"], [...pkg.charges, charge]);
              folds.set(id, true);
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
