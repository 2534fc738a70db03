/**
 * The services a package is built from: each component's name, id, and its included, minimum,
 * maximum, step and default quantities; added from the service library, reordered, duplicated and
 * deleted (with what refers to it shown first).
 */
import { renameId } from "@tessera/engine";
import { useState } from "react";
import { IdField } from "./IdField.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import type { PackageCtx } from "./packageContext.ts";
import { RowActions } from "./RowActions.tsx";

const QUANTITIES = ["included", "min", "max", "step", "default"] as const;

export function ComponentsSection({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, serviceName, at, takenIds } = ctx;
  const [serviceToAdd, setServiceToAdd] = useState("");
  const components = pkg.components ?? [];
  const service = doc.services.find((s) => s.id === serviceToAdd);
  return (
    <section className="ts-card" aria-labelledby="pkg-components">
      <h2 id="pkg-components">Components</h2>
      <table className="ts-table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Included</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Step</th>
            <th scope="col">Default</th>
            {!readOnly ? (
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {components.map((c, j) => {
            const label = c.name ?? serviceName(c.service);
            return (
              <tr key={c.id} data-pointer={p("components", j)}>
                <td style={{ minWidth: "14rem" }}>
                  <input
                    aria-label={`Name of component ${c.id}`}
                    className="ts-input"
                    data-pointer={p("components", j, "name")}
                    value={c.name ?? ""}
                    placeholder={serviceName(c.service)}
                    readOnly={readOnly}
                    onChange={(e) => set([...at, "components", j, "name"], e.target.value || undefined)}
                  />
                  <div className="ts-hint">{serviceName(c.service)}</div>
                  <IdField
                    label={`Id of component ${label}`}
                    compact
                    id={c.id}
                    pointer={p("components", j, "id")}
                    taken={takenIds}
                    readOnly={readOnly}
                    onRename={(to) => set([], renameId(doc, c.id, to))}
                  />
                </td>
                {QUANTITIES.map((k) => (
                  <td key={k}>
                    <input
                      aria-label={`${label} ${k}`}
                      className="ts-input"
                      style={{ width: "5.5rem" }}
                      type="number"
                      min={k === "step" ? 1 : 0}
                      data-pointer={p("components", j, k)}
                      value={c[k] ?? ""}
                      readOnly={readOnly}
                      onChange={(e) =>
                        set(
                          [...at, "components", j, k],
                          e.target.value === ""
                            ? undefined
                            : Math.max(k === "step" ? 1 : 0, Math.trunc(e.target.valueAsNumber || 0)),
                        )
                      }
                    />
                  </td>
                ))}
                {!readOnly ? (
                  <td>
                    <RowActions doc={doc} path={[...at, "components", j]} name={label} set={set} compact />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly ? (
        <NewItemForm
          title="Add a component"
          nameLabel="Component name (optional)"
          idLabel="Component id"
          submitLabel="Add component"
          taken={takenIds}
          prefix={pkg.id}
          fallbackName={service?.name}
          ready={service !== undefined}
          lead={
            <div className="ts-field" style={{ margin: 0 }}>
              <label htmlFor={`svc-lib-${pkg.id}`}>Add from the service library</label>
              <select
                id={`svc-lib-${pkg.id}`}
                className="ts-select"
                value={serviceToAdd}
                onChange={(e) => setServiceToAdd(e.target.value)}
              >
                <option value="">—</option>
                {doc.services
                  .filter((s) => s.status !== "retired")
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.unit}, {s.kind})
                    </option>
                  ))}
              </select>
            </div>
          }
          onCreate={(id, name) => {
            if (!service) return;
            set(
              [...at, "components"],
              [...components, { id, service: service.id, ...(name ? { name } : {}) }],
            );
            setServiceToAdd("");
          }}
        />
      ) : null}
    </section>
  );
}
