/**
 * Builds one package of a sample catalog through the designer's package forms, the way a product
 * manager would: create it, then fill basics, terms, components, options, rules, charges, add-on
 * compatibility or bundled add-ons, trial, renewal and termination, each in its outlined section.
 * Prices are typed in the price grid afterwards (`pricePackage`). Every value comes from the sample.
 */
import type { Catalog, Charge, Package, PricePoint } from "@tessera/schema";
import type { Locator, Page } from "playwright-core";

const outline = (page: Page) => page.getByRole("navigation", { name: "Package outline" });

/** Shows one section of the package page and returns it. */
async function open(page: Page, label: string, id: string): Promise<Locator> {
  await outline(page).getByRole("button", { name: label, exact: true }).click();
  const part = page.locator(`[data-section='${id}']`);
  await part.waitFor();
  return part;
}

/** Sets a checkbox to `on`. */
async function tick(box: Locator, on: boolean): Promise<void> {
  if ((await box.isChecked()) !== on) await box.click();
}

/** Creates every package (name, id, portfolio, role) so later forms can name any of them. */
export async function createPackage(page: Page, pkg: Package, portfolioName: string): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Catalog sections" });
  await nav.getByRole("button", { name: "New package" }).click();
  const form = page.getByRole("form", { name: "New package" });
  await form.getByLabel("Package name").fill(pkg.name);
  await form.getByLabel("Package id").fill(pkg.id);
  await form.getByLabel("In portfolio").selectOption({ label: portfolioName });
  await form.getByLabel("Sold as").selectOption(pkg.role);
  await form.getByRole("button", { name: "Create package" }).click();
  await page.getByRole("heading", { name: new RegExp(`^${escapeRe(pkg.name)}`), level: 2 }).waitFor();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens a package's page from the sidebar. */
export async function openPackage(page: Page, pkg: Package): Promise<void> {
  await page
    .getByRole("navigation", { name: "Catalog sections" })
    .getByRole("button", { name: pkg.name, exact: true })
    .click();
  // The page keeps the section shown last; the outline names the package.
  await outline(page)
    .locator("strong", { hasText: new RegExp(`^${escapeRe(pkg.name)}$`) })
    .waitFor();
}

async function basics(page: Page, pkg: Package): Promise<void> {
  const s = await open(page, "Basics", "pkg-basics");
  await s.getByLabel("Tier", { exact: true }).fill(String(pkg.tier));
  await s.getByLabel("Status", { exact: true }).selectOption(pkg.status);
  if (pkg.description) await s.getByLabel("Description", { exact: true }).fill(pkg.description);
  if (pkg.effectiveFrom) await s.getByLabel("Sold from").fill(pkg.effectiveFrom);
  if (pkg.effectiveTo) await s.getByLabel("Sold until").fill(pkg.effectiveTo);
  if (pkg.tags) await s.getByLabel("Tags", { exact: true }).fill(pkg.tags.join(", "));
  if (pkg.popular === false)
    throw new Error(`${pkg.id}: "popular: false" is the default the form leaves out`);
  if (pkg.popular) await tick(s.getByLabel(/^Most popular/), true);
}

