/**
 * Alignment rules (see alignment.ts): ordered cases with a default, like Kill Bill's plan rules.
 * - A case naming a package or portfolio the catalog does not have can never match (error).
 * - A case after the default case (no `when`), or with the same `when` as an earlier case, is never
 *   reached: its alignment is silently ignored (error, as duplicate path-rule cases are).
 * - Cases without a default leave unmatched subscriptions to the built-in default (billing account,
 *   create start_of_bundle, change change_date): the catalog still works as written (warning, which
 *   says which default applies).
 * - Create alignment is about add-ons: a case that matches only base packages never applies
 *   (warning).
 * An unknown alignment value is refused by the schema with the allowed values.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 */
import type { AlignmentMatch } from "@tessera/schema";
import { canonicalJson } from "../../canonical.ts";
import type { Check, CheckContext } from "../check.ts";
import { flag } from "./report.ts";

const DEFAULTS = { billing: "account", create: "start_of_bundle", change: "change_date" } as const;

export const alignmentsCheck: Check = {
  id: "alignments",
  codes: [
    "alignment.unknown-package",
    "alignment.unknown-portfolio",
    "alignment.unreachable",
    "alignment.no-default",
    "alignment.create-base-only",
  ],
  run(ctx) {
    const rules = ctx.doc.alignments;
    if (!rules) return;
    for (const kind of ["billing", "create", "change"] as const) {
      const cases = rules[kind];
      if (!cases || cases.length === 0) continue;
      const seen = new Map<string, number>();
      let defaultAt = -1;
      cases.forEach((c, j) => {
        const at = `/alignments/${kind}/${j}`;
        if (c.when) refs(ctx, c.when, `${at}/when`);
        const key = c.when ? canonicalJson(c.when) : "";
        if (defaultAt >= 0)
          flag(
            ctx,
            "alignment.unreachable",
            "error",
            at,
            `comes after the default case ${defaultAt + 1} (the one without \`when\`), which matches everything, so it is never used; move it before the default.`,
          );
        else if (seen.has(key))
          flag(
            ctx,
            "alignment.unreachable",
            "error",
            at,
            `matches the same subscriptions as case ${(seen.get(key) ?? 0) + 1}, which comes first, so its \`${c.alignment}\` alignment is never used; remove it or narrow \`when\`.`,
          );
        if (!seen.has(key)) seen.set(key, j);
        if (isDefault(c.when) && defaultAt < 0) defaultAt = j;
        if (kind === "create" && c.when?.roles && !c.when.roles.includes("add_on"))
          flag(
            ctx,
            "alignment.create-base-only",
            "warning",
            `${at}/when/roles`,
            "matches base packages only, but create alignment decides when an add-on's phases start; it never applies.",
          );
      });
      if (defaultAt < 0)
        flag(
          ctx,
          "alignment.no-default",
          "warning",
          `/alignments/${kind}`,
          `have no default case (one without \`when\`, last): subscriptions no case matches use the built-in ${kind} alignment \`${DEFAULTS[kind]}\`.`,
        );
    }
  },
};

function isDefault(when: AlignmentMatch | undefined): boolean {
  return when === undefined || Object.keys(when).length === 0;
}

function refs(ctx: CheckContext, when: AlignmentMatch, at: string): void {
  when.packages?.forEach((id, k) => {
    if (!ctx.catalog.packages.has(id))
      flag(
        ctx,
        "alignment.unknown-package",
        "error",
        `${at}/packages/${k}`,
        `names package \`${id}\`, which is not in the catalog, so the case never matches it.`,
      );
  });
  when.portfolios?.forEach((id, k) => {
    if (!ctx.doc.portfolios.some((p) => p.id === id))
      flag(
        ctx,
        "alignment.unknown-portfolio",
        "error",
        `${at}/portfolios/${k}`,
        `names portfolio \`${id}\`, which is not in the catalog, so the case never matches it.`,
      );
  });
}
