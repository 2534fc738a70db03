/**
 * Tessera path rules → Kill Bill plan rules. Kill Bill decides a plan change by ordered cases over
 * from/to product, billing period and phase, which is what Tessera's cases match on too, but
 * Tessera also infers the kind (upgrade, downgrade, crossgrade) from the portfolio ladder and falls
 * back to per-kind defaults. So the exporter does not translate cases one by one: it asks the
 * engine's own matcher for the outcome of every base-to-base change and every cancellation, on
 * every billing period and phase, and writes one Kill Bill case per distinct answer, with the most
 * common answer as the final catch-all. The result decides every move exactly as Tessera does,
 * except for what Kill Bill has no words for (proration, term restarts, minimum days, contract
 * terms longer than a billing period), which is reported.
 *
 * Price books are Kill Bill price lists. When a case tests `priceBooks`, every decision is taken
 * per book and written with `fromPriceList`. A case's `outcome.priceBook` becomes Kill Bill's
 * price-list rule, which can test only the current product, billing period and list (not the
 * target or the phase): for each book, the exporter writes the book a change leads to per product
 * (per billing period when they differ), and reports a change whose book depends on more.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
 */
import type { AlignmentMatch, BillingPeriod, Package } from "@tessera/schema";
import {
  changeBook,
  changeTiming,
  type PhaseName as Phase,
  phasesOf,
  type Timing,
  terminateTiming,
} from "../moves.ts";
import type { ExportContext, Node } from "./export.ts";
import { TO_KB_PERIOD, TO_KB_PHASE } from "./vocabulary.ts";

const POLICY: Record<Timing, string> = {
  immediate: "IMMEDIATE",
  next_billing_date: "END_OF_TERM",
  end_of_term: "END_OF_TERM",
  illegal: "ILLEGAL",
};

function periodsOf(pkg: Package): BillingPeriod[] {
  return pkg.billingPeriods.filter((p) => TO_KB_PERIOD[p] !== undefined);
}

interface Decision {
  fields: Node;
  policy: string;
}

/** Writes the decisions with the most common policy as the final unconditional case. */
function casesOf(decisions: Decision[], all: (d: Decision) => string): { cases: Node[]; fallback: string } {
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.policy, (counts.get(d.policy) ?? 0) + 1);
  const fallback = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "END_OF_TERM";
  const seen = new Set<string>();
  const cases: Node[] = [];
  for (const d of decisions) {
    if (d.policy === fallback) continue;
    const key = all(d);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ ...d.fields, policy: d.policy });
  }
  return { cases, fallback };
}

interface Entry {
  period: BillingPeriod;
  phase: Phase;
  book: string;
  policy: string;
}

/** Collapses per-period, per-phase (and per-book) decisions of one pair into one when they all agree. */
function collapse(ctx: ExportContext, entries: Entry[], base: Node, periodKey: string): Decision[] {
  const policies = new Set(entries.map((e) => e.policy));
  if (policies.size === 1) return [{ fields: base, policy: entries[0]!.policy }];
  const byBook = new Set(entries.map((e) => e.book)).size > 1;
  return entries.map((e) => ({
    fields: {
      phaseType: TO_KB_PHASE[e.phase],
      ...base,
      [periodKey]: TO_KB_PERIOD[e.period]!,
      ...(byBook
        ? { [periodKey === "billingPeriod" ? "priceList" : "fromPriceList"]: listName(ctx, e.book) }
        : {}),
    },
    policy: e.policy,
  }));
}

function listName(ctx: ExportContext, book: string): string {
  return book === ctx.defaultBook ? "DEFAULT" : book;
}

/**
 * Kill Bill's price-list cases: per book, the book a change leads to, for the whole book when every
 * product agrees, else per product, else per product and billing period; "keep" cases otherwise.
 */
