import { type Diagnostic, firstMatchingCase, impliedKind } from "@tessera/engine";
import type { Catalog, PathRuleCase } from "@tessera/schema";
import { type LadderEdge, LadderGraph, type LadderNode } from "@tessera/ui";
import { type Path, pointer } from "./docEdit.ts";

const TIMINGS = ["immediate", "end_of_term", "next_billing_date", "illegal"] as const;
const PRORATIONS = ["", "prorate", "none", "full_credit"] as const;

/** The ladder of each portfolio as decided by the path rules, and the ordered rule cases. */
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
  const move = (from: number, to: number) => {
    const next = [...cases];
    const [c] = next.splice(from, 1);
    if (c) next.splice(to, 0, c);
    set(["pathRules"], next);
  };
  return (
    <div className="stack">
      {doc.portfolios.map((portfolio) => {
        const bases = doc.packages.filter((p) => p.portfolio === portfolio.id && p.role === "base");
        // The drawing joins neighbouring rungs (and packages of one tier); longer jumps are listed by the engine's paths.
        const tiers = [...new Set(bases.map((b) => b.tier))].sort((a, b) => a - b);
        const rung = (tier: number) => tiers.indexOf(tier);
        const edges: LadderEdge[] = [];
        for (const from of bases)
          for (const to of bases) {
            if (from === to || Math.abs(rung(from.tier) - rung(to.tier)) > 1) continue;
            const kind = impliedKind(from, to);
            const c = firstMatchingCase(cases, {
              kind,
              from,
              to,
              billingPeriod: from.billingPeriods[0] ?? "month",
              phase: "evergreen",
            });
            if (c && c.outcome.timing !== "illegal")
              edges.push({ from: from.id, to: to.id, kind, timing: c.outcome.timing });
          }
        const nodes: LadderNode[] = bases.map((p) => {
          const out = edges.some((e) => e.from === p.id);
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
            edges={edges}
            onSelectNode={onSelectPackage}
          />
        );
      })}
      <section className="ts-card" aria-labelledby="path-rules-title" data-pointer="/pathRules">
        <h2 id="path-rules-title">Path rules (first match wins)</h2>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Case</th>
              <th scope="col">Moves</th>
              <th scope="col">Timing</th>
              <th scope="col">Proration</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {cases.map((c: PathRuleCase, i) => (
              <tr key={c.id} data-pointer={pointer(["pathRules", i])}>
                <td>{i + 1}</td>
                <td>
                  <strong>{c.id}</strong>
                  {c.description ? <div className="ts-hint">{c.description}</div> : null}
                </td>
                <td>
                  {(c.kinds ?? ["any"]).join(", ")}
                  {c.from?.packages ? <div className="ts-hint">from {c.from.packages.join(", ")}</div> : null}
                  {c.to?.packages ? <div className="ts-hint">to {c.to.packages.join(", ")}</div> : null}
                </td>
                <td>
                  <select
                    aria-label={`Timing of ${c.id}`}
                    className="ts-select"
                    data-pointer={pointer(["pathRules", i, "outcome", "timing"])}
                    value={c.outcome.timing}
                    disabled={readOnly}
                    onChange={(e) => set(["pathRules", i, "outcome", "timing"], e.target.value)}
                  >
                    {TIMINGS.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Proration of ${c.id}`}
                    className="ts-select"
                    data-pointer={pointer(["pathRules", i, "outcome", "proration"])}
                    value={c.outcome.proration ?? ""}
                    disabled={readOnly}
                    onChange={(e) =>
                      set(["pathRules", i, "outcome", "proration"], e.target.value || undefined)
                    }
                  >
                    {PRORATIONS.map((p) => (
                      <option key={p} value={p}>
                        {p || "default"}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {!readOnly ? (
                    <div className="ts-row">
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Move ${c.id} up`}
                        disabled={i === 0}
                        onClick={() => move(i, i - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Move ${c.id} down`}
                        disabled={i === cases.length - 1}
                        onClick={() => move(i, i + 1)}
                      >
                        ↓
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!readOnly ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            style={{ marginTop: "0.5rem" }}
            onClick={() =>
              set(
                ["pathRules"],
                [
                  {
                    id: `case-${cases.length + 1}`,
                    kinds: ["upgrade"],
                    outcome: { timing: "immediate", proration: "prorate" },
                  },
                  ...cases,
                ],
              )
            }
          >
            Add case (first)
          </button>
        ) : null}
      </section>
    </div>
  );
}
