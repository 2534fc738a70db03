/**
 * paths(catalog, arrangement, asOf): every lifecycle move from what a customer holds now — renew
 * (per allowed term), upgrade / downgrade / crossgrade, add and remove add-ons, change quantities,
 * the retention offers and terminate — valid, or blocked with reasons a seller can read. Each valid
 * move states its effective date, proration lines, new recurring price, MRR delta, whether the term
 * restarts and the fate of every add-on; with observed usage, insights rank the right-sizing moves.
 *
 * applyMove(catalog, arrangement, request, asOf): the arrangement a move produces. It re-evaluates
 * `paths`, so a blocked or unknown move is refused with exactly the reasons `paths` gave.
 *
 * An arrangement priced on an older catalog version is evaluated against the catalog given: a
 * package missing from it blocks the moves that need it, with a reason; nothing throws on a
 * schema-valid arrangement.
 */

import { type Arrangement, validateArrangement } from "@tessera/schema";
import { isDate, PERIOD_ADVERB, spanAdjective, termLengthOf } from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import { phasePlans } from "../phases.ts";
import { changeAddOnMoves, removeMoves } from "./addon-policy.ts";
import { addOnMoves } from "./addons.ts";
import { usageLines } from "./allowance.ts";
import { blocked, type Candidate, newMove } from "./candidate.ts";
import { changeVersionMove } from "./change-version.ts";
import { createContext, type PathContext } from "./context.ts";
import { planChange, planChangeTargets } from "./plan-change.ts";
import { quantityMoves } from "./quantity.ts";
import { renewMoves } from "./renew.ts";
import { terminateMoves } from "./terminate.ts";
import type { ApplyResult, Move, MoveRequest, PathsResult } from "./types.ts";
import { usageInsights } from "./usage.ts";

export type * from "./types.ts";

interface Evaluation {
  ctx: PathContext;
  candidates: Candidate[];
}

/** Optional inputs of paths and applyMove. */
export interface PathsOptions {
  /**
   * The newest catalog version in force (see versions.ts): when newer than the catalog given, a
   * change_version move onto it is offered.
   */
  newest?: CompiledCatalog;
}

function evaluate(
  catalog: CompiledCatalog,
  arrangement: Arrangement,
  asOf: string,
  options: PathsOptions = {},
): Evaluation {
  const ctx = createContext(catalog, arrangement, asOf);
  const candidates: Candidate[] = [];
  const cur = ctx.current;
  candidates.push(...renewMoves(ctx));
  if (cur) {
    for (const t of planChangeTargets(ctx, cur)) {
      const kind = t.kind === "upgrade" || t.kind === "downgrade" ? t.kind : "crossgrade";
      candidates.push(planChange(ctx, t.id, kind));
    }
    candidates.push(...addOnMoves(ctx, cur));
  }
  candidates.push(...removeMoves(ctx, cur));
  if (cur) candidates.push(...changeAddOnMoves(ctx, cur));
  if (cur) candidates.push(...quantityMoves(ctx, cur));
  if (options.newest) {
    const change = changeVersionMove(ctx, options.newest);
    if (change) candidates.push(change);
  }
  candidates.push(...terminateMoves(ctx));
  if (arrangement.status === "terminated") {
    const when = arrangement.terminationDate !== undefined ? ` on ${arrangement.terminationDate}` : "";
    return {
      ctx,
      candidates: candidates.map((c) =>
        blocked(newMove(c.move.id, c.move.kind, c.move.target, c.move.label), [
          `This arrangement was terminated${when}.`,
        ]),
      ),
    };
  }
  return { ctx, candidates };
}

