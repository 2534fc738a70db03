/**
 * Token administration (admin only; sellers manage the customer tokens they make, people.ts) and `me`. A token is shown in clear once, when created. The
 * last active admin token cannot be revoked (recovery, should it happen anyway: start the server
 * with TESSERA_ADMIN_TOKEN, see apps/server/README.md).
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { APPROVER_ROLES, mayApprove, ROLES, type Role } from "../auth/roles.ts";
import { insertToken, type TokenRecord, tokenRecord } from "../auth/tokens.ts";
import { countCustomerArrangements } from "../data/arrangements.ts";
import { appendAudit } from "../data/audit.ts";
import {
  findToken,
  listTokens,
  lockActiveAdmins,
  notifyTokenChanged,
  revokeTokenRow,
} from "../data/tokens.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";
import {
  listForCustomersProcedure,
  revokeForCustomerProcedure,
  setApproverProcedure,
  tokenId,
} from "./people.ts";

/** Roles `create` makes; customer tokens come from `createForCustomer`, bound to their customer. */
const STAFF = ROLES.filter((r): r is StaffRole => r !== "customer");
type StaffRole = Exclude<Role, "customer">;

export const tokensRouter = {
  list: procedure(can.administer).query(async ({ ctx }): Promise<TokenRecord[]> => {
    return (await listTokens(ctx.services.db)).map(tokenRecord);
  }),

  create: procedure(can.administer)
    .input(
      input(
        is.object({
          name: is.string({ min: 1, max: 200 }),
          role: is.literal<StaffRole>(...STAFF),
          approver: is.optional(is.boolean()),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<{ token: string; record: TokenRecord }> => {
      if (input.approver && !APPROVER_ROLES.includes(input.role))
        fail("BAD_REQUEST", "Only seller and admin tokens can approve discounts.", {
          diagnostics: [
            {
              code: "token.approver-role",
              severity: "error",
              pointer: "/approver",
              message: `A ${input.role} token cannot approve discounts; give the approver capability to a seller (a sales manager) or an admin token.`,
            },
          ],
        });
      return ctx.services.db.transaction(async (tx) => {
        const created = await insertToken(tx, {
          name: input.name,
          role: input.role,
          createdBy: ctx.principal.tokenId,
          approver: input.approver === true,
        });
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "token.create",
          subject: `token:${created.record.id}`,
          detail: { role: input.role, name: input.name, approver: input.approver === true },
        });
        return created;
      });
    }),

  /**
   * A portal token for one customer (sellers and admins make them for the customers they serve).
   * The customer must hold at least one arrangement, so a typo does not mint a token for no one.
   */
  createForCustomer: procedure(can.sell)
    .input(
      input(
        is.object({
          customer: is.string({ min: 1, max: 200 }),
          name: is.optional(is.string({ min: 1, max: 200 })),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<{ token: string; record: TokenRecord }> => {
      if ((await countCustomerArrangements(ctx.services.db, input.customer)) === 0)
        fail("NOT_FOUND", `No arrangement belongs to a customer named "${input.customer}".`);
      return ctx.services.db.transaction(async (tx) => {
        const created = await insertToken(tx, {
          name: input.name ?? `${input.customer} portal`,
          role: "customer",
          customer: input.customer,
          createdBy: ctx.principal.tokenId,
        });
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "token.create",
          subject: `token:${created.record.id}`,
          detail: { role: "customer", customer: input.customer },
        });
        return created;
      });
    }),

  revoke: procedure(can.administer)
    .input(input(is.object({ id: tokenId })))
    .mutation(async ({ ctx, input }): Promise<TokenRecord> => {
      const record = await ctx.services.db.transaction(async (tx) => {
        // Lock order (data/tokens.ts): every active admin token first, then the one revoked.
        const admins = await lockActiveAdmins(tx);
        if (admins.length === 1 && admins[0] === input.id)
          fail(
            "PRECONDITION_FAILED",
            "This is the last active admin token; create another admin token before revoking it, or no one could administer Tessera.",
          );
        if (!(await findToken(tx, input.id))) fail("NOT_FOUND", `There is no token "${input.id}".`);
        const row = (await revokeTokenRow(tx, input.id))!;
        await notifyTokenChanged(tx, input.id);
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "token.revoke",
          subject: `token:${input.id}`,
        });
        return tokenRecord(row);
      });
      ctx.services.tokens.invalidate();
      return record;
    }),

  setApprover: setApproverProcedure,
  listForCustomers: listForCustomersProcedure,
  revokeForCustomer: revokeForCustomerProcedure,
} satisfies TRPCRouterRecord;

/** Who the caller is; the web app uses it to offer only what the role may do. */
export const meProcedure = procedure(ROLES).query(({ ctx }) => ({
  tokenId: ctx.principal.tokenId,
  name: ctx.principal.name,
  role: ctx.principal.role,
  approver: mayApprove(ctx.principal),
  customer: ctx.principal.customer ?? null,
}));
