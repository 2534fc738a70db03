/**
 * Model patching: a cheap way to find a model that holds some literals, starting from a model
 * found earlier. The wanted literals are set, and every clause that a change falsifies is repaired
 * by making one of its other literals true (the one that falsifies the fewest clauses it alone
 * satisfies), which may falsify further clauses, and so on. A variable changed once is never
 * changed back, so a patch either ends with every clause satisfied — a model, since only clauses
 * with a changed literal can have lost their truth — or fails on a clause whose literals are all
 * fixed. Failing proves nothing (the caller asks the solver); succeeding costs work in proportion
 * to the changes, not to the size of the formula, which a solve cannot offer (it assigns every
 * variable). In a configurator the changes are local: turning an option on turns its ancestors on
 * and its alternatives, their sub-trees and a few rule partners off.
 *
 * This is a single descent of local search with a "break count" choice, as in WalkSAT, without
 * restarts or noise: a patch either works at once or is left to the solver.
 *
 * @see Selman, Kautz & Cohen, "Noise strategies for improving local search", AAAI 1994 (break
 *   counts); Janota et al., "Algorithms for computing backbones of propositional formulae", 2015
 *   (models as witnesses).
 */
import type { Cnf } from "./solver.ts";

/** Work limit per patch, in literal visits: a patch that grows this large is left to the solver. */
const DEFAULT_BUDGET = 200_000;

export class ModelPatcher {
  readonly numVars: number;
  private readonly lits: Int32Array;
  private readonly starts: Int32Array;
  /** Per literal, the clauses holding it: occ[occStart[l] … occStart[l + 1] − 1]. */
  private readonly occStart: Int32Array;
  private readonly occ: Int32Array;
  /** The working model (1 true, 0 false) and the model it started from. */
  private readonly cur: Uint8Array;
  private base: Uint8Array | undefined;
  /** Per variable, the patch that fixed it (== epoch: fixed in the current patch). */
  private readonly fixedIn: Int32Array;
  private epoch = 0;
  /** Variables changed by the current patch, in order (undone by `reset`). */
  private readonly changedVars: Int32Array;
  private changedCount = 0;
  /** Literals made false and not yet looked at. */
  private readonly queue: Int32Array;

  constructor(cnf: Cnf) {
    const n = cnf.numVars;
    this.numVars = n;
    this.lits = cnf.lits;
    this.starts = cnf.starts;
    const counts = new Int32Array(2 * n + 1);
    const end = cnf.starts[cnf.size]!;
    for (let k = 0; k < end; k++) counts[cnf.lits[k]! + 1]!++;
    for (let l = 0; l < 2 * n; l++) counts[l + 1]! += counts[l]!;
    this.occStart = counts;
    const fill = counts.slice(0, 2 * n);
    this.occ = new Int32Array(end);
    for (let c = 0; c < cnf.size; c++) {
      for (let k = cnf.starts[c]!; k < cnf.starts[c + 1]!; k++) this.occ[fill[cnf.lits[k]!]!++] = c;
    }
    this.cur = new Uint8Array(n);
    this.fixedIn = new Int32Array(n);
    this.changedVars = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** Starts patching from `model` (a full model: one entry per variable, 1 true). */
  from(model: Uint8Array): void {
    this.base = model;
    this.cur.set(model.subarray(0, this.numVars));
    this.changedCount = 0;
  }

  /** The patched model after a successful `patch` (valid until the next call). */
  get model(): Uint8Array {
    return this.cur;
  }

  /** Variables the last successful patch changed (a view, valid until the next call). */
  get changed(): Int32Array {
    return this.changedVars.subarray(0, this.changedCount);
  }

  /**
   * Tries to change the starting model into one holding every literal of `hold`. True on
   * success (`model`, `changed`); false when a repair found no way out or the work grew past the
   * budget. Either way the next patch starts again from the model given to `from`.
   */
  patch(hold: readonly number[], budget = DEFAULT_BUDGET): boolean {
    this.reset();
    const epoch = ++this.epoch;
    const cur = this.cur;
    const fixedIn = this.fixedIn;
    const queue = this.queue;
    let qTail = 0;
    for (const l of hold) {
      const v = l >> 1;
      const want = l & 1 ? 0 : 1;
      if (fixedIn[v] === epoch && cur[v] !== want) return false;
      fixedIn[v] = epoch;
      if (cur[v] !== want) {
        cur[v] = want;
        this.changedVars[this.changedCount++] = v;
        queue[qTail++] = l ^ 1;
      }
    }
    const lits = this.lits;
    const starts = this.starts;
    const occStart = this.occStart;
    const occ = this.occ;
    const isTrue = (l: number) => cur[l >> 1] === (l & 1 ? 0 : 1);
    let work = 0;
    let qHead = 0;
    while (qHead < qTail) {
      const falsified = queue[qHead++]!;
      for (let o = occStart[falsified]!; o < occStart[falsified + 1]!; o++) {
        const c = occ[o]!;
        const s = starts[c]!;
        const e = starts[c + 1]!;
        work += e - s;
        let sat = false;
        for (let k = s; k < e; k++) {
          if (isTrue(lits[k]!)) {
            sat = true;
            break;
          }
        }
        if (sat) continue;
        // Repair: the free literal whose truth costs the fewest clauses that only its negation
        // satisfies now (a clause only it satisfies and whose other literals are all fixed rules
        // it out).
        let best = -1;
        let bestBreak = Number.POSITIVE_INFINITY;
        for (let k = s; k < e; k++) {
          const cand = lits[k]!;
          if (fixedIn[cand >> 1] === epoch) continue;
          const gone = cand ^ 1;
          let breaks = 0;
          for (let p = occStart[gone]!; p < occStart[gone + 1]! && breaks < bestBreak; p++) {
            const d = occ[p]!;
            const ds = starts[d]!;
            const de = starts[d + 1]!;
            work += de - ds;
            let other = false;
            let free = false;
            for (let q = ds; q < de; q++) {
              const l = lits[q]!;
              if (l === gone) continue;
              if (isTrue(l)) {
                other = true;
                break;
              }
              if (fixedIn[l >> 1] !== epoch && l >> 1 !== cand >> 1) free = true;
            }
            if (other) continue;
            breaks += free ? 1 : Number.POSITIVE_INFINITY;
          }
          if (breaks < bestBreak) {
            bestBreak = breaks;
            best = cand;
          }
        }
        if (best < 0 || work > budget) return false;
        const v = best >> 1;
        fixedIn[v] = epoch;
        cur[v] = best & 1 ? 0 : 1;
        this.changedVars[this.changedCount++] = v;
        queue[qTail++] = best ^ 1;
      }
    }
    return true;
  }

  /** Makes the last successful patch the model the next patches start from (it writes `from`'s array). */
  commit(): void {
    const base = this.base;
    if (!base) throw new Error("ModelPatcher.commit before from");
    for (let i = 0; i < this.changedCount; i++) {
      const v = this.changedVars[i]!;
      base[v] = this.cur[v]!;
    }
    this.changedCount = 0;
  }

  /** Undoes the last patch's changes: the working model is the starting model again. */
  private reset(): void {
    const base = this.base;
    if (!base) throw new Error("ModelPatcher.patch before from");
    for (let i = 0; i < this.changedCount; i++) {
      const v = this.changedVars[i]!;
      this.cur[v] = base[v]!;
    }
    this.changedCount = 0;
  }
}
