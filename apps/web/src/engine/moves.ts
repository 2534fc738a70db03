/** Maps the engine's moves to MoveList view models: retention offers sit under terminate. */
import { type CompiledCatalog, type Move, spanAdjective, termLengthOf } from "@tessera/engine";
import type { MoveView } from "@tessera/ui";

const ORDER = [
  "uncancel",
  "renew",
  "upgrade",
  "downgrade",
  "crossgrade",
  "add_on",
  "remove_add_on",
  "change_add_on",
  "change_version",
  "terminate",
];

const WHEN: Record<string, string> = {
  immediate: "at once",
  next_billing_date: "at the end of the billing period",
  end_of_term: "at the end of the term",
};

const CREDIT: Record<string, string> = {
  prorate: "prorated",
  none: "nothing prorated",
  full_credit: "the whole period credited",
};

/**
 * The policy a move follows, in words, for the moves whose policy the catalog sets (plan changes,
 * cancellations, add-on removals and changes): "at once, prorated (path rule sso-cancel)".
 */
export function policyOf(move: Move): string | undefined {
  if (!move.valid || move.timing === undefined || move.timing === "illegal") return undefined;
  if (
    !["upgrade", "downgrade", "crossgrade", "terminate", "remove_add_on", "change_add_on"].includes(move.kind)
  )
    return undefined;
  const credit = move.prorationPolicy ? `, ${CREDIT[move.prorationPolicy]}` : "";
  const rule = move.ruleCase ? ` (path rule ${move.ruleCase})` : " (default)";
  return `${WHEN[move.timing]}${credit}${rule}`;
}

function view(move: Move, name: (id: string) => string, book: (id: string) => string): MoveView {
  const policy = policyOf(move);
  return {
    key: move.id,
    kind: move.kind === "retention_offer" ? "retention" : move.kind,
    title: move.label,
    valid: move.valid,
    reasons: move.valid
      ? [
          ...(move.termRestarts && move.term
            ? [`New ${spanAdjective(termLengthOf(move.term))} term ${move.term.start} to ${move.term.end}.`]
            : []),
          ...move.notes,
          ...(move.fee ? [`Early termination fee: ${move.fee}`] : []),
        ]
      : move.reasons,
    proration: move.proration.map((p) => ({
      label: / of \d+ days/.test(p.description)
        ? p.description
        : `${p.description} (${p.days} of ${p.periodDays} days)`,
      amount: p.amount,
    })),
    addOns: move.addOns.map((a) => `${name(a.package)}: ${a.fate}`),
    ...(move.effectiveDate ? { effectiveDate: move.effectiveDate } : {}),
    ...(move.newRecurring !== undefined ? { newRecurring: move.newRecurring } : {}),
    ...(move.newRecurring !== undefined && move.billingPeriod !== undefined
      ? { newPeriod: move.billingPeriod }
      : {}),
    ...(move.mrrDelta !== undefined ? { mrrDelta: move.mrrDelta } : {}),
    ...(move.prorationNet !== undefined ? { prorationNet: move.prorationNet } : {}),
    ...(move.earliestDate !== undefined ? { earliestDate: move.earliestDate } : {}),
    ...(policy !== undefined ? { policy } : {}),
    ...(move.priceBook !== undefined ? { priceBook: book(move.priceBook) } : {}),
    ...(move.termRestarts !== undefined ? { termRestarts: move.termRestarts } : {}),
  };
}

/** The dates a removal can be chosen to take effect on: the arrangement's calendar as of a day. */
export interface EndDates {
  asOf: string;
  /** The end of the current billing period (paths' current.nextBillingDate). */
  nextBillingDate?: string | undefined;
  /** The end of the term (exclusive end: the first day after it). */
  termEnd: string;
}

/**
 * The end dates offered for an add-on removal, per the add-on cancel policies (Kill Bill's
 * IMMEDIATE, END_OF_BILLING_PERIOD, END_OF_TERM, or a chosen date): the policy's own date first
 * (no date sent: the API applies the policy), then at once, at the end of the billing period and
 * at the end of the term, each as the date `applyMove` takes — none before the earliest date the
 * notice allows, none after the term's end (a yearly period can outlast the term), none twice.
 */
export function endChoicesOf(move: Move, dates: EndDates): { label: string; date?: string }[] {
  const earliest = move.earliestDate ?? dates.asOf;
  const out: { label: string; date?: string }[] = [
    { label: `As the policy says: ${move.effectiveDate ?? "its date"}` },
  ];
  const seen = new Set([move.effectiveDate]);
  const offer = (label: string, date: string | undefined) => {
    // Nothing after the term's end: the add-on ends with the subscription at the latest.
    if (date === undefined || date < earliest || date > dates.termEnd || seen.has(date)) return;
    seen.add(date);
    out.push({ label: `${label}: ${date}`, date });
  };
  offer(move.earliestDate !== undefined ? "As early as the notice allows" : "At once", earliest);
  offer("At the end of the billing period", dates.nextBillingDate);
  offer("At the end of the term", dates.termEnd);
  return out;
}

/** Moves for the list, ordered by kind (recommended first within a kind); change_quantity apart. */
export function moveViews(
  moves: readonly Move[],
  catalog: CompiledCatalog | undefined,
  dates?: EndDates,
): MoveView[] {
  const name = (id: string) => catalog?.packages.get(id)?.value.name ?? id;
  const book = (id: string) => catalog?.doc.priceBooks?.find((b) => b.id === id)?.name ?? id;
  const offers = moves.filter((m) => m.kind === "retention_offer").map((m) => view(m, name, book));
  return moves
    .filter((m) => ORDER.includes(m.kind))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
        (a.recommended ?? Number.MAX_SAFE_INTEGER) - (b.recommended ?? Number.MAX_SAFE_INTEGER),
    )
    .map((m) =>
      m.kind === "terminate"
        ? { ...view(m, name, book), retention: offers }
        : m.kind === "remove_add_on" && m.valid && dates
          ? { ...view(m, name, book), endChoices: endChoicesOf(m, dates) }
          : view(m, name, book),
    );
}
