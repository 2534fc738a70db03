/** The package's name, id, portfolio, role, tier, status, description, terms and billing periods. */
import { NumberField, SelectField, TextField } from "./fields.tsx";

const PERIODS = ["month", "quarter", "year", "upfront"] as const;

import type { PackageCtx } from "./packageContext.ts";

export function PackageBasics({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  return (
    <section className="ts-card" aria-labelledby="pkg-basics">
      <h2 id="pkg-basics">
        {pkg.name} <span className="ts-badge">{pkg.role === "base" ? "base package" : "add-on"}</span>
      </h2>
      <div className="grid-3">
        <TextField
          label="Name"
          pointer={p("name")}
          value={pkg.name}
          readOnly={readOnly}
          onChange={(v) => set([...at, "name"], v)}
        />
        <TextField
          label="Id"
          pointer={p("id")}
          value={pkg.id}
          readOnly
          hint="Ids never change once created."
          onChange={() => {}}
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
          onChange={(v) => set([...at, "role"], v)}
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
      <div className="grid-2">
        <TextField
          label="Terms (months, comma-separated)"
          pointer={p("terms")}
          value={pkg.terms.map((t) => t.months).join(", ")}
          readOnly={readOnly}
          hint="The first term is proposed on new quotes unless one is marked default."
          onChange={(v) => {
            const months = v
              .split(",")
              .map((x) => Math.trunc(Number(x.trim())))
              .filter((n) => Number.isFinite(n) && n > 0);
            if (months.length > 0)
              set(
                [...at, "terms"],
                months.map((m) => pkg.terms.find((t) => t.months === m) ?? { months: m }),
              );
          }}
        />
        <fieldset
          className="ts-field"
          style={{ border: "none", padding: 0 }}
          data-pointer={p("billingPeriods")}
        >
          <legend className="ts-label">Billing periods</legend>
          <div className="ts-row">
            {PERIODS.map((period) => (
              <label key={period} className="ts-row" style={{ gap: "0.25rem" }}>
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={pkg.billingPeriods.includes(period)}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? PERIODS.filter((x) => x === period || pkg.billingPeriods.includes(x))
                      : pkg.billingPeriods.filter((x) => x !== period);
                    if (next.length > 0) set([...at, "billingPeriods"], next);
                  }}
                />
                {period}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </section>
  );
}
