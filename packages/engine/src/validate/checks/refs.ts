/**
 * Dangling references: every id a catalog entry names must exist, and be of the right kind and
 * place — a charge's component or option belongs to the same package, a rule's picks are options
 * of its package or add-on packages, price points name a declared price book.
 *
 * Each probe returns the problem (or nothing), and the caller builds the pointer only then, so a
 * clean catalog costs one map lookup per reference.
 *
 * @see https://docs.killbill.io/latest/catalog-xml.html (Kill Bill rejects catalogs whose plans
 * name unknown products or price lists the same way)
 */
import type { Condition, Consequence, Formula, Package, PackageMatch } from "@tessera/schema";
import type { CompiledCatalog } from "../../compile.ts";
import { eachId, isCondition, isConsequence } from "../../configure/formula.ts";
import { type Check, type CheckContext, NONE } from "../check.ts";
import { flag } from "./report.ts";

type Problem = readonly [code: string, text: string];

function service(c: CompiledCatalog, id: string): Problem | undefined {
  return c.services.has(id)
    ? undefined
    : ["ref.unknown-service", `names the service \`${id}\`, which the catalog does not define.`];
}

function pkgRef(c: CompiledCatalog, id: string, what = "package"): Problem | undefined {
  return c.packages.has(id)
    ? undefined
    : ["ref.unknown-package", `names the ${what} \`${id}\`, which the catalog does not define.`];
}

function portfolioRef(c: CompiledCatalog, id: string): Problem | undefined {
  return c.portfolios.has(id)
    ? undefined
    : ["ref.unknown-portfolio", `names the portfolio \`${id}\`, which the catalog does not define.`];
}

function optionOf(c: CompiledCatalog, pkg: Package, id: string): Problem | undefined {
  const o = c.options.get(id);
  if (o === undefined)
    return ["ref.unknown-option", `names the option \`${id}\`, which the catalog does not define.`];
  if (o.package !== pkg)
    return [
      "ref.unknown-option",
      `names the option \`${id}\`, which belongs to package \`${o.package.id}\`, not to \`${pkg.id}\`.`,
    ];
  return undefined;
}

function componentOf(c: CompiledCatalog, pkg: Package, id: string): Problem | undefined {
  const found = c.components.get(id);
  if (found === undefined)
    return ["ref.unknown-component", `names the component \`${id}\`, which the catalog does not define.`];
  if (found.package !== pkg)
    return [
      "ref.unknown-component",
      `names the component \`${id}\`, which belongs to package \`${found.package.id}\`, not to \`${pkg.id}\`.`,
    ];
  return undefined;
}

/** A pick is an option of the rule's own package or an add-on package id. */
function pick(c: CompiledCatalog, pkg: Package, id: string): Problem | undefined {
  const o = c.options.get(id);
  if (o !== undefined)
    return o.package === pkg
      ? undefined
      : [
          "ref.unknown-pick",
          `names the option \`${id}\` of package \`${o.package.id}\`; rules may only name options of \`${pkg.id}\` and add-ons.`,
        ];
  const p = c.packages.get(id);
  if (p !== undefined && p.value.role === "add_on") return undefined;
  return [
    "ref.unknown-pick",
    p !== undefined
      ? `names \`${id}\`, a base package; rules may only name options of \`${pkg.id}\` and add-ons.`
      : `names \`${id}\`, which is neither an option of \`${pkg.id}\` nor an add-on.`,
  ];
}

function put(ctx: CheckContext, problem: Problem, pointer: string): void {
  flag(ctx, problem[0], "error", pointer, problem[1]);
}

/** Checks one list of picks; the pointer `/packages/i/<section>/j/<part>/<key>/k` is built on failure. */
function pickList(
  ctx: CheckContext,
  pkg: Package,
  ids: readonly string[] | undefined,
  i: number,
  section: string,
  j: number,
  part: string,
  key: string,
): void {
  if (ids === undefined) return;
  for (let k = 0; k < ids.length; k++) {
    const bad = pick(ctx.catalog, pkg, ids[k] as string);
    if (bad) put(ctx, bad, `/packages/${i}/${section}/${j}/${part}/${key}/${k}`);
  }
}