/** The package's terms (rows filled in order, added as needed), billing periods and payment terms. */
export async function terms(page: Page, pkg: Package): Promise<void> {
  const s = await open(page, "Terms", "pkg-terms");
  const table = s.getByRole("table", { name: "Contract terms" });
  for (const [k, t] of pkg.terms.entries()) {
    if ((await table.locator("tbody tr").count()) <= k)
      await s.getByRole("button", { name: "Add term" }).click();
    await table.getByLabel(`Term ${k + 1} unit`).selectOption(t.weeks !== undefined ? "weeks" : "months");
    await table.getByLabel(`Term ${k + 1} length`).fill(String(t.weeks ?? t.months));
    await table.getByLabel(`Term ${k + 1} discount percent`).fill(t.discountPercent ?? "");
  }
  const defaultAt = pkg.terms.findIndex((t) => t.default === true);
  if (defaultAt >= 0) await tick(table.getByLabel(new RegExp(`^Term ${defaultAt + 1} \\(`)), true);
  else
    for (const [k] of pkg.terms.entries())
      await tick(table.getByLabel(new RegExp(`^Term ${k + 1} \\(`)), false);
  const periods = s.getByRole("group", { name: "Billing periods" });
  const words: Record<string, string> = {
    week: "weekly",
    two_weeks: "every two weeks",
    month: "monthly",
    quarter: "quarterly",
    half_year: "every half year",
    year: "yearly",
    upfront: "upfront (whole term)",
  };
  // Tick the wanted ones first: the list may never be empty.
  for (const bp of pkg.billingPeriods) await tick(periods.getByLabel(words[bp] ?? bp, { exact: true }), true);
  for (const bp of ["week", "two_weeks", "month", "quarter", "half_year", "year", "upfront"] as const)
    if (!pkg.billingPeriods.includes(bp))
      await tick(periods.getByLabel(words[bp] ?? bp, { exact: true }), false);
  const payment = s.getByRole("group", { name: "Payment terms" });
  for (const pt of pkg.paymentTerms ?? [])
    await tick(payment.getByLabel(pt.replace(/_/g, " ").replace("net ", "net "), { exact: true }), true);
}

async function components(page: Page, doc: Catalog, pkg: Package): Promise<void> {
  const s = await open(page, "Components", "pkg-components");
  const form = s.getByRole("form", { name: "Add a component" });
  for (const c of pkg.components ?? []) {
    await form.getByLabel("Add from the service library").selectOption(c.service);
    await form.getByLabel("Component name (optional)").fill(c.name ?? "");
    await form.getByLabel("Component id").fill(c.id);
    await form.getByRole("button", { name: "Add component" }).click();
    const label = c.name ?? doc.services.find((x) => x.id === c.service)?.name ?? c.service;
    await s.getByLabel(`Name of component ${c.id}`).waitFor();
    for (const k of ["included", "min", "max", "step", "default"] as const)
      if (c[k] !== undefined) await s.getByLabel(`${label} ${k}`, { exact: true }).fill(String(c[k]));
  }
}

async function options(page: Page, pkg: Package): Promise<void> {
  const s = await open(page, "Options", "pkg-options");
  for (const [j, g] of (pkg.optionGroups ?? []).entries()) {
    const form = s.getByRole("form", { name: "Add an option group" });
    const [first, ...rest] = g.options;
    await form.getByLabel("New option group").fill(g.name);
    await form.getByLabel("Group id").fill(g.id);
    await form.getByLabel("Its first option").fill(first?.name ?? "");
    await form.getByRole("button", { name: "Add group" }).click();
    const group = s.locator(`fieldset[data-pointer$='/optionGroups/${j}']`);
    await group.waitFor();
    if (first) {
      // The first option's id was made from its name: rename it to the sample's.
      const id = group.getByLabel(`Id of option ${first.name}`);
      if ((await id.inputValue()) !== first.id) {
        await id.fill(first.id);
        await group.getByRole("button", { name: "Rename" }).first().click();
      }
    }
    for (const o of rest) {
      const add = group.getByRole("form", { name: `Add an option to ${g.name}` });
      await add.getByLabel(`New option of ${g.name}`).fill(o.name);
      await add.getByLabel(`Option id (in ${g.name})`).fill(o.id);
      await add.getByRole("button", { name: "Add option" }).click();
    }
    const minPicks = group.getByLabel("Min picks");
    await minPicks.fill(g.min === undefined ? "" : String(g.min));
    await group.getByLabel("Max picks").fill(g.max === undefined ? "" : String(g.max));
    if (g.parentOption) await group.getByLabel("Shown when picked").selectOption(g.parentOption);
    const table = group.getByRole("table", { name: `Options of ${g.name}` });
    for (const o of g.options) {
      if (o.description) await table.getByLabel(`What picking ${o.name} means`).fill(o.description);
      if (o.service) await table.getByLabel(`Service ${o.name} delivers`).selectOption(o.service);
      await tick(table.getByLabel(`${o.name} is picked by default`), o.default === true);
      if (o.mandatory) await tick(table.getByLabel(`${o.name} is always on`), true);
      if (o.status && o.status !== "active")
        await table.getByLabel(`Status of ${o.name}`).selectOption(o.status);
    }
    await s.locator(`details[data-fold='${g.id}'] > summary`).click();
  }
}

