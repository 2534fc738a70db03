/**
 * Contract terms and renewal: a term gives its length in months or in weeks (exactly one); one term
 * length once, at most one default term; every term of a base package billable by one of its
 * billing periods (in whole periods: a 6-week term weekly or every two weeks, never monthly; an
 * 18-month term never yearly), and no billing period that bills none of its terms; a renewal uplift
 * cap only means something under the `capped` price policy, and that policy needs one. Phases are
 * checked in phases.ts.
 */
import type { Term } from "@tessera/schema";
import {
  PERIOD_ADJECTIVE,
  sameSpan,
  spanAdjective,
  spanWords,
  termLengthOf,
  termPeriodMismatch,
} from "../../calendar.ts";
import { orList } from "../../configure/messages.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const termsCheck: Check = {
  id: "terms",
  codes: [
    "term.duplicate",
    "term.length-missing",
    "term.length-twice",
    "term.multiple-defaults",
    "term.unbillable",
    "term.period-unused",
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
      let defaultTerm: string | undefined;
      for (let j = 0; j < terms.length; j++) {
        const t = terms[j] as Term;
        if (t.months === undefined && t.weeks === undefined)
          flag(
            ctx,
            "term.length-missing",
            "error",
            `/packages/${i}/terms/${j}`,
            "gives no length: say how many `months` (or, for week-based billing, `weeks`) it lasts.",
          );
        else if (t.months !== undefined && t.weeks !== undefined)
          flag(
            ctx,
            "term.length-twice",
            "error",
            `/packages/${i}/terms/${j}`,
            `gives both ${t.months} months and ${t.weeks} weeks; keep one of the two.`,
          );
        const length = termLengthOf(t);
        let first = 0;
        while (!sameSpan(termLengthOf(terms[first] as Term), length)) first++;
        if (first < j)
          flag(
            ctx,
            "term.duplicate",
            "error",
            `/packages/${i}/terms/${j}`,
            `offers the ${spanAdjective(length)} term a second time; keep one.`,
          );
        if (t.default === true) {
          if (defaultTerm !== undefined)
            flag(
              ctx,
              "term.multiple-defaults",
              "error",
              `/packages/${i}/terms/${j}/default`,
              `is a second default term (the ${defaultTerm} term already is); keep one default.`,
            );
          else defaultTerm = spanAdjective(length);
        }
      }
      // A term is billed in whole periods: each term of a base needs an offered period that can
      // bill it, and a period that bills none of its terms is never used. (An add-on is billed on
      // its base's term and period.)
      const periods = pkg.role === "base" ? pkg.billingPeriods : NONE;
      for (let j = 0; j < terms.length; j++) {
        const length = termLengthOf(terms[j] as Term);
        if (periods.length > 0 && periods.every((p) => termPeriodMismatch(length, p) !== undefined))
          flag(
            ctx,
            "term.unbillable",
            "error",
            `/packages/${i}/terms/${j}`,
            `cannot be billed: the ${spanAdjective(length)} term is not a whole number of ${orList(periods.map(periodWord))} billing periods. Offer a billing period that divides it (${length.unit === "week" ? "weekly" : "per month"} always does), or drop the term.`,
          );
      }
      for (let j = 0; j < periods.length; j++) {
        const p = periods[j] as (typeof periods)[number];
        if (terms.length > 0 && terms.every((t) => termPeriodMismatch(termLengthOf(t), p) !== undefined))
          flag(
            ctx,
            "term.period-unused",
            "warning",
            `/packages/${i}/billingPeriods/${j}`,
            `bills none of the package's terms (${termList(terms)}): a ${periodWord(p)} billing period must divide the term, so quotes can never use it.`,
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

function periodWord(p: keyof typeof PERIOD_ADJECTIVE): string {
  return PERIOD_ADJECTIVE[p];
}

/** "1, 12 months" (the original form), or "6 weeks, 12 months" when lengths mix units. */
function termList(terms: readonly Term[]): string {
  const lengths = terms.map(termLengthOf);
  if (lengths.every((l) => l.unit === "month")) return `${lengths.map((l) => l.count).join(", ")} months`;
  return lengths.map(spanWords).join(", ");
}
