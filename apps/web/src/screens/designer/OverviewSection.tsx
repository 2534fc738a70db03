/**
 * The catalog's name, currencies, dates and proration style; its portfolios, price books, quote
 * policy and the branding of printed quotes.
 */
import type { Catalog } from "@tessera/schema";
import { BrandingSection } from "./BrandingSection.tsx";
import type { Path } from "./docEdit.ts";
import { ListField, SelectField, TextField } from "./fields.tsx";
import { PortfoliosSection } from "./PortfoliosSection.tsx";
import { PriceBooksSection } from "./PriceBooksSection.tsx";
import { QuotePolicySection } from "./QuotePolicySection.tsx";

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
          <ListField
            label="Currencies"
            pointer="/currencies"
            value={doc.currencies}
            readOnly={readOnly}
            hint="ISO 4217 codes, comma-separated. Every sellable package must be priced in each."
            parse={(w) => w.toUpperCase()}
            onChange={(list) => {
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
          <TextField
            label="Existing customers get these prices from"
            pointer="/existingSubscriptionsFrom"
            value={doc.existingSubscriptionsFrom}
            readOnly={readOnly}
            placeholder="YYYY-MM-DD"
            hint="Empty: customers sold on an earlier version keep its prices until they change plan."
            onChange={(v) => set(["existingSubscriptionsFrom"], v.trim() || undefined)}
          />
          <SelectField
            label="Proration style"
            pointer="/prorationStyle"
            value={doc.prorationStyle ?? ""}
            options={[
              { value: "", label: "day-based (default)" },
              { value: "day_based", label: "day-based: current price × unused days (stated)" },
              { value: "flexible", label: "flexible: what was billed × unused days" },
            ]}
            readOnly={readOnly}
            hint="How a credit for the unused part of a paid period is worked out; a path rule may choose another."
            onChange={(v) => set(["prorationStyle"], v || undefined)}
          />
        </div>
      </section>
      <PortfoliosSection doc={doc} set={set} readOnly={readOnly} />
      <PriceBooksSection doc={doc} set={set} readOnly={readOnly} />
      <QuotePolicySection doc={doc} set={set} readOnly={readOnly} />
      <BrandingSection doc={doc} set={set} readOnly={readOnly} />
    </div>
  );
}