function priceListCases(ctx: ExportContext, bases: Package[], books: string[]): Node[] {
  const cases: Node[] = [];
  for (const book of books) {
    const targets: { from: Package; period: BillingPeriod; target: string }[] = [];
    for (const from of bases)
      for (const period of periodsOf(from)) {
        const counts = new Map<string, number>();
        for (const to of bases)
          for (const phase of phasesOf(from)) {
            if (to === from || changeTiming(ctx.catalog, from, to, period, phase, book) === "illegal")
              continue;
            const t = changeBook(ctx.catalog, from, to, period, phase, book);
            counts.set(t, (counts.get(t) ?? 0) + 1);
          }
        if (counts.size === 0) continue;
        const ranked = [...counts].sort((a, b) => b[1] - a[1]);
        if (ranked.length > 1)
          ctx.lose(
            "killbill.export.price-book-target",
            "/pathRules",
            `A change from ${from.id} (${period}ly, priced from ${book}) leads to the ${ranked.map((r) => r[0]).join(" or ")} price book depending on the target or phase; Kill Bill's price-list rules test only the current product, billing period and list, so it always leads to ${ranked[0]![0]}.`,
          );
        targets.push({ from, period, target: ranked[0]![0] });
      }
    const list = listName(ctx, book);
    const all = new Set(targets.map((t) => t.target));
    if (all.size <= 1) {
      cases.push({ fromPriceList: list, toPriceList: listName(ctx, [...all][0] ?? book) });
      continue;
    }
    for (const from of bases) {
      const mine = targets.filter((t) => t.from === from);
      const own = new Set(mine.map((t) => t.target));
      if (own.size === 1) {
        const target = [...own][0]!;
        if (target !== book)
          cases.push({ fromProduct: from.id, fromPriceList: list, toPriceList: listName(ctx, target) });
      } else
        for (const t of mine)
          if (t.target !== book)
            cases.push({
              fromProduct: from.id,
              fromBillingPeriod: TO_KB_PERIOD[t.period]!,
              fromPriceList: list,
              toPriceList: listName(ctx, t.target),
            });
    }
  }
  return cases;
}

function reportRuleLosses(ctx: ExportContext): void {
  (ctx.catalog.pathRules ?? []).forEach((r, i) => {
    const o = r.outcome;
    if (o.proration !== undefined || o.termRestarts !== undefined || o.minimumDaysOnCurrent !== undefined)
      ctx.lose(
        "killbill.export.rule-outcome",
        `/pathRules/${i}/outcome`,
        `Path rule ${r.id}'s proration, term restart and minimum days have no Kill Bill policy equivalent; only its timing is exported.`,
      );
    if (r.kinds?.includes("renew"))
      ctx.lose(
        "killbill.export.renew",
        `/pathRules/${i}`,
        `Path rule ${r.id} covers renewals; Kill Bill plans renew every billing period with no renewal rules.`,
      );
  });
}

/** Kill Bill's <rules> for the catalog. */
export function rulesXml(ctx: ExportContext): Node {
  const bases = ctx.catalog.packages.filter((p) => p.role === "base");
  reportRuleLosses(ctx);
  const allBooks = (ctx.catalog.priceBooks ?? []).map((b) => b.id);
  const books = allBooks.length > 0 ? allBooks : [ctx.defaultBook];
  // Decisions are taken per book only when some case tests the book.
  const perBook = (ctx.catalog.pathRules ?? []).some((r) => r.priceBooks !== undefined);
  const decisionBooks = perBook ? books : [ctx.defaultBook];
  let endOfContract = false;
  const change: Decision[] = [];
  for (const from of bases)
    for (const to of bases) {
      if (from === to) continue;
      const entries = decisionBooks.flatMap((book) =>
        periodsOf(from).flatMap((period) =>
          phasesOf(from).map((phase) => {
            const timing = changeTiming(ctx.catalog, from, to, period, phase, book);
            if (timing === "end_of_term") endOfContract = true;
            return { period, phase, book, policy: POLICY[timing] };
          }),
        ),
      );
      change.push(...collapse(ctx, entries, { fromProduct: from.id, toProduct: to.id }, "fromBillingPeriod"));
    }
  const cancel: Decision[] = [];
  for (const pkg of ctx.catalog.packages) {
    const entries = decisionBooks.flatMap((book) =>
      periodsOf(pkg).flatMap((period) =>
        phasesOf(pkg).map((phase) => {
          const timing = terminateTiming(ctx.catalog, pkg, period, phase, book);
          if (timing === "end_of_term") endOfContract = true;
          return { period, phase, book, policy: POLICY[timing] };
        }),
      ),
    );
    cancel.push(...collapse(ctx, entries, { product: pkg.id }, "billingPeriod"));
  }
  if (endOfContract)
    ctx.lose(
      "killbill.export.end-of-term",
      "/pathRules",
      "Tessera's end_of_term waits for the end of the contract term; Kill Bill's END_OF_TERM is the end of the current billing period, which is the nearest it has.",
    );
  const key = (d: Decision) => JSON.stringify(d.fields);
  const changeCases = casesOf(change, key);
  const cancelCases = casesOf(cancel, key);
  // Kill Bill's case elements have a fixed order; rebuild each case in it.
  const order = (names: string[]) => (c: Node) =>
    Object.fromEntries(names.filter((n) => c[n] !== undefined).map((n) => [n, c[n]!]));
  const changeOrder = order([
    "phaseType",
    "fromProduct",
    "fromBillingPeriod",
    "fromPriceList",
    "toProduct",
    "policy",
  ]);
  const cancelOrder = order(["product", "billingPeriod", "priceList", "phaseType", "policy"]);
  return {
    changePolicy: {
      changePolicyCase: [...changeCases.cases.map(changeOrder), { policy: changeCases.fallback }],
    },
    changeAlignment: {
      changeAlignmentCase: alignmentCases(ctx, "change", "START_OF_BUNDLE", {
        product: "toProduct",
        productCategory: "toProductCategory",
        billingPeriod: "toBillingPeriod",
      }),
    },
    cancelPolicy: {
      cancelPolicyCase: [...cancelCases.cases.map(cancelOrder), { policy: cancelCases.fallback }],
    },
    createAlignment: { createAlignmentCase: alignmentCases(ctx, "create", "START_OF_BUNDLE") },
    billingAlignment: { billingAlignmentCase: alignmentCases(ctx, "billing", "ACCOUNT") },
    // Kill Bill keeps the list when no case matches; the cases spell out every book anyway.
    priceList: {
      priceListCase: priceListCases(ctx, bases, [
        ctx.defaultBook,
        ...allBooks.filter((b) => b !== ctx.defaultBook),
      ]),
    },
  };
}

