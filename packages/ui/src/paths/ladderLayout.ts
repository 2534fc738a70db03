/**
 * Where the ladder's boxes, arrows and labels go, decided by dagre (a maintained layered-graph
 * layout): every edge label is a node of the layout, so labels never overlap each other or a
 * package box. Packages are ranked bottom to top by tier, as a ladder is climbed: each edge is laid out from its lower-tier
 * end to its higher-tier end (crossgrades between packages of one tier by id), and drawn back in
 * the move's own direction.
 *
 * @see https://github.com/dagrejs/dagre/wiki#using-dagre (edge labels take space in the layout)
 */
import { type EdgeLabel, Graph, type GraphLabel, layout, type NodeLabel } from "@dagrejs/dagre";

export interface LayoutNodeInput {
  id: string;
  tier: number;
  width: number;
  height: number;
}

export interface LayoutEdgeInput {
  key: string;
  from: string;
  to: string;
  labelWidth: number;
  labelHeight: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LadderLayout {
  width: number;
  height: number;
  /** Top-left corner and size of each package box. */
  nodes: Map<string, Box>;
  /** Each edge's polyline in the move's direction (from → to) and its label's box. */
  edges: Map<string, { points: { x: number; y: number }[]; label: Box }>;
}

/** Lays out a ladder; pure (same input, same output). */
export function layoutLadder(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
): LadderLayout {
  const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: "BT", nodesep: 36, edgesep: 20, ranksep: 28, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const tierOf = new Map(nodes.map((n) => [n.id, n.tier]));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const flipped = new Set<string>();
  for (const e of edges) {
    const a = tierOf.get(e.from);
    const b = tierOf.get(e.to);
    if (a === undefined || b === undefined) continue;
    const forward = a < b || (a === b && e.from < e.to);
    if (!forward) flipped.add(e.key);
    g.setEdge(
      forward ? e.from : e.to,
      forward ? e.to : e.from,
      { width: e.labelWidth, height: e.labelHeight, labelpos: "c", minlen: 1 },
      e.key,
    );
  }
  layout(g);
  const graph = g.graph();
  const out: LadderLayout = {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes: new Map(),
    edges: new Map(),
  };
  for (const n of nodes) {
    const l = g.node(n.id);
    out.nodes.set(n.id, {
      x: (l.x ?? 0) - n.width / 2,
      y: (l.y ?? 0) - n.height / 2,
      width: n.width,
      height: n.height,
    });
  }
  for (const ge of g.edges()) {
    const key = ge.name;
    if (key === undefined) continue;
    const l = g.edge(ge);
    const pts = (l.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const w = l.width ?? 0;
    const h = l.height ?? 0;
    out.edges.set(key, {
      points: flipped.has(key) ? pts.reverse() : pts,
      label: { x: (l.x ?? 0) - w / 2, y: (l.y ?? 0) - h / 2, width: w, height: h },
    });
  }
  return out;
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
