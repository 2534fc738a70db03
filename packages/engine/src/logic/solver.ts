/**
 * A small incremental CDCL SAT solver: two watched literals, first-UIP clause learning, VSIDS with
 * phase saving, Luby restarts, and solving under assumptions with a final-conflict core (the subset
 * of the assumptions that made the problem unsatisfiable), as in MiniSat.
 *
 * Literals are integers: variable `v` (0-based) is `2v` when true and `2v + 1` when false; `lit ^ 1`
 * negates. Every original clause carries a label (the index of the catalog constraint it encodes) so
 * explanations can name the rules behind an implication.
 *
 * @see Eén & Sörensson, "An Extensible SAT-solver" (MiniSat), SAT 2003.
 */

export const pos = (v: number): number => v << 1;
export const neg = (v: number): number => (v << 1) | 1;
export const varOf = (lit: number): number => lit >> 1;

/**
 * A formula in flat form: clause i is `lits[starts[i] … starts[i + 1] − 1]`, labelled `labels[i]`
 * (e.g. the index of the catalog constraint it encodes). Built by `CnfBuilder` (logic/cnf.ts).
 */
export interface Cnf {
  numVars: number;
  /** Number of clauses. */
  size: number;
  lits: Int32Array;
  /** size + 1 offsets into `lits`. */
  starts: Int32Array;
  labels: Int32Array;
}

export type SolveResult = { sat: true } | { sat: false; core: number[] };

const NO_REASON = -1;

/** Shared empty watch list of every literal nothing watches yet; never written to. */
const NO_WATCHES: number[] = [];
/** Label marks before the first cone walk (grown on first use). */
const NO_LABELS = new Uint8Array(0);

/** Clause flags. */
const LEARNT = 1;
const DELETED = 2;

/** A copy of `a` with room for at least `need` elements (doubling). */
export function grownI32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(need, a.length * 2));
  out.set(a);
  return out;
}

/** Luby sequence value for restart i (1-based), as in MiniSat. */
function luby(y: number, i: number): number {
  let size = 1;
  let seq = 0;
  while (size < i + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let x = i;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x = x % size;
  }
  return y ** seq;
}

const EMPTY: Cnf = {
  numVars: 0,
  size: 0,
  lits: new Int32Array(0),
  starts: new Int32Array(1),
  labels: new Int32Array(0),
};

export class Solver {
  /** Number of variables of the formula loaded (`load`). */
  numVars = 0;
  /** False once the clauses alone are contradictory. */
  ok = true;

  // Per-variable and per-literal arrays, views on one buffer sized for `varCap` variables (creating
  // a typed array with its own buffer costs far more than a view, and a catalog has hundreds of
  // small packages). Only the first numVars (or 2·numVars) entries are in use.
  private varCap = -1;
  private val!: Int8Array; // per literal: 1 true, -1 false, 0 unassigned
  private level!: Int32Array;
  private reason!: Int32Array;
  private trail!: Int32Array;
  private trailSize = 0;
  private qhead = 0;
  private readonly trailLim: number[] = [];

  // Clauses live back to back in one arena: clause ci is lits[cStart[ci] … cStart[ci] + cLen[ci] − 1].
  // The arena and the per-clause arrays grow (by doubling) as clauses are added.
  private lits = new Int32Array(0);
  private litsLen = 0;
  private cStart = new Int32Array(0);
  private cLen = new Int32Array(0);
  /**
   * Per clause, where the last search for a new watch stopped (an offset ≥ 2 into the clause). The
   * next search starts there and wraps around (Gent, "Optimal implementation of watched literals",
   * JAIR 2013): a fixed start would rescan the literals already false, which makes falsifying the n
   * literals of one long clause (the at-least-one clause of a wide group) cost n² steps.
   */
  private cPos = new Int32Array(0);
  private cLabel = new Int32Array(0);
  private cFlags = new Uint8Array(0);
  private numClauses = 0;
  /** Per literal, long clauses watching it as pairs (clause index, blocker literal). */
  private readonly watches: number[][] = [];
  private watchN!: Int32Array;
  /** Per literal, binary clauses containing it as pairs (the other literal, clause index). */
  private readonly bins: number[][] = [];
  private binN!: Int32Array;
  private learntCount = 0;
  private firstLearnt = -1;

