/** Reading the audit log: who changed what, newest first (admins only). */
import type { TRPCRouterRecord } from "@trpc/server";
import { listAudit } from "./data/audit.ts";
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
      const rows = await listAudit(ctx.services.db, {
        subject: input?.subject ?? null,
        limit: input?.limit ?? 100,
      });
      return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at as string).toISOString() }));
    }),
} satisfies TRPCRouterRecord;
