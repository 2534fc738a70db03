/**
 * Encodes a rule with nested formulas into clauses, in linear size: every connective with more
 * than one operand gets one auxiliary variable (Tseitin), and only the direction of the
 * equivalence the rule needs is written (Plaisted–Greenbaum): the condition is encoded so that it
 * implies its variable, the consequence so that its variable implies it, and only `iff` (and a
 * `not` under it) needs both. Counts (at least / at most / exactly k) use the builder's sequential
 * counters, guarded by their variable. Every clause carries the rule's label, so a reason's cone
 * names the rule and never an auxiliary variable (those are never assumed: reasons' picks are the
 * seller's).
 *
 * Equisatisfiable per assignment of the real variables: any configuration satisfying the rule
 * extends to the auxiliary variables (give each the value of its sub-formula), and any model of the
 * clauses satisfies the rule; so availability, backbones and conflicts over picks are unchanged.
 *
 * @see Plaisted & Greenbaum, "A Structure-preserving Clause Form Translation", JSC 1986.
 */
import type { Formula, FormulaCount } from "@tessera/schema";
import { type CnfBuilder, FALSE, not, TRUE } from "../logic/cnf.ts";
import { pos } from "../logic/solver.ts";
import { connectiveOf } from "./formula.ts";

/** Which implications between a sub-formula and its literal must hold. */
const POS = 1; // literal → formula
const NEG = 2; // formula → literal
const BOTH = 3;
type Polarity = 1 | 2 | 3;

const flip = (p: Polarity): Polarity => (p === BOTH ? BOTH : ((3 - p) as Polarity));

export class FormulaEncoder {
  constructor(
    private readonly cnf: CnfBuilder,
    /** The literal of an option or add-on id (FALSE for an id the package cannot pick). */
    private readonly lit: (id: string) => number,
  ) {}

  /** scope ∧ when ⇒ then, every clause labelled `label`. */
  rule(when: Formula | undefined, then: Formula, scope: number, label: number): void {
    if (scope === FALSE) return;
    const c = when === undefined ? TRUE : this.encode(when, NEG, label);
    if (c === FALSE) return;
    const t = this.encode(then, POS, label);
    this.cnf.ternary(not(scope), not(c), t, label);
  }

  /**
   * A literal that implies `f` (TRUE or FALSE when it folds): assuming it asks for a configuration
   * where `f` holds. Its clauses are satisfied by making it false, so they change no answer.
   */
  probe(f: Formula, label: number): number {
    return this.encode(f, POS, label);
  }

  /** A literal for `f` with the implications `pol` asks for (constants when it folds). */
  private encode(f: Formula, pol: Polarity, label: number): number {
    if (typeof f === "string") return this.lit(f);
    const c = connectiveOf(f);
    if (c === undefined) return TRUE;
    const subs = (gs: readonly Formula[], p: Polarity) => gs.map((g) => this.encode(g, p, label));
    switch (c.op) {
      case "all":
        return this.and(subs(c.value as Formula[], pol), pol, label);
      case "any":
        return this.or(subs(c.value as Formula[], pol), pol, label);
      case "none":
        return not(this.or(subs(c.value as Formula[], flip(pol)), flip(pol), label));
      case "not":
        return not(this.encode(c.value as Formula, flip(pol), label));
      case "implies": {
        const [a, b] = c.value as Formula[];
        return this.or([not(this.encode(a!, flip(pol), label)), this.encode(b!, pol, label)], pol, label);
      }
      case "iff": {
        const [a, b] = c.value as Formula[];
        return this.iff(this.encode(a!, BOTH, label), this.encode(b!, BOTH, label), pol, label);
      }
      case "atLeast": {
        const { k, of } = c.value as FormulaCount;
        if (k <= 0) return TRUE;
        if (k > of.length) return FALSE;
        // Positive: its literal needs k true sub-literals (each implying its formula); negative:
        // when it is false, at most k − 1 formulas hold (each implies its literal).
        if (pol === BOTH) {
          const xs = subs(of, BOTH);
          return this.atLeast(k, xs, xs, label);
        }
        return this.atLeast(k, pol & POS ? subs(of, POS) : [], pol & NEG ? subs(of, NEG) : [], label);
      }
      case "atMost": {
        const { k, of } = c.value as FormulaCount;
        if (k >= of.length) return TRUE;
        if (k < 0) return FALSE;
        if (pol === BOTH) {
          const xs = subs(of, BOTH);
          return this.atMost(k, xs, xs, label);
        }
        return this.atMost(k, pol & POS ? subs(of, NEG) : [], pol & NEG ? subs(of, POS) : [], label);
      }
      case "exactly": {
        const { k, of } = c.value as FormulaCount;
        if (k < 0 || k > of.length) return FALSE;
        const xs = subs(of, BOTH);
        const least = k <= 0 ? TRUE : this.atLeast(k, pol & POS ? xs : [], pol & NEG ? xs : [], label);
        const most = k >= of.length ? TRUE : this.atMost(k, pol & POS ? xs : [], pol & NEG ? xs : [], label);
        return this.and([least, most], pol, label);
      }
    }
  }

