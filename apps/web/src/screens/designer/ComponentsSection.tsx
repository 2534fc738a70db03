/** The services a package is built from, with included, minimum, maximum, step and default quantities. */
import { useState } from "react";
import type { PackageCtx } from "./packageContext.ts";

export function ComponentsSection({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, serviceName, at } = ctx;
  const [serviceToAdd, setServiceToAdd] = useState("");
  return (
    <section className="ts-card" aria-labelledby="pkg-components">
      <h2 id="pkg-components">Components</h2>
      <table className="ts-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Included</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Step</th>
            <th scope="col">Default</th>
          </tr>
        </thead>
        <tbody>
          {(pkg.components ?? []).map((c, j) => (
            <tr key={c.id} data-pointer={p("components", j)}>
              <td>
                {c.name ?? serviceName(c.service)}
                <div className="ts-hint">{c.id}</div>
              </td>
              {(["included", "min", "max", "step", "default"] as const).map((k) => (
                <td key={k}>
                  <input
                    aria-label={`${c.name ?? serviceName(c.service)} ${k}`}
                    className="ts-input"
                    style={{ width: "5.5rem" }}
                    type="number"
                    data-pointer={p("components", j, k)}
                    value={c[k] ?? ""}
                    readOnly={readOnly}
                    onChange={(e) =>
                      set(
                        [...at, "components", j, k],
                        e.target.value === "" ? undefined : Math.trunc(e.target.valueAsNumber),
                      )
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <form
          className="ts-row"
          style={{ marginTop: "0.75rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            const svc = doc.services.find((s) => s.id === serviceToAdd);
            if (!svc) return;
            set(
              [...at, "components"],
              [
                ...(pkg.components ?? []),
                { id: `${pkg.id}-${svc.id}`, service: svc.id, included: 0, min: 0 },
              ],
            );
            setServiceToAdd("");
          }}
        >
          <label className="ts-label" htmlFor={`svc-lib-${pkg.id}`}>
            Add from the service library
          </label>
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
          <button type="submit" className="ts-button" disabled={!serviceToAdd}>
            Add component
          </button>
        </form>
      ) : null}
    </section>
  );
}
