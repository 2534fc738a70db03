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

export interface Cnf {
  numVars: number;
  clauses: number[][];
  /** Label of each clause (same index), e.g. the index of the constraint that produced it. */
  labels: number[];
}

export type SolveResult = { sat: true } | { sat: false; core: number[] };

const NO_REASON = -1;

/** Shared empty watch list of every literal nothing watches yet; never written to. */
const NO_WATCHES: number[] = [];
/** Label marks before the first cone walk (grown on first use). */
const NO_LABELS = new Uint8Array(0);

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

export class Solver {
  readonly numVars: number;
  /** False once the clauses alone are contradictory. */
  ok = true;

  private readonly val: Int8Array; // per literal: 1 true, -1 false, 0 unassigned
  private readonly level: Int32Array;
  private readonly reason: Int32Array;
  private readonly trail: Int32Array;
  private trailSize = 0;
  private qhead = 0;
  private readonly trailLim: number[] = [];

  private readonly clauses: number[][] = [];
  private readonly labels: number[] = [];
  private readonly learnt: boolean[] = [];
  private readonly deleted: boolean[] = [];
  /** Per literal, long clauses watching it as pairs (clause index, blocker literal). */
  private readonly watches: number[][];
  private readonly watchN: Int32Array;
  /** Per literal, binary clauses containing it as pairs (the other literal, clause index). */
  private readonly bins: number[][];
  private readonly binN: Int32Array;
  private learntCount = 0;
  private firstLearnt = -1;

  private readonly activity: Float64Array;
  private varInc = 1;
  private readonly phase: Int8Array; // 1 true, 0 false
  private readonly heap: number[] = [];
  private readonly heapIndex: Int32Array;

  /**
   * The literals decided on levels 1 … kept.length, each at its fixpoint of propagation: a later
   * solve or probe whose assumptions start with them resumes from there instead of level 0.
   */
  private readonly kept: number[] = [];
  private readonly seen: Uint8Array;
  /** Scratch space for cone walks: visited variables, and constraint labels already collected. */
  private coneStack: Int32Array | undefined;
  private labelMark = NO_LABELS;
  private readonly model: Int8Array;
  /** Conflicts of the whole life of the solver, for statistics and restarts. */
  conflicts = 0;
  solves = 0;

