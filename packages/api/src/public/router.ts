/**
 * The self-service quote, reachable without a token from the public pricing page's "Configure"
 * links (the way a Stripe pricing table hands a visitor to checkout). An anonymous caller may
 * read the latest version of a catalog marked public, configure and price a selection of one of
 * its plans, and send that selection as a quote request with a name, an email and a company. The
 * request lands among the sellers' quotes as a draft marked `self_service`; the visitor gets a
 * reference and nothing else back. No other procedure admits an anonymous caller
 * (test/public.test.ts enumerates the router to prove it).
 *
 * Limits: the body of an anonymous call is capped by the server (apps/server, 64 KiB), and an
 * address may send `REQUESTS_PER_HOUR` requests an hour; its calls are also rate-limited per
 * address like every token-less call.
 * @see https://docs.stripe.com/payments/checkout/pricing-table
 */
import { type Configuration, type Diagnostic, type PriceResult, pointerOf } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { countRecentRequests, type Requester } from "../data/quotes.ts";
import { fail } from "../errors.ts";
import { type Check, InputError, input, is } from "../input/parsers.ts";
import { evaluate, idempotencyKey, quoteDoc } from "../quotes/record.ts";
import { storeQuote } from "../quotes/store.ts";
import { publicProcedure } from "../trpc.ts";
import { addressKey, publicQuote, publicVersion } from "./checks.ts";
import { publicViewOf } from "./view.ts";

/** Quote requests one address may send in `REQUEST_WINDOW_MINUTES`. */
export const REQUESTS_PER_HOUR = 5;
const REQUEST_WINDOW_MINUTES = 60;

/** The audit actor and `createdBy` of every self-service request. */
export const SELF_SERVICE_ACTOR = "self-service";

/** Each contact field: its limit and what to tell a visitor who left it wrong. */
const CONTACT_FIELDS = {
  name: { max: 200, required: true, message: "Enter your name." },
  email: { max: 254, required: true, message: "Enter an email address like name@company.com." },
  company: { max: 200, required: true, message: "Enter your company's name." },
  note: { max: 2000, required: false, message: "The note must be text." },
} as const;

/**
 * A plausible address: something@domain.tld. The seller confirms it by writing back, through the
 * quote's `mailto:` link, so the address may hold nothing a URL or a mail header reads as more
 * than an address: no `?`, `&`, `%`, `/`, `\\`, `,`, `;`, `:`, `<`, `>`, `"`, brackets, spaces,
 * control or invisible formatting characters; the domain is dot-separated labels of letters,
 * digits and inner hyphens (internationalised names included).
 */
const EMAIL =
  /^[^\s\p{Cc}\p{Cf}@?&%/\\,;:<>"()[\]]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/**
 * Control characters, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make text display in another order than it reads ("Trojan Source"): a
 * company name could pass for another in the sellers' list. Joiners (ZWJ, ZWNJ) that scripts and
 * emoji need are kept; the note may also hold tabs and line breaks.
 * @see https://trojansource.codes/
 */
const CONTROLS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The visitor's contact, every problem reported at once at its field (a form shows each next to
 * its input), in words for the visitor rather than for a developer.
 */
const contact: Check<{ name: string; email: string; company: string; note?: string }> = (v, path) => {
  const problems: Diagnostic[] = [];
  const at = (field: string, message: string) =>
    problems.push({ code: "public.contact", severity: "error", pointer: pointerOf(...path, field), message });
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    at("", "Enter your name, email address and company.");
    throw new InputError(problems);
  }
  const src = v as Record<string, unknown>;
  for (const key of Object.keys(src))
    if (!Object.hasOwn(CONTACT_FIELDS, key)) at(key, `Unknown field "${key}".`);
  for (const [field, rule] of Object.entries(CONTACT_FIELDS)) {
    const value = src[field];
    if (value === undefined && !rule.required) continue;
    if (typeof value !== "string" || (rule.required && value.trim() === "")) at(field, rule.message);
    else if (value.length > rule.max)
      at(field, `This must be at most ${rule.max.toLocaleString("en-US")} characters.`);
    else if (CONTROLS.test(field === "note" ? value.replace(/[\t\r\n]/g, "") : value))
      at(field, "Remove the control characters from this field.");
    else if (field === "email" && !EMAIL.test(value.trim())) at(field, rule.message);
  }
  if (problems.length > 0) throw new InputError(problems);
  return src as { name: string; email: string; company: string; note?: string };
};

