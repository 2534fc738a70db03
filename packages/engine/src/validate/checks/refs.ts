/**
 * Dangling references: every id a catalog entry names must exist, and be of the right kind and
 * place — a charge's component or option belongs to the same package, a rule's picks are options
 * of its package or add-on packages, price points name a declared price book.
 *
 * @see https://docs.killbill.io/latest/catalog-xml.html (Kill Bill rejects catalogs whose plans
 * name unknown products or price lists the same way)
 */
import type { Condition, Consequence, Package, PackageMatch } from "@tessera/schema";
import type { Check, CheckContext } from "../check.ts";
import { flag } from "./report.ts";

/** Pointers are built only when a reference is broken (the common case builds none). */
type At = () => string;

const PICK_LISTS = ["allOf", "anyOf", "noneOf"] as const;
const THEN_LISTS = ["requireAll", "requireAny", "requireExactlyOne", "requireNone"] as const;

function service(ctx: CheckContext, id: string, at: At): void {
  if (!ctx.catalog.services.has(id))
    flag(
      ctx,
      "ref.unknown-service",
      "error",
      at(),
      `names the service \`${id}\`, which the catalog does not define.`,
    );
}

function pkgRef(ctx: CheckContext, id: string, at: At, what = "package"): void {
  if (!ctx.catalog.packages.has(id))
    flag(
      ctx,
      "ref.unknown-package",
      "error",
      at(),
      `names the ${what} \`${id}\`, which the catalog does not define.`,
    );
}

function portfolioRef(ctx: CheckContext, id: string, at: At): void {
  if (!ctx.catalog.portfolios.has(id))
    flag(
      ctx,
      "ref.unknown-portfolio",
      "error",
      at(),
      `names the portfolio \`${id}\`, which the catalog does not define.`,
    );
}

function optionOf(ctx: CheckContext, pkg: Package, id: string, at: At): void {
  const o = ctx.catalog.options.get(id);
  if (o === undefined)
    flag(
      ctx,
      "ref.unknown-option",
      "error",
      at(),
      `names the option \`${id}\`, which the catalog does not define.`,
    );
  else if (o.package !== pkg)
    flag(
      ctx,
      "ref.unknown-option",
      "error",
      at(),
      `names the option \`${id}\`, which belongs to package \`${o.package.id}\`, not to \`${pkg.id}\`.`,
    );
}

function componentOf(ctx: CheckContext, pkg: Package, id: string, at: At): void {
  const c = ctx.catalog.components.get(id);
  if (c === undefined)
    flag(
      ctx,
      "ref.unknown-component",
      "error",
      at(),
      `names the component \`${id}\`, which the catalog does not define.`,
    );
  else if (c.package !== pkg)
    flag(
      ctx,
      "ref.unknown-component",
      "error",
      at(),
      `names the component \`${id}\`, which belongs to package \`${c.package.id}\`, not to \`${pkg.id}\`.`,
    );
}

/** A pick is an option of the rule's own package or an add-on package id. */
function pick(ctx: CheckContext, pkg: Package, id: string, at: At): void {
  const o = ctx.catalog.options.get(id);
  if (o !== undefined) {
    if (o.package !== pkg)
      flag(
        ctx,
        "ref.unknown-pick",
        "error",
        at(),
        `names the option \`${id}\` of package \`${o.package.id}\`; rules may only name options of \`${pkg.id}\` and add-ons.`,
      );
    return;
  }
  const p = ctx.catalog.packages.get(id);
  if (p !== undefined && p.value.role === "add_on") return;
  flag(
    ctx,
    "ref.unknown-pick",
    "error",
    at(),
    p !== undefined
      ? `names \`${id}\`, a base package; rules may only name options of \`${pkg.id}\` and add-ons.`
      : `names \`${id}\`, which is neither an option of \`${pkg.id}\` nor an add-on.`,
  );
}

function picks(
  ctx: CheckContext,
  pkg: Package,
  lists: Condition | Consequence | undefined,
  keys: readonly string[],
  at: At,
): void {
  if (lists === undefined) return;
  for (const key of keys) {
    const ids = (lists as Record<string, string[] | undefined>)[key];
    ids?.forEach((id, k) => {
      pick(ctx, pkg, id, () => `${at()}/${key}/${k}`);
    });
  }
}