  private activity!: Float64Array;
  private varInc = 1;
  private phase!: Int8Array; // 1 true, 0 false
  private readonly heap: number[] = [];
  private heapIndex!: Int32Array;
  /**
   * Per literal, the last clause that contained it while clauses were added (stamps grow with
   * every clause, so they never need clearing): spots repeated literals and tautologies.
   */
  private stamp!: Int32Array;
  private stampNext = 1;

  /**
   * The literals decided on levels 1 … kept.length, each at its fixpoint of propagation: a later
   * solve or probe whose assumptions start with them resumes from there instead of level 0.
   */
  private readonly kept: number[] = [];
  private seen!: Uint8Array;
  /** Scratch space for cone walks: visited variables, and constraint labels already collected. */
  private coneStack: Int32Array | undefined;
  private labelMark = NO_LABELS;
  private model!: Int8Array;
  /** Conflicts of the whole life of the solver, for statistics and restarts. */
  conflicts = 0;
  solves = 0;
  /** Literals inspected while looking for new watches (a work measure for tests, not a clock). */
  watchScans = 0;

  /** A solver for `cnf` (by default the empty formula, to `load` one later). */
  constructor(cnf: Cnf = EMPTY) {
    this.load(cnf);
  }

  /**
   * Makes this solver a fresh solver for `cnf`, reusing its memory: everything learnt about the
   * previous formula is forgotten. For the many short-lived solvers of one validation run, which
   * would otherwise spend more time allocating than solving.
   */
  load(cnf: Cnf): void {
    const n = cnf.numVars;
    const m = cnf.size;
    this.numVars = n;
    if (n > this.varCap || this.stampNext > 1 << 30) this.allocateVars(Math.max(n, 16));
    else {
      this.val.fill(0, 0, 2 * n);
      this.watchN.fill(0, 0, 2 * n);
      this.binN.fill(0, 0, 2 * n);
      this.activity.fill(0, 0, n);
      this.phase.fill(0, 0, n);
      this.model.fill(0, 0, n);
      this.seen.fill(0, 0, n);
    }
    this.reason.fill(NO_REASON, 0, n);
    // All activities start equal, so variables in index order already form a heap.
    const heap = this.heap;
    heap.length = n;
    for (let v = 0; v < n; v++) {
      heap[v] = v;
      this.heapIndex[v] = v;
    }
    // Lists are reused as they are: their counts (watchN, binN) start at zero.
    while (this.watches.length < 2 * n) this.watches.push(NO_WATCHES);
    while (this.bins.length < 2 * n) this.bins.push(NO_WATCHES);
    if (cnf.lits.length + 16 > this.lits.length) this.lits = new Int32Array(cnf.lits.length + 16);
    if (m + 8 > this.cStart.length) {
      this.cStart = new Int32Array(m + 8);
      this.cLen = new Int32Array(m + 8);
      this.cPos = new Int32Array(m + 8);
      this.cLabel = new Int32Array(m + 8);
      this.cFlags = new Uint8Array(m + 8);
    }
    this.ok = true;
    this.trailSize = 0;
    this.qhead = 0;
    this.trailLim.length = 0;
    this.litsLen = 0;
    this.numClauses = 0;
    this.learntCount = 0;
    this.firstLearnt = -1;
    this.varInc = 1;
    this.kept.length = 0;
    this.factLabels.length = 0;
    this.lastConflict = NO_REASON;
    this.lastFailed = -1;
    this.conflicts = 0;
    this.solves = 0;
    this.watchScans = 0;
    if (this.coneStack !== undefined && this.coneStack.length < n) this.coneStack = undefined;
    const src = cnf.lits;
    const starts = cnf.starts;
    for (let i = 0; i < m; i++) {
      this.addOriginal(src, starts[i]!, starts[i + 1]!, cnf.labels[i] ?? -1);
      if (!this.ok) return;
    }
    if (this.propagate() !== NO_REASON) this.ok = false;
  }

