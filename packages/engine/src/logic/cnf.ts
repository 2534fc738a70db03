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
import { type Cnf, neg, pos } from "./solver.ts";

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

export class CnfBuilder {
  numVars = 0;
  readonly clauses: number[][] = [];
  readonly labels: number[] = [];

  newVar(): number {
    return this.numVars++;
  }

  /**
   * Adds a clause; drops it when a literal is TRUE, omits FALSE literals. Takes ownership of `lits`
   * (every caller passes a fresh array): FALSE literals are removed in place, no copy is made.
   */
  clause(lits: number[], label: number): void {
    let w = 0;
    for (let r = 0; r < lits.length; r++) {
      const l = lits[r]!;
      if (l === TRUE) return;
      if (l !== FALSE) lits[w++] = l;
    }
    lits.length = w;
    this.clauses.push(lits);
    this.labels.push(label);
  }

  /** guard → at most k of lits are true. */
  atMost(k: number, lits: readonly number[], guard: number, label: number): void {
    const { trues, rest } = split(lits);
    const kk = k - trues;
    const n = rest.length;
    if (kk < 0) {
      this.clause([not(guard)], label);
      return;
    }
    if (kk >= n) return;
    if (kk === 0) {
      for (const x of rest) this.clause([not(guard), not(x)], label);
      return;
    }
    if (kk === 1 && n <= PAIRWISE_LIMIT) {
      // Pairwise at-most-one: no auxiliary variables, at most 45 binary clauses (ternary when guarded).
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) this.clause([not(guard), not(rest[i]!), not(rest[j]!)], label);
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
    if (mm <= 0) return;
    if (mm > n) {
      this.clause([not(guard)], label);
      return;
    }
    if (mm === 1) {
      this.clause([not(guard), ...rest], label);
      return;
    }
    if (mm === n) {
      for (const x of rest) this.clause([not(guard), x], label);
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
    // s[i][j]: at least j+1 of xs[0..i] are true (i < n-1, j < k).
    const s: number[][] = [];
    for (let i = 0; i < n - 1; i++) {
      const row: number[] = [];
      for (let j = 0; j < k; j++) row.push(pos(this.newVar()));
      s.push(row);
    }
    const x0 = xs[0]!;
    this.clause([not(x0), s[0]![0]!], label);
    for (let j = 1; j < k; j++) this.clause([not(s[0]![j]!)], label);
    for (let i = 1; i < n - 1; i++) {
      const xi = xs[i]!;
      const cur = s[i]!;
      const prev = s[i - 1]!;
      this.clause([not(xi), cur[0]!], label);
      this.clause([not(prev[0]!), cur[0]!], label);
      for (let j = 1; j < k; j++) {
        this.clause([not(xi), not(prev[j - 1]!), cur[j]!], label);
        this.clause([not(prev[j]!), cur[j]!], label);
      }
      this.clause([g, not(xi), not(prev[k - 1]!)], label);
    }
    this.clause([g, not(xs[n - 1]!), not(s[n - 2]![k - 1]!)], label);
  }

  /** Dual counter; 2 ≤ m < n. s(i,j) → at least j of the first i literals are true. */
  private seqAtLeast(m: number, xs: readonly number[], guard: number, label: number): void {
    const n = xs.length;
    // s[i][j] for i in 1..n, j in 1..min(i, m); s(0, j≥1) = FALSE, s(i, 0) = TRUE.
    const s: number[][] = [[]];
    const at = (i: number, j: number): number => {
      if (j === 0) return TRUE;
      if (j > i) return FALSE;
      return s[i]![j]!;
    };
    for (let i = 1; i <= n; i++) {
      const row: number[] = [FALSE];
      for (let j = 1; j <= Math.min(i, m); j++) row.push(pos(this.newVar()));
      s.push(row);
    }
    for (let i = 1; i <= n; i++) {
      const xi = xs[i - 1]!;
      for (let j = 1; j <= Math.min(i, m); j++) {
        const sij = s[i]![j]!;
        this.clause([not(sij), at(i - 1, j), xi], label);
        this.clause([not(sij), at(i - 1, j), at(i - 1, j - 1)], label);
      }
    }
    this.clause([not(guard), at(n, m)], label);
  }

  build(): Cnf {
    return { numVars: this.numVars, clauses: this.clauses, labels: this.labels };
  }
}

export { neg, pos };
