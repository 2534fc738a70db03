/** Reading the audit log: who changed what, newest first (admins only). */
import type { TRPCRouterRecord } from "@trpc/server";
import { input, is } from "./input/parsers.ts";
import { can, procedure } from "./trpc.ts";

export interface AuditEntry {
  id: number;
  at: string;
  /** Token id of the actor (`system` for first-start seeding). */
  actor: string;
  action: string;
  /** `catalog:<id>`, `quote:<id>`, `arrangement:<id>` or `token:<id>` or `webhook:<id>`. */
  subject: string;
  detail: unknown;
}

export const auditRouter = {
  list: procedure(can.administer)
    .input(
      input(
        is.optional(
          is.object({
            subject: is.optional(is.string({ min: 1, max: 200 })),
            limit: is.optional(is.int(1, 1000)),
          }),
        ),
      ),
    )
    .query(async ({ ctx, input }): Promise<AuditEntry[]> => {
      const rows = await ctx.services.db.query<{
        id: string | number;
        at: unknown;
        actor: string;
        action: string;
        subject: string;
        detail: unknown;
      }>(
        `SELECT id, at, actor, action, subject, detail FROM audit_log
         WHERE ($1::text IS NULL OR subject = $1) ORDER BY id DESC LIMIT $2`,
        [input?.subject ?? null, input?.limit ?? 100],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at as string).toISOString() }));
    }),
} satisfies TRPCRouterRecord;