const selection = is.object({ quote: quoteDoc });

export interface QuoteRequestReceipt {
  /** The quote's id: what the visitor quotes when writing to sales. */
  reference: string;
  packageName: string;
  company: string;
  email: string;
}

export const publicRouter = {
  /**
   * The latest published version of a public catalog as the public sees it (view.ts: without the
   * quote policy, other price books, path rules and retention offers; the same document as
   * /v1/public/catalogs/:id).
   */
  catalog: publicProcedure
    .input(input(is.object({ catalogId: is.id() })))
    .query(
      async ({ ctx, input }): Promise<{ catalogId: string; version: number; name: string; doc: Catalog }> => {
        const pv = await publicVersion(ctx.services, input.catalogId);
        const { doc } = publicViewOf(pv, ctx.services.published.doc(pv));
        return { catalogId: pv.catalogId, version: pv.version, name: doc.name, doc };
      },
    ),

  /** Options, add-ons, quantities, terms and periods of a selection, with reasons. */
  configure: publicProcedure
    .input(input(selection))
    .query(async ({ ctx, input }): Promise<Configuration & { catalogVersion: number }> => {
      const { pv, quote } = await publicQuote(ctx.services, input.quote);
      return { ...(await ctx.services.engine.configure(pv, quote)), catalogVersion: pv.version };
    }),

  /** The list price of a selection as of today (a visitor cannot price another day). */
  price: publicProcedure
    .input(input(selection))
    .query(async ({ ctx, input }): Promise<PriceResult & { catalogVersion: number }> => {
      const { pv, quote } = await publicQuote(ctx.services, input.quote);
      return {
        ...(await ctx.services.engine.price(pv, quote, ctx.services.today())),
        catalogVersion: pv.version,
      };
    }),

  /**
   * Sends a complete, priced selection as a quote request: a draft quote for the sellers, named
   * after the company. A retry with the same key and request (a double click) answers with the
   * same receipt; keys are scoped to the caller's address.
   */
  requestQuote: publicProcedure
    .input(input(is.object({ idempotencyKey, quote: quoteDoc, contact })))
    .mutation(async ({ ctx, input }): Promise<QuoteRequestReceipt> => {
      const { services } = ctx;
      const bound = await publicQuote(services, input.quote);
      const key = addressKey(ctx.address);
      if ((await countRecentRequests(services.db, key, REQUEST_WINDOW_MINUTES)) >= REQUESTS_PER_HOUR)
        fail(
          "TOO_MANY_REQUESTS",
          `This address has already sent ${REQUESTS_PER_HOUR} quote requests in the last hour; please try again later.`,
        );
      const { configuration, priced } = await evaluate(services, bound.quote, services.today());
      // Pointers of the engine's violations are into the selection; the request holds it at /quote.
      const seen = new Set<string>();
      const problems = [...configuration.violations, ...priced.violations]
        .filter(
          (v) => v.severity === "error" && !seen.has(v.code + v.pointer) && seen.add(v.code + v.pointer),
        )
        .map((v) => ({ ...v, pointer: `/quote${v.pointer}` }));
      if (problems.length === 0 && !configuration.complete)
        problems.push({
          code: "public.incomplete",
          severity: "error",
          pointer: "/quote/picks",
          message:
            "Finish the configuration first: a choice is still open (pick one option in each group that needs one).",
        });
      if (problems.length > 0) fail("BAD_REQUEST", problems[0]!.message, { diagnostics: problems });
      const requester: Requester = {
        name: input.contact.name.trim(),
        email: input.contact.email.trim(),
        company: input.contact.company.trim(),
        note: input.contact.note?.trim() ?? "",
      };
      const saved = await storeQuote(
        services,
        { tokenId: SELF_SERVICE_ACTOR },
        {
          // Keys are scoped to the address, so one visitor's key never answers another's request.
          key: `${key.slice(0, 16)}:${input.idempotencyKey}`,
          quote: {
            ...bound.quote,
            customer: requester.company,
            title: `${requester.company} — ${bound.packageName} (self-service request)`.slice(0, 200),
          },
          asOf: undefined,
          lineage: { kind: "new" },
          request: { requester, key },
        },
      );
      return {
        reference: saved.id,
        packageName: saved.packageName,
        company: requester.company,
        email: requester.email,
      };
    }),
} satisfies TRPCRouterRecord;
