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
  "terminate",
];

function view(move: Move, name: (id: string) => string): MoveView {
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
    ...(move.mrrDelta !== undefined ? { mrrDelta: move.mrrDelta } : {}),
    ...(move.prorationNet !== undefined ? { prorationNet: move.prorationNet } : {}),
    ...(move.earliestDate !== undefined ? { earliestDate: move.earliestDate } : {}),
    ...(move.termRestarts !== undefined ? { termRestarts: move.termRestarts } : {}),
  };
}

/** Moves for the list, ordered by kind (recommended first within a kind); change_quantity apart. */
export function moveViews(moves: readonly Move[], catalog: CompiledCatalog | undefined): MoveView[] {
  const name = (id: string) => catalog?.packages.get(id)?.value.name ?? id;
  const offers = moves.filter((m) => m.kind === "retention_offer").map((m) => view(m, name));
  return moves
    .filter((m) => ORDER.includes(m.kind))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
        (a.recommended ?? Number.MAX_SAFE_INTEGER) - (b.recommended ?? Number.MAX_SAFE_INTEGER),
    )
    .map((m) => (m.kind === "terminate" ? { ...view(m, name), retention: offers } : view(m, name)));
}
