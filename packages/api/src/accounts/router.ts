/**
 * Accounts: customers seen through their arrangements. `list` names every customer with what they
 * hold and pay; `get` is the account view (accounts/summary.ts). Open to account managers,
 * sellers and admins, read-only: moves are applied through `arrangements.applyMove` (sellers).
 */
import { Decimal, formatMoney, mrrOf, termLengthOf } from "@tessera/engine";
import type { TRPCRouterRecord } from "@trpc/server";
import { catalogForMoves, pricedOn } from "../arrangements/router.ts";
import {
  type ArrangementRow,
  listCustomerArrangements,
  listCustomers,
  listHistory,
} from "../data/arrangements.ts";
import { fail } from "../errors.ts";
import { input, is } from "../input/parsers.ts";
import type { Services } from "../services.ts";
import { can, procedure } from "../trpc.ts";
import { type Account, accountView } from "./summary.ts";

export interface CustomerSummary {
  customer: string;
  arrangements: number;
  /** Names of the base packages held. */
  packages: string[];
  /** Total MRR per currency billed. */
  mrr: { currency: string; amount: string }[];
  /** Some arrangement has a cancellation scheduled. */
  cancelling: boolean;
}

const customerName = is.string({ min: 1, max: 200, what: "a customer name" });

/** The account view of a customer from the database and the engine (usage against allowance). */
export async function loadAccount(services: Services, customer: string): Promise<Account> {
  const rows = await listCustomerArrangements(services.db, customer);
  if (rows.length === 0) fail("NOT_FOUND", `No arrangement belongs to a customer named "${customer}".`);
  return accountOf(services, customer, rows);
}

export async function accountOf(
  services: Services,
  customer: string,
  rows: ArrangementRow[],
): Promise<Account> {
  const today = services.today();
  const catalogs = new Map<string, Awaited<ReturnType<typeof pricedOn>>>();
  const arrangements = await Promise.all(
    rows.map(async (row) => {
      const history = await listHistory(services.db, row.id);
      for (const doc of [row.doc, ...history.map((h) => h.doc)]) {
        const key = `${doc.catalogId}@${doc.catalogVersion}`;
        if (!catalogs.has(key)) catalogs.set(key, await pricedOn(services, doc));
      }
      const { pv, newest } = await catalogForMoves(services, row.doc, today);
      const paths = await services.engine.paths(pv, row.doc, today, newest);
      return {
        id: row.id,
        revision: row.revision,
        doc: row.doc,
        history: history.map((h) => ({
          revision: h.revision,
          action: h.action,
          label: h.move?.label ?? null,
          doc: h.doc,
          date: h.as_of ?? new Date(h.at as string).toISOString().slice(0, 10),
          actor: h.actor,
        })),
        usage: paths.usage ?? [],
        insights: paths.insights.map((i) => i.message),
      };
    }),
  );
  return accountView({
    customer,
    today,
    arrangements,
    catalogOf: (doc) => catalogs.get(`${doc.catalogId}@${doc.catalogVersion}`),
  });
}

export const accountsRouter = {
  list: procedure(can.viewAccounts)
    .input(input(is.optional(is.object({ limit: is.optional(is.int(1, 500)) }))))
    .query(async ({ ctx, input }): Promise<CustomerSummary[]> => {
      const customers = await listCustomers(ctx.services.db, input?.limit ?? 200);
      return Promise.all(
        customers.map(async ({ customer, arrangements }) => {
          const rows = await listCustomerArrangements(ctx.services.db, customer);
          const totals = new Map<string, Decimal>();
          const packages: string[] = [];
          for (const row of rows) {
            const d = row.doc;
            const catalog = await pricedOn(ctx.services, d);
            packages.push(catalog?.packages.find((p) => p.id === d.package)?.name ?? d.package);
            if (d.status === "terminated" || d.recurring === undefined) continue;
            const mrr = mrrOf(
              Decimal.tryParse(d.recurring) ?? Decimal.ZERO,
              d.billingPeriod,
              termLengthOf(d.term),
              d.currency,
            );
            totals.set(d.currency, (totals.get(d.currency) ?? Decimal.ZERO).add(mrr));
          }
          return {
            customer,
            arrangements,
            packages,
            mrr: [...totals]
              .sort()
              .map(([currency, amount]) => ({ currency, amount: formatMoney(amount, currency) })),
            cancelling: rows.some((r) => r.doc.status === "pending_termination"),
          };
        }),
      );
    }),

  get: procedure(can.viewAccounts)
    .input(input(is.object({ customer: customerName })))
    .query(({ ctx, input }): Promise<Account> => loadAccount(ctx.services, input.customer)),
} satisfies TRPCRouterRecord;
