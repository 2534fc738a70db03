/**
 * Phases (Kill Bill's plan phases, see phases.ts): every way a package's phase list cannot work as
 * written gets its own located diagnostic.
 * - Lengths: each phase but evergreen needs one length (a duration, or the older days / periods),
 *   never two; an evergreen phase has none (it lasts until cancelled). A zero length is refused by
 *   the schema (durations are at least 1).
 * - Order: an evergreen phase runs forever, so a phase listed after it never starts (error, as
 *   Kill Bill's catalog validation refuses a plan whose EVERGREEN phase is not the last); a trial
 *   after another phase cannot defer billing any more (it is billed as a free phase: warning);
 *   one trial, one intro and one evergreen phase per package (several discount or fixed-term phases
 *   are fine).
 * - Prices: a discount phase (and intro) says how much off: a percent or fixed amounts, not both; a
 *   trial is always free, so a discount on it means nothing (warning); fixed amounts name each of
 *   the catalog's currencies once.
 * - A phase length in days, weeks or months that is not a whole number of one of the package's
 *   billing periods (10 days on monthly billing) prices each invoice dated within it (warning: the
 *   designer likely meant whole periods).
 * @see https://docs.killbill.io/latest/userguide_subscription.html#components-catalog
 */
import type { BillingPeriod, Phase } from "@tessera/schema";
import { PERIOD_ADJECTIVE } from "../../calendar.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

const ONCE = new Set(["trial", "intro", "evergreen"]);

export const phasesCheck: Check = {
  id: "phases",
  codes: [
    "phase.trial-without-days",
    "phase.intro-incomplete",
    "phase.duplicate",
    "phase.order",
    "phase.after-evergreen",
    "phase.evergreen-length",
    "phase.without-length",
    "phase.length-twice",
    "phase.discount-incomplete",
    "phase.discount-twice",
    "phase.trial-priced",
    "phase.amount-currency",
    "phase.not-whole-periods",
  ],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      const phases = pkg.phases ?? NONE;
      let evergreenAt = -1;
      for (let j = 0; j < phases.length; j++) {
        const ph = phases[j] as Phase;
        const at = `/packages/${i}/phases/${j}`;
        const earlier = phases.slice(0, j);
        if (evergreenAt >= 0)
          flag(
            ctx,
            "phase.after-evergreen",
            "error",
            at,
            `comes after the evergreen phase ${evergreenAt + 1}, which lasts until the subscription is cancelled, so it never starts; move it before the evergreen phase or drop it.`,
          );
        if (ph.type === "evergreen" && evergreenAt < 0) evergreenAt = j;
        if (ONCE.has(ph.type) && earlier.some((e) => e.type === ph.type))
          flag(
            ctx,
            "phase.duplicate",
            "error",
            at,
            `is a second ${ph.type} phase; a package has at most one.`,
          );
        else if (ph.type === "trial" && earlier.some((e) => e.type !== "trial"))
          flag(
            ctx,
            "phase.order",
            "warning",
            at,
            `comes after the ${earlier.find((e) => e.type !== "trial")?.type} phase; a trial defers billing only when it runs first, so this one is billed as a free phase. List it first if billing should start after it.`,
          );
        lengthChecks(ctx, ph, at, pkg.billingPeriods);
        priceChecks(ctx, ph, at, doc.currencies);
      }
    }
  },
};

