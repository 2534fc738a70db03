/**
 * "Done means" of the designer v2 (issue 14): starting from no catalog at all, a designer builds the
 * B2B SaaS sample (schemas/examples/saas.catalog.json) through the designer's forms, grids, matrix
 * and ladder alone — the JSON tab is never opened — publishes it, and the published document equals
 * the sample (object keys in any order). The sample drives the clicks: every value typed comes from
 * it, so the test follows the sample as it changes. Each stage is checked against the sample's part
 * as soon as it is built, so a failure names the part that went wrong. Nothing of the sample is left
 * out: approval tiers, branding, the "most popular" badge and the self-service flags have forms too.
 */
import { readFileSync } from "node:fs";
import type { AtomicService, Catalog, Package, PathRuleCase } from "@tessera/schema";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shot, startHarness } from "./harness.ts";
import { buildPackage, createPackage } from "./sample-packages.ts";
import { includedUnits, pricePackage } from "./sample-prices.ts";

const sample = JSON.parse(
  readFileSync(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog & { $schema?: string };
delete sample.$schema;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ examples: false });
});

afterAll(async () => {
  await h?.close();
});

/** The saved draft, read from the API as a consuming tool would (never through the JSON tab). */
async function draft(): Promise<Catalog> {
  const input = encodeURIComponent(JSON.stringify({ catalogId: sample.id }));
  const res = await fetch(`${h.url}/trpc/catalogs.getDraft?input=${input}`, {
    headers: { authorization: `Bearer ${h.tokens.designer}` },
  });
  const body = (await res.json()) as { result: { data: { doc: Catalog } } };
  return body.result.data.doc;
}

