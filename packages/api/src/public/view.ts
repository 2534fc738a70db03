/**
 * What a public catalog shows the world. A catalog marked public is read without a token (the
 * public feed `/v1/public/catalogs/:id` and `public.catalog`, which the pricing widgets and the
 * self-service configurator use), so it leaves out what a company keeps to its sales team:
 *
 * - `quotePolicy`: the discount a seller may give without approval, the approval tiers and the
 *   largest discount allowed (a buyer who reads them knows how far to push);
 * - every price book but the default one, with its price points (partner and promotional prices);
 * - `pathRules`: the moves policy, including which moves a customer is held to and when;
 * - retention offers (what a customer is offered for not cancelling).
 *
 * Everything a visitor needs to configure and price a plan at list prices stays: services,
 * packages, options, rules, terms, phases, charges at the default book, branding. The view of one
 * published version is computed once and served with its own strong ETag.
 * @see https://docs.stripe.com/payments/checkout/pricing-table (what a pricing table shows)
 */
import type { Catalog } from "@tessera/schema";
import type { PublishedVersion } from "../catalogs/published.ts";
import { contentHashOf } from "../catalogs/published.ts";

/** The default price book as `compile` chooses it: marked default, else "list", else the first. */
function defaultBookOf(doc: Catalog): string {
  return (
    doc.priceBooks?.find((b) => b.default)?.id ??
    doc.priceBooks?.find((b) => b.id === "list")?.id ??
    doc.priceBooks?.[0]?.id ??
    "list"
  );
}

/** The catalog without what is kept from the public (see the module comment). */
export function publicView(doc: Catalog): Catalog {
  const view = structuredClone(doc);
  delete view.quotePolicy;
  delete view.pathRules;
  const book = defaultBookOf(doc);
  if (view.priceBooks) {
    const kept = view.priceBooks.filter((b) => b.id === book).map(({ fallback: _, ...b }) => b);
    if (kept.length > 0) view.priceBooks = kept as typeof view.priceBooks;
    else delete view.priceBooks;
  }
  for (const pkg of view.packages)
    if (pkg.termination?.retentionOffers) delete pkg.termination.retentionOffers;
  keepBook(view.packages, book);
  return view;
}

/** Drops, wherever charges hold price points (packages, options, add-ons), those of other books. */
function keepBook(value: unknown, book: string): void {
  if (Array.isArray(value)) {
    for (const x of value) keepBook(x, book);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) {
    if (k === "pricePoints" && Array.isArray(x))
      o[k] = x.filter((p: { priceBook?: string }) => (p.priceBook ?? book) === book);
    else keepBook(x, book);
  }
}

export interface PublicView {
  doc: Catalog;
  bytes: Buffer;
  etag: string;
}

const views = new WeakMap<PublishedVersion, PublicView>();

/** The public view of a published version, computed once per version. */
export function publicViewOf(pv: PublishedVersion, doc: Catalog): PublicView {
  let v = views.get(pv);
  if (!v) {
    const viewDoc = publicView(doc);
    const body = JSON.stringify(viewDoc);
    v = { doc: viewDoc, bytes: Buffer.from(body, "utf8"), etag: `"${contentHashOf(body)}"` };
    views.set(pv, v);
  }
  return v;
}
