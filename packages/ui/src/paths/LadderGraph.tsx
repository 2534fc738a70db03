import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from "react";
import { layoutLadder } from "./ladderLayout.ts";

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
  /** immediate, end_of_term, next_billing_date, or illegal (the move is blocked). */
  timing: string;
  /** The path-rule case that decides the move; absent when none does (the engine's default). */
  caseId?: string;
}

export interface LadderGraphProps {
  title: string;
  nodes: readonly LadderNode[];
  edges: readonly LadderEdge[];
  /** Called when a package box is activated (click or Enter). */
  onSelectNode?: (id: string) => void;
  /** Called when a move (arrow or its label) is activated. */
  onSelectEdge?: (edge: LadderEdge) => void;
  /** The move shown as selected, by `from` and `to`. */
  selectedEdge?: { from: string; to: string } | undefined;
  /**
   * Called when the user draws a move from one package to another: dragging from a package's
   * handle onto another package, or activating the handle and then the target (keyboard too).
   */
  onConnect?: (from: string, to: string) => void;
}

const NODE_H = 46;
const LINE_H = 14;

const TIMING_LABEL: Record<string, string> = {
  immediate: "now",
  end_of_term: "end of term",
  next_billing_date: "next bill",
  illegal: "blocked",
};

const edgeKey = (e: { from: string; to: string }) => `${e.from}>${e.to}`;
const nodeWidth = (n: LadderNode) => Math.max(120, Math.ceil(n.name.length * 7.4) + 28);
const labelLines = (e: LadderEdge) => [
  TIMING_LABEL[e.timing] ?? e.timing,
  e.caseId !== undefined ? `case ${e.caseId}` : "no case (default)",
];
const nodeSub = (n: LadderNode) =>
  `tier ${n.tier}${n.flag === "dead-end" ? " · dead end" : n.flag === "unreachable" ? " · unreachable" : ""}`;

