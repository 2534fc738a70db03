/**
 * Other systems' formats for a catalog (packages/interop): a published version as Kill Bill
 * catalog XML, Stripe Products and Prices, or a CSV price sheet; the breaking-change diff between
 * two versions (or a version and the draft), which the publish dialog shows; and a CSV price
 * sheet previewed against the draft as a diff, whose catalog the designer then saves with
 * `catalogs.updateDraft` at the draft's revision (so a stale preview is refused, never applied).
 */
import {
  applyPriceSheet,
  type CatalogDiff,
  diffCatalogs,
  exportKillBill,
  exportPriceSheet,
  exportStripe,
  type InteropDiagnostic,
} from "@tessera/interop";
import type { Catalog } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";
import { side, sideDoc } from "./drafts.ts";

const catalogId = is.id();
const format = is.string({ pattern: /^(killbill|stripe|csv)$/, what: "one of killbill, stripe, csv" });

export interface ExportedFormat {
  format: string;
  contentType: string;
  text: string;
  /** What the format cannot carry, each pointing into the catalog. */
  losses: InteropDiagnostic[];
}

export const interopRouter = {
  /** A published version (the latest when `version` is omitted) in another system's format. */
  exportVersion: procedure(can.readPublished)
    .input(input(is.object({ catalogId, version: is.optional(is.int(1, 2 ** 31 - 1)), format })))
    .query(async ({ ctx, input }): Promise<ExportedFormat> => {
      const { published } = ctx.services;
      const pv =
        input.version === undefined
          ? await published.latest(input.catalogId)
          : await published.version(input.catalogId, input.version);
      if (!pv)
        fail(
          "NOT_FOUND",
          `Catalog "${input.catalogId}" has no ${input.version === undefined ? "published version" : `version ${input.version}`}.`,
        );
      const doc = published.doc(pv) as Catalog;
      if (input.format === "killbill") {
        const { xml, losses } = exportKillBill(doc);
        return { format: "killbill", contentType: "application/xml", text: xml, losses };
      }
      if (input.format === "stripe") {
        const { products, prices, losses } = exportStripe(doc);
        return {
          format: "stripe",
          contentType: "application/json",
          text: JSON.stringify({ products, prices }, null, 2),
          losses,
        };
      }
      return { format: "csv", contentType: "text/csv", text: exportPriceSheet(doc), losses: [] };
    }),

  /** What changed for consumers from one side to the other ("draft" or a version number). */
  breakingDiff: procedure(can.readPublished)
    .input(input(is.object({ catalogId, from: side, to: side })))
    .query(async ({ ctx, input }): Promise<CatalogDiff> => {
      const [a, b] = await Promise.all([
        sideDoc(ctx, input.catalogId, input.from),
        sideDoc(ctx, input.catalogId, input.to),
      ]);
      return diffCatalogs(a as Catalog, b as Catalog);
    }),

  /** A CSV price sheet applied to a copy of the draft: the diff to review and the catalog to save. */
  previewPriceSheet: procedure(can.design)
    .input(input(is.object({ catalogId, csv: is.string({ max: 5_000_000 }) })))
    .mutation(async ({ ctx, input }) => {
      const draft = (await sideDoc(ctx, input.catalogId, "draft")) as Catalog;
      const result = applyPriceSheet(draft, input.csv);
      return result.ok
        ? {
            ok: true as const,
            valid: result.valid,
            diff: result.diff,
            catalog: result.catalog,
            diagnostics: result.diagnostics,
          }
        : { ok: false as const, diagnostics: result.diagnostics };
    }),
} satisfies TRPCRouterRecord;
