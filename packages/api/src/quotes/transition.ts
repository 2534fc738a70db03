/**
 * Status moves of a quote: draft → sent (a complete, valid configuration, approved when its
 * discount needs approval; it gets `validUntil` = today + the catalog's validityDays unless it
 * names a later one), sent → accepted (not past `validUntil`; creates the arrangement in the same
 * transaction), sent → expired.
 *
 * Idempotent: asking for the state a quote is already in (a double click on "Mark accepted", a
 * retry) answers with the quote as it is, changes nothing and logs nothing. The move itself is a
 * conditional UPDATE (data/quotes.ts `moveQuoteStatus`), so two requests racing cannot both apply.
 */
import { randomBytes } from "node:crypto";
import { addDays, type UnfinishedGroup, unfinishedGroups } from "@tessera/engine";
import { type Arrangement, type Quote, validateArrangement } from "@tessera/schema";
import { insertArrangement } from "../data/arrangements.ts";
import { appendAudit } from "../data/audit.ts";
import { moveQuoteStatus, type QuoteRow, type QuoteStatus } from "../data/quotes.ts";
import { fail } from "../errors.ts";
import { input, is, schemaDiagnostics } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";
import { arrangementFromQuote } from "./arrangement.ts";
import { catalogFor, isPastValidity, type QuoteRecord, quoteId, quoteRow, record } from "./record.ts";

/** Allowed status moves. */
const NEXT: Record<QuoteStatus, QuoteStatus[]> = {
  draft: ["sent"],
  sent: ["accepted", "expired"],
  accepted: [],
  expired: [],
};

/** Why `row` cannot move to `to` today, in a sentence; undefined when it can. */
export function refusal(row: QuoteRow, to: QuoteStatus, today: string): string | undefined {
  if (row.superseded_by !== null)
    return `This is revision ${row.revision}, replaced by a later revision; open the latest revision instead.`;
  if (to !== "expired" && isPastValidity(row.status, row.doc, today))
    return `The quote expired: it was valid until ${row.doc.validUntil}, so it can no longer be ${to}. Revise it to make a new offer.`;
  if (!NEXT[row.status].includes(to))
    return `A ${row.status} quote cannot become ${to}${NEXT[row.status].length > 0 ? `; it can become ${NEXT[row.status].join(" or ")}` : ""}.`;
  if (to === "sent" && row.approvals_required > 0 && row.approval !== "approved")
    return row.approval === "pending"
      ? "This quote's discount is waiting for approval; it can be sent once approved."
      : row.approval === "rejected"
        ? "This quote's discount was rejected; change the discount in a new revision, or request approval again."
        : `This quote's discount needs approval before it is sent: ${row.price.reasons.join(" ")} Request approval first.`;
  return undefined;
}

export const transitionProcedure = procedure(can.sell)
  .input(input(is.object({ id: quoteId, to: is.literal<QuoteStatus>("sent", "accepted", "expired") })))
  .mutation(async ({ ctx, input }): Promise<QuoteRecord> => {
    const { services, principal } = ctx;
    const today = services.today();
    // The catalog is loaded before the transaction: on PGlite (one connection) a query outside the
    // open transaction would wait for it forever. A quote's catalog version never changes.
    const before = await quoteRow(services.db, input.id);
    if (before.status === input.to) return record(before, today);
    const { pv } = await catalogFor(services, before.catalog_id, before.catalog_version);
    // Configured before the transaction too, so the engine's work never holds its connection; a
    // quote's selection never changes once saved (only its status does).
    const configured = input.to === "expired" ? undefined : await services.engine.configure(pv, before.doc);
    const validityDays = services.published.doc(pv).quotePolicy?.validityDays ?? 30;
    return services.db.transaction(async (tx) => {
      const row = await quoteRow(tx, input.id, true);
      // A repeat of the move just made (a double click) is answered with the quote as it is.
      if (row.status === input.to) return record(row, today);
      const why = refusal(row, input.to, today);
      if (why) fail("PRECONDITION_FAILED", why);
      let doc: Quote = { ...row.doc, status: input.to };
      let arrangement: (Arrangement & { id: string }) | undefined;
      if (input.to === "sent" || input.to === "accepted") {
        const configuration = configured!;
        const errors = [...configuration.violations, ...row.price.violations].filter(
          (d) => d.severity === "error",
        );
        if (errors.length > 0 || !configuration.complete)
          fail(
            "PRECONDITION_FAILED",
            errors.length > 0
              ? "The quote has problems to fix before it can be sent."
              : incompleteMessage(unfinishedGroups(services.published.doc(pv), configuration)),
            { diagnostics: errors },
          );
        if (input.to === "sent" && (row.doc.validUntil === undefined || row.doc.validUntil < today))
          doc = { ...doc, validUntil: addDays(today, validityDays) };
        if (input.to === "accepted") {
          const id = `arr_${randomBytes(8).toString("hex")}`;
          arrangement = {
            ...arrangementFromQuote({
              id,
              quote: { ...row.doc, catalogId: row.catalog_id, catalogVersion: row.catalog_version },
              configuration,
              priced: row.price,
              acceptedOn: today,
            }),
            id,
          };
          if (!validateArrangement(arrangement))
            fail("PRECONDITION_FAILED", "The accepted quote does not make a valid arrangement.", {
              diagnostics: schemaDiagnostics(validateArrangement.errors),
            });
        }
      }
      const updated = await moveQuoteStatus(tx, {
        id: row.id,
        from: row.status,
        to: input.to,
        doc,
        arrangementId: arrangement?.id ?? null,
        today,
      });
      if (!updated) fail("CONFLICT", "The quote changed meanwhile; reload it and try again.");
      if (arrangement) {
        await insertArrangement(tx, {
          id: arrangement.id,
          quoteId: row.id,
          customer: row.customer,
          doc: arrangement,
          actor: principal.tokenId,
          asOf: today,
        });
        await appendAudit(tx, {
          actor: principal.tokenId,
          action: "arrangement.create",
          subject: `arrangement:${arrangement.id}`,
          detail: { quoteId: row.id },
        });
      }
      await appendAudit(tx, {
        actor: principal.tokenId,
        action: `quote.${input.to}`,
        subject: `quote:${row.id}`,
        detail: { from: row.status },
      });
      return record(updated, today);
    });
  });

/** Why an incomplete quote cannot be sent, naming what is still to choose when the groups say. */
function incompleteMessage(open: readonly UnfinishedGroup[]): string {
  if (open.length === 0) return "The quote is not complete yet; finish the configuration before sending it.";
  return `The quote is not complete yet: ${open.map((g) => g.message).join("; ")}. Revise the quote to choose, then send it.`;
}