const CONDITION = {
  allOf: "All of these are picked",
  anyOf: "Any of these is picked",
  noneOf: "None of these is picked",
};
const CONSEQUENCE = {
  requireAll: "require all of",
  requireAny: "require at least one of",
  requireExactlyOne: "require exactly one of",
  requireNone: "rule out",
};

async function rules(page: Page, pkg: Package): Promise<void> {
  const s = await open(page, "Rules", "pkg-rules");
  for (const r of pkg.rules ?? []) {
    await s.getByRole("button", { name: "New rule…" }).click();
    const form = s.getByRole("form", { name: "Add a rule" });
    await form.getByLabel("Rule id").fill(r.id);
    if (r.name) await form.getByLabel("Name (optional)").fill(r.name);
    if (r.description) await form.getByLabel("Why (optional)").fill(r.description);
    const when = (r.when ?? {}) as Record<string, string[]>;
    for (const part of ["allOf", "anyOf", "noneOf"] as const)
      for (const id of when[part] ?? [])
        await form.getByLabel(`Add to “${CONDITION[part]}”`).selectOption(id);
    const then = r.then as Record<string, string[]>;
    const kind = (Object.keys(CONSEQUENCE) as (keyof typeof CONSEQUENCE)[]).find((k) => then[k]);
    if (!kind) throw new Error(`rule ${r.id}: no consequence the form knows`);
    await form.getByLabel("The rule must").selectOption({ label: CONSEQUENCE[kind] });
    for (const id of then[kind] ?? [])
      await form.getByLabel(`Add to “Picks to ${CONSEQUENCE[kind]}”`).selectOption(id);
    await form.getByRole("button", { name: "Add rule" }).click();
    await s.getByRole("button", { name: `Change rule ${r.id}` }).waitFor();
  }
  for (const q of pkg.quantityRules ?? []) {
    const form = s.getByRole("form", { name: "Add a quantity rule" });
    const [left, right] = q.terms;
    if (left?.coefficient !== 1 || q.terms.length > 2 || (right && q.bound !== 0))
      throw new Error(`quantity rule ${q.id}: a shape the form does not write`);
    await form.getByLabel("Quantity of", { exact: true }).selectOption(left.component);
    await form.getByLabel("Is", { exact: true }).selectOption(q.comparator);
    await form.getByLabel("Number", { exact: true }).fill(String(right ? -right.coefficient : q.bound));
    await form.getByLabel("Times the quantity of").selectOption(right?.component ?? "");
    await form.getByLabel("Quantity rule id").fill(q.id);
    if (q.description) await form.getByLabel("In words (optional)").fill(q.description);
    await form.getByRole("button", { name: "Add quantity rule" }).click();
  }
}

/** The billing period every currency of the default book has in the sample, if any. */
function commonPeriod(doc: Catalog, charge: Charge): PricePoint["billingPeriod"] {
  const points = charge.pricePoints.filter((p) => p.priceBook === undefined);
  const periods = [...new Set(points.map((p) => p.billingPeriod))];
  return periods.find((bp) =>
    doc.currencies.every((c) => points.some((p) => p.currency === c && p.billingPeriod === bp)),
  );
}