function matchRefs(ctx: CheckContext, m: PackageMatch | undefined, at: At): void {
  m?.packages?.forEach((id, k) => {
    pkgRef(ctx, id, () => `${at()}/packages/${k}`);
  });
  m?.portfolios?.forEach((id, k) => {
    portfolioRef(ctx, id, () => `${at()}/portfolios/${k}`);
  });
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
    const { doc } = ctx;
    const books = new Set((doc.priceBooks ?? []).map((b) => b.id));
    const bookRef = (id: string, at: At) => {
      if (!books.has(id))
        flag(
          ctx,
          "ref.unknown-price-book",
          "error",
          at(),
          `names the price book \`${id}\`, which is not among the catalog's \`priceBooks\`.`,
        );
    };
    doc.priceBooks?.forEach((b, i) => {
      if (b.fallback !== undefined) bookRef(b.fallback, () => `/priceBooks/${i}/fallback`);
    });
    doc.portfolios.forEach((p, i) => {
      p.packageOrder?.forEach((id, k) => {
        pkgRef(ctx, id, () => `/portfolios/${i}/packageOrder/${k}`);
      });
    });
    doc.packages.forEach((pkg, i) => {
      const at = `/packages/${i}`;
      portfolioRef(ctx, pkg.portfolio, () => `${at}/portfolio`);
      if (pkg.successor !== undefined) pkgRef(ctx, pkg.successor, () => `${at}/successor`, "successor");
      pkg.components?.forEach((c, j) => {
        service(ctx, c.service, () => `${at}/components/${j}/service`);
      });
      pkg.optionGroups?.forEach((g, j) => {
        if (g.parentOption !== undefined)
          optionOf(ctx, pkg, g.parentOption, () => `${at}/optionGroups/${j}/parentOption`);
        g.options.forEach((o, k) => {
          if (o.service !== undefined)
            service(ctx, o.service, () => `${at}/optionGroups/${j}/options/${k}/service`);
        });
      });
      pkg.charges.forEach((c, j) => {
        const cat = () => `${at}/charges/${j}`;
        if (c.component !== undefined) componentOf(ctx, pkg, c.component, () => `${cat()}/component`);
        if (c.option !== undefined) optionOf(ctx, pkg, c.option, () => `${cat()}/option`);
        c.pricePoints.forEach((pp, k) => {
          if (pp.priceBook !== undefined) bookRef(pp.priceBook, () => `${cat()}/pricePoints/${k}/priceBook`);
        });
      });
      pkg.rules?.forEach((r, j) => {
        picks(ctx, pkg, r.when, PICK_LISTS, () => `${at}/rules/${j}/when`);
        picks(ctx, pkg, r.then, THEN_LISTS, () => `${at}/rules/${j}/then`);
      });
      pkg.quantityRules?.forEach((r, j) => {
        picks(ctx, pkg, r.when, PICK_LISTS, () => `${at}/quantityRules/${j}/when`);
        r.terms.forEach((t, k) => {
          componentOf(ctx, pkg, t.component, () => `${at}/quantityRules/${j}/terms/${k}/component`);
        });
      });
      pkg.includedAddOns?.forEach((a, j) => {
        pkgRef(ctx, a.addOn, () => `${at}/includedAddOns/${j}/addOn`, "add-on");
      });
      const compat = pkg.addOn;
      if (compat !== undefined) {
        compat.packages?.forEach((id, k) => {
          pkgRef(ctx, id, () => `${at}/addOn/packages/${k}`);
        });
        compat.portfolios?.forEach((id, k) => {
          portfolioRef(ctx, id, () => `${at}/addOn/portfolios/${k}`);
        });
        compat.requires?.forEach((id, k) => {
          pkgRef(ctx, id, () => `${at}/addOn/requires/${k}`, "add-on");
        });
        compat.excludes?.forEach((id, k) => {
          pkgRef(ctx, id, () => `${at}/addOn/excludes/${k}`, "add-on");
        });
      }
      pkg.termination?.retentionOffers?.forEach((o, j) => {
        if (o.to !== undefined) pkgRef(ctx, o.to, () => `${at}/termination/retentionOffers/${j}/to`);
      });
    });
    doc.pathRules?.forEach((c, i) => {
      matchRefs(ctx, c.from, () => `/pathRules/${i}/from`);
      matchRefs(ctx, c.to, () => `/pathRules/${i}/to`);
    });
  },
};
