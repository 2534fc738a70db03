/**
 * The shape of a Kill Bill catalog document, written down as data: for each element type its
 * attributes, its children in the order the catalog XSD's sequences require, and the simple type
 * of its text. Derived by hand from the JAXB bindings of Kill Bill's catalog classes (the XSD is
 * generated from them: `StandaloneCatalog`, `DefaultProduct`, `DefaultPlan`, `DefaultPlanPhase`,
 * `DefaultUsage`, the rule cases…). The importer checks input against it so every problem has a
 * line and column; the export tests check the exporter's output against it when the real XSD is
 * not at hand.
 * @see https://docs.killbill.io/latest/catalog-xml-format.html
 */
import type { XmlElement } from "../xml/tree.ts";
import * as V from "./vocabulary.ts";

type Text = "string" | "dateTime" | "decimal" | "integer" | "currency" | readonly string[];

interface Particle {
  readonly name: string;
  readonly type: string;
  readonly min: 0 | 1;
  readonly many?: true;
}

interface TypeRule {
  readonly attributes?: Readonly<Record<string, { required: boolean; values?: readonly string[] }>>;
  readonly children?: readonly Particle[];
  readonly text?: Text;
  /** Whether the element may be empty (xsd nillable / optional text). */
  readonly emptyOk?: true;
}

const one = (name: string, type: string): Particle => ({ name, type, min: 1 });
const opt = (name: string, type: string): Particle => ({ name, type, min: 0 });
const many = (name: string, type: string): Particle => ({ name, type, min: 0, many: true });
const named = { name: { required: true }, prettyName: { required: false } } as const;

const standardCase = [
  opt("product", "idref"),
  opt("productCategory", "productCategory"),
  opt("billingPeriod", "billingPeriod"),
  opt("priceList", "idref"),
];
const changeCase = [
  opt("phaseType", "phaseType"),
  opt("fromProduct", "idref"),
  opt("fromProductCategory", "productCategory"),
  opt("fromBillingPeriod", "billingPeriod"),
  opt("fromPriceList", "idref"),
  opt("toProduct", "idref"),
  opt("toProductCategory", "productCategory"),
  opt("toBillingPeriod", "billingPeriod"),
  opt("toPriceList", "idref"),
];