const KB_ALIGNMENT: Record<string, string> = {
  account: "ACCOUNT",
  bundle: "BUNDLE",
  subscription: "SUBSCRIPTION",
  start_of_bundle: "START_OF_BUNDLE",
  start_of_subscription: "START_OF_SUBSCRIPTION",
  change_date: "CHANGE_OF_PLAN",
};

/**
 * Tessera alignment cases → Kill Bill alignment cases, in order. A case's `when` becomes one Kill
 * Bill case per product (packages, or the packages of its portfolios) and billing period it names,
 * its roles the product category; the default case (no `when`) the last, unconditional one. Without
 * alignment rules the built-in defaults are written (ACCOUNT, START_OF_BUNDLE, and START_OF_BUNDLE
 * for changes, as before alignments existed: the nearest Kill Bill has to Tessera's change_date,
 * which keeps a paying arrangement evergreen). Tessera's change_date is CHANGE_OF_PLAN, except that
 * Tessera gives an evergreen arrangement no new trial: reported.
 */
function alignmentCases(
  ctx: ExportContext,
  kind: "billing" | "create" | "change",
  fallback: string,
  names: { product: string; productCategory: string; billingPeriod: string } = {
    product: "product",
    productCategory: "productCategory",
    billingPeriod: "billingPeriod",
  },
): Node[] {
  const cases = ctx.catalog.alignments?.[kind] ?? [];
  const out: Node[] = [];
  let defaulted = false;
  cases.forEach((c, i) => {
    if (defaulted) return;
    const alignment = KB_ALIGNMENT[c.alignment]!;
    if (kind === "change" && c.alignment === "change_date")
      ctx.lose(
        "killbill.export.change-alignment",
        `/alignments/change/${i}`,
        "Tessera's change_date alignment keeps a paying (evergreen) arrangement evergreen; Kill Bill's CHANGE_OF_PLAN starts the new plan's phases, a trial included, on every change.",
      );
    const expanded = expand(ctx, c.when);
    if (expanded === undefined) {
      out.push({ alignment });
      defaulted = true;
      return;
    }
    for (const e of expanded)
      out.push({
        ...(e.product ? { [names.product]: e.product } : {}),
        ...(e.category ? { [names.productCategory]: e.category } : {}),
        ...(e.period ? { [names.billingPeriod]: e.period } : {}),
        alignment,
      });
  });
  if (!defaulted) out.push({ alignment: fallback });
  return out;
}

/** A `when` as Kill Bill case conditions; undefined for the default case (matches everything). */
function expand(
  ctx: ExportContext,
  when: AlignmentMatch | undefined,
): { product?: string; category?: string; period?: string }[] | undefined {
  if (!when || Object.keys(when).length === 0) return undefined;
  const roles = when.roles?.length === 1 ? when.roles[0] : undefined;
  const category = roles === "base" ? "BASE" : roles === "add_on" ? "ADD_ON" : undefined;
  let products: (string | undefined)[] = [undefined];
  if (when.packages || when.portfolios)
    products = ctx.catalog.packages
      .filter((p) => (when.packages ? when.packages.includes(p.id) : true))
      .filter((p) => (when.portfolios ? when.portfolios.includes(p.portfolio) : true))
      .filter((p) => !when.roles || when.roles.includes(p.role))
      .map((p) => p.id);
  const periods: (string | undefined)[] = when.billingPeriods
    ? when.billingPeriods
        .map((p) => TO_KB_PERIOD[p])
        .filter((p): p is NonNullable<typeof p> => p !== undefined)
    : [undefined];
  return products.flatMap((product) =>
    periods.map((period) => ({
      ...(product ? { product } : {}),
      ...(category && !product ? { category } : {}),
      ...(period ? { period } : {}),
    })),
  );
}