  /** (Re)creates the per-variable arrays for `cap` variables, zeroed, on one buffer. */
  private allocateVars(cap: number): void {
    this.varCap = cap;
    // Laid out widest element first, so each view starts aligned.
    const buffer = new ArrayBuffer(8 * cap + 4 * 10 * cap + 5 * cap);
    let at = 0;
    const i32 = (len: number) => {
      const v = new Int32Array(buffer, at, len);
      at += 4 * len;
      return v;
    };
    const i8 = (len: number) => {
      const v = new Int8Array(buffer, at, len);
      at += len;
      return v;
    };
    this.activity = new Float64Array(buffer, 0, cap);
    at = 8 * cap;
    this.level = i32(cap);
    this.reason = i32(cap);
    this.trail = i32(cap);
    this.heapIndex = i32(cap);
    this.watchN = i32(2 * cap);
    this.binN = i32(2 * cap);
    this.stamp = i32(2 * cap);
    this.stampNext = 1;
    this.val = i8(2 * cap);
    this.phase = i8(cap);
    this.model = i8(cap);
    this.seen = new Uint8Array(buffer, at, cap);
  }

  /** Value of a literal in the current trail: 1 true, -1 false, 0 unassigned. */
  value(lit: number): number {
    return this.val[lit]!;
  }

  /** Value of variable v in the last model found (true/false). */
  modelValue(v: number): boolean {
    return this.model[v] === 1;
  }

  /** Whether a literal is fixed at level 0 (implied by the clauses alone). */
  fixedAtRoot(lit: number): boolean {
    return this.val[lit] !== 0 && this.level[varOf(lit)] === 0;
  }

  /** Preferred polarity of a variable for the next decisions (phase saving overwrites it later). */
  setPhase(v: number, value: boolean): void {
    this.phase[v] = value ? 1 : 0;
  }

  /** Label lists of facts added with `addFact` (clause label −2 − k refers to entry k). */
  private readonly factLabels: number[][] = [];

  /**
   * Adds a literal known to follow from the clauses (e.g. a backbone literal found by search), so
   * propagation sees it at level 0. `labels` are the constraints it follows from, for cones.
   */
  addFact(lit: number, labels: readonly number[] = []): void {
    this.cancelUntil(0);
    if (!this.ok || this.val[lit] === 1) return;
    const label = -2 - this.factLabels.length;
    this.factLabels.push([...labels]);
    const idx = this.newClause(1, label, 0);
    this.lits[this.litsLen++] = lit;
    if (this.val[lit] === -1) {
      this.ok = false;
      return;
    }
    this.assign(lit, idx);
    if (this.propagate() !== NO_REASON) this.ok = false;
  }

