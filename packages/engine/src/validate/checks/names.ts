/**
 * Names people read: the catalog's, and those of services, portfolios, price books, packages,
 * components, option groups, options, charges and retention offers. The schema refuses an empty
 * required name, but a name of spaces passes it and shows up as a blank line on a quote or an
 * empty button in the configurator; an optional name (a component's, a charge's) that is given
 * must not be blank either (leave it out to fall back on the service's or package's name).
 */
import type { Catalog } from "@tessera/schema";
import { type Check, type CheckContext, NONE } from "../check.ts";
import { flag } from "./report.ts";

/** True for "" and whitespace-only strings (any Unicode white space, as `trim` sees it). */
const blank = (name: unknown): boolean => typeof name === "string" && name.trim() === "";

function named(ctx: CheckContext, list: readonly { name?: unknown }[] | undefined, at: string): void {
  const items = list ?? NONE;
  for (let i = 0; i < items.length; i++)
    if (blank(items[i]?.name))
      flag(
        ctx,
        "name.blank",
        "error",
        `${at}/${i}/name`,
        "is blank: buyers and sellers would see an empty label. Give it a name, or remove the field where it is optional.",
      );
}

export const namesCheck: Check = {
  id: "names",
  codes: ["name.blank"],
  run(ctx) {
    const doc: Catalog = ctx.doc;
    if (blank(doc.name))
      flag(
        ctx,
        "name.blank",
        "error",
        "/name",
        "is blank: every screen and document shows the catalog's name.",
      );
    named(ctx, doc.services, "/services");
    named(ctx, doc.portfolios, "/portfolios");
    named(ctx, doc.priceBooks, "/priceBooks");
    named(ctx, doc.packages, "/packages");
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      const at = `/packages/${i}`;
      named(ctx, pkg.components, `${at}/components`);
      named(ctx, pkg.charges, `${at}/charges`);
      named(ctx, pkg.termination?.retentionOffers, `${at}/termination/retentionOffers`);
      const groups = pkg.optionGroups ?? NONE;
      named(ctx, groups, `${at}/optionGroups`);
      for (let g = 0; g < groups.length; g++)
        named(ctx, groups[g]?.options, `${at}/optionGroups/${g}/options`);
    }
  },
};