/** A smooth path through dagre's points: straight ends, quadratic bends at the inner points. */
function curve(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${last.x},${last.y}`;
  return d;
}

const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    fn();
  }
};

/**
 * A portfolio's ladder, laid out by dagre from the lowest tier at the bottom to the highest on top: upgrades green, downgrades amber,
 * crossgrades dashed, blocked moves red; each arrow's label says when the move takes effect and
 * which path-rule case decides it. Dead ends and unreachable packages are outlined; the same facts
 * are listed as text after the drawing.
 */
export function LadderGraph({
  title,
  nodes,
  edges,
  onSelectNode,
  onSelectEdge,
  selectedEdge,
  onConnect,
}: LadderGraphProps) {
  const id = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const swallowClick = useRef(false);

  const layout = useMemo(
    () =>
      layoutLadder(
        nodes.map((n) => ({ id: n.id, tier: n.tier, width: nodeWidth(n), height: NODE_H })),
        edges.map((e) => {
          const lines = labelLines(e);
          return {
            key: edgeKey(e),
            from: e.from,
            to: e.to,
            labelWidth: Math.ceil(Math.max(...lines.map((l) => l.length)) * 6.2) + 12,
            labelHeight: lines.length * LINE_H + 6,
          };
        }),
      ),
    [nodes, edges],
  );
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const width = Math.max(layout.width, 200);
  const height = Math.max(layout.height, 80);

  const connect = (to: string) => {
    if (from !== null && to !== from) onConnect?.(from, to);
    setFrom(null);
    setCursor(null);
  };
  const activateNode = (nodeId: string) => {
    if (from !== null) connect(nodeId);
    else onSelectNode?.(nodeId);
  };
  const toSvg = (e: PointerEvent) => {
    const m = svgRef.current?.getScreenCTM();
    if (!m) return null;
    return { x: (e.clientX - m.e) / m.a, y: (e.clientY - m.f) / m.d };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (from === null) return;
    setCursor(toSvg(e));
    const d = drag.current;
    if (d && Math.hypot(e.clientX - d.x, e.clientY - d.y) > 4) d.moved = true;
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d?.moved || from === null) return;
    // A drag that ends on a package draws the move; one that ends anywhere else is dropped.
    const target = (e.target as Element).closest?.("[data-node]")?.getAttribute("data-node");
    swallowClick.current = true;
    if (target) connect(target);
    else {
      setFrom(null);
      setCursor(null);
    }
  };
  const start = from !== null ? layout.nodes.get(from) : undefined;

  return (
    <figure className="ts-ladder ts-card" style={{ margin: 0 }} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ts-label">
        {title}
      </figcaption>
      <div style={{ overflowX: "auto" }}>
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset> */}
        <svg
          ref={svgRef}
          viewBox={`0 0 ${width} ${height}`}
          // Never drawn smaller than its natural size (labels stay readable): a long ladder
          // scrolls sideways instead.
          style={{ width, maxWidth: "none", height: "auto" }}
          // A group, not an image: its nodes and arrows are focusable controls (axe: nested-interactive).
          role="group"
          aria-labelledby={`${id}-title`}
          data-connecting={from ?? undefined}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onClickCapture={(e) => {
            if (swallowClick.current) {
              swallowClick.current = false;
              e.stopPropagation();
            }
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setFrom(null);
              setCursor(null);
            }
          }}
        >
          <title>{title}</title>
          <defs>
            {(["upgrade", "downgrade", "crossgrade", "blocked"] as const).map((k) => (
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
                        : k === "blocked"
                          ? "var(--ts-danger)"
                          : "var(--ts-accent)"
                  }
                />
              </marker>
            ))}
          </defs>
          {edges.map((e) => {
            const key = edgeKey(e);
            const l = layout.edges.get(key);
            if (!l) return null;
            const blocked = e.timing === "illegal";
            const selected = selectedEdge !== undefined && edgeKey(selectedEdge) === key;
            const d = curve(l.points);
            const lines = labelLines(e);
            const select = onSelectEdge ? () => onSelectEdge(e) : undefined;
            return (
              // biome-ignore lint/a11y: an SVG group cannot be a <button>; it gets role="button" whenever it is interactive
              <g
                key={key}
                className="ts-ladder__move"
                data-edge={key}
                data-selected={selected || undefined}
                tabIndex={select ? 0 : undefined}
                role={select ? "button" : undefined}
                aria-pressed={select ? selected : undefined}
                aria-label={
                  select
                    ? `${e.kind} ${names.get(e.from) ?? e.from} to ${names.get(e.to) ?? e.to}: ${lines.join(" ")}`
                    : undefined
                }
                onClick={select}
                onKeyDown={select ? activate(select) : undefined}
                style={select ? { cursor: "pointer" } : undefined}
              >
                {/* A wide transparent stroke makes the thin arrow easy to hit. */}
                <path d={d} className="ts-ladder__hit" />
                <path
                  className="ts-ladder__edge"
                  data-kind={e.kind}
                  data-blocked={blocked || undefined}
                  data-default={e.caseId === undefined || undefined}
                  d={d}
                  markerEnd={`url(#${id}-arrow-${blocked ? "blocked" : e.kind})`}
                />
                <rect
                  className="ts-ladder__label-box"
                  x={l.label.x}
                  y={l.label.y}
                  width={l.label.width}
                  height={l.label.height}
                  rx={4}
                />
                {lines.map((line, i) => (
                  <text
                    key={i}
                    className={i === 0 ? "ts-ladder__edge-label" : "ts-ladder__case-label"}
                    x={l.label.x + l.label.width / 2}
                    y={l.label.y + 3 + LINE_H * (i + 1) - 3}
                    textAnchor="middle"
                  >
                    {/* The leading space keeps the label's text equal to its accessible name. */}
                    {i === 0 ? line : ` ${line}`}
                  </text>
                ))}
              </g>
            );
          })}
          {start && cursor ? (
            <line
              className="ts-ladder__draft"
              x1={start.x + start.width}
              y1={start.y + start.height / 2}
              x2={cursor.x}
              y2={cursor.y}
            />
          ) : null}
          {nodes.map((n) => {
            const p = layout.nodes.get(n.id);
            if (!p) return null;
            const interactive = onSelectNode !== undefined || from !== null;
            return (
              <g key={n.id} data-node={n.id} transform={`translate(${p.x},${p.y})`}>
                {/* biome-ignore lint/a11y: an SVG group cannot be a <button>; it gets role="button" whenever it is interactive */}
                <g
                  className="ts-ladder__node"
                  data-flag={n.flag}
                  data-target={(from !== null && from !== n.id) || undefined}
                  tabIndex={interactive ? 0 : undefined}
                  role={interactive ? "button" : undefined}
                  aria-label={
                    interactive
                      ? `${n.name} ${nodeSub(n)}${
                          from !== null && from !== n.id ? `: draw the move from ${names.get(from)} here` : ""
                        }`
                      : undefined
                  }
                  onClick={interactive ? () => activateNode(n.id) : undefined}
                  onKeyDown={interactive ? activate(() => activateNode(n.id)) : undefined}
                  style={interactive ? { cursor: "pointer" } : undefined}
                >
                  <rect width={p.width} height={p.height} rx={8} />
                  <text x={p.width / 2} y={19} textAnchor="middle" fontWeight={600}>
                    {n.name}
                  </text>
                  <text x={p.width / 2} y={35} textAnchor="middle" className="ts-ladder__edge-label">
                    {` ${nodeSub(n)}`}
                  </text>
                </g>
                {onConnect ? (
                  // biome-ignore lint/a11y: an SVG circle cannot be a <button>; it has role="button"
                  <circle
                    className="ts-ladder__handle"
                    data-active={from === n.id || undefined}
                    cx={p.width}
                    cy={p.height / 2}
                    r={7}
                    tabIndex={0}
                    role="button"
                    aria-label={`Draw a move from ${n.name}`}
                    aria-pressed={from === n.id}
                    onPointerDown={(e) => {
                      e.stopPropagation();
                      setFrom(n.id);
                      setCursor(toSvg(e));
                      drag.current = { x: e.clientX, y: e.clientY, moved: false };
                    }}
                    onClick={(e) => {
                      e.stopPropagation();
                      setFrom(n.id);
                    }}
                    onKeyDown={activate(() => setFrom(from === n.id ? null : n.id))}
                  />
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      {from !== null ? (
        <p className="ts-hint" role="status">
          Drawing a move from {names.get(from) ?? from}: choose the package it leads to (Esc cancels).
        </p>
      ) : null}
      <div className="ts-legend" aria-hidden="true">
        <span style={{ color: "var(--ts-ok)" }}>upgrade</span>
        <span style={{ color: "var(--ts-warn)" }}>downgrade</span>
        <span style={{ color: "var(--ts-accent)" }}>crossgrade</span>
        <span style={{ color: "var(--ts-danger)" }}>blocked</span>
      </div>
      {onConnect ? (
        <p className="ts-hint" style={{ margin: "0.25rem 0 0" }}>
          To add a move, drag from a package's dot onto another package (or press Enter on the dot, then on
          the package).
        </p>
      ) : null}
      <details>
        <summary className="ts-hint">Moves as a list</summary>
        <ul aria-label="Ladder moves">
          {edges.map((e) => (
            <li key={edgeKey(e)}>
              {e.kind}: {names.get(e.from) ?? e.from} → {names.get(e.to) ?? e.to} (
              {TIMING_LABEL[e.timing] ?? e.timing}
              {e.caseId !== undefined ? `, case ${e.caseId}` : ", no case"})
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
