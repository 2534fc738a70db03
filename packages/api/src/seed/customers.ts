/**
 * Sample customers with arrangements, so the account view, the path explorer and the portal have
 * something real to show on a first run (`pnpm start` seeds them with the sample catalogs) and
 * tests have a known book of business. Each customer starts from a priced quote on the SaaS
 * sample catalog and then lives through real moves made by the engine as of past dates, so their
 * history, MRR over time and current state all come from the same code customers use:
 * - Blue Harbor Design: started on Starter, upgraded to Team, added seats and a storage pack (mid-term);
 * - Northwind Traders: Business, yearly in EUR, with SSO, renewal coming up within two months;
 * - Fjord Analytics: Team, in its free trial;
 * - Pine & Pixel Studio: Starter, cancellation pending at the end of its term;
 * - Quanta Labs: Team, using more seats, storage and API calls than it pays for.
 * Dates are relative to `today` (never before the catalog's effective date). Customers already
 * present are skipped, so seeding twice adds nothing.
 */
import { randomBytes } from "node:crypto";
import { addDays, addMonths, type MoveRequest } from "@tessera/engine";
import type { Arrangement, Quote } from "@tessera/schema";
import type { Principal } from "../auth/roles.ts";
import { countCustomerArrangements, insertArrangement, setArrangementUsage } from "../data/arrangements.ts";
import { appendAudit } from "../data/audit.ts";
import { arrangementFromQuote } from "../quotes/arrangement.ts";
import { appRouter } from "../router.ts";
import type { Services } from "../services.ts";
import { createCallerFactory } from "../trpc.ts";

/** The catalog the sample customers hold (schemas/examples/saas.catalog.json). */
export const SAMPLE_CATALOG = "acme-collaborate";

interface Step {
  /** Months (negative: before today) and days from today the move is made on. */
  months: number;
  days?: number;
  move: MoveRequest;
}

interface SampleCustomer {
  customer: string;
  quote: Omit<Quote, "catalogId" | "catalogVersion" | "customer" | "startDate">;
  /** When the arrangement started, relative to today. */
  startMonths: number;
  startDays?: number;
  steps: Step[];
  usage?: Arrangement["usage"];
}

export const SAMPLE_CUSTOMERS: readonly SampleCustomer[] = [
  {
    customer: "Blue Harbor Design LLC",
    quote: {
      package: "collab-starter",
      termMonths: 12,
      billingPeriod: "month",
      currency: "USD",
      quantities: { "starter-seats": 5 },
    },
    startMonths: -7,
    steps: [
      { months: -5, days: 9, move: { id: "upgrade:collab-team" } },
      { months: -4, days: 2, move: { id: "change_quantity:team-seats", quantity: 18 } },
      { months: -2, days: 14, move: { id: "add_on:collab-storage-pack", quantity: 1 } },
    ],
    usage: { "team-seats": 16, "team-storage": 640, "team-api": 82000 },
  },
  {
    customer: "Northwind Traders GmbH",
    quote: {
      package: "collab-business",
      termMonths: 12,
      billingPeriod: "year",
      currency: "EUR",
      quantities: { "biz-seats": 60, "biz-storage": 400 },
      addOns: [{ package: "collab-sso" }],
    },
    startMonths: -10,
    startDays: -12,
    steps: [{ months: -4, move: { id: "add_on:collab-audit-log" } }],
    usage: { "biz-seats": 57, "biz-storage": 310 },
  },
  {
    customer: "Fjord Analytics AS",
    quote: {
      package: "collab-team",
      termMonths: 12,
      billingPeriod: "month",
      currency: "EUR",
      quantities: { "team-seats": 8 },
    },
    startMonths: 0,
    startDays: -5,
    steps: [],
    usage: { "team-seats": 6 },
  },
  {
    customer: "Pine & Pixel Studio",
    quote: {
      package: "collab-starter",
      termMonths: 12,
      billingPeriod: "month",
      currency: "GBP",
      quantities: { "starter-seats": 3 },
    },
    startMonths: -8,
    steps: [{ months: 0, days: -10, move: { id: "terminate" } }],
    usage: { "starter-seats": 2 },
  },
  {
    customer: "Quanta Labs Inc.",
    quote: {
      package: "collab-team",
      termMonths: 12,
      billingPeriod: "month",
      currency: "USD",
      quantities: { "team-seats": 12 },
    },
    startMonths: -2,
    startDays: -20,
    steps: [],
    usage: { "team-seats": 15, "team-storage": 180, "team-api": 2600000 },
  },
];

const SYSTEM: Principal = { tokenId: "system", name: "sample customers", role: "admin" };

function dateFrom(today: string, floor: string, months: number, days = 0): string {
  const d = addDays(addMonths(today, months), days);
  return d < floor ? floor : d;
}

export interface SeededCustomer {
  customer: string;
  arrangementId: string;
}

/**
 * Seeds the sample customers on the latest published SAMPLE_CATALOG as of `services.today()`;
 * returns the ones made (none when the catalog is not published or all are present).
 * @throws when the engine refuses a sample's quote or move (the sample catalog changed under it).
 */
export async function seedCustomers(services: Services): Promise<SeededCustomer[]> {
  const pv = await services.published.latest(SAMPLE_CATALOG);
  if (!pv) return [];
  const catalog = services.published.doc(pv);
  const floor = catalog.effectiveDate ?? "2000-01-01";
  const today = services.today();
  const system = createCallerFactory(appRouter)({ services, principal: SYSTEM, refused: null });
  const made: SeededCustomer[] = [];
  for (const sample of SAMPLE_CUSTOMERS) {
    if ((await countCustomerArrangements(services.db, sample.customer)) > 0) continue;
    const start = dateFrom(today, floor, sample.startMonths, sample.startDays);
    const quote: Quote = {
      ...sample.quote,
      catalogId: pv.catalogId,
      catalogVersion: pv.version,
      customer: sample.customer,
      startDate: start,
    };
    const configuration = await services.engine.configure(pv, quote);
    const priced = await services.engine.price(pv, quote, start);
    const errors = priced.violations.filter((v) => v.severity === "error");
    if (errors.length > 0)
      throw new Error(
        `Sample customer ${sample.customer} cannot be priced: ${errors.map((v) => v.message).join(" ")}`,
      );
    const id = `arr_${randomBytes(8).toString("hex")}`;
    const doc = arrangementFromQuote({
      id,
      quote: { ...quote, catalogId: pv.catalogId, catalogVersion: pv.version },
      configuration,
      priced,
      acceptedOn: start,
    });
    await services.db.transaction(async (tx) => {
      await insertArrangement(tx, {
        id,
        quoteId: null,
        customer: sample.customer,
        doc,
        actor: SYSTEM.tokenId,
        asOf: start,
      });
      await appendAudit(tx, {
        actor: SYSTEM.tokenId,
        action: "arrangement.create",
        subject: `arrangement:${id}`,
        detail: { sample: true },
      });
    });
    let revision = 1;
    for (const step of sample.steps) {
      const asOf = dateFrom(today, floor, step.months, step.days);
      const { arrangement } = await system.arrangements.applyMove({ id, revision, move: step.move, asOf });
      revision = arrangement.revision;
    }
    if (sample.usage) await setArrangementUsage(services.db, id, sample.usage);
    made.push({ customer: sample.customer, arrangementId: id });
  }
  return made;
}
