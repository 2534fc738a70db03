/**
 * What customers see of the catalog (the portal and the public pricing table):
 * - a path rule case marked self-service whose timing is illegal: the move is blocked for everyone,
 *   so the flag promises customers a change nobody can make (warning);
 * - "most popular" (`popular`) on an add-on: pricing tables list base packages only, so it shows
 *   nowhere (warning);
 * - two base packages of one portfolio marked popular: a pricing table shows one "most popular"
 *   per ladder; the second badge is reported (warning).
 */
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

export const storefrontCheck: Check = {
  id: "storefront",
  codes: ["paths.self-service-illegal", "package.popular-add-on", "package.popular-twice"],
  run(ctx) {
    const { doc } = ctx;
    const cases = doc.pathRules ?? [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      if (c?.selfService === true && c.outcome.timing === "illegal")
        flag(
          ctx,
          "paths.self-service-illegal",
          "warning",
          `/pathRules/${i}/selfService`,
          `is true, but case "${c.id}" makes its moves illegal, so customers are offered nothing by it; remove the flag or the illegal timing.`,
        );
    }
    const popularIn = new Map<string, string>();
    for (let i = 0; i < doc.packages.length; i++) {
      const p = doc.packages[i];
      if (p?.popular !== true) continue;
      if (p.role !== "base") {
        flag(
          ctx,
          "package.popular-add-on",
          "warning",
          `/packages/${i}/popular`,
          `marks the add-on "${p.name}" as most popular, but pricing tables list base packages only; set it on a base package.`,
        );
        continue;
      }
      const first = popularIn.get(p.portfolio);
      if (first === undefined) popularIn.set(p.portfolio, p.name);
      else
        flag(
          ctx,
          "package.popular-twice",
          "warning",
          `/packages/${i}/popular`,
          `marks "${p.name}" as most popular, but "${first}" in the same portfolio already is; a pricing table shows one "most popular" per portfolio.`,
        );
    }
  },
};
