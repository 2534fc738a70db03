/**
 * What every section of the package editor reads: the package, where it is in the document, and
 * names for its services, options and add-ons. Built once per render of the editor.
 */
import type { Catalog, Package } from "@tessera/schema";
import { useMemo } from "react";
import { type Path, pointer } from "./docEdit.ts";

export interface PackageCtx {
  doc: Catalog;
  pkg: Package;
  /** Path of the package in the document. */
  at: Path;
  /** JSON Pointer of a path inside the package. */
  p: (...rest: (string | number)[]) => string;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  serviceName: (id: string) => string;
  optionList: { value: string; label: string }[];
  addOnList: { value: string; label: string }[];
  pickName: (id: string) => string;
  unitOf: (componentId: string | undefined) => string;
  /** Every id in use in the catalog (a new rule's id must be none of them). */
  takenIds: Set<string>;
}

/**
 * Every catalog-wide id of the document (services, portfolios, packages and what they hold, path
 * rule cases): a new rule's id must be none of them.
 */
export function catalogIds(doc: Catalog): Set<string> {
  const ids = new Set<string>();
  const add = (items: readonly { id: string }[] | undefined) => {
    for (const x of items ?? []) ids.add(x.id);
  };
  add(doc.services);
  add(doc.portfolios);
  add(doc.packages);
  add(doc.pathRules);
  for (const p of doc.packages) {
    add(p.components);
    add(p.optionGroups);
    for (const g of p.optionGroups ?? []) add(g.options);
    add(p.charges);
    add(p.rules);
    add(p.quantityRules);
    add(p.termination?.retentionOffers);
  }
  return ids;
}

/** The context of package `index`, or undefined when there is no such package. */
export function usePackageCtx(
  doc: Catalog,
  index: number,
  set: (path: Path, value: unknown) => void,
  readOnly: boolean,
): PackageCtx | undefined {
  const takenIds = useMemo(() => catalogIds(doc), [doc]);
  const pkg = doc.packages[index];
  if (!pkg) return undefined;
  const at: Path = ["packages", index];
  const optionList = (pkg.optionGroups ?? []).flatMap((g) =>
    g.options.map((o) => ({ value: o.id, label: `${g.name}: ${o.name}` })),
  );
  const addOnList = doc.packages
    .filter((x) => x.role === "add_on")
    .map((x) => ({ value: x.id, label: `Add-on: ${x.name}` }));
  return {
    doc,
    pkg,
    at,
    p: (...rest) => pointer([...at, ...rest]),
    set,
    readOnly,
    serviceName: (id) => doc.services.find((s) => s.id === id)?.name ?? id,
    optionList,
    addOnList,
    pickName: (id) => [...optionList, ...addOnList].find((o) => o.value === id)?.label ?? id,
    unitOf: (componentId) => {
      const c = pkg.components?.find((x) => x.id === componentId);
      return c ? (doc.services.find((s) => s.id === c.service)?.unit ?? "units") : "units";
    },
    takenIds,
  };
}