/** Element types by name; the root element `catalog` has type `catalog`. */
export const TYPES: Readonly<Record<string, TypeRule>> = {
  catalog: {
    children: [
      one("effectiveDate", "dateTime"),
      one("catalogName", "string"),
      opt("recurringBillingMode", "billingMode"),
      one("currencies", "currencies"),
      opt("units", "units"),
      one("products", "products"),
      one("rules", "rules"),
      one("plans", "plans"),
      one("priceLists", "priceLists"),
    ],
  },
  string: { text: "string", emptyOk: true },
  idref: { text: "string" },
  dateTime: { text: "dateTime" },
  decimal: { text: "decimal" },
  integer: { text: "integer" },
  currency: { text: "currency" },
  billingMode: { text: V.BILLING_MODES },
  productCategory: { text: V.PRODUCT_CATEGORIES },
  billingPeriod: { text: V.BILLING_PERIODS },
  phaseType: { text: V.PHASE_TYPES },
  timeUnit: { text: V.TIME_UNITS },
  policy: { text: V.ACTION_POLICIES },
  changeAlignment: { text: V.CHANGE_ALIGNMENTS },
  createAlignment: { text: V.CREATE_ALIGNMENTS },
  billingAlignment: { text: V.BILLING_ALIGNMENTS },
  currencies: { children: [many("currency", "currency")] },
  units: { children: [many("unit", "unit")] },
  unit: { attributes: named },
  products: { children: [many("product", "product")] },
  product: {
    attributes: named,
    children: [
      one("category", "productCategory"),
      opt("included", "addonList"),
      opt("available", "addonList"),
      opt("limits", "limits"),
    ],
  },
  addonList: { children: [many("addonProduct", "idref")] },
  limits: { children: [many("limit", "limit")] },
  limit: { children: [one("unit", "idref"), opt("max", "decimal"), opt("min", "decimal")] },
  rules: {
    children: [
      opt("changePolicy", "changePolicy"),
      opt("changeAlignment", "changeAlignmentRules"),
      opt("cancelPolicy", "cancelPolicy"),
      opt("createAlignment", "createAlignmentRules"),
      opt("billingAlignment", "billingAlignmentRules"),
      opt("priceList", "priceListRules"),
    ],
  },
  changePolicy: { children: [many("changePolicyCase", "changePolicyCase")] },
  changePolicyCase: { children: [...changeCase, one("policy", "policy")] },
  changeAlignmentRules: { children: [many("changeAlignmentCase", "changeAlignmentCase")] },
  changeAlignmentCase: { children: [...changeCase, one("alignment", "changeAlignment")] },
  cancelPolicy: { children: [many("cancelPolicyCase", "cancelPolicyCase")] },
  cancelPolicyCase: { children: [...standardCase, opt("phaseType", "phaseType"), one("policy", "policy")] },
  createAlignmentRules: { children: [many("createAlignmentCase", "createAlignmentCase")] },
  createAlignmentCase: { children: [...standardCase, one("alignment", "createAlignment")] },
  billingAlignmentRules: { children: [many("billingAlignmentCase", "billingAlignmentCase")] },
  billingAlignmentCase: {
    children: [...standardCase, opt("phaseType", "phaseType"), one("alignment", "billingAlignment")],
  },
  priceListRules: { children: [many("priceListCase", "priceListCase")] },
  priceListCase: {
    children: [
      opt("fromProduct", "idref"),
      opt("fromProductCategory", "productCategory"),
      opt("fromBillingPeriod", "billingPeriod"),
      opt("fromPriceList", "idref"),
      one("toPriceList", "idref"),
    ],
  },
  plans: { children: [many("plan", "plan")] },
  plan: {
    attributes: named,
    children: [
      opt("effectiveDateForExistingSubscriptions", "dateTime"),
      one("product", "idref"),
      opt("recurringBillingMode", "billingMode"),
      opt("initialPhases", "initialPhases"),
      one("finalPhase", "phase"),
      opt("plansAllowedInBundle", "integer"),
    ],
  },
  initialPhases: { children: [many("phase", "phase")] },
  phase: {
    attributes: { type: { required: true, values: V.PHASE_TYPES }, prettyName: { required: false } },
    children: [
      one("duration", "duration"),
      opt("fixed", "fixed"),
      opt("recurring", "recurring"),
      opt("usages", "usages"),
    ],
  },
  duration: { children: [one("unit", "timeUnit"), opt("number", "integer")] },
  fixed: {
    attributes: { type: { required: false, values: V.FIXED_TYPES } },
    children: [opt("fixedPrice", "prices")],
  },
  recurring: { children: [one("billingPeriod", "billingPeriod"), opt("recurringPrice", "prices")] },
  prices: { children: [many("price", "price")] },
  price: { children: [one("currency", "currency"), one("value", "value")] },
  value: { text: "decimal", emptyOk: true },
  usages: { children: [many("usage", "usage")] },
  usage: {
    attributes: {
      ...named,
      billingMode: { required: true, values: V.BILLING_MODES },
      usageType: { required: true, values: V.USAGE_TYPES },
      tierBlockPolicy: { required: false, values: V.TIER_BLOCK_POLICIES },
    },
    children: [
      one("billingPeriod", "billingPeriod"),
      opt("limits", "limits"),
      opt("blocks", "blocks"),
      opt("tiers", "tiers"),
      opt("fixedPrice", "prices"),
      opt("recurringPrice", "prices"),
    ],
  },
  blocks: { children: [many("block", "block")] },
  block: {
    attributes: { type: { required: false, values: V.BLOCK_TYPES } },
    children: [
      one("unit", "idref"),
      one("size", "decimal"),
      one("prices", "prices"),
      opt("minTopUpCredit", "decimal"),
    ],
  },
  tiers: { children: [many("tier", "tier")] },
  tier: {
    children: [
      opt("limits", "limits"),
      opt("blocks", "tieredBlocks"),
      opt("fixedPrice", "prices"),
      opt("recurringPrice", "prices"),
    ],
  },
  tieredBlocks: { children: [many("tieredBlock", "tieredBlock")] },
  tieredBlock: {
    attributes: { type: { required: false, values: V.BLOCK_TYPES } },
    children: [
      one("unit", "idref"),
      one("size", "decimal"),
      one("prices", "prices"),
      opt("minTopUpCredit", "decimal"),
      one("max", "decimal"),
    ],
  },
  priceLists: { children: [one("defaultPriceList", "priceList"), many("childPriceList", "priceList")] },
  priceList: { attributes: named, children: [one("plans", "planRefs")] },
  planRefs: { children: [many("plan", "idref")] },
};