async function charges(page: Page, doc: Catalog, pkg: Package): Promise<void> {
  const s = await open(page, "Charges", "pkg-charges");
  for (const c of pkg.charges) {
    const form = s.getByRole("form", { name: "Add a charge" });
    await form.getByLabel("New charge name").fill(c.name ?? c.id);
    await form.getByLabel("New charge id").fill(c.id);
    await form.getByRole("button", { name: "Add charge" }).click();
    const region = s.getByRole("region", { name: `Charge ${c.name ?? c.id}`, exact: true });
    await region.waitFor();
    // New charges are flat, one point per currency for every period: give them the sample's period.
    const period = commonPeriod(doc, c);
    if (period)
      for (let k = 0; k < doc.currencies.length; k++)
        await region
          .locator(`div.ts-card[data-pointer$='/pricePoints/${k}']`)
          .getByLabel("Billing period")
          .selectOption(period);
    await region.getByLabel("Price model").selectOption(c.model);
    const on = c.component ? `component:${c.component}` : c.option ? `option:${c.option}` : "";
    if (on) await region.getByLabel("Charged on").selectOption(on);
    if (c.blockSize !== undefined) await region.getByLabel("Block size").fill(String(c.blockSize));
    if (c.timing) await region.getByLabel("Billed").selectOption(c.timing);
    if (c.commitmentDiscounts !== undefined)
      await region.getByLabel("Commitment discounts").selectOption(String(c.commitmentDiscounts));
    // Done with it: fold it to its line, as the list grows.
    await s.locator(`details[data-fold='${c.id}'] > summary`).click();
  }
  // The charge every new package starts with goes.
  await s.getByRole("button", { name: `Delete charge ${pkg.name} subscription` }).click();
}

async function addOns(page: Page, pkg: Package): Promise<void> {
  const s = await open(page, "Add-ons", "pkg-addons");
  if (pkg.role === "add_on") {
    const c = pkg.addOn;
    if (!c) return;
    for (const id of c.packages ?? [])
      await s.getByLabel("Add to “Fits these bases by name”").selectOption(id);
    for (const id of c.portfolios ?? [])
      await s.getByLabel("Add to “Fits bases of these portfolios”").selectOption(id);
    if (c.minTier !== undefined) await s.getByLabel("Minimum base tier").fill(String(c.minTier));
    if (c.maxQuantity !== undefined)
      await s.getByLabel("Most units per customer").fill(String(c.maxQuantity));
    if (c.onIncompatibleBase)
      await s.getByLabel("When the base changes to one it does not fit").selectOption(c.onIncompatibleBase);
    for (const id of c.requires ?? []) await s.getByLabel("Add to “Requires these add-ons”").selectOption(id);
    for (const id of c.excludes ?? []) await s.getByLabel("Add to “Cannot be held with”").selectOption(id);
    if (c.selfService !== undefined)
      await s.getByLabel("Customers add it themselves in the portal").selectOption(String(c.selfService));
    return;
  }
  for (const inc of pkg.includedAddOns ?? []) {
    await s.getByLabel("Include an add-on").selectOption(inc.addOn);
    if (inc.quantity !== undefined)
      await s
        .getByLabel(/^Units of .* included$/)
        .last()
        .fill(String(inc.quantity));
  }
}

