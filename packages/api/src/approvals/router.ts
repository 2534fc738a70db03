/**
 * Discount approvals, after Salesforce CPQ's advanced approvals: the rep requests approval of a
 * draft whose discount goes beyond the catalog's tiers, with a note; approvers (admin tokens, and
 * seller tokens with the approver capability) see the queue with each quote's discount, reasons and
 * margin impact, and approve or reject with a comment. A quote needing N approvers is approved
 * once N distinct approvers approved it in the same round; one rejection ends the round (the rep
 * may change the discount in a new revision, or request again). Every step is in the audit log.
 *
 * Decisions (apps/server/README.md): an approver cannot decide their own request; a second click
 * on the same button is a no-op answering the quote as it is.
 * @see https://help.salesforce.com/s/articleView?id=sf.cpq_approvals_advanced.htm
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { mayApprove } from "../auth/roles.ts";
import { appendAudit } from "../data/audit.ts";
import {
  type ApprovalAction,
  countApprovals,
  insertDecision,
  listApprovalEvents,
  listPending,
  requestApproval,
  settleApproval,
} from "../data/quote-approvals.ts";
import { findQuote } from "../data/quotes.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { isPastValidity, type QuoteRecord, quoteId, quoteRow, record } from "../quotes/record.ts";
import { can, procedure } from "../trpc.ts";

export interface ApprovalEvent {
  round: number;
  action: ApprovalAction;
  actor: string;
  actorName: string;
  note: string;
  at: string;
}

export interface PendingApproval {
  quote: QuoteRecord;
  requestedBy: string;
  requestedByName: string;
  note: string;
  requestedAt: string;
  /** Distinct approvers who approved this round so far. */
  approvalsGiven: number;
  /** Whether the caller requested it (a requester never decides their own request). */
  mine: boolean;
  /** The caller's decision in this round, if they made one (an approver decides a round once). */
  myDecision: "approve" | "reject" | null;
}

const note = (what: string) => is.string({ min: 0, max: 2000, what });
const iso = (d: unknown): string => new Date(d as string).toISOString();

/** A procedure for approvers only: the capability is checked before the input is even read. */
const approverProcedure = procedure(can.sell).use(({ ctx, next }) => {
  if (!mayApprove(ctx.principal))
    fail(
      "FORBIDDEN",
      "Only approvers may approve or reject discounts: an admin, or a seller token with the approver capability.",
    );
  return next();
});

