/**
 * The designer's forms for the parts issues 13 and 14 added to the schema, in real Chromium at
 * 1440×900 on the B2B SaaS sample: approval tiers and the branding of printed quotes (with its
 * preview), the catalog's proration style and the date existing customers get new prices;
 * ordered phases, week terms, a percentage charge, a rule as a nested formula and the "most
 * popular" badge on a package;
 * alignment rules and self-service on the paths page. Each edit leaves the catalog without errors.
 * Screenshots go to test-artifacts/e2e/.
 */
import { readFileSync } from "node:fs";
import type { AlignmentMatch, Alignments, Catalog } from "@tessera/schema";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shotOf, startHarness } from "./harness.ts";
import { openPackage, phases, terms } from "./sample-packages.ts";

const example = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../schemas/examples/${name}.catalog.json`, import.meta.url), "utf8"),
  ) as Catalog;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

async function openDraft(catalog: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  await page.getByLabel("API token").fill(h.tokens.designer ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: `Edit draft of ${catalog}` }).click();
  await page.getByRole("heading", { name: catalog, level: 1 }).waitFor();
  return page;
}

const section = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Catalog sections" }).getByRole("button", { name, exact: true });

/** The saved draft, read from the API as a consuming tool would. */
async function draft(catalogId: string): Promise<Catalog> {
  const input = encodeURIComponent(JSON.stringify({ catalogId }));
  const res = await fetch(`${h.url}/trpc/catalogs.getDraft?input=${input}`, {
    headers: { authorization: `Bearer ${h.tokens.designer}` },
  });
  return ((await res.json()) as { result: { data: { doc: Catalog } } }).result.data.doc;
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText(/Saved as revision \d+/).waitFor();
}

const KIND_TITLES = { billing: "Billing alignment", create: "Create alignment", change: "Change alignment" };

/** Deletes every alignment case on the paths page, then adds the sample's, in order. */
async function rebuildAlignments(page: Page, alignments: Alignments): Promise<void> {
  for (const kind of ["billing", "create", "change"] as const) {
    const title = KIND_TITLES[kind];
    const region = page.getByRole("region", { name: new RegExp(`^${title}`) });
    const first = region.getByRole("button", { name: `Delete ${title} case 1`, exact: true });
    while ((await first.count()) > 0) await first.click();
    for (const [i, c] of (alignments[kind] ?? []).entries()) {
      // Added in order, each narrowed at once: a new case goes last while no default exists yet.
      await region.getByRole("button", { name: `Add a ${title.toLowerCase()} case` }).click();
      const name = `${title} case ${i + 1}`;
      await region.getByLabel(`${name}: Counted`).selectOption(c.alignment);
      if (c.id) await region.getByLabel(`${name}: Id (optional)`).fill(c.id);
      const when: AlignmentMatch = c.when ?? {};
      const roles = region.getByRole("group", { name: `${name}: Package roles` });
      for (const r of when.roles ?? [])
        await roles.getByLabel(r === "base" ? "base packages" : "add-ons").check();
      const periods = region.getByRole("group", { name: `${name}: Billing periods` });
      for (const p of when.billingPeriods ?? [])
        await periods.getByLabel(p.replace("_", " "), { exact: true }).check();
      for (const p of when.packages ?? [])
        await region.getByLabel(`Add to “${name}: packages”`).selectOption(p);
      for (const p of when.portfolios ?? [])
        await region.getByLabel(`Add to “${name}: portfolios”`).selectOption(p);
    }
  }
}

/** Deletes every phase of the package shown. */
async function clearPhases(page: Page): Promise<void> {
  await page
    .getByRole("navigation", { name: "Package outline" })
    .getByRole("button", { name: "Phases" })
    .click();
  const first = page.getByRole("button", { name: "Delete phase 1", exact: true });
  while ((await first.count()) > 0) await first.click();
}

async function packageSection(page: Page, pkg: string, part: string): Promise<void> {
  await section(page, pkg).click();
  await page.getByRole("navigation", { name: "Package outline" }).getByRole("button", { name: part }).click();
}

describe("the designer's lifecycle and storefront forms", () => {
  it("edits approval tiers, branding, the proration style and the date existing customers move", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByText("0 errors").waitFor();
    const tiers = page.getByRole("table", { name: "Approval tiers" });
    await expect(tiers.getByLabel("Tier 2: called").inputValue()).resolves.toBe("Sales manager and finance");
    await page.getByRole("button", { name: "Add approval tier" }).click();
    await tiers.getByLabel("Tier 3: called").fill("Sales VP");
    // A tier above the largest allowed discount (40%) could never be reached: the warning names it.
    await tiers.getByLabel("Tier 3: discounts above (%)").fill("45");
    await page.getByText(/no quote ever reaches this tier/).waitFor();
    await tiers.getByLabel("Tier 3: discounts above (%)").fill("35");
    await page.getByText(/no quote ever reaches this tier/).waitFor({ state: "detached" });
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: "Quote policy" }), "70-designer-approval-tiers");

    const preview = page.getByRole("figure", { name: "Preview of a printed quote" });
    await page.getByLabel("Company name on quotes").fill("Acme Collaborate GmbH");
    await expect(preview.getByText("Acme Collaborate GmbH").count()).resolves.toBe(1);
    await page.getByLabel("Pick the accent colour").fill("#c92a2a");
    await expect(page.getByLabel("Accent colour", { exact: true }).inputValue()).resolves.toBe("#c92a2a");
    await page.getByLabel("Logo URL").fill("not a url");
    await page.getByText("1 error").waitFor();
    await page.getByLabel("Logo URL").fill("");
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: "Branding of printed quotes" }), "71-designer-branding");

    await page.getByLabel("Proration style").selectOption("flexible");
    await page.getByLabel("Existing customers get these prices from").fill("2026-09-01");
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: "Catalog" }), "72-designer-catalog-lifecycle");
    await page.context().close();
  });

  it("edits phases, week terms, a percentage charge and the most-popular badge of a package", async () => {
    const page = await openDraft("Acme Collaborate");
    await packageSection(page, "Team", "Phases");
    const phases = page.getByRole("region", { name: /^Phases/ });
    await expect(phases.getByLabel("Phase 1 Length", { exact: true }).inputValue()).resolves.toBe("14");
    await phases.getByRole("button", { name: "Add a phase" }).click();
    await phases.getByLabel("Phase 2 Lasts", { exact: true }).selectOption("duration");
    await phases.getByLabel("Phase 2 Unit", { exact: true }).selectOption("month");
    await phases.getByLabel("Phase 2 Length", { exact: true }).fill("3");
    await phases.getByLabel("Phase 2 Price", { exact: true }).selectOption("amounts");
    for (const currency of ["USD", "EUR", "GBP", "JPY"])
      await phases
        .getByLabel(`Phase 2 Amount off (${currency})`, { exact: true })
        .fill(currency === "JPY" ? "500" : "5");
    await page.getByText("0 errors").waitFor();
    await shotOf(phases, "73-designer-phases");

    // A rule rewritten as a nested formula and changed node by node.
    await packageSection(page, "Business", "Rules");
    await page.getByRole("button", { name: "Write rule biz-hipaa-needs-us as a formula" }).click();
    const formula = page.getByRole("group", { name: "Formula of rule biz-hipaa-needs-us" });
    await formula.getByLabel("Kind of then of rule biz-hipaa-needs-us", { exact: true }).selectOption("not");
    await formula
      .getByLabel("Kind of then of rule biz-hipaa-needs-us › 1", { exact: true })
      .selectOption("any");
    await page.getByText("0 errors").waitFor();
    await expect(page.getByText(/Written as a nested formula/).count()).resolves.toBe(1);
    await shotOf(page.getByRole("region", { name: "Rules" }), "80-designer-formula-rule");

    await packageSection(page, "Team", "Basics");
    await page.getByLabel(/^Most popular/).check();
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: /^Team/ }), "77-designer-most-popular");

    await packageSection(page, "Team", "Charges");
    const support = page.getByRole("region", { name: "Charge Premium support", exact: true });
    if ((await support.count()) === 0)
      await page.locator("details[data-fold='team-premium-support-fee'] > summary").click();
    await support.getByLabel("Price model").selectOption("percentage");
    await expect(support.getByText("A percent of these charges").count()).resolves.toBe(1);
    await page.getByText("0 errors").waitFor();
    await shotOf(support, "74-designer-percentage-charge");

    await packageSection(page, "Team", "Terms");
    const terms = page.getByRole("table", { name: "Contract terms" });
    await terms.getByLabel("Term 1 unit").selectOption("weeks");
    await expect(terms.getByLabel("Term 1 length").inputValue()).resolves.toBe("4");
    // Weeks on monthly billing is not a whole number of periods: the validator says so at the term.
    await page.getByText(/error/).first().waitFor();
    await shotOf(page.getByRole("region", { name: "Terms and billing" }), "75-designer-week-terms");
    await page.context().close();
  });

  it("rebuilds the samples' alignment rules, phases and week terms through the forms, exactly", async () => {
    // Nimbus Connect: alignment cases of all three kinds, and discount phases of fixed amounts.
    const nimbus = example("connectivity");
    const page = await openDraft(nimbus.name);
    await section(page, "Paths & ladders").click();
    await rebuildAlignments(page, nimbus.alignments ?? {});
    const withPhases = nimbus.packages.filter((p) => p.phases);
    for (const pkg of withPhases) {
      await openPackage(page, pkg);
      await clearPhases(page);
      await phases(page, pkg);
    }
    await page.getByText("0 errors").waitFor();
    await save(page);
    const built = await draft(nimbus.id);
    expect(built.alignments).toEqual(nimbus.alignments);
    for (const pkg of withPhases)
      expect(built.packages.find((p) => p.id === pkg.id)?.phases, pkg.id).toEqual(pkg.phases);
    await page.context().close();

    // Brewline's weekly beans: terms of 6, 26 and 52 weeks, billed weekly or every two weeks.
    const brewline = example("hybrid");
    const weekly = brewline.packages.find((p) => p.terms.some((t) => t.weeks !== undefined));
    if (!weekly) throw new Error("the hybrid sample has no package with terms in weeks");
    const page2 = await openDraft(brewline.name);
    await openPackage(page2, weekly);
    await page2
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Terms" })
      .click();
    const table = page2.getByRole("table", { name: "Contract terms" });
    while ((await table.locator("tbody tr").count()) > 1)
      await table.getByRole("button", { name: /^Remove term 2 / }).click();
    await table.getByLabel("Term 1 unit").selectOption("months");
    await terms(page2, weekly);
    if (weekly.phases) {
      await clearPhases(page2);
      await phases(page2, weekly);
    }
    await page2.getByText("0 errors").waitFor();
    await save(page2);
    const brewed = (await draft(brewline.id)).packages.find((p) => p.id === weekly.id);
    expect(brewed?.terms).toEqual(weekly.terms);
    expect(brewed?.billingPeriods).toEqual(weekly.billingPeriods);
    expect(brewed?.phases).toEqual(weekly.phases);
    await page2.context().close();
  });

  it("edits alignment rules and who may make a move or add an add-on in the portal", async () => {
    const page = await openDraft("Acme Collaborate");
    await section(page, "Paths & ladders").click();
    const billing = page.getByRole("region", { name: "Billing alignment" });
    await billing.getByRole("button", { name: "Add a billing alignment case" }).click();
    await billing.getByLabel("Billing alignment case 1: Counted").selectOption("subscription");
    await billing.getByRole("button", { name: "Add a billing alignment case" }).click();
    await billing.getByLabel("Billing alignment case 1: Counted").selectOption("bundle");
    const create = page.getByRole("region", { name: "Create alignment (add-ons)" });
    await create.getByRole("button", { name: "Add a create alignment case" }).click();
    await create.getByLabel("Create alignment case 1: Counted").selectOption("start_of_subscription");
    await page.getByText("0 errors").waitFor();
    await shotOf(
      page.getByRole("region", { name: "Alignment rules (first match wins)" }),
      "76-designer-alignments",
    );
    // A downgrade the customer may make in the portal, stated on its case.
    const rules = page.getByRole("region", { name: "Path rules (first match wins)" });
    await rules.getByRole("button", { name: "Edit monthly-downgrade-next-bill" }).click();
    await rules
      .getByLabel("Customers make it themselves in the portal (monthly-downgrade-next-bill)")
      .selectOption("true");
    await page.getByText("0 errors").waitFor();
    await shotOf(page.locator("[data-pointer='/pathRules/4/outcome']"), "78-designer-path-self-service");

    await section(page, "Compliance archive").click();
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Add-ons" })
      .click();
    await expect(page.getByLabel("Customers add it themselves in the portal").inputValue()).resolves.toBe(
      "false",
    );
    await shotOf(
      page.getByRole("region", { name: "Which bases it fits" }),
      "79-designer-add-on-self-service",
    );
    await page.context().close();
  });
});