/** The package's phases, added one by one to a package that has none. */
export async function phases(page: Page, pkg: Package): Promise<void> {
  if (!pkg.phases) return;
  const s = await open(page, "Phases", "pkg-phases");
  const field = (label: string) => s.getByLabel(label, { exact: true });
  // Added in the sample's order: a new phase goes last (before an evergreen one, which is last).
  for (const [k, ph] of pkg.phases.entries()) {
    const n = `Phase ${k + 1}`;
    await s.getByRole("button", { name: k === 0 ? "Add a free trial" : "Add a phase" }).click();
    await field(`${n} Type`).selectOption(ph.type);
    if (ph.name) await field(`${n} Name (optional)`).fill(ph.name);
    const kind = ph.duration
      ? "duration"
      : ph.days !== undefined
        ? "days"
        : ph.periods !== undefined
          ? "periods"
          : "";
    if (kind) {
      await field(`${n} Lasts`).selectOption(kind);
      if (ph.duration) await field(`${n} Unit`).selectOption(ph.duration.unit);
      await field(`${n} Length`).fill(String(ph.duration?.length ?? ph.days ?? ph.periods));
    }
    if (ph.type === "trial") {
      if (ph.requiresPaymentMethod !== undefined)
        await field(`${n} Payment method up front`).selectOption(String(ph.requiresPaymentMethod));
      continue;
    }
    const off = ph.discountAmounts ? "amounts" : ph.discountPercent !== undefined ? "percent" : "none";
    await field(`${n} Price`).selectOption(off);
    if (ph.discountPercent !== undefined) await field(`${n} Percent off`).fill(ph.discountPercent);
    for (const a of ph.discountAmounts ?? []) await field(`${n} Amount off (${a.currency})`).fill(a.amount);
  }
}

async function renewal(page: Page, pkg: Package): Promise<void> {
  const r = pkg.renewal;
  if (!r) return;
  const s = await open(page, "Renewal", "pkg-renewal");
  const months = s.getByRole("group", { name: "Renewal terms (months)" });
  for (const m of r.terms ?? []) await tick(months.getByLabel(String(m), { exact: true }), true);
  if (r.pricePolicy) await s.getByLabel("Price on renewal").selectOption(r.pricePolicy);
  if (r.upliftCapPercent) await s.getByLabel("Uplift cap (%)").fill(r.upliftCapPercent);
  if (r.autoRenew !== undefined) await s.getByLabel("Automatic renewal").selectOption(String(r.autoRenew));
}

async function termination(page: Page, pkg: Package): Promise<void> {
  const t = pkg.termination;
  if (!t) return;
  const s = await open(page, "Termination", "pkg-termination");
  if (t.noticeDays !== undefined) await s.getByLabel("Notice (days)").fill(String(t.noticeDays));
  if (t.effective) await s.getByLabel("Takes effect").selectOption(t.effective);
  if (t.earlyTerminationFee)
    throw new Error("early termination fees are not in the sample this builder follows");
  for (const [k, o] of (t.retentionOffers ?? []).entries()) {
    const form = s.getByRole("form", { name: "Add a retention offer" });
    await form.getByLabel("New offer shown as").fill(o.name);
    await form.getByLabel("New offer id").fill(o.id);
    await form.getByRole("button", { name: "Add offer" }).click();
    const offer = s.locator(`[data-pointer$='/termination/retentionOffers/${k}']`);
    await offer.waitFor();
    await offer.getByLabel("Offer kind").selectOption(o.kind);
    if (o.kind === "downgrade" && o.to) await offer.getByLabel("Downgrade to").selectOption(o.to);
    if (o.kind === "discount") {
      await offer.getByLabel("Discount (%)").fill(o.discountPercent ?? "");
      if (o.periods !== undefined) {
        await offer.getByLabel("Lasts for").selectOption("periods");
        await offer.getByLabel("Billing periods", { exact: true }).fill(String(o.periods));
      } else if (o.months !== undefined)
        await offer.getByLabel("Months", { exact: true }).fill(String(o.months));
    }
  }
}

/** Fills every form of an already created package from the sample. */
export async function buildPackage(page: Page, doc: Catalog, pkg: Package): Promise<void> {
  await openPackage(page, pkg);
  await basics(page, pkg);
  await terms(page, pkg);
  await components(page, doc, pkg);
  await options(page, pkg);
  await rules(page, pkg);
  await charges(page, doc, pkg);
  await addOns(page, pkg);
  await phases(page, pkg);
  await renewal(page, pkg);
  await termination(page, pkg);
}