function condition(
  ctx: CheckContext,
  pkg: Package,
  when: Condition | undefined,
  i: number,
  section: string,
  j: number,
): void {
  if (when === undefined) return;
  pickList(ctx, pkg, when.allOf, i, section, j, "when", "allOf");
  pickList(ctx, pkg, when.anyOf, i, section, j, "when", "anyOf");
  pickList(ctx, pkg, when.noneOf, i, section, j, "when", "noneOf");
}

function consequence(ctx: CheckContext, pkg: Package, then: Consequence, i: number, j: number): void {
  pickList(ctx, pkg, then.requireAll, i, "rules", j, "then", "requireAll");
  pickList(ctx, pkg, then.requireAny, i, "rules", j, "then", "requireAny");
  pickList(ctx, pkg, then.requireExactlyOne, i, "rules", j, "then", "requireExactlyOne");
  pickList(ctx, pkg, then.requireNone, i, "rules", j, "then", "requireNone");
}

/** Checks every id of a nested formula; the pointer is the formula's plus the path to the id. */
function formulaPicks(ctx: CheckContext, pkg: Package, f: Formula, pointer: string): void {
  eachId(f, (id, path) => {
    const bad = pick(ctx.catalog, pkg, id);
    if (bad) put(ctx, bad, `${pointer}${path}`);
  });
}

type Probe = (c: CompiledCatalog, id: string) => Problem | undefined;
const anyPackage: Probe = (c, id) => pkgRef(c, id);
const addOnPackage: Probe = (c, id) => pkgRef(c, id, "add-on");

/** Checks a list of ids; the pointer `<list>/i/<key>/k` is built on failure. */
function idList(
  ctx: CheckContext,
  ids: readonly string[] | undefined,
  probe: Probe,
  list: string,
  i: number,
  key: string,
): void {
  if (ids === undefined) return;
  for (let k = 0; k < ids.length; k++) {
    const bad = probe(ctx.catalog, ids[k] as string);
    if (bad) put(ctx, bad, `${list}/${i}/${key}/${k}`);
  }
}

function matchRefs(ctx: CheckContext, m: PackageMatch | undefined, i: number, side: string): void {
  if (m === undefined) return;
  idList(ctx, m.packages, anyPackage, "/pathRules", i, `${side}/packages`);
  idList(ctx, m.portfolios, portfolioRef, "/pathRules", i, `${side}/portfolios`);
}

