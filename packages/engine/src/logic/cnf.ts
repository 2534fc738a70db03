/**
 * Builds clauses for the solver, with the two constants TRUE and FALSE folded away and linear-size
 * cardinality constraints (sequential counters).
 *
 * at-most-k uses Sinz's sequential counter; at-least-m uses the dual counter ("s(i,j) only if at least
 * j of the first i are true"). Each picks the cheaper of the constraint and its complement
 * (at-most-k of X is at-least-(n−k) of ¬X), so a constraint over n literals costs O(n · min(k, n−k))
 * clauses: linear for the small bounds option groups and rules use (radio groups, exactly-one).
 * At-most-one over at most 10 literals is pairwise (≤ 45 clauses, no auxiliary variables), which
 * propagates as strongly and keeps the solver's variable count down.
 *
 * @see Sinz, "Towards an Optimal CNF Encoding of Boolean Cardinality Constraints", CP 2005.
 */
import { type Cnf, grownI32, neg, pos } from "./solver.ts";

/** Constant literals, folded away when clauses are added. */
export const TRUE = -1;
export const FALSE = -2;

/** Negation that also maps the constants. */
export function not(lit: number): number {
  if (lit === TRUE) return FALSE;
  if (lit === FALSE) return TRUE;
  return lit ^ 1;
}

/** At-most-one over this many literals or fewer is encoded pairwise (a constant-bounded size). */
const PAIRWISE_LIMIT = 10;

/** How many of `lits` are TRUE, and the literals that are not constants (FALSE ones dropped). */
function split(lits: readonly number[]): { trues: number; rest: number[] } {
  let trues = 0;
  const rest: number[] = [];
  for (const l of lits) {
    if (l === TRUE) trues++;
    else if (l !== FALSE) rest.push(l);
  }
  return { trues, rest };
}

/**
 * Collects clauses back to back in flat typed arrays (no array per clause: a big package has tens
 * of thousands, and a plain array that large lives in V8's large-object space, where every growth
 * is slow). A clause is written with `begin`, `add` per literal and `end`, or with the
 * `clause`/`unit`/`binary`/`ternary` shorthands. `build` returns views on the builder's arrays: a
 * builder that is `reset` and reused (one validation run encodes hundreds of packages) spends the
 * formulas it built before.
 */
export class CnfBuilder {
  numVars = 0;
  private lits = new Int32Array(64);
  private len = 0;
  private starts = new Int32Array(16);
  private labels = new Int32Array(16);
  private count = 0;
  /** Start of the clause being written, and whether a TRUE literal already satisfied it. */
  private open = 0;
  private satisfied = false;

  /** Empties the builder (keeping its memory); formulas built before are spent. */
  reset(): this {
    this.numVars = 0;
    this.len = 0;
    this.count = 0;
    return this;
  }

  newVar(): number {
    return this.numVars++;
  }

  /** Starts a clause. */
  begin(): void {
    this.open = this.len;
    this.satisfied = false;
  }

  /** Adds a literal to the open clause: TRUE satisfies (drops) it, FALSE is left out. */
  add(l: number): void {
    if (l === TRUE) this.satisfied = true;
    else if (l !== FALSE) {
      if (this.len === this.lits.length) this.lits = grownI32(this.lits, this.len + 1);
      this.lits[this.len++] = l;
    }
  }

  /** Ends the open clause, labelled (dropped when satisfied). */
  end(label: number): void {
    if (this.satisfied) {
      this.len = this.open;
      return;
    }
    if (this.count + 1 >= this.starts.length) {
      this.starts = grownI32(this.starts, this.count + 2);
      this.labels = grownI32(this.labels, this.count + 2);
    }
    this.starts[this.count] = this.open;
    this.labels[this.count] = label;
    this.count++;
  }

  /** Adds a clause; drops it when a literal is TRUE, omits FALSE literals. */
  clause(lits: readonly number[], label: number): void {
    this.begin();
    for (const l of lits) this.add(l);
    this.end(label);
  }

  unit(a: number, label: number): void {
    this.begin();
    this.add(a);
    this.end(label);
  }

  binary(a: number, b: number, label: number): void {
    this.begin();
    this.add(a);
    this.add(b);
    this.end(label);
  }

  ternary(a: number, b: number, c: number, label: number): void {
    this.begin();
    this.add(a);
    this.add(b);
    this.add(c);
    this.end(label);
  }