/** Objects with their keys sorted (the document's meaning does not depend on key order). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v;
}

/** A package with its charges' price points in one order (the grid adds them in its own). */
function withSortedPoints(p: Package | undefined): unknown {
  if (!p) return p;
  const key = (x: { currency: string; billingPeriod?: string; priceBook?: string }) =>
    `${x.priceBook ?? ""}|${x.billingPeriod ?? ""}|${x.currency}`;
  return {
    ...p,
    charges: p.charges.map((c) => ({
      ...c,
      pricePoints: [...c.pricePoints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    })),
  };
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText(/Saved as revision \d+/).waitFor();
}

const section = (page: Page, name: string | RegExp) =>
  page.getByRole("navigation", { name: "Catalog sections" }).getByRole("button", { name, exact: true });

async function buildCatalog(page: Page): Promise<void> {
  await section(page, "Overview & portfolios").click();
  await page.getByLabel("Currencies").fill(sample.currencies.join(", "));
  await page.getByLabel("Effective date").fill(sample.effectiveDate ?? "");
  await page.getByLabel("Description", { exact: true }).fill(sample.description ?? "");
  for (const b of sample.priceBooks ?? []) {
    await page.getByLabel("New price book name").fill(b.name);
    await page.getByLabel("Price book id").fill(b.id);
    await page.getByRole("button", { name: "Add price book" }).click();
    const books = page.getByRole("table", { name: "Price books" });
    await books.getByLabel(`Name of price book ${b.id}`).waitFor();
    const isDefault = books.getByLabel(`${b.name} is the default price book`);
    if ((await isDefault.isChecked()) !== (b.default === true)) await isDefault.click();
    if (b.fallback) await books.getByLabel(`Price book ${b.name} falls back to`).selectOption(b.fallback);
  }
  const policy = sample.quotePolicy ?? {};
  if (policy.approvalThresholdPercent)
    await page.getByLabel("Approval needed above (% off)").fill(policy.approvalThresholdPercent);
  if (policy.maxDiscountPercent)
    await page.getByLabel("Largest discount allowed (%)").fill(policy.maxDiscountPercent);
  if (policy.validityDays) await page.getByLabel("Quotes valid for (days)").fill(String(policy.validityDays));
  for (const [i, t] of (policy.approvalTiers ?? []).entries()) {
    await page.getByRole("button", { name: "Add approval tier" }).click();
    const tiers = page.getByRole("table", { name: "Approval tiers" });
    await tiers.getByLabel(`Tier ${i + 1}: discounts above (%)`).fill(t.aboveDiscountPercent);
    await tiers.getByLabel(`Tier ${i + 1}: approvers needed`).selectOption(String(t.approvers));
    if (t.name) await tiers.getByLabel(`Tier ${i + 1}: called`).fill(t.name);
  }
  const b = sample.branding ?? {};
  if (b.companyName) await page.getByLabel("Company name on quotes").fill(b.companyName);
  if (b.logoUrl) await page.getByLabel("Logo URL").fill(b.logoUrl);
  if (b.address) await page.getByLabel("Postal address").fill(b.address);
  if (b.accentColor) await page.getByLabel("Accent colour", { exact: true }).fill(b.accentColor);
  if (b.terms) await page.getByLabel("Terms and conditions").fill(b.terms);
  if (b.footer) await page.getByLabel("Footer line").fill(b.footer);
  if (sample.existingSubscriptionsFrom)
    await page.getByLabel("Existing customers get these prices from").fill(sample.existingSubscriptionsFrom);
  if (sample.prorationStyle) await page.getByLabel("Proration style").selectOption(sample.prorationStyle);
  for (const p of sample.portfolios) {
    await page.getByLabel("New portfolio name").fill(p.name);
    await page.getByLabel("Portfolio id").last().fill(p.id);
    await page.getByRole("button", { name: "Add portfolio" }).click();
    const group = page.locator(`fieldset[data-pointer='/portfolios/${sample.portfolios.indexOf(p)}']`);
    await group.waitFor();
    if (p.description) await group.getByLabel("About this portfolio").fill(p.description);
    if (p.order !== undefined) await group.getByLabel("Order").fill(String(p.order));
  }
}

async function buildService(page: Page, s: AtomicService): Promise<void> {
  const form = page.getByRole("form", { name: "Add a service" });
  await form.getByLabel("New service name").fill(s.name);
  await form.getByLabel("Service id").fill(s.id);
  await form.getByLabel("Unit").fill(s.unit);
  await form.getByLabel("Kind").selectOption(s.kind);
  await form.getByRole("button", { name: "Add service" }).click();
  await page.getByLabel(`Name of ${s.id}`).waitFor();
  if (s.status !== "active") await page.getByLabel(`Status of ${s.id}`).selectOption(s.status ?? "active");
  if (!s.description && !s.tags && !s.entitlements) return;
  await page.getByRole("button", { name: `Details of ${s.name}` }).click();
  if (s.description) await page.getByLabel(`What ${s.name} delivers`).fill(s.description);
  if (s.tags) await page.getByLabel(`Tags of ${s.name}`).fill(s.tags.join(", "));
  const list: Locator = page.getByRole("region", { name: "Service library" });
  for (const [k, e] of (s.entitlements ?? []).entries()) {
    await list.getByRole("button", { name: "Add entitlement" }).click();
    await list.getByLabel(`Entitlement ${k + 1} key`).fill(e.key);
    const kind =
      e.value === undefined || e.value === true
        ? "on"
        : e.value === false
          ? "off"
          : typeof e.value === "number"
            ? "number"
            : "text";
    if (kind !== "on") await list.getByLabel(`Entitlement ${k + 1} grants`).selectOption(kind);
    if (kind === "number" || kind === "text")
      await list.getByLabel(`Entitlement ${k + 1} value`).fill(String(e.value));
  }
  await page.getByRole("button", { name: `Details of ${s.name}` }).click();
}

/** A path-rule case through the ladder page's case form. */
async function buildPathCase(page: Page, c: PathRuleCase, index: number): Promise<void> {
  const rules = page.getByRole("region", { name: "Path rules (first match wins)" });
  await rules.getByRole("button", { name: "Add a case" }).click();
  const id = rules.getByLabel(`Id of case ${index + 1}`);
  await id.fill(c.id);
  if (c.description) await rules.getByLabel(`Why ${c.id} exists`).fill(c.description);
  const kinds = rules.getByRole("group", { name: `Kinds of move ${c.id} matches` });
  // A new case matches upgrades: tick exactly the sample's kinds (none ticked: any kind).
  const all = ["upgrade", "downgrade", "crossgrade", "renew", "terminate", "remove_add_on", "change_add_on"];
  for (const k of all) {
    const box = kinds.getByLabel(k.replaceAll("_", " "), { exact: true });
    if ((await box.isChecked()) !== (c.kinds?.includes(k as never) ?? false)) await box.click();
  }
  for (const [side, m] of [
    ["From", c.from],
    ["To", c.to],
  ] as const) {
    for (const p of m?.packages ?? [])
      await rules
        .getByLabel(`Add to “${side}: packages”`)
        .selectOption(sample.packages.find((x) => x.id === p)?.id ?? p);
    for (const p of m?.portfolios ?? [])
      await rules.getByLabel(`Add to “${side}: portfolios”`).selectOption(p);
    if (m?.minTier !== undefined) await rules.getByLabel(`${side}: lowest tier`).fill(String(m.minTier));
    if (m?.maxTier !== undefined) await rules.getByLabel(`${side}: highest tier`).fill(String(m.maxTier));
  }
  for (const bp of c.billingPeriods ?? [])
    await rules
      .getByRole("group", { name: `Billing periods ${c.id} matches` })
      .getByLabel(bp.replaceAll("_", " "), { exact: true })
      .check();
  for (const ph of c.phases ?? [])
    await rules
      .getByRole("group", { name: `Phases ${c.id} matches` })
      .getByLabel(ph.replaceAll("_", " "), { exact: true })
      .check();
  for (const b of c.priceBooks ?? [])
    await rules.getByLabel(`Add to “Price books ${c.id} matches (the arrangement's book)”`).selectOption(b);
  const o = c.outcome;
  await rules.getByLabel(`The move takes effect (${c.id})`).selectOption(o.timing);
  await rules.getByLabel(`Proration (${c.id})`).selectOption(o.proration ?? "");
  if (o.minimumDaysOnCurrent !== undefined)
    await rules
      .getByLabel(`Minimum days on the current package (${c.id})`)
      .fill(String(o.minimumDaysOnCurrent));
  if (o.termRestarts) await rules.getByLabel(`The term starts again on the effective date (${c.id})`).check();
  if (o.reason) await rules.getByLabel(`Reason shown to the customer (${c.id})`).fill(o.reason);
  if (c.selfService !== undefined)
    await rules
      .getByLabel(`Customers make it themselves in the portal (${c.id})`)
      .selectOption(String(c.selfService));
  if (o.prorationStyle) await rules.getByLabel(`Proration style (${c.id})`).selectOption(o.prorationStyle);
  if (o.priceBook) await rules.getByLabel(`Price book after the move (${c.id})`).selectOption(o.priceBook);
  await rules.getByRole("button", { name: `Close ${c.id}` }).click();
}

describe("the designer builds the B2B SaaS sample", () => {
  it("from an empty catalog, through forms only, and publishes exactly the sample", {
    timeout: 2_400_000,
  }, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A form that is not there fails within seconds, naming the step, instead of waiting forever.
    page.setDefaultTimeout(15_000);
    await page.goto(h.url);
    await page.getByLabel("API token").fill(h.tokens.designer ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Id", { exact: true }).fill(sample.id);
    await page.getByLabel("Name", { exact: true }).fill(sample.name);
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { name: sample.name, level: 1 }).waitFor();
    // From here on the JSON section is never opened: every value goes through a form.

    // 1. The catalog, its portfolio, price books and quote policy.
    await buildCatalog(page);
    await save(page);
    let doc = await draft();
    for (const k of [
      "id",
      "name",
      "description",
      "effectiveDate",
      "currencies",
      "priceBooks",
      "quotePolicy",
      "branding",
      "existingSubscriptionsFrom",
      "prorationStyle",
    ] as const)
      expect(canonical(doc[k]), k).toEqual(canonical(sample[k]));

    // 2. The service library.
    await section(page, /^Services/).click();
    for (const s of sample.services) await buildService(page, s);
    await save(page);
    doc = await draft();
    expect(canonical(doc.services)).toEqual(canonical(sample.services));
    await shot(page, "60-sample-services");

    // 3. Packages: all created first (forms name one another), then filled, then priced in the grid.
    const portfolioName = (id: string) => sample.portfolios.find((p) => p.id === id)?.name ?? id;
    for (const p of sample.packages) await createPackage(page, p, portfolioName(p.portfolio));
    for (const p of sample.packages) {
      await buildPackage(page, sample, p);
      await pricePackage(page, sample, p);
      await includedUnits(page, sample, p);
      await save(page);
      doc = await draft();
      const built = doc.packages.find((x) => x.id === p.id);
      expect(canonical(withSortedPoints(built)), p.id).toEqual(canonical(withSortedPoints(p)));
    }
    // The portfolio's display order, now that its packages exist.
    await section(page, "Overview & portfolios").click();
    for (const id of sample.portfolios[0]?.packageOrder ?? [])
      await page
        .getByLabel(`Add a package to the display order of ${sample.portfolios[0]?.name}`)
        .selectOption(id);

    // 4. Path rules, in order, on the ladder page (after the packages they name).
    await section(page, "Paths & ladders").click();
    for (const [i, c] of (sample.pathRules ?? []).entries()) await buildPathCase(page, c, i);
    await save(page);
    doc = await draft();
    expect(canonical(doc.pathRules)).toEqual(canonical(sample.pathRules));
    await section(page, "Paths & ladders").click();
    await shot(page, "61-sample-ladder");

    // 5. Publish, and read the published version from the feed as a consuming service would.
    await page.getByText("0 errors").waitFor();
    await page.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("button", { name: "Publish version 1" }).click();
    await page.getByText("Published version 1.").waitFor();
    const feed = await fetch(`${h.url}/v1/catalogs/${sample.id}`, {
      headers: { authorization: `Bearer ${h.tokens.reader}` },
    });
    expect(feed.status).toBe(200);
    const published = (await feed.json()) as Catalog;
    expect(canonical({ ...published, packages: published.packages.map(withSortedPoints) })).toEqual(
      canonical({ ...sample, packages: sample.packages.map(withSortedPoints) }),
    );
    await context.close();
  });
});
