/**
 * The service library: every atomic service packages are built from — name, unit, kind, status,
 * and, under "Details", its description, tags and the entitlements it grants.
 */
import { renameId } from "@tessera/engine";
import type { AtomicService, Catalog } from "@tessera/schema";
import { Fragment, useState } from "react";
import type { Path } from "./docEdit.ts";
import { EntitlementsEditor } from "./EntitlementsEditor.tsx";
import { ListField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import { catalogIds } from "./packageContext.ts";
import { RowActions } from "./RowActions.tsx";

type Kind = AtomicService["kind"];
const KINDS: readonly { value: Kind; label: string }[] = [
  { value: "recurring", label: "recurring" },
  { value: "usage", label: "usage (metered)" },
  { value: "one_time", label: "one-time" },
  { value: "physical", label: "physical good" },
];
const STATUSES = ["draft", "active", "retired"] as const;

function ServiceDetails({
  service: s,
  index: i,
  set,
  readOnly,
}: {
  service: AtomicService;
  index: number;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  return (
    <div className="stack" style={{ padding: "0.5rem 0" }}>
      <div className="grid-2">
        <TextField
          label={`What ${s.name} delivers`}
          pointer={`/services/${i}/description`}
          value={s.description}
          readOnly={readOnly}
          onChange={(v) => set(["services", i, "description"], v || undefined)}
        />
        <ListField
          label={`Tags of ${s.name}`}
          pointer={`/services/${i}/tags`}
          value={s.tags ?? []}
          readOnly={readOnly}
          hint="Comma-separated."
          parse={(w) => w.slice(0, 60)}
          onChange={(tags) => set(["services", i, "tags"], tags.length > 0 ? tags : undefined)}
        />
      </div>
      <EntitlementsEditor
        entitlements={s.entitlements ?? []}
        path={["services", i, "entitlements"]}
        owner={s.name}
        set={set}
        readOnly={readOnly}
      />
    </div>
  );
}

export function ServicesSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const [unit, setUnit] = useState("");
  const [kind, setKind] = useState<Kind>("recurring");
  const [open, setOpen] = useState<string | null>(null);
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
            <th scope="col">
              <span className="ts-visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.services.map((s, i) => (
            <Fragment key={s.id}>
              <tr data-pointer={`/services/${i}`}>
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
                <td>
                  <select
                    aria-label={`Kind of ${s.id}`}
                    className="ts-select"
                    data-pointer={`/services/${i}/kind`}
                    value={s.kind}
                    disabled={readOnly}
                    onChange={(e) => set(["services", i, "kind"], e.target.value)}
                  >
                    {KINDS.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Status of ${s.id}`}
                    className="ts-select"
                    data-pointer={`/services/${i}/status`}
                    value={s.status}
                    disabled={readOnly}
                    onChange={(e) => set(["services", i, "status"], e.target.value)}
                  >
                    {STATUSES.map((x) => (
                      <option key={x}>{x}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <span className="ts-row" style={{ gap: "0.25rem" }}>
                    <button
                      type="button"
                      className="ts-button ts-button--small"
                      aria-expanded={open === s.id}
                      aria-label={`Details of ${s.name || s.id}`}
                      onClick={() => setOpen(open === s.id ? null : s.id)}
                    >
                      Details
                    </button>
                    {!readOnly ? (
                      <RowActions doc={doc} path={["services", i]} name={s.name || s.id} set={set} compact />
                    ) : null}
                  </span>
                </td>
              </tr>
              {open === s.id ? (
                <tr>
                  <td colSpan={5}>
                    <IdField
                      label={`Id of ${s.name}`}
                      id={s.id}
                      pointer={`/services/${i}/id`}
                      taken={catalogIds(doc)}
                      readOnly={readOnly}
                      onRename={(to) => set([], renameId(doc, s.id, to))}
                    />
                    <ServiceDetails service={s} index={i} set={set} readOnly={readOnly} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <NewItemForm
          title="Add a service"
          nameLabel="New service name"
          idLabel="Service id"
          submitLabel="Add service"
          taken={catalogIds(doc)}
          prefix="svc"
          ready={unit.trim() !== ""}
          onCreate={(id, name) => {
            set(["services"], [...doc.services, { id, name, unit: unit.trim(), kind, status: "active" }]);
            setUnit("");
          }}
        >
          <TextField label="Unit" pointer="" value={unit} onChange={setUnit} placeholder="e.g. seat, GB" />
          <SelectField
            label="Kind"
            pointer=""
            value={kind}
            options={KINDS}
            onChange={(v) => setKind(v as Kind)}
          />
        </NewItemForm>
      ) : null}
    </section>
  );
}
