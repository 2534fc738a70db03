/**
 * Product lines: name, description, display order among portfolios, and the display order of
 * their packages (packages not listed follow by tier).
 */
import { renameId } from "@tessera/engine";
import type { Catalog, Portfolio } from "@tessera/schema";
import { moveItem, type Path } from "./docEdit.ts";
import { NumberField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import { catalogIds } from "./packageContext.ts";
import { RowActions } from "./RowActions.tsx";

function PackageOrder({
  doc,
  portfolio,
  index,
  set,
  readOnly,
}: {
  doc: Catalog;
  portfolio: Portfolio;
  index: number;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const order = portfolio.packageOrder ?? [];
  const name = (id: string) => doc.packages.find((p) => p.id === id)?.name ?? id;
  const unlisted = doc.packages.filter((p) => p.portfolio === portfolio.id && !order.includes(p.id));
  const put = (next: string[]) =>
    set(["portfolios", index, "packageOrder"], next.length > 0 ? next : undefined);
  return (
    <fieldset className="ts-field" style={{ border: "none", padding: 0 }}>
      <legend className="ts-label">Package display order</legend>
      <ol data-pointer={`/portfolios/${index}/packageOrder`} style={{ margin: "0.25rem 0" }}>
        {order.map((id, k) => (
          <li key={id}>
            <span className="ts-row" style={{ gap: "0.25rem" }}>
              <span style={{ minWidth: "10rem" }}>{name(id)}</span>
              {!readOnly ? (
                <>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Move ${name(id)} up`}
                    disabled={k === 0}
                    onClick={() => put(moveItem(order, k, k - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Move ${name(id)} down`}
                    disabled={k === order.length - 1}
                    onClick={() => put(moveItem(order, k, k + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Take ${name(id)} out of the display order`}
                    onClick={() => put(order.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      {order.length === 0 ? <span className="ts-hint">By tier.</span> : null}
      {!readOnly && unlisted.length > 0 ? (
        <select
          className="ts-select"
          aria-label={`Add a package to the display order of ${portfolio.name}`}
          value=""
          onChange={(e) => {
            if (e.target.value) put([...order, e.target.value]);
          }}
        >
          <option value="">Add a package to the order…</option>
          {unlisted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      ) : null}
    </fieldset>
  );
}

export function PortfoliosSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  return (
    <section className="ts-card" aria-labelledby="portfolios-title">
      <h2 id="portfolios-title">Portfolios</h2>
      {doc.portfolios.map((p, i) => (
        <fieldset key={p.id} className="ts-group" data-pointer={`/portfolios/${i}`}>
          <legend>
            {p.name} <span className="ts-hint">{p.id}</span>
          </legend>
          <div className="grid-3">
            <TextField
              label="Portfolio name"
              pointer={`/portfolios/${i}/name`}
              value={p.name}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "name"], v)}
            />
            <NumberField
              label="Order"
              pointer={`/portfolios/${i}/order`}
              value={p.order}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "order"], v)}
            />
            <TextField
              label="About this portfolio"
              pointer={`/portfolios/${i}/description`}
              value={p.description}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "description"], v || undefined)}
            />
          </div>
          <div className="ts-row" style={{ alignItems: "flex-start", justifyContent: "space-between" }}>
            <PackageOrder doc={doc} portfolio={p} index={i} set={set} readOnly={readOnly} />
            <IdField
              label="Portfolio id"
              id={p.id}
              pointer={`/portfolios/${i}/id`}
              taken={catalogIds(doc)}
              readOnly={readOnly}
              onRename={(to) => set([], renameId(doc, p.id, to))}
            />
            {!readOnly ? (
              <RowActions
                doc={doc}
                path={["portfolios", i]}
                name={`portfolio ${p.name}`}
                set={set}
                duplicate={false}
              />
            ) : null}
          </div>
        </fieldset>
      ))}
      {!readOnly ? (
        <NewItemForm
          title="Add a portfolio"
          nameLabel="New portfolio name"
          idLabel="Portfolio id"
          submitLabel="Add portfolio"
          taken={catalogIds(doc)}
          onCreate={(id, name) => set(["portfolios"], [...doc.portfolios, { id, name }])}
        />
      ) : null}
    </section>
  );
}
