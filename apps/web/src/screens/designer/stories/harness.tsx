/**
 * Designer forms in Storybook: a catalog held in React state (the B2B SaaS sample unless given),
 * edited through the same `set(path, value)` the draft store offers, and shown as JSON in a hidden
 * element so play functions can check what an action wrote.
 */
import type { Catalog } from "@tessera/schema";
import { type ReactNode, useCallback, useState } from "react";
import saasJson from "../../../../../../schemas/examples/saas.catalog.json";
import { type Path, setIn } from "../docEdit.ts";
import { type PackageCtx, usePackageCtx } from "../packageContext.ts";

export const saas = saasJson as unknown as Catalog;

/** The catalog written by the forms so far, as the play function reads it. */
export function docOf(canvasElement: HTMLElement): Catalog {
  return JSON.parse(canvasElement.querySelector("[data-testid='catalog']")?.textContent ?? "null") as Catalog;
}

export function CatalogHarness({
  initial = saas,
  children,
}: {
  initial?: Catalog;
  children: (doc: Catalog, set: (path: Path, value: unknown) => void) => ReactNode;
}) {
  const [doc, setDoc] = useState(initial);
  const set = useCallback((path: Path, value: unknown) => setDoc((d) => setIn(d, path, value)), []);
  return (
    <div className="stack" style={{ maxWidth: 1000 }}>
      {children(doc, set)}
      <pre data-testid="catalog" hidden>
        {JSON.stringify(doc)}
      </pre>
    </div>
  );
}

function WithPackage({
  doc,
  set,
  packageId,
  children,
}: {
  doc: Catalog;
  set: (path: Path, value: unknown) => void;
  packageId: string;
  children: (ctx: PackageCtx) => ReactNode;
}) {
  const ctx = usePackageCtx(
    doc,
    doc.packages.findIndex((p) => p.id === packageId),
    set,
    false,
  );
  return ctx ? children(ctx) : <p>No package {packageId}.</p>;
}

/** A section of one package of the sample, editable. */
export function PackageHarness({
  packageId,
  initial,
  children,
}: {
  packageId: string;
  initial?: Catalog;
  children: (ctx: PackageCtx) => ReactNode;
}) {
  return (
    <CatalogHarness {...(initial ? { initial } : {})}>
      {(doc, set) => (
        <WithPackage doc={doc} set={set} packageId={packageId}>
          {children}
        </WithPackage>
      )}
    </CatalogHarness>
  );
}
