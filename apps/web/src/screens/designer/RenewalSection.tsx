/**
 * How the term is extended: the term lengths offered on renewal, the price on renewal (locked, the
 * current list price, or list capped by an uplift over the current price), and automatic renewal.
 * The uplift cap exists only under the capped policy: choosing another policy removes it.
 */
import type { Renewal } from "@tessera/schema";
import { type Patch, patchObject } from "./docEdit.ts";
import { ChecklistField, SelectField, TextField } from "./fields.tsx";
import type { PackageCtx } from "./packageContext.ts";

type Policy = NonNullable<Renewal["pricePolicy"]>;

/** The renewal block after choosing a price policy: no uplift cap unless capped. */
export function withPolicy(r: Renewal | undefined, policy: Policy | undefined): Renewal | undefined {
  return patchObject(r, {
    pricePolicy: policy,
    upliftCapPercent: policy === "capped" ? (r?.upliftCapPercent ?? "5") : undefined,
  });
}

export function RenewalSection({ ctx }: { ctx: PackageCtx }) {
  const { pkg, p, set, readOnly, at } = ctx;
  const r = pkg.renewal;
  const put = (next: Renewal | undefined) => set([...at, "renewal"], next);
  const patch = (x: Patch<Renewal>) => put(patchObject(r, x));
  // Renewal terms are in months: terms of weeks renew as they are and are not offered here.
  const monthTerms = pkg.terms.flatMap((t) => (t.months === undefined ? [] : [t.months]));
  const months = [...new Set([...monthTerms, ...(r?.terms ?? [])])].sort((a, b) => a - b);
  return (
    <section className="ts-card" aria-labelledby="pkg-renewal">
      <h2 id="pkg-renewal">Renewal</h2>
      <div className="grid-3">
        <ChecklistField<number>
          label="Renewal terms (months)"
          pointer={p("renewal", "terms")}
          value={r?.terms ?? []}
          options={months.map((m) => ({ value: m, label: String(m) }))}
          readOnly={readOnly}
          hint="None ticked: the package's terms."
          onChange={(terms) => patch({ terms: terms.length > 0 ? terms : undefined })}
        />
        <SelectField
          label="Price on renewal"
          pointer={p("renewal", "pricePolicy")}
          value={r?.pricePolicy ?? ""}
          options={[
            { value: "", label: "the list price (default)" },
            { value: "list", label: "the list price (stated)" },
            { value: "locked", label: "locked: the price they have" },
            { value: "capped", label: "list, capped by an uplift" },
          ]}
          readOnly={readOnly}
          onChange={(v) => put(withPolicy(r, (v || undefined) as Policy | undefined))}
        />
        {r?.pricePolicy === "capped" ? (
          <TextField
            label="Uplift cap (%)"
            pointer={p("renewal", "upliftCapPercent")}
            value={r.upliftCapPercent}
            readOnly={readOnly}
            hint="Largest increase over the current price."
            onChange={(v) => patch({ upliftCapPercent: v.trim() || undefined })}
          />
        ) : null}
        <SelectField
          label="Automatic renewal"
          pointer={p("renewal", "autoRenew")}
          value={r?.autoRenew === undefined ? "" : String(r.autoRenew)}
          options={[
            { value: "", label: "not stated" },
            { value: "true", label: "renews for the same length unless cancelled" },
            { value: "false", label: "ends unless renewed" },
          ]}
          readOnly={readOnly}
          onChange={(v) => patch({ autoRenew: v === "" ? undefined : v === "true" })}
        />
      </div>
    </section>
  );
}