export const approvalsRouter = {
  /** Opens an approval round for a draft whose discount needs approval, with the rep's note. */
  request: procedure(can.sell)
    .input(input(is.object({ id: quoteId, note: note("the note to the approvers") })))
    .mutation(async ({ ctx, input }): Promise<QuoteRecord> => {
      const { db, today } = ctx.services;
      const on = today();
      return db.transaction(async (tx) => {
        const row = await quoteRow(tx, input.id, true);
        // Already asked (a double click) or already approved: nothing to do.
        if (row.approval === "pending" || row.approval === "approved") return record(row, on);
        const round = await requestApproval(tx, {
          id: row.id,
          actor: ctx.principal.tokenId,
          note: input.note.trim(),
          today: on,
        });
        if (round === undefined)
          fail(
            "PRECONDITION_FAILED",
            row.superseded_by !== null
              ? "This revision was replaced by a later one; request approval on the latest revision."
              : isPastValidity(row.status, row.doc, on)
                ? `The quote expired on ${row.doc.validUntil}; revise it before asking for approval.`
                : row.status !== "draft"
                  ? `A ${row.status} quote is past approval.`
                  : "This quote's discount needs no approval; it can be sent as it is.",
          );
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "quote.approval.request",
          subject: `quote:${row.id}`,
          detail: { round, note: input.note.trim(), approvalsRequired: row.approvals_required },
        });
        return record((await findQuote(tx, row.id))!, on);
      });
    }),

  /**
   * Approves or rejects the pending round with a comment. Approved once the quote's required number
   * of distinct approvers approved; rejected by any one of them.
   */
  decide: approverProcedure
    .input(
      input(
        is.object({
          id: quoteId,
          decision: is.literal<"approve" | "reject">("approve", "reject"),
          comment: note("the comment"),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<QuoteRecord> => {
      const { db, today } = ctx.services;
      const on = today();
      const actor = ctx.principal.tokenId;
      return db.transaction(async (tx) => {
        const row = await quoteRow(tx, input.id, true);
        const events = await listApprovalEvents(tx, row.id);
        const round = events.filter((e) => e.round === row.approval_round);
        const mine = round.find((e) => e.action !== "request" && e.actor === actor);
        // The same decision again (a double click) is a no-op.
        if (mine && mine.action === input.decision) return record(row, on);
        if (row.superseded_by !== null)
          fail("PRECONDITION_FAILED", "A later revision replaced this quote; decide on the latest revision.");
        if (isPastValidity(row.status, row.doc, on))
          fail(
            "PRECONDITION_FAILED",
            `The quote expired on ${row.doc.validUntil}; there is nothing left to approve.`,
          );
        if (row.approval !== "pending")
          fail(
            "PRECONDITION_FAILED",
            row.approval === "none"
              ? "No approval was requested for this quote."
              : `This quote was already ${row.approval}.`,
          );
        if (mine)
          fail(
            "PRECONDITION_FAILED",
            `You already ${mine.action === "approve" ? "approved" : "rejected"} this request.`,
          );
        if (round.some((e) => e.action === "request" && e.actor === actor))
          fail("FORBIDDEN", "You requested this approval; another approver must decide it.");
        if (input.decision === "reject" && input.comment.trim() === "")
          fail("BAD_REQUEST", "Say why the discount is rejected, so the rep knows what to change.", {
            diagnostics: [
              {
                code: "approval.comment-required",
                severity: "error",
                pointer: "/comment",
                message: "A rejection needs a comment for the rep.",
              },
            ],
          });
        await insertDecision(tx, {
          id: row.id,
          round: row.approval_round,
          actor,
          action: input.decision,
          note: input.comment.trim(),
        });
        const given = await countApprovals(tx, row.id, row.approval_round);
        const settled =
          input.decision === "reject" ? "rejected" : given >= row.approvals_required ? "approved" : undefined;
        if (settled) await settleApproval(tx, { id: row.id, round: row.approval_round, to: settled });
        await appendAudit(tx, {
          actor,
          action: `quote.approval.${input.decision}`,
          subject: `quote:${row.id}`,
          detail: {
            round: row.approval_round,
            comment: input.comment.trim(),
            approvalsGiven: given,
            approvalsRequired: row.approvals_required,
            ...(settled ? { outcome: settled } : {}),
          },
        });
        return record((await findQuote(tx, row.id))!, on);
      });
    }),

  /** Quotes waiting for approval, oldest request first (approvers only). */
  queue: approverProcedure
    .input(input(is.optional(is.object({ limit: is.optional(is.int(1, 500)) }))))
    .query(async ({ ctx, input }): Promise<PendingApproval[]> => {
      const today = ctx.services.today();
      const rows = await listPending(ctx.services.db, {
        limit: input?.limit ?? 100,
        today,
        actor: ctx.principal.tokenId,
      });
      return rows.map((r) => ({
        quote: record(r, today),
        requestedBy: r.requested_by,
        requestedByName: r.requested_by_name,
        note: r.request_note,
        requestedAt: iso(r.requested_at),
        approvalsGiven: r.approvals_given,
        mine: r.requested_by === ctx.principal.tokenId,
        myDecision: r.my_decision ?? null,
      }));
    }),

  /** A quote's approval requests and decisions, oldest first (internal: never on the printed quote). */
  history: procedure(can.sell)
    .input(input(is.object({ id: quoteId })))
    .query(async ({ ctx, input }): Promise<ApprovalEvent[]> => {
      const row = await quoteRow(ctx.services.db, input.id);
      return (await listApprovalEvents(ctx.services.db, row.id)).map((e) => ({
        round: e.round,
        action: e.action,
        actor: e.actor,
        actorName: e.actor_name,
        note: e.note,
        at: iso(e.at),
      }));
    }),
} satisfies TRPCRouterRecord;
