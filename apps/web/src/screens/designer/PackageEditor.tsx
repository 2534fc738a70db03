/**
 * A package in forms that follow the schema, as sections with an outline: basics, components,
 * options, rules, charges and the price preview. Each section is its own module with its own
 * state. The outline stays in view and shows one section at a time (so a package is never a
 * 10,000-pixel wall of forms), or every section at once for the browser's find; a diagnostic
 * clicked elsewhere opens the section that holds its field.
 */
import type { CompiledCatalog } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { type ReactNode, useState } from "react";
import { ChargesSection } from "./ChargesSection.tsx";
import { ComponentsSection } from "./ComponentsSection.tsx";
import type { Path } from "./docEdit.ts";
import { OptionGroupsEditor } from "./OptionGroupsEditor.tsx";
import { PackageBasics } from "./PackageBasics.tsx";
import { PricePreview } from "./PricePreview.tsx";
import { usePackageCtx } from "./packageContext.ts";
import { RulesSection } from "./RulesSection.tsx";

interface Props {
  doc: Catalog;
  index: number;
  compiled: CompiledCatalog | undefined;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  /** The pointer last selected from a diagnostic or link: its section is shown. */
  reveal?: string | null | undefined;
}

const OUTLINE = [
  ["pkg-basics", "Basics"],
  ["pkg-components", "Components"],
  ["pkg-options", "Options"],
  ["pkg-rules", "Rules"],
  ["pkg-charges", "Charges"],
  ["pkg-preview", "Price preview"],
] as const;
type SectionId = (typeof OUTLINE)[number][0] | "all";

/** The outline section holding the field at `pointer` (inside a package). */
export function packageSectionOf(pointer: string): SectionId {
  const part = /^\/packages\/\d+\/([^/]+)/.exec(pointer)?.[1];
  if (part === "components") return "pkg-components";
  if (part === "optionGroups") return "pkg-options";
  if (part === "rules" || part === "quantityRules") return "pkg-rules";
  if (part === "charges") return "pkg-charges";
  return "pkg-basics";
}

export function PackageEditor({ doc, index, compiled, set, readOnly, reveal }: Props) {
  const ctx = usePackageCtx(doc, index, set, readOnly);
  const [shown, setShown] = useState<SectionId>("pkg-basics");
  const [revealed, setRevealed] = useState(reveal);
  // A newly selected pointer opens its section in the same render, before it is focused.
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal && shown !== "all") setShown(packageSectionOf(reveal));
  }
  if (!ctx) return null;
  const part = (id: SectionId, node: ReactNode) => (
    <div hidden={shown !== "all" && shown !== id} data-section={id}>
      {node}
    </div>
  );
  return (
    <div className="stack">
      <nav aria-label="Package outline" className="outline outline--sticky">
        <strong className="outline__title">{ctx.pkg.name}</strong>
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
      {part("pkg-basics", <PackageBasics ctx={ctx} />)}
      {part("pkg-components", <ComponentsSection ctx={ctx} />)}
      {part(
        "pkg-options",
        <OptionGroupsEditor pkg={ctx.pkg} at={ctx.at} set={set} readOnly={readOnly} taken={ctx.takenIds} />,
      )}
      {part("pkg-rules", <RulesSection ctx={ctx} />)}
      {part("pkg-charges", <ChargesSection ctx={ctx} />)}
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
