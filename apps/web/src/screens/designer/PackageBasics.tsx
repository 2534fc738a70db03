/** The package's name, id, portfolio, role, tier, status, description, dates, successor and tags. */
import { renameId } from "@tessera/engine";
import type { Package } from "@tessera/schema";
import { CheckboxField, ListField, NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { shownName } from "./ids.ts";
import type { PackageCtx } from "./packageContext.ts";
import { RowActions } from "./RowActions.tsx";

/**
 * The packages with package `index` marked "most popular" (or not). Marking one unmarks the other
 * base packages of its portfolio, since a pricing table shows one badge per portfolio
 * (`package.popular-twice`); unmarking removes the key (the schema's default is not popular).
 */
export function withPopular(packages: readonly Package[], index: number, on: boolean): Package[] {
  const target = packages[index];
  return packages.map((x, i) => {
    if (i !== index && !(on && x.popular !== undefined && x.portfolio === target?.portfolio)) return x;
    const { popular: _p, ...rest } = x;
    return i === index && on ? { ...rest, popular: true } : rest;
  });
}

export function PackageBasics({ ctx, onRenamed }: { ctx: PackageCtx; onRenamed: (id: string) => void }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  const portfolioName = doc.portfolios.find((x) => x.id === pkg.portfolio)?.name ?? pkg.portfolio;
  return (
    <section className="ts-card" aria-labelledby="pkg-basics">
      <div className="section-title" style={{ marginTop: 0 }}>
        <h2 id="pkg-basics" style={{ margin: 0 }}>
          {shownName(pkg.name, pkg.id)}{" "}
          <span className="ts-badge">{pkg.role === "base" ? "base package" : "add-on"}</span>
        </h2>
        {!readOnly ? (
          <RowActions doc={doc} path={at} name={`package ${shownName(pkg.name, pkg.id)}`} set={set} />
        ) : null}
      </div>
      <div className="grid-3">
        <TextField
          label="Name"
          pointer={p("name")}
          value={pkg.name}
          hint={pkg.name.trim() ? undefined : "Required: the name buyers see on quotes and the pricing page."}
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
          options={[
            { value: "base", label: "base package" },
            { value: "add_on", label: "add-on" },
          ]}
          readOnly={readOnly}
          onChange={(v) => {
            // A base has no compatibility block and an add-on includes no add-ons: nothing hidden stays.
            // Nor is an add-on "most popular": pricing tables list base packages only.
            const { addOn: _a, includedAddOns: _i, popular: _p, ...rest } = pkg;
            set(
              at,
              v === "add_on"
                ? { ...rest, role: v, ...(pkg.addOn ? { addOn: pkg.addOn } : {}) }
                : {
                    ...rest,
                    role: v,
                    ...(pkg.includedAddOns ? { includedAddOns: pkg.includedAddOns } : {}),
                    ...(pkg.popular ? { popular: pkg.popular } : {}),
                  },
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
      {pkg.role === "base" ? (
        <CheckboxField
          label="Most popular (the badge on the public pricing page)"
          pointer={p("popular")}
          checked={pkg.popular === true}
          readOnly={readOnly}
          hint={`One package of a portfolio carries it: marking this one unmarks the others of ${portfolioName}.`}
          onChange={(on) => set(["packages"], withPopular(doc.packages, ctx.at[1] as number, on))}
        />
      ) : null}
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
