/** Token administration (admin only) and `me`. A token is shown in clear once, when created. */
import type { TRPCRouterRecord } from "@trpc/server";
import { audit } from "../audit.ts";
import { ROLES, type Role } from "../auth/roles.ts";
import { insertToken, notifyRevoked, type TokenRecord, tokenRecord } from "../auth/tokens.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";

const tokenId = is.string({ min: 1, max: 100, pattern: /^tok_[0-9a-f]+$/, what: "a token id (tok_…)" });

export const tokensRouter = {
  list: procedure(can.administer).query(async ({ ctx }): Promise<TokenRecord[]> => {
    const rows = await ctx.services.db.query<Parameters<typeof tokenRecord>[0]>(
      "SELECT id, name, role, created_at, created_by, revoked_at FROM api_tokens ORDER BY created_at, id",
    );
    return rows.map(tokenRecord);
  }),

  create: procedure(can.administer)
    .input(input(is.object({ name: is.string({ min: 1, max: 200 }), role: is.literal<Role>(...ROLES) })))
    .mutation(async ({ ctx, input }): Promise<{ token: string; record: TokenRecord }> => {
      return ctx.services.db.transaction(async (tx) => {
        const created = await insertToken(tx, {
          name: input.name,
          role: input.role,
          createdBy: ctx.principal.tokenId,
        });
        await audit(tx, {
          actor: ctx.principal.tokenId,
          action: "token.create",
          subject: `token:${created.record.id}`,
          detail: { role: input.role, name: input.name },
        });
        return created;
      });
    }),

  revoke: procedure(can.administer)
    .input(input(is.object({ id: tokenId })))
    .mutation(async ({ ctx, input }): Promise<TokenRecord> => {
      const record = await ctx.services.db.transaction(async (tx) => {
        const rows = await tx.query<Parameters<typeof tokenRecord>[0]>(
          `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
           RETURNING id, name, role, created_at, created_by, revoked_at`,
          [input.id],
        );
        const row = rows[0] ?? fail("NOT_FOUND", `There is no token "${input.id}".`);
        await notifyRevoked(tx, input.id);
        await audit(tx, {
          actor: ctx.principal.tokenId,
          action: "token.revoke",
          subject: `token:${input.id}`,
        });
        return tokenRecord(row);
      });
      ctx.services.tokens.invalidate();
      return record;
    }),
} satisfies TRPCRouterRecord;

/** Who the caller is; the web app uses it to offer only what the role may do. */
export const meProcedure = procedure(["admin", "designer", "seller", "reader"]).query(({ ctx }) => ({
  tokenId: ctx.principal.tokenId,
  name: ctx.principal.name,
  role: ctx.principal.role,
}));