  /** guard → at most k of lits are true. */
  atMost(k: number, lits: readonly number[], guard: number, label: number): void {
    const { trues, rest } = split(lits);
    const kk = k - trues;
    const n = rest.length;
    const g = not(guard);
    if (kk < 0) {
      this.unit(g, label);
      return;
    }
    if (kk >= n) return;
    if (kk === 0) {
      for (const x of rest) this.binary(g, not(x), label);
      return;
    }
    if (kk === 1 && n <= PAIRWISE_LIMIT) {
      // Pairwise at-most-one: no auxiliary variables, at most 45 binary clauses (ternary when guarded).
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) this.ternary(g, not(rest[i]!), not(rest[j]!), label);
      return;
    }
    if (kk <= n - kk) this.seqAtMost(kk, rest, guard, label);
    else
      this.seqAtLeast(
        n - kk,
        rest.map((x) => not(x)),
        guard,
        label,
      );
  }

  /** guard → at least m of lits are true. */
  atLeast(m: number, lits: readonly number[], guard: number, label: number): void {
    const { trues, rest } = split(lits);
    const mm = m - trues;
    const n = rest.length;
    const g = not(guard);
    if (mm <= 0) return;
    if (mm > n) {
      this.unit(g, label);
      return;
    }
    if (mm === 1) {
      this.begin();
      this.add(g);
      for (const x of rest) this.add(x);
      this.end(label);
      return;
    }
    if (mm === n) {
      for (const x of rest) this.binary(g, x, label);
      return;
    }
    if (mm <= n - mm) this.seqAtLeast(mm, rest, guard, label);
    else
      this.seqAtMost(
        n - mm,
        rest.map((x) => not(x)),
        guard,
        label,
      );
  }

  /** Sinz's counter; 1 ≤ k < n. Only the overflow clauses carry the guard. */
  private seqAtMost(k: number, xs: readonly number[], guard: number, label: number): void {
    const n = xs.length;
    const g = not(guard);
    // s(i, j) = at least j+1 of xs[0..i] are true (i < n-1, j < k): consecutive variables, row by row.
    const base = this.numVars;
    this.numVars += (n - 1) * k;
    // s(i, j) is the literal pos(base + i·k + j); row i starts at `at`, the row before at `prev`.
    this.binary(not(xs[0]!), pos(base), label);
    for (let j = 1; j < k; j++) this.unit(not(pos(base + j)), label);
    for (let i = 1; i < n - 1; i++) {
      const at = base + i * k;
      const prev = at - k;
      const nxi = not(xs[i]!);
      this.binary(nxi, pos(at), label);
      this.binary(not(pos(prev)), pos(at), label);
      for (let j = 1; j < k; j++) {
        this.ternary(nxi, not(pos(prev + j - 1)), pos(at + j), label);
        this.binary(not(pos(prev + j)), pos(at + j), label);
      }
      this.ternary(g, nxi, not(pos(prev + k - 1)), label);
    }
    this.ternary(g, not(xs[n - 1]!), not(pos(base + (n - 2) * k + k - 1)), label);
  }

  /** Dual counter; 2 ≤ m < n. s(i,j) → at least j of the first i literals are true. */
  private seqAtLeast(m: number, xs: readonly number[], guard: number, label: number): void {
    const n = xs.length;
    // s(i, j) for i in 1..n, j in 1..min(i, m), consecutive per row; s(0, j≥1) = FALSE, s(i, 0) = TRUE.
    const row: number[] = [0];
    for (let i = 1; i <= n; i++) {
      row.push(this.numVars);
      this.numVars += Math.min(i, m);
    }
    for (let i = 1; i <= n; i++) {
      const xi = xs[i - 1]!;
      for (let j = 1; j <= Math.min(i, m); j++) {
        const nsij = not(counter(row, i, j));
        const above = counter(row, i - 1, j);
        this.ternary(nsij, above, xi, label);
        this.ternary(nsij, above, counter(row, i - 1, j - 1), label);
      }
    }
    this.binary(not(guard), counter(row, n, m), label);
  }

  /** The formula: views on the builder's arrays (see the class comment). */
  build(): Cnf {
    this.starts[this.count] = this.len;
    return {
      numVars: this.numVars,
      size: this.count,
      lits: this.lits.subarray(0, this.len),
      starts: this.starts.subarray(0, this.count + 1),
      labels: this.labels.subarray(0, this.count),
    };
  }
}

/** The literal s(i, j) of `seqAtLeast`'s counter, whose row i starts at variable row[i]. */
function counter(row: readonly number[], i: number, j: number): number {
  if (j === 0) return TRUE;
  if (j > i) return FALSE;
  return pos(row[i]! + j - 1);
}

/** A formula from clause lists (tests, small hand-made formulas). Labels default to the clause index. */
export function cnfOf(
  numVars: number,
  clauses: readonly (readonly number[])[],
  labels?: readonly number[],
): Cnf {
  const b = new CnfBuilder();
  b.numVars = numVars;
  clauses.forEach((c, i) => {
    b.begin();
    for (const l of c) b.add(l);
    b.end(labels?.[i] ?? i);
  });
  return b.build();
}

/** The clauses of a formula as lists (tests, debugging). */
export function clausesOf(cnf: Cnf): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < cnf.size; i++)
    out.push(Array.from(cnf.lits.subarray(cnf.starts[i]!, cnf.starts[i + 1]!)));
  return out;
}

export { neg, pos };
