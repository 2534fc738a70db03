/** The package's name, id, portfolio, role, tier, status, description, dates, successor and tags. */
import { renameId } from "@tessera/engine";
import { ListField, NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import type { PackageCtx } from "./packageContext.ts";
import { RowActions } from "./RowActions.tsx";

export function PackageBasics({ ctx, onRenamed }: { ctx: PackageCtx; onRenamed: (id: string) => void }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  return (
    <section className="ts-card" aria-labelledby="pkg-basics">
      <div className="section-title" style={{ marginTop: 0 }}>
        <h2 id="pkg-basics" style={{ margin: 0 }}>
          {pkg.name} <span className="ts-badge">{pkg.role === "base" ? "base package" : "add-on"}</span>
        </h2>
        {!readOnly ? <RowActions doc={doc} path={at} name={`package ${pkg.name}`} set={set} /> : null}
      </div>
      <div className="grid-3">
        <TextField
          label="Name"
          pointer={p("name")}
          value={pkg.name}
          readOnly={readOnly}
          onChange={(v) => set([...at, "name"], v)}
        />
        <IdField
          id={pkg.id}
          pointer={p("id")}
          taken={ctx.takenIds}
          readOnly={readOnly}
          onRename={(to) => {
            set([], renameId(doc, pkg.id, to));
            onRenamed(to);
          }}
        />
        <SelectField
          label="Portfolio"
          pointer={p("portfolio")}
          value={pkg.portfolio}
          options={doc.portfolios.map((x) => ({ value: x.id, label: x.name }))}
          readOnly={readOnly}
          onChange={(v) => set([...at, "portfolio"], v)}
        />
        <SelectField
          label="Role"
          pointer={p("role")}
          value={pkg.role}
          options={["base", "add_on"]}
          readOnly={readOnly}
          onChange={(v) => {
            // A base has no compatibility block and an add-on includes no add-ons: nothing hidden stays.
            const { addOn: _a, includedAddOns: _i, ...rest } = pkg;
            set(
              at,
              v === "add_on"
                ? { ...rest, role: v, ...(pkg.addOn ? { addOn: pkg.addOn } : {}) }
                : { ...rest, role: v, ...(pkg.includedAddOns ? { includedAddOns: pkg.includedAddOns } : {}) },
            );
          }}
        />
        <NumberField
          label="Tier"
          pointer={p("tier")}
          value={pkg.tier}
          readOnly={readOnly}
          onChange={(v) => set([...at, "tier"], v ?? 0)}
        />
        <SelectField
          label="Status"
          pointer={p("status")}
          value={pkg.status}
          options={["draft", "active", "retired"]}
          readOnly={readOnly}
          onChange={(v) => set([...at, "status"], v)}
        />
      </div>
      <TextField
        label="Description"
        pointer={p("description")}
        value={pkg.description}
        readOnly={readOnly}
        onChange={(v) => set([...at, "description"], v || undefined)}
      />
      <div className="grid-4">
        <TextField
          label="Sold from"
          pointer={p("effectiveFrom")}
          value={pkg.effectiveFrom}
          readOnly={readOnly}
          placeholder="YYYY-MM-DD"
          onChange={(v) => set([...at, "effectiveFrom"], v.trim() || undefined)}
        />
        <TextField
          label="Sold until"
          pointer={p("effectiveTo")}
          value={pkg.effectiveTo}
          readOnly={readOnly}
          placeholder="YYYY-MM-DD"
          onChange={(v) => set([...at, "effectiveTo"], v.trim() || undefined)}
        />
        <SelectField
          label="Successor"
          pointer={p("successor")}
          value={pkg.successor ?? ""}
          hint="Where customers of a retired package renew or move."
          options={[
            { value: "", label: "none" },
            ...doc.packages
              .filter((x) => x.id !== pkg.id && x.role === pkg.role)
              .map((x) => ({ value: x.id, label: x.name })),
          ]}
          readOnly={readOnly}
          onChange={(v) => set([...at, "successor"], v || undefined)}
        />
        <ListField
          label="Tags"
          pointer={p("tags")}
          value={pkg.tags ?? []}
          readOnly={readOnly}
          hint="Comma-separated."
          parse={(w) => w.slice(0, 60)}
          onChange={(tags) => set([...at, "tags"], tags.length > 0 ? tags : undefined)}
        />
      </div>
    </section>
  );
}