/** A structural problem, located in the XML text. */
export interface StructureProblem {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const XSI = /^xmlns(:|$)|^xsi:/;

function checkText(e: XmlElement, text: Text, emptyOk: boolean, out: StructureProblem[]): void {
  const at = { line: e.line, column: e.column, path: e.path };
  if (e.text === "") {
    if (!emptyOk && text !== "string")
      out.push({ ...at, code: "killbill.xml.empty", message: `<${e.name}> is empty; it needs a value.` });
    return;
  }
  const bad = (what: string) =>
    out.push({
      ...at,
      code: "killbill.xml.value",
      message: `<${e.name}> holds "${e.text}", which is not ${what}.`,
    });
  if (Array.isArray(text)) {
    if (!text.includes(e.text)) bad(`one of ${text.join(", ")}`);
  } else if (text === "dateTime" && !DATE_TIME.test(e.text)) bad("a date and time like 2026-01-01T00:00:00Z");
  else if (text === "decimal" && !DECIMAL.test(e.text)) bad("a decimal number");
  else if (text === "integer" && !INTEGER.test(e.text)) bad("a whole number");
  else if (text === "currency" && !/^[A-Z]{3}$/.test(e.text)) bad("a three-letter currency code");
}

function checkElement(e: XmlElement, typeName: string, out: StructureProblem[]): void {
  const rule = TYPES[typeName]!;
  const at = { line: e.line, column: e.column, path: e.path };
  const attributes = rule.attributes ?? {};
  for (const [name, spec] of Object.entries(attributes)) {
    const value = e.attributes[name];
    if (value === undefined) {
      if (spec.required)
        out.push({
          ...at,
          code: "killbill.xml.attribute-missing",
          message: `<${e.name}> needs a ${name} attribute.`,
        });
    } else if (spec.values && !spec.values.includes(value)) {
      out.push({
        ...at,
        code: "killbill.xml.value",
        message: `The ${name} attribute of <${e.name}> is "${value}", which is not one of ${spec.values.join(", ")}.`,
      });
    }
  }
  for (const name of Object.keys(e.attributes)) {
    if (!(name in attributes) && !XSI.test(name))
      out.push({
        ...at,
        code: "killbill.xml.attribute-unknown",
        message: `<${e.name}> has no attribute ${name}.`,
      });
  }
  if (rule.text) checkText(e, rule.text, rule.emptyOk === true, out);
  const particles = rule.children ?? [];
  let p = 0;
  let seen = 0;
  for (const c of e.children) {
    const ahead = particles.findIndex((q, i) => i >= p && q.name === c.name);
    if (ahead === -1) {
      const known = particles.some((q) => q.name === c.name);
      out.push({
        line: c.line,
        column: c.column,
        path: c.path,
        code: known ? "killbill.xml.order" : "killbill.xml.unknown-element",
        message: known
          ? `<${c.name}> is out of order inside <${e.name}>; expected order: ${particles.map((q) => q.name).join(", ")}.`
          : `<${e.name}> cannot contain <${c.name}>${particles.length ? `; it holds ${particles.map((q) => q.name).join(", ")}` : ""}.`,
      });
      continue;
    }
    for (; p < ahead; p++, seen = 0)
      if (seen === 0 && particles[p]!.min === 1) missing(e, particles[p]!, out);
    const particle = particles[p]!;
    if (seen > 0 && !particle.many)
      out.push({
        line: c.line,
        column: c.column,
        path: c.path,
        code: "killbill.xml.repeated",
        message: `<${e.name}> may hold only one <${c.name}>.`,
      });
    seen++;
    checkElement(c, particle.type, out);
  }
  for (let q = p; q < particles.length; q++) {
    if (particles[q]!.min === 1 && !(q === p && seen > 0)) missing(e, particles[q]!, out);
  }
}

function missing(e: XmlElement, particle: Particle, out: StructureProblem[]): void {
  out.push({
    line: e.line,
    column: e.column,
    path: e.path,
    code: "killbill.xml.missing",
    message: `<${e.name}> needs a <${particle.name}>.`,
  });
}

/** Checks a parsed document against the Kill Bill catalog structure; empty when it conforms. */
export function checkStructure(root: XmlElement): StructureProblem[] {
  const out: StructureProblem[] = [];
  if (root.name !== "catalog") {
    out.push({
      line: root.line,
      column: root.column,
      path: root.path,
      code: "killbill.xml.not-catalog",
      message: `The root element is <${root.name}>; a Kill Bill catalog starts with <catalog>.`,
    });
    return out;
  }
  checkElement(root, "catalog", out);
  return out;
}