export const refsCheck: Check = {
  id: "refs",
  codes: [
    "ref.unknown-service",
    "ref.unknown-portfolio",
    "ref.unknown-package",
    "ref.unknown-component",
    "ref.unknown-option",
    "ref.unknown-pick",
    "ref.unknown-price-book",
  ],
  run(ctx) {
    const { doc, catalog: c } = ctx;
    const books = new Set((doc.priceBooks ?? []).map((b) => b.id));
    const unknownBook = (id: string): Problem => [
      "ref.unknown-price-book",
      `names the price book \`${id}\`, which is not among the catalog's \`priceBooks\`.`,
    ];
    doc.priceBooks?.forEach((b, i) => {
      if (b.fallback !== undefined && !books.has(b.fallback))
        put(ctx, unknownBook(b.fallback), `/priceBooks/${i}/fallback`);
    });
    for (let i = 0; i < doc.portfolios.length; i++)
      idList(ctx, doc.portfolios[i]?.packageOrder, anyPackage, "/portfolios", i, "packageOrder");
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i] as Package;
      let bad: Problem | undefined;
      bad = portfolioRef(c, pkg.portfolio);
      if (bad) put(ctx, bad, `/packages/${i}/portfolio`);
      if (pkg.successor !== undefined) {
        bad = pkgRef(c, pkg.successor, "successor");
        if (bad) put(ctx, bad, `/packages/${i}/successor`);
      }
      const comps = pkg.components ?? NONE;
      for (let j = 0; j < comps.length; j++) {
        bad = service(c, (comps[j] as { service: string }).service);
        if (bad) put(ctx, bad, `/packages/${i}/components/${j}/service`);
      }
      const groups = pkg.optionGroups ?? NONE;
      for (let j = 0; j < groups.length; j++) {
        const g = groups[j] as NonNullable<Package["optionGroups"]>[number];
        if (g.parentOption !== undefined) {
          bad = optionOf(c, pkg, g.parentOption);
          if (bad) put(ctx, bad, `/packages/${i}/optionGroups/${j}/parentOption`);
        }
        for (let k = 0; k < g.options.length; k++) {
          const s = g.options[k]?.service;
          if (s === undefined) continue;
          bad = service(c, s);
          if (bad) put(ctx, bad, `/packages/${i}/optionGroups/${j}/options/${k}/service`);
        }
      }
      for (let j = 0; j < pkg.charges.length; j++) {
        const ch = pkg.charges[j] as Package["charges"][number];
        if (ch.component !== undefined) {
          bad = componentOf(c, pkg, ch.component);
          if (bad) put(ctx, bad, `/packages/${i}/charges/${j}/component`);
        }
        if (ch.option !== undefined) {
          bad = optionOf(c, pkg, ch.option);
          if (bad) put(ctx, bad, `/packages/${i}/charges/${j}/option`);
        }
        for (let k = 0; k < ch.pricePoints.length; k++) {
          const book = ch.pricePoints[k]?.priceBook;
          if (book !== undefined && !books.has(book))
            put(ctx, unknownBook(book), `/packages/${i}/charges/${j}/pricePoints/${k}/priceBook`);
        }
      }
      const rules = pkg.rules ?? NONE;
      for (let j = 0; j < rules.length; j++) {
        const r = rules[j] as NonNullable<Package["rules"]>[number];
        if (r.when !== undefined) {
          if (isCondition(r.when)) condition(ctx, pkg, r.when, i, "rules", j);
          else formulaPicks(ctx, pkg, r.when, `/packages/${i}/rules/${j}/when`);
        }
        if (isConsequence(r.then)) consequence(ctx, pkg, r.then, i, j);
        else formulaPicks(ctx, pkg, r.then, `/packages/${i}/rules/${j}/then`);
      }
      const qrules = pkg.quantityRules ?? NONE;
      for (let j = 0; j < qrules.length; j++) {
        const r = qrules[j] as NonNullable<Package["quantityRules"]>[number];
        condition(ctx, pkg, r.when, i, "quantityRules", j);
        for (let k = 0; k < r.terms.length; k++) {
          bad = componentOf(c, pkg, (r.terms[k] as { component: string }).component);
          if (bad) put(ctx, bad, `/packages/${i}/quantityRules/${j}/terms/${k}/component`);
        }
      }
      const included = pkg.includedAddOns ?? NONE;
      for (let j = 0; j < included.length; j++) {
        bad = pkgRef(c, (included[j] as { addOn: string }).addOn, "add-on");
        if (bad) put(ctx, bad, `/packages/${i}/includedAddOns/${j}/addOn`);
      }
      const compat = pkg.addOn;
      if (compat !== undefined) {
        idList(ctx, compat.packages, anyPackage, "/packages", i, "addOn/packages");
        idList(ctx, compat.portfolios, portfolioRef, "/packages", i, "addOn/portfolios");
        idList(ctx, compat.requires, addOnPackage, "/packages", i, "addOn/requires");
        idList(ctx, compat.excludes, addOnPackage, "/packages", i, "addOn/excludes");
      }
      const offers = pkg.termination?.retentionOffers ?? NONE;
      for (let j = 0; j < offers.length; j++) {
        const to = offers[j]?.to;
        if (to === undefined) continue;
        bad = pkgRef(c, to);
        if (bad) put(ctx, bad, `/packages/${i}/termination/retentionOffers/${j}/to`);
      }
    }
    doc.pathRules?.forEach((rule, i) => {
      matchRefs(ctx, rule.from, i, "from");
      matchRefs(ctx, rule.to, i, "to");
      rule.priceBooks?.forEach((b, k) => {
        if (!books.has(b)) put(ctx, unknownBook(b), `/pathRules/${i}/priceBooks/${k}`);
      });
      const to = rule.outcome.priceBook;
      if (to !== undefined && !books.has(to)) put(ctx, unknownBook(to), `/pathRules/${i}/outcome/priceBook`);
    });
  },
};
