/**
 * A move under evaluation: the Move `paths` reports and how to build the arrangement it leads to.
 * `paths` builds every valid move once (to price it); `applyMove` builds the requested one again
 * with the client's quantity or term, so both always agree.
 */
import type { Arrangement } from "@tessera/schema";
import type { Move, MoveKind, MoveRequest } from "./types.ts";

export type Built = { ok: true; arrangement: Arrangement; move: Move } | { ok: false; reasons: string[] };

export interface Candidate {
  move: Move;
  /**
   * Present when the move is valid. `verify` (default true) runs configure() on the result; paths
   * lists add-on moves from the current configuration's add-on states instead, to stay fast.
   */
  build?: (request: MoveRequest, verify?: boolean) => Built;
  /** The arrangement the default request builds (when the move is valid and needs no input). */
  arrangement?: Arrangement;
}

export function newMove(id: string, kind: MoveKind, target: string, label: string): Move {
  return { id, kind, target, label, valid: true, reasons: [], notes: [], proration: [], addOns: [] };
}

/** A blocked move: not valid, with its reasons (and the blocking case id, when a case blocks it). */
export function blocked(move: Move, reasons: string[], blockedBy?: string): Candidate {
  move.valid = false;
  move.reasons = reasons;
  if (blockedBy !== undefined) move.blockedBy = blockedBy;
  return { move };
}
