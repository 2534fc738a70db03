/**
 * A package in forms that follow the schema, as sections with an outline: basics, terms and
 * billing, components, options, rules, charges, add-ons, trial, renewal, termination and the price
 * preview. Each section is its own module with its own
 * state; the outline jumps to a section and the browser's find and history keep working.
 */
import type { CompiledCatalog } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { AddOnSection } from "./AddOnSection.tsx";
import { ChargesSection } from "./ChargesSection.tsx";
import { ComponentsSection } from "./ComponentsSection.tsx";
import type { Path } from "./docEdit.ts";
import { OptionGroupsEditor } from "./OptionGroupsEditor.tsx";
import { PackageBasics } from "./PackageBasics.tsx";
import { PhasesSection } from "./PhasesSection.tsx";
import { PricePreview } from "./PricePreview.tsx";
import { usePackageCtx } from "./packageContext.ts";
import { RenewalSection } from "./RenewalSection.tsx";
import { RulesSection } from "./RulesSection.tsx";
import { TerminationSection } from "./TerminationSection.tsx";
import { TermsSection } from "./TermsSection.tsx";

interface Props {
  doc: Catalog;
  index: number;
  compiled: CompiledCatalog | undefined;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  /** Called when the package's id is renamed, so the editor keeps following it. */
  onRenamed: (id: string) => void;
}

const OUTLINE = [
  ["pkg-basics", "Basics"],
  ["pkg-terms", "Terms"],
  ["pkg-components", "Components"],
  ["pkg-options", "Options"],
  ["pkg-rules", "Rules"],
  ["pkg-charges", "Charges"],
  ["pkg-addons", "Add-ons"],
  ["pkg-phases", "Trial"],
  ["pkg-renewal", "Renewal"],
  ["pkg-termination", "Termination"],
  ["pkg-preview", "Price preview"],
] as const;

export function PackageEditor({ doc, index, compiled, set, readOnly, onRenamed }: Props) {
  const ctx = usePackageCtx(doc, index, set, readOnly);
  if (!ctx) return <p className="ts-hint">This package is no longer in the catalog (deleted, or undone).</p>;
  return (
    <div className="stack">
      <nav aria-label="Package outline" className="outline">
        {OUTLINE.map(([id, label]) => (
          <a
            key={id}
            href={`#${id}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(id)?.scrollIntoView({ block: "start" });
            }}
          >
            {label}
          </a>
        ))}
      </nav>
      <PackageBasics ctx={ctx} onRenamed={onRenamed} />
      <TermsSection ctx={ctx} />
      <ComponentsSection ctx={ctx} />
      <OptionGroupsEditor
        doc={doc}
        pkg={ctx.pkg}
        at={ctx.at}
        set={set}
        readOnly={readOnly}
        taken={ctx.takenIds}
      />
      <RulesSection ctx={ctx} />
      <ChargesSection ctx={ctx} />
      <AddOnSection ctx={ctx} />
      <PhasesSection ctx={ctx} />
      <RenewalSection ctx={ctx} />
      <TerminationSection ctx={ctx} />
      <section className="ts-card" aria-labelledby="pkg-preview">
        <h2 id="pkg-preview">Price preview (defaults)</h2>
        <PricePreview pkg={ctx.pkg} compiled={compiled} />
      </section>
    </div>
  );
}
