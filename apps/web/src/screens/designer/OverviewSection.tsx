/** The catalog's name, currencies, dates and portfolios. */
import type { Catalog } from "@tessera/schema";
import type { Path } from "./docEdit.ts";
import { NumberField, TextField } from "./fields.tsx";

export function OverviewSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  return (
    <div className="stack">
      <section className="ts-card" aria-labelledby="overview-title">
        <h2 id="overview-title">Catalog</h2>
        <div className="grid-2">
          <TextField
            label="Name"
            pointer="/name"
            value={doc.name}
            readOnly={readOnly}
            onChange={(v) => set(["name"], v)}
          />
          <TextField
            label="Currencies"
            pointer="/currencies"
            value={doc.currencies.join(", ")}
            readOnly={readOnly}
            hint="ISO 4217 codes, comma-separated. Every sellable package must be priced in each."
            onChange={(v) => {
              const list = v
                .split(",")
                .map((c) => c.trim().toUpperCase())
                .filter(Boolean);
              if (list.length > 0) set(["currencies"], list);
            }}
          />
          <TextField
            label="Effective date"
            pointer="/effectiveDate"
            value={doc.effectiveDate}
            readOnly={readOnly}
            placeholder="YYYY-MM-DD"
            onChange={(v) => set(["effectiveDate"], v || undefined)}
          />
          <TextField
            label="Description"
            pointer="/description"
            value={doc.description}
            readOnly={readOnly}
            onChange={(v) => set(["description"], v || undefined)}
          />
        </div>
      </section>
      <section className="ts-card" aria-labelledby="portfolios-title">
        <h2 id="portfolios-title">Portfolios</h2>
        {doc.portfolios.map((p, i) => (
          <div key={p.id} className="grid-3" data-pointer={`/portfolios/${i}`}>
            <TextField
              label="Portfolio name"
              pointer={`/portfolios/${i}/name`}
              value={p.name}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "name"], v)}
            />
            <TextField label="Id" pointer={`/portfolios/${i}/id`} value={p.id} readOnly onChange={() => {}} />
            <NumberField
              label="Order"
              pointer={`/portfolios/${i}/order`}
              value={p.order}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "order"], v)}
            />
          </div>
        ))}
        {!readOnly ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            onClick={() =>
              set(
                ["portfolios"],
                [...doc.portfolios, { id: `portfolio-${doc.portfolios.length + 1}`, name: "New portfolio" }],
              )
            }
          >
            Add portfolio
          </button>
        ) : null}
      </section>
    </div>
  );
}