  /** Copies the last model's values of variables 0 … n − 1 (1 true, 0 false). */
  modelSnapshot(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let v = 0; v < n; v++) out[v] = this.model[v] === 1 ? 1 : 0;
    return out;
  }

  /**
   * Reserves a clause of `len` literals at the end of the arena (the caller writes them from
   * `litsLen` on) and returns its index.
   */
  private newClause(len: number, label: number, flags: number): number {
    if (this.litsLen + len > this.lits.length) this.lits = grownI32(this.lits, this.litsLen + len);
    const idx = this.numClauses;
    if (idx === this.cStart.length) {
      this.cStart = grownI32(this.cStart, idx + 1);
      this.cLen = grownI32(this.cLen, idx + 1);
      this.cPos = grownI32(this.cPos, idx + 1);
      this.cLabel = grownI32(this.cLabel, idx + 1);
      const flagsGrown = new Uint8Array(this.cStart.length);
      flagsGrown.set(this.cFlags);
      this.cFlags = flagsGrown;
    }
    this.cStart[idx] = this.litsLen;
    this.cLen[idx] = len;
    this.cPos[idx] = 2;
    this.cLabel[idx] = label;
    this.cFlags[idx] = flags;
    this.numClauses = idx + 1;
    return idx;
  }

  /** Adds the original clause src[from … to − 1] at level 0, without repeated literals; a tautology is left out. */
  private addOriginal(src: Int32Array, from: number, to: number, label: number): void {
    // Written past the arena's end first, and kept only when the clause is not a tautology (`load`
    // sized the arena for every original literal).
    const lits = this.lits;
    const stamp = this.stamp;
    const mark = this.stampNext++;
    const s = this.litsLen;
    let w = s;
    for (let k = from; k < to; k++) {
      const l = src[k]!;
      if (stamp[l ^ 1] === mark) return; // tautology
      if (stamp[l] === mark) continue;
      stamp[l] = mark;
      lits[w++] = l;
    }
    const len = w - s;
    const idx = this.newClause(len, label, 0);
    this.litsLen = w;
    if (len === 0) {
      this.ok = false;
    } else if (len === 1) {
      const l = lits[s]!;
      if (this.val[l] === -1) this.ok = false;
      else if (this.val[l] === 0) this.assign(l, idx);
    } else {
      this.attach(idx);
    }
  }

  private assign(lit: number, reason: number): void {
    const v = lit >> 1;
    this.val[lit] = 1;
    this.val[lit ^ 1] = -1;
    this.level[v] = this.trailLim.length;
    this.reason[v] = reason;
    this.trail[this.trailSize++] = lit;
  }

  get decisionLevel(): number {
    return this.trailLim.length;
  }

  /**
   * Appends the pair (x, y) to a literal's watch (or binary) list. A literal's first pair makes it
   * its own list of exactly that pair: most literals of a catalog watch one or two clauses.
   */
  private watchOn(lists: number[][], counts: Int32Array, lit: number, x: number, y: number): void {
    const list = lists[lit]!;
    if (list === NO_WATCHES) {
      lists[lit] = [x, y];
      counts[lit] = 2;
      return;
    }
    const k = counts[lit]!;
    list[k] = x;
    list[k + 1] = y;
    counts[lit] = k + 2;
  }

  /** Watches a clause of two or more literals on its first two. */
  private attach(ci: number): void {
    const s = this.cStart[ci]!;
    const a = this.lits[s]!;
    const b = this.lits[s + 1]!;
    if (this.cLen[ci] === 2) {
      this.watchOn(this.bins, this.binN, a, b, ci);
      this.watchOn(this.bins, this.binN, b, a, ci);
    } else {
      this.watchOn(this.watches, this.watchN, a, ci, b);
      this.watchOn(this.watches, this.watchN, b, ci, a);
    }
  }

  /** Unit propagation; returns the index of a conflicting clause or -1. Hot path: all locals. */
  private propagate(): number {
    const val = this.val;
    const lits = this.lits;
    const cStart = this.cStart;
    const cLen = this.cLen;
    const cPos = this.cPos;
    const cFlags = this.cFlags;
    const watches = this.watches;
    const watchN = this.watchN;
    const bins = this.bins;
    const binN = this.binN;
    const trail = this.trail;
    const level = this.level;
    const reason = this.reason;
    const lvl = this.trailLim.length;
    let qhead = this.qhead;
    let trailSize = this.trailSize;
    let conflict = NO_REASON;
    let scans = 0;
    outer: while (qhead < trailSize) {
      const p = trail[qhead++]!;
      const falseLit = p ^ 1;
      // Binary clauses: the other literal must hold.
      const bl = bins[falseLit]!;
      const bn = binN[falseLit]!;
      for (let k = 0; k < bn; k += 2) {
        const other = bl[k]!;
        const vo = val[other];
        if (vo === 1) continue;
        const ci = bl[k + 1]!;
        if (vo === -1) {
          conflict = ci;
          break outer;
        }
        // A reason clause holds its propagated literal first.
        const s = cStart[ci]!;
        if (lits[s] !== other) {
          lits[s + 1] = lits[s]!;
          lits[s] = other;
        }
        val[other] = 1;
        val[other ^ 1] = -1;
        level[other >> 1] = lvl;
        reason[other >> 1] = ci;
        trail[trailSize++] = other;
      }
      // Longer clauses: two watched literals with a blocker.
      const ws = watches[falseLit]!;
      const n = watchN[falseLit]!;
      let i = 0;
      let j = 0;
      while (i < n) {
        const ci = ws[i]!;
        const blocker = ws[i + 1]!;
        i += 2;
        if (val[blocker] === 1) {
          ws[j++] = ci;
          ws[j++] = blocker;
          continue;
        }
        if (cFlags[ci]! & DELETED) continue;
        const s = cStart[ci]!;
        if (lits[s] === falseLit) {
          lits[s] = lits[s + 1]!;
          lits[s + 1] = falseLit;
        }
        const first = lits[s]!;
        if (first !== blocker && val[first] === 1) {
          ws[j++] = ci;
          ws[j++] = first;
          continue;
        }
        const len = cLen[ci]!;
        const from = cPos[ci]!;
        let k = -1;
        let o = from;
        for (; o < len; o++)
          if (val[lits[s + o]!] !== -1) {
            k = o;
            break;
          }
        scans += o - from;
        if (k < 0) {
          for (o = 2; o < from; o++)
            if (val[lits[s + o]!] !== -1) {
              k = o;
              break;
            }
          scans += o - 2;
        }
        const found = k >= 0;
        if (found) {
          cPos[ci] = k;
          const l = lits[s + k]!;
          lits[s + 1] = l;
          lits[s + k] = falseLit;
          let wl = watches[l]!;
          if (wl === NO_WATCHES) {
            wl = [];
            watches[l] = wl;
          }
          wl[watchN[l]!++] = ci;
          wl[watchN[l]!++] = first;
        }
        if (found) continue;
        ws[j++] = ci;
        ws[j++] = first;
        if (val[first] === -1) {
          while (i < n) ws[j++] = ws[i++]!;
          watchN[falseLit] = j;
          conflict = ci;
          break outer;
        }
        val[first] = 1;
        val[first ^ 1] = -1;
        level[first >> 1] = lvl;
        reason[first >> 1] = ci;
        trail[trailSize++] = first;
      }
      watchN[falseLit] = j;
    }
    this.trailSize = trailSize;
    this.qhead = conflict === NO_REASON ? qhead : trailSize;
    this.watchScans += scans;
    return conflict;
  }

  private cancelUntil(lvl: number): void {
    if (this.kept.length > lvl) this.kept.length = lvl;
    if (this.trailLim.length <= lvl) return;
    const lim = this.trailLim[lvl]!;
    for (let i = this.trailSize - 1; i >= lim; i--) {
      const lit = this.trail[i]!;
      const v = lit >> 1;
      this.val[lit] = 0;
      this.val[lit ^ 1] = 0;
      this.reason[v] = NO_REASON;
      this.phase[v] = lit & 1 ? 0 : 1;
      if (this.heapIndex[v] === -1) this.heapInsert(v);
    }
    this.trailSize = lim;
    this.qhead = lim;
    this.trailLim.length = lvl;
  }

  // ---- VSIDS heap -------------------------------------------------------------------------
  private heapLess(a: number, b: number): boolean {
    return this.activity[a]! > this.activity[b]!;
  }
  private heapInsert(v: number): void {
    this.heapIndex[v] = this.heap.length;
    this.heap.push(v);
    this.heapUp(this.heap.length - 1);
  }
  private heapUp(i0: number): void {
    const heap = this.heap;
    const v = heap[i0]!;
    let i = i0;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p]!;
      if (!this.heapLess(v, pv)) break;
      heap[i] = pv;
      this.heapIndex[pv] = i;
      i = p;
    }
    heap[i] = v;
    this.heapIndex[v] = i;
  }
  private heapDown(i0: number): void {
    const heap = this.heap;
    const n = heap.length;
    const v = heap[i0]!;
    let i = i0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.heapLess(heap[r]!, heap[l]!) ? r : l;
      const cv = heap[c]!;
      if (!this.heapLess(cv, v)) break;
      heap[i] = cv;
      this.heapIndex[cv] = i;
      i = c;
    }
    heap[i] = v;
    this.heapIndex[v] = i;
  }
  private heapPop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    this.heapIndex[top] = -1;
    if (heap.length > 0) {
      heap[0] = last;
      this.heapIndex[last] = 0;
      this.heapDown(0);
    }
    return top;
  }
  private bump(v: number): void {
    this.activity[v]! += this.varInc;
    if (this.activity[v]! > 1e100) {
      for (let i = 0; i < this.numVars; i++) this.activity[i]! *= 1e-100;
      this.varInc *= 1e-100;
    }
    const hi = this.heapIndex[v]!;
    if (hi >= 0) this.heapUp(hi);
  }

  // ---- conflict analysis ------------------------------------------------------------------
  /** First-UIP analysis; returns the learnt clause (asserting literal first) and backjump level. */
  private analyze(confl: number): { clause: number[]; btLevel: number } {
    const seen = this.seen;
    const lits = this.lits;
    const out: number[] = [-1];
    let pathC = 0;
    let p = -1;
    let index = this.trailSize - 1;
    let ci = confl;
    const curLevel = this.trailLim.length;
    const toClear: number[] = [];
    for (;;) {
      // A reason clause holds its propagated literal first, so reasons are read from index 1.
      const s = this.cStart[ci]!;
      const end = s + this.cLen[ci]!;
      for (let k = p === -1 ? s : s + 1; k < end; k++) {
        const q = lits[k]!;
        const v = q >> 1;
        if (!seen[v] && this.level[v]! > 0) {
          seen[v] = 1;
          toClear.push(v);
          this.bump(v);
          if (this.level[v]! >= curLevel) pathC++;
          else out.push(q);
        }
      }
      while (!seen[this.trail[index]! >> 1]) index--;
      p = this.trail[index]!;
      index--;
      ci = this.reason[p >> 1]!;
      seen[p >> 1] = 0;
      pathC--;
      if (pathC <= 0) break;
    }
    out[0] = p ^ 1;
    for (const v of toClear) seen[v] = 0;
    let btLevel = 0;
    if (out.length > 1) {
      let maxI = 1;
      for (let k = 2; k < out.length; k++) {
        if (this.level[out[k]! >> 1]! > this.level[out[maxI]! >> 1]!) maxI = k;
      }
      const tmp = out[1]!;
      out[1] = out[maxI]!;
      out[maxI] = tmp;
      btLevel = this.level[out[1]! >> 1]!;
    }
    return { clause: out, btLevel };
  }

  /** The assumptions (as given) responsible for `p` being false. */
  private analyzeFinal(p: number, assumptions: readonly number[]): number[] {
    const core = [p];
    // Long assumption lists are looked up in a set, short ones directly.
    const set = assumptions.length > 32 ? new Set(assumptions) : undefined;
    if (this.trailLim.length === 0) return core;
    const seen = this.seen;
    const lits = this.lits;
    seen[p >> 1] = 1;
    for (let i = this.trailSize - 1; i >= this.trailLim[0]!; i--) {
      const lit = this.trail[i]!;
      const v = lit >> 1;
      if (!seen[v]) continue;
      const r = this.reason[v]!;
      if (r === NO_REASON) {
        if (set ? set.has(lit) : assumptions.includes(lit)) core.push(lit);
      } else {
        const s = this.cStart[r]!;
        const end = s + this.cLen[r]!;
        for (let k = s; k < end; k++) {
          const u = lits[k]! >> 1;
          if (this.level[u]! > 0) seen[u] = 1;
        }
      }
      seen[v] = 0;
    }
    seen[p >> 1] = 0;
    return core;
  }

  private addLearnt(clause: readonly number[]): number {
    const idx = this.newClause(clause.length, -1, LEARNT);
    const lits = this.lits;
    const s = this.litsLen;
    for (let k = 0; k < clause.length; k++) lits[s + k] = clause[k]!;
    this.litsLen = s + clause.length;
    this.learntCount++;
    if (this.firstLearnt < 0) this.firstLearnt = idx;
    if (clause.length > 1) {
      this.attach(idx);
    }
    return idx;
  }

  /** Forgets the older half of the learnt clauses when too many accumulated (at level 0 only). */
  private reduceLearnts(): void {
    const limit = Math.max(2000, this.numClauses >> 2);
    if (this.learntCount < limit) return;
    let toDrop = this.learntCount >> 1;
    for (let i = this.firstLearnt; i < this.numClauses && toDrop > 0; i++) {
      const flags = this.cFlags[i]!;
      if (!(flags & LEARNT) || flags & DELETED) continue;
      if (this.cLen[i]! <= 2) continue;
      const v0 = this.lits[this.cStart[i]!]! >> 1;
      if (this.reason[v0] === i) continue; // still the reason of a level-0 fact
      this.cFlags[i] = flags | DELETED;
      this.learntCount--;
      toDrop--;
    }
  }

  /**
   * Solves under assumptions (literals decided first, in order). On UNSAT returns the core: the
   * subset of the assumptions that conflicts (empty when the clauses alone are contradictory).
   *
   * `preferred` literals are soft: after the assumptions, each one still unassigned is decided (in
   * order) before the free search takes over, so the model holds as many of them as fit together
   * greedily. A preferred literal the model does not hold is false in every model of the
   * assumptions that holds the preferred literals before it. In particular the first one: when the
   * model lacks it, the assumptions exclude it.
   */
  solve(
    assumptions: readonly number[],
    conflictBudget = Number.POSITIVE_INFINITY,
    preferred: readonly number[] = NO_WATCHES,
  ): SolveResult | null {
    this.solves++;
    if (!this.ok) return { sat: false, core: [] };
    this.resumeFrom(assumptions);
    this.reduceLearnts();
    let restart = 1;
    let restartLimit = luby(2, restart) * 64;
    let conflictsHere = 0;
    let sinceRestart = 0;
    let prefFrom = 0;
    for (;;) {
      const confl = this.propagate();
      if (confl !== NO_REASON) {
        prefFrom = 0;
        this.conflicts++;
        conflictsHere++;
        sinceRestart++;
        if (this.trailLim.length === 0) {
          this.ok = false;
          return { sat: false, core: [] };
        }
        const { clause, btLevel } = this.analyze(confl);
        this.cancelUntil(btLevel);
        const idx = this.addLearnt(clause);
        if (clause.length === 1) {
          this.cancelUntil(0);
          this.assign(clause[0]!, idx);
        } else {
          this.assign(clause[0]!, idx);
        }
        this.varInc *= 1 / 0.95;
        if (conflictsHere > conflictBudget) {
          this.cancelUntil(0);
          return null;
        }
        continue;
      }
      if (sinceRestart >= restartLimit) {
        sinceRestart = 0;
        prefFrom = 0;
        restart++;
        restartLimit = luby(2, restart) * 64;
        this.cancelUntil(0);
        continue;
      }
      const dl = this.trailLim.length;
      if (dl < assumptions.length) {
        const a = assumptions[dl]!;
        const va = this.val[a];
        if (va === 1) {
          this.trailLim.push(this.trailSize);
          continue;
        }
        if (va === -1) {
          const core = this.analyzeFinal(a, assumptions);
          this.keepAssumptionLevels(assumptions, dl);
          return { sat: false, core };
        }
        this.trailLim.push(this.trailSize);
        this.assign(a, NO_REASON);
        continue;
      }
      let next = -1;
      // Preferred literals first; a backjump may have undone earlier ones, so scan from the start
      // after every conflict or restart (`prefFrom` is reset to 0 there).
      while (prefFrom < preferred.length) {
        const l = preferred[prefFrom]!;
        if (this.val[l] === 0) break;
        prefFrom++;
      }
      if (prefFrom < preferred.length) {
        this.trailLim.push(this.trailSize);
        this.assign(preferred[prefFrom++]!, NO_REASON);
        continue;
      }
      while (this.heap.length > 0) {
        const v = this.heapPop();
        if (this.val[v << 1] === 0) {
          next = v;
          break;
        }
      }
      if (next < 0) {
        for (let v = 0; v < this.numVars; v++) this.model[v] = this.val[v << 1]!;
        this.keepAssumptionLevels(assumptions, assumptions.length);
        return { sat: true };
      }
      this.trailLim.push(this.trailSize);
      this.assign(this.phase[next] ? next << 1 : (next << 1) | 1, NO_REASON);
    }
  }

  // ---- propagation traces for explanations ------------------------------------------------

  /**
   * Decides each literal on its own level and propagates, without search. Returns the index of the
   * first literal that was already false or whose propagation conflicted (-1 when none). The trail
   * stays in place for `cone` / `conflictCone` until the next `probe` or `solve`.
   */
  probe(lits: readonly number[]): number {
    this.lastConflict = NO_REASON;
    this.lastFailed = -1;
    if (!this.ok) return 0;
    this.resumeFrom(lits);
    for (let i = this.trailLim.length; i < lits.length; i++) {
      if (this.pushProbe(lits[i]!) === false) return i;
    }
    return -1;
  }

  /** Backtracks to the longest kept prefix of `lits` (levels 1 … k hold lits[0 … k−1]). */
  private resumeFrom(lits: readonly number[]): void {
    const kept = this.kept;
    let k = 0;
    while (k < kept.length && k < lits.length && kept[k] === lits[k]) k++;
    this.cancelUntil(k);
  }

  /** After a solve: keep the first `levels` assumption levels for the next call. */
  private keepAssumptionLevels(assumptions: readonly number[], levels: number): void {
    this.cancelUntil(levels);
    for (let i = this.kept.length; i < levels; i++) this.kept.push(assumptions[i]!);
  }

  /** Adds one more probed literal on a new level; false when it fails (already false or conflict). */
  pushProbe(lit: number): boolean {
    const v = this.val[lit];
    const valid = this.kept.length === this.trailLim.length;
    this.trailLim.push(this.trailSize);
    if (v === -1) {
      this.lastFailed = lit;
      return false;
    }
    if (v === 0) this.assign(lit, NO_REASON);
    const confl = this.propagate();
    if (confl !== NO_REASON) {
      this.lastConflict = confl;
      return false;
    }
    if (valid) this.kept.push(lit);
    return true;
  }

  /** Removes the last probed level (every `pushProbe` pushes one, failed or not). */
  popProbe(): void {
    this.lastConflict = NO_REASON;
    this.lastFailed = -1;
    this.cancelUntil(this.trailLim.length - 1);
  }

  private lastConflict = NO_REASON;
  private lastFailed = -1;

  /**
   * Why the literals are true on the current trail: the decided (probed) literals and the labels of
   * the clauses in their implication cone, level-0 facts included.
   */
  cone(lits: readonly number[]): { decisions: number[]; labels: number[] } {
    const seen = this.seen;
    this.coneStack ??= new Int32Array(this.numVars);
    const stack = this.coneStack;
    let top = 0;
    let touchedEnd = 0;
    const decisions: number[] = [];
    const labels: number[] = [];
    const mark = (label: number) => {
      if (label >= this.labelMark.length) {
        const grown = new Uint8Array(Math.max(label + 1, 64, this.labelMark.length * 2));
        grown.set(this.labelMark);
        this.labelMark = grown;
      }
      if (!this.labelMark[label]) {
        this.labelMark[label] = 1;
        labels.push(label);
      }
    };
    // Each variable is appended once (when first seen) and visited in order (breadth first), so
    // the stack is also the list of marks to undo.
    for (const l of lits) {
      const v = l >> 1;
      if (!seen[v]) {
        seen[v] = 1;
        stack[top++] = v;
      }
    }
    while (touchedEnd < top) {
      const v = stack[touchedEnd++]!;
      const r = this.reason[v]!;
      if (r === NO_REASON) {
        decisions.push(this.val[v << 1] === 1 ? v << 1 : (v << 1) | 1);
        continue;
      }
      const lab = this.cLabel[r]!;
      if (lab >= 0) mark(lab);
      else if (lab <= -2) for (const l of this.factLabels[-2 - lab]!) mark(l);
      const s = this.cStart[r]!;
      const end = s + this.cLen[r]!;
      for (let k = s; k < end; k++) {
        const u = this.lits[k]! >> 1;
        if (!seen[u]) {
          seen[u] = 1;
          stack[top++] = u;
        }
      }
    }
    for (let i = 0; i < top; i++) seen[stack[i]!] = 0;
    for (const l of labels) this.labelMark[l] = 0;
    return { decisions, labels };
  }

  /** The cone of the failure found by the last probe (conflict clause or failed literal). */
  conflictCone(): { decisions: number[]; labels: number[] } | null {
    if (this.lastFailed >= 0) {
      const res = this.cone([this.lastFailed ^ 1]);
      res.decisions.push(this.lastFailed);
      return res;
    }
    if (this.lastConflict === NO_REASON) return null;
    const s = this.cStart[this.lastConflict]!;
    const end = s + this.cLen[this.lastConflict]!;
    const lits: number[] = [];
    for (let k = s; k < end; k++) lits.push(this.lits[k]! ^ 1);
    const res = this.cone(lits);
    const lab = this.cLabel[this.lastConflict]!;
    const extra = lab >= 0 ? [lab] : lab <= -2 ? this.factLabels[-2 - lab]! : [];
    for (const l of extra) if (!res.labels.includes(l)) res.labels.push(l);
    return res;
  }
}
