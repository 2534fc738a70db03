/**
 * Managing who holds what: an admin grants or withdraws the approver capability of a seller token
 * (a sales manager), and sellers list and revoke the customer (portal) tokens they made; admins
 * see and revoke every customer token. Each change is audited, and every server's token cache
 * forgets the token at once (a withdrawn approver cannot approve one more quote from a cache).
 */
import { type TokenRecord, tokenRecord } from "../auth/tokens.ts";
import { appendAudit } from "../data/audit.ts";
import {
  listCustomerTokens,
  lockToken,
  notifyTokenChanged,
  revokeTokenRow,
  setTokenApprover,
} from "../data/tokens.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";

export const tokenId = is.string({
  min: 1,
  max: 100,
  pattern: /^tok_[0-9a-f]+$/,
  what: "a token id (tok_…)",
});

/** Grants (`approver: true`) or withdraws the approver capability of a seller token. */
export const setApproverProcedure = procedure(can.administer)
  .input(input(is.object({ id: tokenId, approver: is.boolean() })))
  .mutation(async ({ ctx, input }): Promise<TokenRecord> => {
    const record = await ctx.services.db.transaction(async (tx) => {
      const row = await lockToken(tx, input.id);
      if (!row) return fail("NOT_FOUND", `There is no token "${input.id}".`);
      if (row.revoked_at !== null)
        fail("PRECONDITION_FAILED", `The token "${row.name}" is revoked; it can no longer be changed.`);
      if (row.role !== "seller")
        fail(
          "BAD_REQUEST",
          row.role === "admin"
            ? `"${row.name}" is an admin token: admins always approve discounts.`
            : `"${row.name}" is a ${row.role} token; only seller tokens (sales managers) take the approver capability.`,
          {
            diagnostics: [
              {
                code: "token.approver-role",
                severity: "error",
                pointer: "/id",
                message:
                  row.role === "admin"
                    ? "Admin tokens always approve discounts; there is nothing to grant or withdraw."
                    : `A ${row.role} token cannot approve discounts; give the approver capability to a seller token.`,
              },
            ],
          },
        );
      // A repeat (a double click) changes nothing and is not logged twice.
      if (row.approver === input.approver) return tokenRecord(row);
      const changed = await setTokenApprover(tx, input.id, input.approver);
      await notifyTokenChanged(tx, input.id);
      await appendAudit(tx, {
        actor: ctx.principal.tokenId,
        action: input.approver ? "token.approver.grant" : "token.approver.withdraw",
        subject: `token:${input.id}`,
        detail: { name: row.name },
      });
      return tokenRecord(changed);
    });
    ctx.services.tokens.invalidate();
    return record;
  });

/** Customer tokens: the ones the calling seller made, or every one for an admin; of one customer if named. */
export const listForCustomersProcedure = procedure(can.sell)
  .input(input(is.optional(is.object({ customer: is.optional(is.string({ min: 1, max: 200 })) }))))
  .query(async ({ ctx, input }): Promise<TokenRecord[]> => {
    const rows = await listCustomerTokens(ctx.services.db, {
      createdBy: ctx.principal.role === "admin" ? null : ctx.principal.tokenId,
      customer: input?.customer ?? null,
    });
    return rows.map(tokenRecord);
  });

/**
 * Revokes a customer token: a seller only the ones they made (another seller's is refused, and
 * named as such), an admin any. Revoking again is a no-op that keeps the first time.
 */
export const revokeForCustomerProcedure = procedure(can.sell)
  .input(input(is.object({ id: tokenId })))
  .mutation(async ({ ctx, input }): Promise<TokenRecord> => {
    const record = await ctx.services.db.transaction(async (tx) => {
      const row = await lockToken(tx, input.id);
      const admin = ctx.principal.role === "admin";
      // A seller learns nothing about staff tokens: one is answered like a token that does not exist.
      if (!row || (!admin && row.role !== "customer"))
        return fail("NOT_FOUND", `There is no portal token "${input.id}".`);
      if (row.role !== "customer")
        fail(
          "FORBIDDEN",
          `"${row.name}" is not a customer portal token; revoke staff tokens under Users & tokens.`,
        );
      if (!admin && row.created_by !== ctx.principal.tokenId)
        fail(
          "FORBIDDEN",
          `The portal token "${row.name}" was made by another seller; only they or an admin may revoke it.`,
        );
      if (row.revoked_at !== null) return tokenRecord(row);
      const revoked = (await revokeTokenRow(tx, input.id))!;
      await notifyTokenChanged(tx, input.id);
      await appendAudit(tx, {
        actor: ctx.principal.tokenId,
        action: "token.revoke",
        subject: `token:${input.id}`,
        detail: { role: "customer", customer: row.customer },
      });
      return tokenRecord(revoked);
    });
    ctx.services.tokens.invalidate();
    return record;
  });
