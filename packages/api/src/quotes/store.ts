/**
 * Saving a quote: a new one, a new revision of a saved one, or a clone. The server prices it (the
 * snapshot), names it, and stores it under the caller's idempotency key, so a retry or a double
 * click with the same key and request answers with the quote already saved, never a second one.
 * @see https://docs.stripe.com/api/idempotent_requests
 */
import { createHash, randomBytes } from "node:crypto";
import { canonicalJson } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import type { Principal } from "../auth/roles.ts";
import { appendAudit } from "../data/audit.ts";
import { findCatalog } from "../data/catalogs.ts";
import {
  findQuoteByKey,
  insertQuote,
  type QuoteRow,
  type Requester,
  supersedeQuote,
} from "../data/quotes.ts";
import { fail } from "../errors.ts";
import type { Services } from "../services.ts";
import { catalogIdOf, defaultTitle, evaluate, type QuoteRecord, record } from "./record.ts";

/** Where the new quote sits among revisions: a first revision, or the one after `revises`. */
export type Lineage = { kind: "new" } | { kind: "clone"; of: QuoteRow } | { kind: "revision"; of: QuoteRow };

/** Saves `quote` as a draft under `key`; see the module comment. */
export async function storeQuote(
  services: Services,
  principal: Pick<Principal, "tokenId">,
  opts: {
    key: string;
    quote: Quote;
    asOf: string | undefined;
    lineage: Lineage;
    /** A visitor's self-service request: their contact and the hash of their address. */
    request?: { requester: Requester; key: string } | undefined;
  },
): Promise<QuoteRecord> {
  const { db, today } = services;
  const on = today();
  const { lineage } = opts;
  // Canonical, so the same request with its keys in another order is the same request.
  const requestHash = createHash("sha256")
    .update(
      canonicalJson(
        {
          quote: opts.quote,
          asOf: opts.asOf ?? null,
          ...(lineage.kind === "new" ? {} : { [lineage.kind]: lineage.of.id }),
        },
        { compact: true },
      ),
    )
    .digest("hex");
  const replay = (row: QuoteRow): QuoteRecord => {
    if (row.request_hash !== requestHash)
      fail("CONFLICT", "This idempotency key was already used for a different quote; use a new key.");
    return record(row, on);
  };
  const existing = await findQuoteByKey(db, principal.tokenId, opts.key);
  if (existing) return replay(existing);

  if (lineage.kind === "revision") {
    if (lineage.of.superseded_by !== null)
      fail(
        "PRECONDITION_FAILED",
        "This quote was already revised; open its latest revision and revise that one instead.",
      );
    if (lineage.of.status === "accepted")
      fail("PRECONDITION_FAILED", "An accepted quote cannot be revised; clone it to make a new quote.");
  }
  const cat = await findCatalog(db, catalogIdOf(opts.quote));
  if (cat && cat.retired_at !== null && lineage.kind !== "revision")
    fail("PRECONDITION_FAILED", `Catalog "${opts.quote.catalogId}" is retired; new quotes cannot use it.`);
  // A validity already past is dropped: the quote gets a new one when it is sent.
  const { validUntil, ...rest } = opts.quote;
  const quote: Quote = validUntil !== undefined && validUntil >= on ? { ...rest, validUntil } : rest;
  const { pv, priced } = await evaluate(services, quote, opts.asOf ?? on);
  const id = `q_${randomBytes(8).toString("hex")}`;
  const packageName =
    services.published.doc(pv).packages.find((p) => p.id === quote.package)?.name ?? quote.package;
  const title = quote.title ?? defaultTitle(quote.customer, packageName);
  const doc: Quote = { ...quote, id, catalogId: pv.catalogId, catalogVersion: pv.version, status: "draft" };
  const family =
    lineage.kind === "revision"
      ? { familyId: lineage.of.family_id, revision: lineage.of.revision + 1 }
      : { familyId: id, revision: 1 };

  const saved = await db.transaction(async (tx) => {
    const row = await insertQuote(tx, {
      id,
      key: opts.key,
      requestHash,
      catalogId: pv.catalogId,
      version: pv.version,
      customer: doc.customer ?? null,
      doc,
      price: priced,
      principal: principal.tokenId,
      title,
      packageName,
      ...family,
      approvalsRequired: priced.requiresApproval ? Math.max(1, priced.approvalsRequired ?? 1) : 0,
      request: opts.request,
    });
    if (!row) return undefined;
    if (lineage.kind === "revision" && !(await supersedeQuote(tx, lineage.of.id, id)))
      fail(
        "PRECONDITION_FAILED",
        "This quote was revised or accepted meanwhile; open its latest revision and revise that one instead.",
      );
    await appendAudit(tx, {
      actor: principal.tokenId,
      action: lineage.kind === "new" ? "quote.create" : `quote.${lineage.kind}`,
      subject: `quote:${id}`,
      detail: {
        catalogId: pv.catalogId,
        version: pv.version,
        ...(lineage.kind === "new" ? {} : { of: lineage.of.id, revision: family.revision }),
        ...(opts.request ? { source: "self_service", company: opts.request.requester.company } : {}),
      },
    });
    return row;
  });
  if (saved) return record(saved, on);
  // A concurrent retry with the same key won the insert: answer with its quote.
  const won = await findQuoteByKey(db, principal.tokenId, opts.key);
  if (won) return replay(won);
  // Another revision of the same quote took this revision number first.
  return fail(
    "CONFLICT",
    "This quote was revised meanwhile; open its latest revision and revise that one instead.",
  );
}
