/**
 * The ordered path-rule cases (first match wins): one line each saying what it matches and what
 * happens, marked when it matches the move picked on a ladder (the first such one decides it);
 * each opens into its form, and can be moved up or down, duplicated or removed.
 */
import type { Catalog, PackageMatch, PathRuleCase } from "@tessera/schema";
import type { Path } from "./docEdit.ts";
import { pointer } from "./docEdit.ts";
import { casesMatching, freeCaseId, type LadderContext, type LadderMove } from "./ladder.ts";
import { PathCaseForm } from "./PathCaseForm.tsx";

const WHEN: Record<string, string> = {
  immediate: "immediately",
  next_billing_date: "on the next billing date",
  end_of_term: "at the end of the term",
  illegal: "blocked",
};

function side(m: PackageMatch | undefined, names: Map<string, string>): string | null {
  if (!m) return null;
  const parts = [
    m.packages?.map((p) => names.get(p) ?? p).join(" or "),
    m.portfolios ? `portfolio ${m.portfolios.join(" or ")}` : undefined,
    m.minTier !== undefined ? `tier ≥ ${m.minTier}` : undefined,
    m.maxTier !== undefined ? `tier ≤ ${m.maxTier}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "any package";
}

/** One line saying what the case matches and what it does. */
export function caseSummary(c: PathRuleCase, names: Map<string, string>): string {
  const from = side(c.from, names);
  const to = side(c.to, names);
  const what = [
    c.kinds ? c.kinds.join(" or ") : "any move",
    from ? `from ${from}` : null,
    to ? `to ${to}` : null,
    c.billingPeriods ? `billed per ${c.billingPeriods.join(" or ")}` : null,
    c.phases ? `in ${c.phases.join(" or ")}` : null,
  ].filter(Boolean);
  const then = [
    WHEN[c.outcome.timing] ?? c.outcome.timing,
    c.outcome.proration ? `proration ${c.outcome.proration.replace("_", " ")}` : null,
    c.outcome.termRestarts ? "term restarts" : null,
    c.outcome.minimumDaysOnCurrent !== undefined ? `after ${c.outcome.minimumDaysOnCurrent} days` : null,
  ].filter(Boolean);
  return `${what.join(" ")} → ${then.join(", ")}`;
}

export function PathCasesList({
  doc,
  ctx,
  move,
  open,
  setOpen,
  readOnly,
  set,
  onClearMove,
}: {
  doc: Catalog;
  ctx: LadderContext;
  move: LadderMove | null;
  open: number | null;
  setOpen: (i: number | null) => void;
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
  onClearMove: () => void;
}) {
  const cases = doc.pathRules ?? [];
  const names = new Map(doc.packages.map((p) => [p.id, p.name]));
  const matching = move ? casesMatching(cases, doc, move, ctx) : [];
  const write = (next: PathRuleCase[]) => set(["pathRules"], next.length > 0 ? next : undefined);
  const moveCase = (from: number, to: number) => {
    const next = [...cases];
    const [c] = next.splice(from, 1);
    if (c) next.splice(to, 0, c);
    write(next);
    if (open === from) setOpen(to);
  };
  const add = () => {
    write([
      ...cases,
      { id: freeCaseId(cases, "case"), kinds: ["upgrade"], outcome: { timing: "immediate" } },
    ]);
    setOpen(cases.length);
  };
  return (
    <section className="ts-card" aria-labelledby="path-rules-title" data-pointer="/pathRules">
      <div className="section-title" style={{ marginTop: 0 }}>
        <h2 id="path-rules-title" style={{ margin: 0 }}>
          Path rules (first match wins)
        </h2>
        {!readOnly ? (
          <button type="button" className="ts-button ts-button--small" onClick={add}>
            Add a case
          </button>
        ) : null}
      </div>
      {move ? (
        <div className="ts-alert ts-alert--ok" role="status">
          {move.kind} {names.get(move.from) ?? move.from} → {names.get(move.to) ?? move.to} (billed per{" "}
          {ctx.billingPeriod}, {ctx.phase}):{" "}
          {matching.length > 0
            ? `decided by case ${matching[0]! + 1}, ${cases[matching[0]!]?.id}${
                matching.length > 1
                  ? `; cases ${matching
                      .slice(1)
                      .map((i) => i + 1)
                      .join(", ")} match too but come later`
                  : ""
              }.`
            : "no case matches; the engine's default applies."}{" "}
          <button type="button" className="ts-button ts-button--small" onClick={onClearMove}>
            Show all cases plainly
          </button>
        </div>
      ) : null}
      {cases.length === 0 ? (
        <p className="muted">No path rules: every move follows the engine's defaults.</p>
      ) : null}
      <ol className="ts-cases">
        {cases.map((c, i) => {
          const isOpen = open === i;
          const decides = matching[0] === i;
          const matches = matching.includes(i);
          return (
            <li
              // Keyed by position: renaming a case's id keeps its form (and the focus) in place.
              key={i}
              id={`path-case-${i}`}
              className="ts-case"
              data-pointer={pointer(["pathRules", i])}
              data-decides={decides || undefined}
              data-matches={matches || undefined}
            >
              <div className="ts-case__head">
                <div>
                  <strong>
                    {i + 1}. {c.id}
                  </strong>{" "}
                  {decides ? <span className="ts-badge ts-badge--accent">decides this move</span> : null}
                  {matches && !decides ? <span className="ts-badge">matches, comes later</span> : null}
                  <div className="ts-hint">{caseSummary(c, names)}</div>
                  {c.description ? <div className="ts-hint">{c.description}</div> : null}
                </div>
                <div className="ts-case__actions">
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-expanded={isOpen}
                    aria-controls={`path-case-form-${i}`}
                    aria-label={`${isOpen ? "Close" : readOnly ? "Show" : "Edit"} ${c.id}`}
                    onClick={() => setOpen(isOpen ? null : i)}
                  >
                    {isOpen ? "Close" : readOnly ? "Show" : "Edit"}
                  </button>
                  {!readOnly ? (
                    <>
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Move ${c.id} up`}
                        disabled={i === 0}
                        onClick={() => moveCase(i, i - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Move ${c.id} down`}
                        disabled={i === cases.length - 1}
                        onClick={() => moveCase(i, i + 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Duplicate ${c.id}`}
                        onClick={() => {
                          const copy = { ...structuredClone(c), id: freeCaseId(cases, `${c.id}-copy`) };
                          write([...cases.slice(0, i + 1), copy, ...cases.slice(i + 1)]);
                          setOpen(i + 1);
                        }}
                      >
                        Duplicate
                      </button>
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Remove ${c.id}`}
                        onClick={() => {
                          write(cases.filter((_, j) => j !== i));
                          setOpen(null);
                        }}
                      >
                        Remove
                      </button>
                    </>
                  ) : null}
                </div>
              </div>
              {isOpen ? (
                <div id={`path-case-form-${i}`} style={{ marginTop: "0.5rem" }}>
                  <PathCaseForm doc={doc} index={i} readOnly={readOnly} set={set} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
