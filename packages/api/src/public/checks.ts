/**
 * What an anonymous caller may send: a selection of a public catalog's package, bound to its latest
 * published version. A seller's tools (discounts, price books, titles, validity) are refused at
 * their place in the request, so a visitor can neither read nor make more than the public page
 * shows. A catalog that is not public reads exactly like one that does not exist.
 */
import { createHash } from "node:crypto";
import type { Diagnostic } from "@tessera/engine";
import type { Catalog, Quote } from "@tessera/schema";
import type { PublishedVersion } from "../catalogs/published.ts";
import { isCatalogPublic } from "../data/catalogs.ts";
import { fail } from "../errors.ts";
import { catalogIdOf } from "../quotes/record.ts";
import type { Services } from "../services.ts";

/** The latest version of a public catalog, or NOT_FOUND in the words the pricing page uses. */
export async function publicVersion(services: Services, catalogId: string): Promise<PublishedVersion> {
  const pv = (await isCatalogPublic(services.db, catalogId))
    ? await services.published.latest(catalogId)
    : undefined;
  return pv ?? fail("NOT_FOUND", `There is no public catalog "${catalogId}".`);
}

/** Fields of a quote only a seller sets, and why a visitor cannot. */
const SELLER_ONLY: Partial<Record<keyof Quote, string>> = {
  id: "A quote request gets its reference when it is sent; it cannot name one.",
  status: "A quote request always starts as a draft for a sales rep to review.",
  customer: "The company comes from the contact details, not from the selection.",
  title: "A sales rep titles the quote; a request cannot set a title.",
  priceBook: "Self-service requests are priced from the list price book.",
  discounts: "Discounts are agreed with a sales rep; a self-service request cannot carry one.",
  validUntil: "A sales rep sets how long the quote is valid when sending it.",
  paymentTerm: "Payment terms are agreed with a sales rep.",
  notes: "Write anything for the sales team in the note next to your contact details.",
};

/**
 * Checks a visitor's selection against the public catalog and binds it to the latest version.
 * Every problem is reported at once, each at its place under `/quote`.
 */
export async function publicQuote(
  services: Services,
  quote: Quote,
): Promise<{ pv: PublishedVersion; doc: Catalog; quote: Quote; packageName: string }> {
  const pv = await publicVersion(services, catalogIdOf(quote));
  const doc = services.published.doc(pv);
  const problems: Diagnostic[] = [];
  const refuse = (pointer: string, code: string, message: string) =>
    problems.push({ code, severity: "error", pointer, message });
  if (quote.catalogVersion !== undefined && quote.catalogVersion !== pv.version)
    refuse(
      "/quote/catalogVersion",
      "public.stale-version",
      `The prices were updated (version ${pv.version} is current); reload the page to configure with them.`,
    );
  for (const [field, why] of Object.entries(SELLER_ONLY))
    if (quote[field as keyof Quote] !== undefined) refuse(`/quote/${field}`, "public.seller-only", why);
  const pkg = doc.packages.find((p) => p.id === quote.package);
  if (!pkg || pkg.role === "add_on" || pkg.status !== "active")
    refuse(
      "/quote/package",
      "public.package",
      `"${quote.package}" is not a plan of ${doc.name} that can be configured here; choose one on the pricing page.`,
    );
  if (problems.length > 0)
    fail(
      problems.some((p) => p.code === "public.stale-version") ? "PRECONDITION_FAILED" : "BAD_REQUEST",
      problems[0]!.message,
      { diagnostics: problems },
    );
  return {
    pv,
    doc,
    quote: { ...quote, catalogId: pv.catalogId, catalogVersion: pv.version },
    packageName: pkg!.name,
  };
}

/**
 * The key the per-address request limit counts on: a hash of the address, so the address itself
 * is not stored. (IPv4 space is small enough to reverse it by brute force; it is a rate-limit
 * key, not anonymisation.)
 */
export function addressKey(address: string | undefined): string {
  return createHash("sha256")
    .update(`tessera-quote-request:${address ?? "unknown"}`, "utf8")
    .digest("hex");
}
