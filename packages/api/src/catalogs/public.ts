/**
 * The public flag of a catalog: a published catalog marked public has its latest version served
 * without a token (`/v1/public/catalogs/:id`, cacheable by a CDN) and rendered as a pricing page.
 * The flag lives on the catalog row, not in the immutable document: making a catalog public or
 * private again needs no new version. Designers set it; every change is audited.
 */
import { appendAudit } from "../data/audit.ts";
import { lockCatalog, setCatalogPublic } from "../data/catalogs.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";

export const setPublicProcedure = procedure(can.design)
  .input(input(is.object({ catalogId: is.id(), public: is.boolean() })))
  .mutation(async ({ ctx, input }): Promise<{ catalogId: string; public: boolean }> => {
    await ctx.services.db.transaction(async (tx) => {
      const row = await lockCatalog(tx, input.catalogId);
      if (!row) fail("NOT_FOUND", `There is no catalog "${input.catalogId}".`);
      if (input.public && row.latest_version === null)
        fail(
          "PRECONDITION_FAILED",
          `Catalog "${input.catalogId}" has no published version yet; publish it before making it public.`,
        );
      if (input.public && row.retired_at !== null)
        fail("PRECONDITION_FAILED", `Catalog "${input.catalogId}" is retired; it cannot be made public.`);
      await setCatalogPublic(tx, input.catalogId, input.public);
      await appendAudit(tx, {
        actor: ctx.principal.tokenId,
        action: input.public ? "catalog.public" : "catalog.private",
        subject: `catalog:${input.catalogId}`,
      });
    });
    return { catalogId: input.catalogId, public: input.public };
  });
