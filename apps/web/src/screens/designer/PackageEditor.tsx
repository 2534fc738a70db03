/**
 * A package in forms that follow the schema, as sections with an outline: basics, terms and
 * billing, components, options, rules, charges, add-ons, trial, renewal, termination and the price
 * preview. Each section is its own module with its own state. The outline stays in view and shows
 * one section at a time (so a package is never a 10,000-pixel wall of forms), or every section at
 * once for the browser's find; a diagnostic selected elsewhere opens the section of its field.
 */
import type { CompiledCatalog } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { type ReactNode, useState } from "react";
import { AddOnSection } from "./AddOnSection.tsx";
import { ChargesSection } from "./ChargesSection.tsx";
import { ComponentsSection } from "./ComponentsSection.tsx";
import type { Path } from "./docEdit.ts";
import { shownName } from "./ids.ts";
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
  /** The pointer last selected from a diagnostic or link: its section is shown. */
  reveal?: string | null | undefined;
}

const OUTLINE = [
  ["pkg-basics", "Basics"],
  ["pkg-terms", "Terms"],
  ["pkg-components", "Components"],
  ["pkg-options", "Options"],
  ["pkg-rules", "Rules"],
  ["pkg-charges", "Charges"],
  ["pkg-addons", "Add-ons"],
  ["pkg-phases", "Phases"],
  ["pkg-renewal", "Renewal"],
  ["pkg-termination", "Termination"],
  ["pkg-preview", "Price preview"],
] as const;
type SectionId = (typeof OUTLINE)[number][0] | "all";

/** The outline section holding the field at `pointer` (inside a package). */
export function packageSectionOf(pointer: string): SectionId {
  const part = /^\/packages\/\d+\/([^/]+)/.exec(pointer)?.[1];
  switch (part) {
    case "terms":
    case "billingPeriods":
    case "paymentTerms":
      return "pkg-terms";
    case "components":
      return "pkg-components";
    case "optionGroups":
      return "pkg-options";
    case "rules":
    case "quantityRules":
      return "pkg-rules";
    case "charges":
      return "pkg-charges";
    case "addOn":
    case "includedAddOns":
      return "pkg-addons";
    case "phases":
      return "pkg-phases";
    case "renewal":
      return "pkg-renewal";
    case "termination":
      return "pkg-termination";
    default:
      return "pkg-basics";
  }
}

export function PackageEditor({ doc, index, compiled, set, readOnly, onRenamed, reveal }: Props) {
  const ctx = usePackageCtx(doc, index, set, readOnly);
  const [shown, setShown] = useState<SectionId>("pkg-basics");
  const [revealed, setRevealed] = useState(reveal);
  // A newly selected pointer opens its section in the same render, before it is focused.
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal && shown !== "all") setShown(packageSectionOf(reveal));
  }
  if (!ctx) return <p className="ts-hint">This package is no longer in the catalog (deleted, or undone).</p>;
  // Only the shown section is rendered: an edit re-renders one section, not the whole package.
  const part = (id: SectionId, node: ReactNode) =>
    shown === "all" || shown === id ? <div data-section={id}>{node}</div> : null;
  return (
    <div className="stack">
      <nav aria-label="Package outline" className="outline outline--sticky">
        <strong className="outline__title">{shownName(ctx.pkg.name, ctx.pkg.id)}</strong>
        {[...OUTLINE, ["all", "All sections"] as const].map(([id, label]) => (
          <button
            key={id}
            type="button"
            className="outline__item"
            aria-current={shown === id ? "true" : undefined}
            onClick={() => setShown(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      {part("pkg-basics", <PackageBasics ctx={ctx} onRenamed={onRenamed} />)}
      {part("pkg-terms", <TermsSection ctx={ctx} />)}
      {part("pkg-components", <ComponentsSection ctx={ctx} />)}
      {part(
        "pkg-options",
        <OptionGroupsEditor
          doc={doc}
          pkg={ctx.pkg}
          at={ctx.at}
          set={set}
          readOnly={readOnly}
          taken={ctx.takenIds}
        />,
      )}
      {part("pkg-rules", <RulesSection ctx={ctx} />)}
      {part("pkg-charges", <ChargesSection ctx={ctx} />)}
      {part("pkg-addons", <AddOnSection ctx={ctx} />)}
      {part("pkg-phases", <PhasesSection ctx={ctx} />)}
      {part("pkg-renewal", <RenewalSection ctx={ctx} />)}
      {part("pkg-termination", <TerminationSection ctx={ctx} />)}
      {part(
        "pkg-preview",
        <section className="ts-card" aria-labelledby="pkg-preview">
          <h2 id="pkg-preview">Price preview (defaults)</h2>
          <PricePreview pkg={ctx.pkg} compiled={compiled} />
        </section>,
      )}
    </div>
  );
}
