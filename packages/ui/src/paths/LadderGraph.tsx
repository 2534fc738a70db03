import { useId } from "react";

export interface LadderNode {
  id: string;
  name: string;
  tier: number;
  /** dead-end: no move leaves it; unreachable: no create or move reaches it. */
  flag?: "dead-end" | "unreachable";
}

export interface LadderEdge {
  from: string;
  to: string;
  kind: "upgrade" | "downgrade" | "crossgrade";
  /** immediate, end_of_term, next_billing_date. */
  timing: string;
}

export interface LadderGraphProps {
  title: string;
  nodes: readonly LadderNode[];
  edges: readonly LadderEdge[];
  /** Called when a package box is activated (click or Enter). */
  onSelectNode?: (id: string) => void;
}

const NODE_W = 120;
const NODE_H = 44;
const COL = 190;
const ROW = 84;
const PAD = 40;

const TIMING_LABEL: Record<string, string> = {
  immediate: "now",
  end_of_term: "end of term",
  next_billing_date: "next bill",
};

/**
 * A portfolio's ladder: one column per tier, upgrades arc above, downgrades below, crossgrades
 * join packages of one tier. Dead ends and unreachable packages are outlined; the same facts are
 * listed as text after the drawing.
 */
export function LadderGraph({ title, nodes, edges, onSelectNode }: LadderGraphProps) {
  const id = useId();
  const tiers = [...new Set(nodes.map((n) => n.tier))].sort((a, b) => a - b);
  const pos = new Map<string, { x: number; y: number }>();
  const rowsPerTier = new Map<number, number>();
  for (const n of [...nodes].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name))) {
    const col = tiers.indexOf(n.tier);
    const row = rowsPerTier.get(n.tier) ?? 0;
    rowsPerTier.set(n.tier, row + 1);
    pos.set(n.id, { x: PAD + col * COL, y: PAD + 30 + row * ROW });
  }
  const maxRows = Math.max(1, ...rowsPerTier.values());
  const width = PAD * 2 + Math.max(0, tiers.length - 1) * COL + NODE_W;
  const height = PAD * 2 + 60 + (maxRows - 1) * ROW + NODE_H;
  const names = new Map(nodes.map((n) => [n.id, n.name]));

  const edgePath = (e: LadderEdge, i: number) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return null;
    if (e.kind === "crossgrade" || a.x === b.x) {
      const x1 = a.x + NODE_W / 2 + 16 * ((i % 3) - 1);
      const sy = a.y < b.y ? a.y + NODE_H : a.y;
      const ty = a.y < b.y ? b.y : b.y + NODE_H;
      return { d: `M${x1},${sy} L${x1},${ty}`, lx: x1 + 4, ly: (sy + ty) / 2 };
    }
    const up = e.kind === "upgrade";
    const sx = a.x + (a.x < b.x ? NODE_W : 0);
    const tx = b.x + (a.x < b.x ? 0 : NODE_W);
    const sy = a.y + (up ? NODE_H * 0.3 : NODE_H * 0.7);
    const ty = b.y + (up ? NODE_H * 0.3 : NODE_H * 0.7);
    const bend = up ? -34 : 34;
    const mx = (sx + tx) / 2;
    const my = Math.min(sy, ty) + bend + (up ? 0 : Math.abs(ty - sy));
    return { d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`, lx: mx, ly: (sy + ty) / 2 + bend / 2 };
  };

  return (
    <figure className="ts-ladder ts-card" style={{ margin: 0 }} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ts-label">
        {title}
      </figcaption>
      <div style={{ overflowX: "auto" }}>
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset> */}
        <svg
          viewBox={`0 0 ${width} ${height}`}
          // Never drawn much smaller than its natural size (labels stay readable): a long ladder
          // scrolls sideways instead.
          style={{ width: "100%", minWidth: Math.round(width * 0.85), maxWidth: width, height: "auto" }}
          // A group, not an image: its nodes are focusable controls (axe: nested-interactive).
          role="group"
          aria-labelledby={`${id}-title`}
        >
          <title>{title}</title>
          <defs>
            {(["upgrade", "downgrade", "crossgrade"] as const).map((k) => (
              <marker
                key={k}
                id={`${id}-arrow-${k}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path
                  d="M0,0 L10,5 L0,10 z"
                  fill={
                    k === "upgrade"
                      ? "var(--ts-ok)"
                      : k === "downgrade"
                        ? "var(--ts-warn)"
                        : "var(--ts-accent)"
                  }
                />
              </marker>
            ))}
          </defs>
          {tiers.map((t, i) => (
            <text
              key={t}
              className="ts-ladder__edge-label"
              x={PAD + i * COL + NODE_W / 2}
              y={PAD}
              textAnchor="middle"
            >
              Tier {t}
            </text>
          ))}
          {edges.map((e, i) => {
            const p = edgePath(e, i);
            if (!p) return null;
            return (
              <g key={`${e.from}-${e.to}-${e.kind}`}>
                <path
                  className="ts-ladder__edge"
                  data-kind={e.kind}
                  d={p.d}
                  markerEnd={`url(#${id}-arrow-${e.kind})`}
                />
                <text className="ts-ladder__edge-label" x={p.lx} y={p.ly} textAnchor="middle">
                  {TIMING_LABEL[e.timing] ?? e.timing}
                </text>
              </g>
            );
          })}
          {nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return null;
            return (
              // biome-ignore lint/a11y: an SVG group cannot be a <button>; it gets role="button" whenever it is interactive
              <g
                key={n.id}
                className="ts-ladder__node"
                data-flag={n.flag}
                data-node={n.id}
                transform={`translate(${p.x},${p.y})`}
                tabIndex={onSelectNode ? 0 : undefined}
                role={onSelectNode ? "button" : undefined}
                aria-label={
                  onSelectNode ? `${n.name}, tier ${n.tier}${n.flag ? `, ${n.flag}` : ""}` : undefined
                }
                onClick={onSelectNode ? () => onSelectNode(n.id) : undefined}
                onKeyDown={
                  onSelectNode
                    ? (e) => {
                        if (e.key === "Enter" || e.key === " ") {
                          e.preventDefault();
                          onSelectNode(n.id);
                        }
                      }
                    : undefined
                }
                style={onSelectNode ? { cursor: "pointer" } : undefined}
              >
                <rect width={NODE_W} height={NODE_H} rx={8} />
                <text x={NODE_W / 2} y={n.flag ? 19 : 27} textAnchor="middle" fontWeight={600}>
                  {n.name}
                </text>
                {n.flag ? (
                  <text x={NODE_W / 2} y={34} textAnchor="middle" className="ts-ladder__edge-label">
                    {n.flag === "dead-end" ? "dead end" : "unreachable"}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="ts-legend" aria-hidden="true">
        <span style={{ color: "var(--ts-ok)" }}>upgrade</span>
        <span style={{ color: "var(--ts-warn)" }}>downgrade</span>
        <span style={{ color: "var(--ts-accent)" }}>crossgrade</span>
      </div>
      <details>
        <summary className="ts-hint">Moves as a list</summary>
        <ul aria-label="Ladder moves">
          {edges.map((e) => (
            <li key={`${e.from}-${e.to}-${e.kind}`}>
              {e.kind}: {names.get(e.from) ?? e.from} → {names.get(e.to) ?? e.to} (
              {TIMING_LABEL[e.timing] ?? e.timing})
            </li>
          ))}
          {nodes
            .filter((n) => n.flag)
            .map((n) => (
              <li key={`flag-${n.id}`}>
                {n.name} is{" "}
                {n.flag === "dead-end" ? "a dead end: no move leaves it" : "unreachable: nothing leads to it"}
              </li>
            ))}
        </ul>
      </details>
    </figure>
  );
}
