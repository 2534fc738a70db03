/**
 * Kill Bill catalog XML read into plain records, each remembering its XML element so the importer
 * can point at it. Runs only on documents `checkStructure` accepted, so required children exist.
 */
import { child, childrenNamed, childText, type XmlElement } from "../xml/tree.ts";

export interface KbPrice {
  currency: string;
  /** Decimal text; empty means zero (Kill Bill's nillable value). */
  value: string;
  el: XmlElement;
}

export interface KbTieredBlock {
  unit: string;
  size: string;
  max: string;
  prices: KbPrice[];
  el: XmlElement;
}

export interface KbUsage {
  name: string;
  billingMode: string;
  usageType: string;
  tierBlockPolicy: string;
  billingPeriod: string;
  tiers: { blocks: KbTieredBlock[]; el: XmlElement; hasOther: boolean }[];
  /** Flat blocks, limits or usage-level prices: shapes Tessera has no equivalent for. */
  unsupported: XmlElement[];
  el: XmlElement;
}

export interface KbPhase {
  type: string;
  durationUnit: string;
  durationNumber: number | undefined;
  fixed: KbPrice[] | undefined;
  billingPeriod: string | undefined;
  recurring: KbPrice[] | undefined;
  usages: KbUsage[];
  el: XmlElement;
}

export interface KbPlan {
  name: string;
  prettyName: string | undefined;
  product: string;
  initialPhases: KbPhase[];
  finalPhase: KbPhase;
  el: XmlElement;
}

export interface KbProduct {
  name: string;
  prettyName: string | undefined;
  category: string;
  included: XmlElement[];
  available: XmlElement[];
  limits: XmlElement | undefined;
  el: XmlElement;
}

export interface KbCase {
  /** Child element name to its text, e.g. fromProduct → Standard. */
  fields: Map<string, XmlElement>;
  el: XmlElement;
}

export interface KbCatalog {
  name: string;
  effectiveDate: string;
  currencies: string[];
  units: { name: string; prettyName: string | undefined; el: XmlElement }[];
  products: KbProduct[];
  plans: KbPlan[];
  priceLists: {
    name: string;
    prettyName: string | undefined;
    isDefault: boolean;
    plans: XmlElement[];
    el: XmlElement;
  }[];
  rules: Map<string, KbCase[]>;
  root: XmlElement;
}

function prices(el: XmlElement | undefined): KbPrice[] | undefined {
  if (!el) return undefined;
  return childrenNamed(el, "price").map((p) => ({
    currency: childText(p, "currency") ?? "",
    value: childText(p, "value") ?? "",
    el: p,
  }));
}

function readUsage(u: XmlElement): KbUsage {
  const unsupported: XmlElement[] = [];
  for (const name of ["limits", "blocks", "fixedPrice", "recurringPrice"]) {
    const e = child(u, name);
    if (e) unsupported.push(e);
  }
  const tiers = childrenNamed(child(u, "tiers") ?? u, "tier").map((t) => {
    const other = ["limits", "fixedPrice", "recurringPrice"]
      .map((n) => child(t, n))
      .filter((e) => e !== undefined);
    unsupported.push(...other);
    return {
      el: t,
      hasOther: other.length > 0,
      blocks: childrenNamed(child(t, "blocks") ?? t, "tieredBlock").map((b) => ({
        unit: childText(b, "unit") ?? "",
        size: childText(b, "size") ?? "1",
        max: childText(b, "max") ?? "-1",
        prices: prices(child(b, "prices")) ?? [],
        el: b,
      })),
    };
  });
  return {
    name: u.attributes.name ?? "",
    billingMode: u.attributes.billingMode ?? "IN_ARREAR",
    usageType: u.attributes.usageType ?? "CONSUMABLE",
    tierBlockPolicy: u.attributes.tierBlockPolicy ?? "ALL_TIERS",
    billingPeriod: childText(u, "billingPeriod") ?? "",
    tiers: child(u, "tiers") ? tiers : [],
    unsupported,
    el: u,
  };
}

function readPhase(el: XmlElement): KbPhase {
  const duration = child(el, "duration")!;
  const n = childText(duration, "number");
  const recurring = child(el, "recurring");
  return {
    type: el.attributes.type ?? "EVERGREEN",
    durationUnit: childText(duration, "unit") ?? "UNLIMITED",
    durationNumber: n === undefined ? undefined : Number.parseInt(n, 10),
    fixed: child(el, "fixed") ? (prices(child(child(el, "fixed")!, "fixedPrice")) ?? []) : undefined,
    billingPeriod: recurring ? childText(recurring, "billingPeriod") : undefined,
    recurring: recurring ? (prices(child(recurring, "recurringPrice")) ?? []) : undefined,
    usages: childrenNamed(child(el, "usages") ?? el, "usage").map(readUsage),
    el,
  };
}

function readCases(rules: XmlElement | undefined): Map<string, KbCase[]> {
  const out = new Map<string, KbCase[]>();
  if (!rules) return out;
  for (const section of rules.children) {
    out.set(
      section.name,
      section.children.map((c) => ({ fields: new Map(c.children.map((f) => [f.name, f])), el: c })),
    );
  }
  return out;
}

/** Reads a structurally valid Kill Bill catalog tree. */
export function readKillBill(root: XmlElement): KbCatalog {
  const priceLists = child(root, "priceLists")!;
  return {
    name: childText(root, "catalogName") ?? "",
    effectiveDate: childText(root, "effectiveDate") ?? "",
    currencies: childrenNamed(child(root, "currencies")!, "currency").map((c) => c.text),
    units: childrenNamed(child(root, "units") ?? root, "unit").map((u) => ({
      name: u.attributes.name ?? "",
      prettyName: u.attributes.prettyName,
      el: u,
    })),
    products: childrenNamed(child(root, "products")!, "product").map((p) => ({
      name: p.attributes.name ?? "",
      prettyName: p.attributes.prettyName,
      category: childText(p, "category") ?? "BASE",
      included: childrenNamed(child(p, "included") ?? p, "addonProduct"),
      available: childrenNamed(child(p, "available") ?? p, "addonProduct"),
      limits: child(p, "limits"),
      el: p,
    })),
    plans: childrenNamed(child(root, "plans")!, "plan").map((p) => ({
      name: p.attributes.name ?? "",
      prettyName: p.attributes.prettyName,
      product: childText(p, "product") ?? "",
      initialPhases: childrenNamed(child(p, "initialPhases") ?? p, "phase").map(readPhase),
      finalPhase: readPhase(child(p, "finalPhase")!),
      el: p,
    })),
    priceLists: priceLists.children.map((l) => ({
      name: l.attributes.name ?? "",
      prettyName: l.attributes.prettyName,
      isDefault: l.name === "defaultPriceList",
      plans: childrenNamed(child(l, "plans")!, "plan"),
      el: l,
    })),
    rules: readCases(child(root, "rules")),
    root,
  };
}