/** Why the inputs cannot be evaluated: a malformed date, or an arrangement its schema refuses. */
function checkInput(arrangement: Arrangement, asOf: string): string | undefined {
  if (!isDate(asOf)) return `The date "${asOf}" is not a calendar date (YYYY-MM-DD).`;
  if (!validateArrangement(arrangement)) {
    const e = validateArrangement.errors?.[0];
    return `The arrangement is not valid${e?.instancePath ? ` at ${e.instancePath}` : ""}: ${e?.message ?? "see its schema"}.`;
  }
  for (const d of [arrangement.term.start, arrangement.term.end, arrangement.billingAnchor])
    if (!isDate(d)) return `The arrangement's date "${d}" is not a calendar date (YYYY-MM-DD).`;
  if (arrangement.term.end <= arrangement.term.start) return "The arrangement's term ends before it starts.";
  if (arrangement.recurring !== undefined && !/^\d+(\.\d+)?$/.test(arrangement.recurring))
    return `The arrangement's recurring price "${arrangement.recurring}" is not an amount.`;
  return undefined;
}

/** Every lifecycle move from the arrangement as of a date, valid or blocked with reasons. */
export function paths(
  catalog: CompiledCatalog,
  arrangement: Arrangement,
  asOf: string,
  options: PathsOptions = {},
): PathsResult {
  const bad = checkInput(arrangement, asOf);
  if (bad) {
    const given = arrangement as Partial<Arrangement> | null | undefined;
    return {
      moves: [],
      insights: [],
      current: {
        package: typeof given?.package === "string" ? given.package : "",
        recurring: "0",
        mrr: "0",
        currency: typeof given?.currency === "string" ? given.currency : "",
      },
      problems: [bad],
    };
  }
  const { ctx, candidates } = evaluate(catalog, arrangement, asOf, options);
  const moves: Move[] = candidates.map((c) => c.move);
  const insights = usageInsights(ctx, candidates);
  return {
    moves,
    insights,
    usage: usageLines(ctx),
    current: {
      package: arrangement.package,
      recurring: ctx.money(ctx.currentRecurring),
      mrr: ctx.money(ctx.currentMrr),
      currency: ctx.currency,
      summary: summaryOf(ctx),
      nextBillingDate: ctx.period.end,
    },
    problems: [],
  };
}

/**
 * The arrangement a move produces (in force from the move's effective date), or the reasons it is
 * refused: the same reasons `paths` gives for a blocked move, or why the request does not fit the
 * move (a quantity out of range, a term not offered).
 */
export function applyMove(
  catalog: CompiledCatalog,
  arrangement: Arrangement,
  request: MoveRequest,
  asOf: string,
  options: PathsOptions = {},
): ApplyResult {
  const bad = checkInput(arrangement, asOf);
  if (bad) return { ok: false, reasons: [bad] };
  const { candidates } = evaluate(catalog, arrangement, asOf, options);
  const found = candidates.find((c) => c.move.id === request.id);
  if (!found) return { ok: false, reasons: [`There is no move "${request.id}" from this arrangement.`] };
  if (!found.move.valid || !found.build) return { ok: false, reasons: found.move.reasons };
  const built = found.build(request, true);
  return built.ok
    ? { ok: true, arrangement: built.arrangement, move: built.move }
    : { ok: false, reasons: built.reasons };
}

/** The arrangement in one sentence (see PathsResult.current.summary). */
function summaryOf(ctx: PathContext): string {
  const a = ctx.arrangement;
  const name = ctx.current?.name ?? a.package;
  const term = termLengthOf(a.term);
  const parts = [
    `${name}, billed ${PERIOD_ADVERB[a.billingPeriod]}`,
    `${spanAdjective(term)} term ${a.term.start} to ${a.term.end}`,
  ];
  if (ctx.phase !== "evergreen") {
    const plan = ctx.current ? phasePlans(ctx.current) : [];
    const words =
      (ctx.phaseIndex !== undefined ? plan[ctx.phaseIndex] : plan.find((p) => p.type === ctx.phase))?.words ??
      ctx.phase.replace("_", "-");
    parts.push(
      `in its ${ctx.phase.replace("_", "-")} phase (${words})${ctx.phaseEnds ? ` until ${ctx.phaseEnds}` : ""}`,
    );
  }
  if (a.status === "pending_termination" && a.terminationDate) parts.push(`ends on ${a.terminationDate}`);
  return `${parts.join("; ")}.`;
}
