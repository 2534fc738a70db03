/**
 * Contract terms, phases and renewal: one term length once, at most one default term; every term
 * of a base package billable by one of its billing periods (in whole periods), and no billing
 * period that bills none of its terms; a trial needs its length in days, an intro phase its
 * periods and discount, each phase type once with the trial first; a renewal uplift cap only means
 * something under the `capped` price policy, and that policy needs one.
 */
import type { Phase, Term } from "@tessera/schema";
import { termPeriodMismatch } from "../../calendar.ts";
import { orList } from "../../configure/messages.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const termsCheck: Check = {
  id: "terms",
  codes: [
    "term.duplicate",
    "term.multiple-defaults",
    "term.unbillable",
    "term.period-unused",
    "phase.trial-without-days",
    "phase.intro-incomplete",
    "phase.duplicate",
    "phase.order",
    "renewal.cap-without-capped",
    "renewal.capped-without-cap",
  ],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      // Packages offer a few terms and at most two phases: scan, do not build sets.
      const terms = pkg.terms;
      let defaultTerm: number | undefined;
      for (let j = 0; j < terms.length; j++) {
        const t = terms[j] as Term;
        let first = 0;
        while ((terms[first] as Term).months !== t.months) first++;
        if (first < j)
          flag(
            ctx,
            "term.duplicate",
            "error",
            `/packages/${i}/terms/${j}`,
            `offers the ${t.months}-month term a second time; keep one.`,
          );
        if (t.default === true) {
          if (defaultTerm !== undefined)
            flag(
              ctx,
              "term.multiple-defaults",
              "error",
              `/packages/${i}/terms/${j}/default`,
              `is a second default term (the ${defaultTerm}-month term already is); keep one default.`,
            );
          else defaultTerm = t.months;
        }
      }
      // A term is billed in whole periods: each term of a base needs an offered period that can
      // bill it, and a period that bills none of its terms is never used. (An add-on is billed on
      // its base's term and period.)
      const periods = pkg.role === "base" ? pkg.billingPeriods : NONE;
      for (let j = 0; j < terms.length; j++) {
        const months = (terms[j] as Term).months;
        if (periods.length > 0 && periods.every((p) => termPeriodMismatch(months, p) !== undefined))
          flag(
            ctx,
            "term.unbillable",
            "error",
            `/packages/${i}/terms/${j}`,
            `cannot be billed: the ${months}-month term is not a whole number of ${orList(periods.map(periodWord))} billing periods. Offer a billing period that divides it (per month always does), or drop the term.`,
          );
      }
      for (let j = 0; j < periods.length; j++) {
        const p = periods[j] as (typeof periods)[number];
        if (terms.length > 0 && terms.every((t) => termPeriodMismatch(t.months, p) !== undefined))
          flag(
            ctx,
            "term.period-unused",
            "warning",
            `/packages/${i}/billingPeriods/${j}`,
            `bills none of the package's terms (${terms.map((t) => t.months).join(", ")} months): a ${periodWord(p)} billing period must divide the term, so quotes can never use it.`,
          );
      }
      const phases = pkg.phases ?? NONE;
      for (let j = 0; j < phases.length; j++) {
        const ph = phases[j] as Phase;
        const pat = `/packages/${i}/phases/${j}`;
        const earlier = phases.slice(0, j);
        if (earlier.some((e) => e.type === ph.type))
          flag(
            ctx,
            "phase.duplicate",
            "error",
            pat,
            `is a second ${ph.type} phase; a package has at most one of each.`,
          );
        else if (ph.type === "trial" && earlier.some((e) => e.type === "intro"))
          flag(
            ctx,
            "phase.order",
            "warning",
            pat,
            "comes after the intro phase, but a trial always runs first; list it first.",
          );
        if (ph.type === "trial" && ph.days === undefined)
          flag(
            ctx,
            "phase.trial-without-days",
            "error",
            pat,
            "is a trial without `days`: say how many days it lasts.",
          );
        if (ph.type === "intro" && (ph.periods === undefined || ph.discountPercent === undefined))
          flag(
            ctx,
            "phase.intro-incomplete",
            "error",
            pat,
            `is an introductory phase without ${ph.periods === undefined ? "`periods`" : "`discountPercent`"}: say how many billing periods it lasts and the percent off.`,
          );
      }
      const r = pkg.renewal;
      if (r?.upliftCapPercent !== undefined && r.pricePolicy !== "capped")
        flag(
          ctx,
          "renewal.cap-without-capped",
          "warning",
          `/packages/${i}/renewal/upliftCapPercent`,
          `has no effect because the renewal price policy is ${r.pricePolicy ?? "list (the default)"}, not capped.`,
        );
      if (r?.pricePolicy === "capped" && r.upliftCapPercent === undefined)
        flag(
          ctx,
          "renewal.capped-without-cap",
          "error",
          `/packages/${i}/renewal/pricePolicy`,
          "is capped but no `upliftCapPercent` says by how much the price may rise on renewal.",
        );
    }
  },
};

function periodWord(p: string): string {
  return p === "upfront" ? "up-front" : `${p}ly`;
}