function lengthChecks(
  ctx: Parameters<Check["run"]>[0],
  ph: Phase,
  at: string,
  periods: readonly BillingPeriod[],
): void {
  const given = [
    ph.duration !== undefined ? "duration" : undefined,
    ph.days !== undefined ? "days" : undefined,
    ph.periods !== undefined ? "periods" : undefined,
  ].filter((g): g is string => g !== undefined);
  if (ph.type === "evergreen") {
    if (given.length > 0)
      flag(
        ctx,
        "phase.evergreen-length",
        "error",
        at,
        `is evergreen, which lasts until the subscription is cancelled, but gives a length (\`${given[0]}\`); drop it, or make the phase fixed_term.`,
      );
    return;
  }
  if (given.length > 1) {
    flag(
      ctx,
      "phase.length-twice",
      "error",
      at,
      `gives its length twice (${given.map((g) => `\`${g}\``).join(" and ")}); keep one.`,
    );
    return;
  }
  if (given.length === 0) {
    if (ph.type === "trial")
      flag(
        ctx,
        "phase.trial-without-days",
        "error",
        at,
        "is a trial without `days` or a `duration`: say how long it lasts.",
      );
    else if (ph.type !== "intro")
      flag(
        ctx,
        "phase.without-length",
        "error",
        at,
        `is a ${ph.type.replace("_", "-")} phase without a length: give a \`duration\` (e.g. 3 months) or a number of billing \`periods\`; only an evergreen phase runs without end.`,
      );
  }
  // Whole billing periods: a day, week or month length against each period the package offers.
  const d = ph.duration;
  if (!d || ph.type === "trial") return;
  const days = d.unit === "day" ? d.length : d.unit === "week" ? 7 * d.length : undefined;
  const months = d.unit === "month" ? d.length : d.unit === "year" ? 12 * d.length : undefined;
  for (const p of periods) {
    if (p === "upfront") continue;
    const weekly = p === "week" || p === "two_weeks";
    const per =
      p === "week"
        ? 7
        : p === "two_weeks"
          ? 14
          : p === "month"
            ? 1
            : p === "quarter"
              ? 3
              : p === "half_year"
                ? 6
                : 12;
    const whole = weekly
      ? days !== undefined && days % per === 0
      : months !== undefined && months % per === 0;
    if (!whole) {
      flag(
        ctx,
        "phase.not-whole-periods",
        "warning",
        `${at}/duration`,
        `is ${d.length} ${d.unit}${d.length === 1 ? "" : "s"}, not a whole number of ${PERIOD_ADJECTIVE[p]} billing periods: its price applies to each ${PERIOD_ADJECTIVE[p]} invoice dated within it. Give the length in ${weekly ? "weeks" : "months"} (or as billing \`periods\`) if whole periods are meant.`,
      );
      return;
    }
  }
}

function priceChecks(
  ctx: Parameters<Check["run"]>[0],
  ph: Phase,
  at: string,
  currencies: readonly string[],
): void {
  const amounts = ph.discountAmounts;
  if (ph.type === "trial") {
    if (ph.discountPercent !== undefined || amounts !== undefined)
      flag(
        ctx,
        "phase.trial-priced",
        "warning",
        `${at}/${ph.discountPercent !== undefined ? "discountPercent" : "discountAmounts"}`,
        "has no effect: a trial is always free. Use a discount phase for a reduced price.",
      );
    return;
  }
  if (ph.discountPercent !== undefined && amounts !== undefined)
    flag(
      ctx,
      "phase.discount-twice",
      "error",
      at,
      "gives both `discountPercent` and `discountAmounts`; a phase takes a percent or a fixed amount off, not both.",
    );
  if (
    ph.type === "intro" &&
    ((ph.periods === undefined && ph.duration === undefined) ||
      (ph.discountPercent === undefined && amounts === undefined))
  )
    flag(
      ctx,
      "phase.intro-incomplete",
      "error",
      at,
      `is an introductory phase without ${ph.periods === undefined && ph.duration === undefined ? "`periods` or a `duration`" : "`discountPercent` or `discountAmounts`"}: say how long it lasts and how much it takes off.`,
    );
  if (ph.type === "discount" && ph.discountPercent === undefined && amounts === undefined)
    flag(
      ctx,
      "phase.discount-incomplete",
      "error",
      at,
      "is a discount phase that says nothing off: give `discountPercent` or `discountAmounts`.",
    );
  if (!amounts) return;
  const seen = new Set<string>();
  amounts.forEach((a, k) => {
    if (seen.has(a.currency))
      flag(
        ctx,
        "phase.amount-currency",
        "error",
        `${at}/discountAmounts/${k}`,
        `repeats ${a.currency}; give one amount per currency.`,
      );
    else if (!currencies.includes(a.currency))
      flag(
        ctx,
        "phase.amount-currency",
        "error",
        `${at}/discountAmounts/${k}/currency`,
        `is ${a.currency}, which is not among the catalog's currencies.`,
      );
    seen.add(a.currency);
  });
  const missing = currencies.filter((c) => !seen.has(c));
  if (missing.length > 0)
    flag(
      ctx,
      "phase.amount-currency",
      "error",
      `${at}/discountAmounts`,
      `have no amount in ${missing.join(", ")}, so the phase cannot be priced in ${missing.length === 1 ? "it" : "them"}.`,
    );
}