  private fresh(): number {
    return pos(this.cnf.newVar());
  }

  private and(lits: number[], pol: Polarity, label: number): number {
    if (lits.includes(FALSE)) return FALSE;
    const xs = lits.filter((l) => l !== TRUE);
    if (xs.length === 0) return TRUE;
    if (xs.length === 1) return xs[0]!;
    const v = this.fresh();
    const cnf = this.cnf;
    if (pol & POS) for (const x of xs) cnf.binary(not(v), x, label);
    if (pol & NEG) cnf.clause([v, ...xs.map(not)], label);
    return v;
  }

  private or(lits: number[], pol: Polarity, label: number): number {
    if (lits.includes(TRUE)) return TRUE;
    const xs = lits.filter((l) => l !== FALSE);
    if (xs.length === 0) return FALSE;
    if (xs.length === 1) return xs[0]!;
    const v = this.fresh();
    const cnf = this.cnf;
    if (pol & POS) cnf.clause([not(v), ...xs], label);
    if (pol & NEG) for (const x of xs) cnf.binary(v, not(x), label);
    return v;
  }

  private iff(a: number, b: number, pol: Polarity, label: number): number {
    if (a === TRUE) return b;
    if (a === FALSE) return not(b);
    if (b === TRUE) return a;
    if (b === FALSE) return not(a);
    const v = this.fresh();
    const cnf = this.cnf;
    if (pol & POS) {
      cnf.ternary(not(v), not(a), b, label);
      cnf.ternary(not(v), a, not(b), label);
    }
    if (pol & NEG) {
      cnf.ternary(v, a, b, label);
      cnf.ternary(v, not(a), not(b), label);
    }
    return v;
  }

  /**
   * v with v → at least k of `up` (literals implying their formulas) and ¬v → at most k − 1 of
   * `down` (literals implied by them); an empty list skips that direction. 1 ≤ k ≤ n.
   */
  private atLeast(k: number, up: number[], down: number[], label: number): number {
    const v = this.fresh();
    if (up.length > 0) this.cnf.atLeast(k, up, v, label);
    if (down.length > 0) this.cnf.atMost(k - 1, down, not(v), label);
    return v;
  }

  /**
   * v with v → at most k of `up` (literals implied by their formulas) and ¬v → at least k + 1 of
   * `down` (literals implying them); an empty list skips that direction. 0 ≤ k < n.
   */
  private atMost(k: number, up: number[], down: number[], label: number): number {
    const v = this.fresh();
    if (up.length > 0) this.cnf.atMost(k, up, v, label);
    if (down.length > 0) this.cnf.atLeast(k + 1, down, not(v), label);
    return v;
  }
}
