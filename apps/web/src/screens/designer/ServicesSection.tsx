/** The service library: every atomic service packages are built from. */
import type { Catalog } from "@tessera/schema";
import { useState } from "react";
import type { Path } from "./docEdit.ts";
import { SelectField, TextField } from "./fields.tsx";

export function ServicesSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [kind, setKind] = useState<"recurring" | "usage" | "one_time" | "physical">("recurring");
  return (
    <section className="ts-card" aria-labelledby="services-title">
      <h2 id="services-title">Service library</h2>
      <table className="ts-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Unit</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {doc.services.map((s, i) => (
            <tr key={s.id} data-pointer={`/services/${i}`}>
              <td>
                <input
                  aria-label={`Name of ${s.id}`}
                  className="ts-input"
                  data-pointer={`/services/${i}/name`}
                  value={s.name}
                  readOnly={readOnly}
                  onChange={(e) => set(["services", i, "name"], e.target.value)}
                />
                <div className="ts-hint">{s.id}</div>
              </td>
              <td>
                <input
                  aria-label={`Unit of ${s.id}`}
                  className="ts-input"
                  style={{ width: "7rem" }}
                  data-pointer={`/services/${i}/unit`}
                  value={s.unit}
                  readOnly={readOnly}
                  onChange={(e) => set(["services", i, "unit"], e.target.value)}
                />
              </td>
              <td>{s.kind}</td>
              <td>
                <select
                  aria-label={`Status of ${s.id}`}
                  className="ts-select"
                  data-pointer={`/services/${i}/status`}
                  value={s.status}
                  disabled={readOnly}
                  onChange={(e) => set(["services", i, "status"], e.target.value)}
                >
                  <option>draft</option>
                  <option>active</option>
                  <option>retired</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <form
          className="grid-4"
          style={{ marginTop: "0.75rem", alignItems: "end" }}
          aria-label="Add a service"
          onSubmit={(e) => {
            e.preventDefault();
            set(["services"], [...doc.services, { id, name, unit, kind, status: "active" }]);
            setId("");
            setName("");
            setUnit("");
          }}
        >
          <TextField label="New service id" pointer="" value={id} onChange={(v) => setId(v.trim())} />
          <TextField label="Name" pointer="" value={name} onChange={setName} />
          <TextField label="Unit" pointer="" value={unit} onChange={setUnit} />
          <SelectField
            label="Kind"
            pointer=""
            value={kind}
            options={["recurring", "usage", "one_time", "physical"]}
            onChange={(v) => setKind(v as typeof kind)}
          />
          <button type="submit" className="ts-button" disabled={!id || !name || !unit}>
            Add service
          </button>
        </form>
      ) : null}
    </section>
  );
}
