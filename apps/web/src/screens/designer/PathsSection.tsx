/**
 * Ladders and path rules: each portfolio's ladder drawn by dagre, as the path rules decide it for a
 * customer on a chosen billing period and phase; drawing an arrow between two packages creates the
 * case for that move; clicking an arrow opens the case that decides it among the ordered cases,
 * which are edited, added, duplicated, removed and reordered below.
 */
import type { Diagnostic } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { type LadderEdge, LadderGraph, type LadderNode } from "@tessera/ui";
import { useState } from "react";
import { AlignmentsSection } from "./AlignmentsSection.tsx";
import type { Path } from "./docEdit.ts";
import { caseForArrow, type LadderContext, type LadderMove, ladderMoves } from "./ladder.ts";
import { PathCasesList } from "./PathCasesList.tsx";
import { BILLING_PERIODS } from "./periods.ts";

const PERIODS = BILLING_PERIODS;
const PHASES = ["evergreen", "trial", "intro", "discount", "fixed_term"] as const;

export function PathsSection({
  doc,
  diagnostics,
  set,
  readOnly,
  onSelectPackage,
}: {
  doc: Catalog;
  diagnostics: readonly Diagnostic[];
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  onSelectPackage: (id: string) => void;
}) {
  const cases = doc.pathRules ?? [];
  const [ctx, setCtx] = useState<LadderContext>({ billingPeriod: "month", phase: "evergreen" });
  const [selected, setSelected] = useState<LadderMove | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const flagged = (code: string) =>
    new Set(
      diagnostics
        .filter((d) => d.code === code)
        .map((d) => /^\/packages\/(\d+)/.exec(d.pointer)?.[1])
        .filter((i): i is string => i !== undefined)
        .map((i) => doc.packages[Number(i)]?.id),
    );
  const unreachable = flagged("package.unreachable");
  const deadEnds = flagged("paths.dead-end-ladder");

  const selectMove = (e: LadderEdge) => {
    const move = { ...e } as LadderMove;
    setSelected(move);
    const i = e.caseId !== undefined ? cases.findIndex((c) => c.id === e.caseId) : -1;
    setOpen(i >= 0 ? i : null);
    requestAnimationFrame(() =>
      document
        .getElementById(i >= 0 ? `path-case-${i}` : "path-rules-title")
        ?.scrollIntoView({ block: "nearest" }),
    );
  };
  const connect = (fromId: string, toId: string) => {
    const from = doc.packages.find((p) => p.id === fromId);
    const to = doc.packages.find((p) => p.id === toId);
    if (!from || !to || readOnly) return;
    set(["pathRules"], [caseForArrow(cases, from, to), ...cases]);
    setSelected(null);
    setOpen(0);
  };

  return (
    <div className="stack">
      <section className="ts-card" aria-label="Whose moves the ladders show">
        <div className="ts-row" style={{ flexWrap: "wrap" }}>
          <span className="ts-hint">Moves as the path rules decide them for a customer billed</span>
          <select
            className="ts-select"
            aria-label="Billing period of the customer"
            value={ctx.billingPeriod}
            onChange={(e) =>
              setCtx({ ...ctx, billingPeriod: e.target.value as LadderContext["billingPeriod"] })
            }
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p.replace("_", " ")}
              </option>
            ))}
          </select>
          <span className="ts-hint">in the phase</span>
          <select
            className="ts-select"
            aria-label="Phase of the customer"
            value={ctx.phase}
            onChange={(e) => setCtx({ ...ctx, phase: e.target.value as LadderContext["phase"] })}
          >
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {p.replace("_", " ")}
              </option>
            ))}
          </select>
        </div>
      </section>
      {doc.portfolios.map((portfolio) => {
        const bases = doc.packages.filter((p) => p.portfolio === portfolio.id && p.role === "base");
        const moves = ladderMoves(doc, portfolio.id, ctx);
        const nodes: LadderNode[] = bases.map((p) => {
          const out = moves.some((m) => m.from === p.id && m.timing !== "illegal");
          const flag = unreachable.has(p.id)
            ? ("unreachable" as const)
            : deadEnds.has(p.id) || (!out && bases.length > 1)
              ? ("dead-end" as const)
              : undefined;
          return { id: p.id, name: p.name, tier: p.tier, ...(flag ? { flag } : {}) };
        });
        return (
          <LadderGraph
            key={portfolio.id}
            title={`${portfolio.name} ladder`}
            nodes={nodes}
            edges={moves}
            onSelectNode={onSelectPackage}
            onSelectEdge={selectMove}
            selectedEdge={selected ?? undefined}
            {...(!readOnly ? { onConnect: connect } : {})}
          />
        );
      })}
      <PathCasesList
        doc={doc}
        ctx={ctx}
        move={selected}
        open={open}
        setOpen={setOpen}
        readOnly={readOnly}
        set={set}
        onClearMove={() => setSelected(null)}
      />
      <AlignmentsSection doc={doc} set={set} readOnly={readOnly} />
    </div>
  );
}