  constructor(cnf: Cnf) {
    const n = cnf.numVars;
    this.numVars = n;
    this.val = new Int8Array(2 * n);
    this.level = new Int32Array(n);
    this.reason = new Int32Array(n).fill(NO_REASON);
    this.trail = new Int32Array(n);
    // Most literals watch nothing (auxiliary counters, untouched options): they share `NO_WATCHES`
    // until a clause is first attached to them.
    this.watches = new Array<number[]>(2 * n).fill(NO_WATCHES);
    this.watchN = new Int32Array(2 * n);
    this.bins = new Array<number[]>(2 * n).fill(NO_WATCHES);
    this.binN = new Int32Array(2 * n);
    this.activity = new Float64Array(n);
    this.phase = new Int8Array(n);
    this.heapIndex = new Int32Array(n).fill(-1);
    this.seen = new Uint8Array(n);
    this.model = new Int8Array(n);
    for (let v = 0; v < n; v++) this.heapInsert(v);
    for (let i = 0; i < cnf.clauses.length; i++) {
      this.addOriginal(cnf.clauses[i]!, cnf.labels[i] ?? -1);
      if (!this.ok) return;
    }
    if (this.propagate() !== NO_REASON) this.ok = false;
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
    const idx = this.clauses.length;
    this.clauses.push([lit]);
    this.labels.push(label);
    this.learnt.push(false);
    this.deleted.push(false);
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

  /** Adds an original clause at level 0. */
  private addOriginal(lits: number[], label: number): void {
    // The solver reorders its clauses' literals, so it keeps its own copy: an exact-size slice when
    // the clause has no repeated literal (the usual case), else the deduplicated literals.
    let repeated = false;
    for (let i = 1; i < lits.length; i++) {
      const l = lits[i]!;
      for (let j = 0; j < i; j++) {
        const m = lits[j]!;
        if (m === (l ^ 1)) return; // tautology
        if (m === l) repeated = true;
      }
    }
    let uniq: number[];
    if (!repeated) uniq = lits.slice();
    else {
      uniq = [];
      for (const l of lits) if (!uniq.includes(l)) uniq.push(l);
    }
    const idx = this.clauses.length;
    this.clauses.push(uniq);
    this.labels.push(label);
    this.learnt.push(false);
    this.deleted.push(false);
    if (uniq.length === 0) {
      this.ok = false;
    } else if (uniq.length === 1) {
      const l = uniq[0]!;
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
    const c = this.clauses[ci]!;
    const a = c[0]!;
    const b = c[1]!;
    if (c.length === 2) {
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
    const clauses = this.clauses;
    const watches = this.watches;
    const watchN = this.watchN;
    const bins = this.bins;
    const binN = this.binN;
    const trail = this.trail;
    const level = this.level;
    const reason = this.reason;
    const deleted = this.deleted;
    const lvl = this.trailLim.length;
    let qhead = this.qhead;
    let trailSize = this.trailSize;
    let conflict = NO_REASON;
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
        const c = clauses[ci]!;
        if (c[0] !== other) {
          c[1] = c[0]!;
          c[0] = other;
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
        if (deleted[ci]) continue;
        const c = clauses[ci]!;
        if (c[0] === falseLit) {
          c[0] = c[1]!;
          c[1] = falseLit;
        }
        const first = c[0]!;
        if (first !== blocker && val[first] === 1) {
          ws[j++] = ci;
          ws[j++] = first;
          continue;
        }
        let found = false;
        for (let k = 2; k < c.length; k++) {
          const l = c[k]!;
          if (val[l] !== -1) {
            c[1] = l;
            c[k] = falseLit;
            let wl = watches[l]!;
            if (wl === NO_WATCHES) {
              wl = [];
              watches[l] = wl;
            }
            wl[watchN[l]!++] = ci;
            wl[watchN[l]!++] = first;
            found = true;
            break;
          }
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
    const out: number[] = [-1];
    let pathC = 0;
    let p = -1;
    let index = this.trailSize - 1;
    let ci = confl;
    const curLevel = this.trailLim.length;
    const toClear: number[] = [];
    for (;;) {
      const c = this.clauses[ci]!;
      for (let k = p === -1 ? 0 : 1; k < c.length; k++) {
        const q = c[k]!;
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
      // A reason clause holds its propagated literal at position 0, so analysis skips index 0.
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
  private analyzeFinal(p: number, assumptionSet: Set<number>): number[] {
    const core = [p];
    if (this.trailLim.length === 0) return core;
    const seen = this.seen;
    seen[p >> 1] = 1;
    for (let i = this.trailSize - 1; i >= this.trailLim[0]!; i--) {
      const lit = this.trail[i]!;
      const v = lit >> 1;
      if (!seen[v]) continue;
      const r = this.reason[v]!;
      if (r === NO_REASON) {
        if (assumptionSet.has(lit)) core.push(lit);
      } else {
        const c = this.clauses[r]!;
        for (let k = 0; k < c.length; k++) {
          const u = c[k]! >> 1;
          if (this.level[u]! > 0) seen[u] = 1;
        }
      }
      seen[v] = 0;
    }
    seen[p >> 1] = 0;
    return core;
  }

  private addLearnt(lits: number[]): number {
    const idx = this.clauses.length;
    this.clauses.push(lits);
    this.labels.push(-1);
    this.learnt.push(true);
    this.deleted.push(false);
    this.learntCount++;
    if (this.firstLearnt < 0) this.firstLearnt = idx;
    if (lits.length > 1) {
      this.attach(idx);
    }
    return idx;
  }

  /** Forgets the older half of the learnt clauses when too many accumulated (at level 0 only). */
  private reduceLearnts(): void {
    const limit = Math.max(2000, this.clauses.length >> 2);
    if (this.learntCount < limit) return;
    let toDrop = this.learntCount >> 1;
    for (let i = this.firstLearnt; i < this.clauses.length && toDrop > 0; i++) {
      if (!this.learnt[i] || this.deleted[i]) continue;
      const c = this.clauses[i]!;
      if (c.length <= 2) continue;
      const v0 = c[0]! >> 1;
      if (this.reason[v0] === i) continue; // still the reason of a level-0 fact
      this.deleted[i] = true;
      this.learntCount--;
      toDrop--;
    }
  }

  /**
   * Solves under assumptions (literals decided first, in order). On UNSAT returns the core: the
   * subset of the assumptions that conflicts (empty when the clauses alone are contradictory).
   */
  solve(assumptions: readonly number[], conflictBudget = Number.POSITIVE_INFINITY): SolveResult | null {
    this.solves++;
    if (!this.ok) return { sat: false, core: [] };
    this.resumeFrom(assumptions);
    this.reduceLearnts();
    const assumptionSet = new Set(assumptions);
    let restart = 1;
    let restartLimit = luby(2, restart) * 64;
    let conflictsHere = 0;
    let sinceRestart = 0;
    for (;;) {
      const confl = this.propagate();
      if (confl !== NO_REASON) {
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
          const core = this.analyzeFinal(a, assumptionSet);
          this.keepAssumptionLevels(assumptions, dl);
          return { sat: false, core };
        }
        this.trailLim.push(this.trailSize);
        this.assign(a, NO_REASON);
        continue;
      }
      let next = -1;
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
      const lab = this.labels[r]!;
      if (lab >= 0) mark(lab);
      else if (lab <= -2) for (const l of this.factLabels[-2 - lab]!) mark(l);
      const c = this.clauses[r]!;
      for (let k = 0; k < c.length; k++) {
        const u = c[k]! >> 1;
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
    const c = this.clauses[this.lastConflict]!;
    const lits: number[] = [];
    for (let k = 0; k < c.length; k++) lits.push(c[k]! ^ 1);
    const res = this.cone(lits);
    const lab = this.labels[this.lastConflict]!;
    const extra = lab >= 0 ? [lab] : lab <= -2 ? this.factLabels[-2 - lab]! : [];
    for (const l of extra) if (!res.labels.includes(l)) res.labels.push(l);
    return res;
  }
}
