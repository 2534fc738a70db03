/**
 * The pricing page as HTML, rendered on the server from the pricing table (table.ts): no script
 * is needed to read it, and the monthly/annual toggle and the currency switch are radio buttons
 * that CSS alone follows (`:checked ~ …`), so the page fits a Content-Security-Policy without
 * 'unsafe-inline' (its one style element is allowed by its hash). Two variants: the full page, and
 * `embed` (no page header, links open a new tab) for the iframe and the script-tag embed.
 * Amounts are formatted from the engine's decimal strings with Intl.NumberFormat (displayMoney).
 */
import { displayMoney } from "@tessera/engine";
import { PRICING_CSS } from "./style.ts";
import type { CardPrices, PricingCard, PricingTable } from "./table.ts";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_");

/** Rules that show only the amounts of the checked period and currency, and mark checked labels. */
function toggleCss(table: PricingTable): string {
  const radios = [...table.periods.map((p) => `p-${p}`), ...table.currencies.map((c) => `c-${slug(c)}`)];
  const rules: string[] = [];
  for (const p of table.periods) rules.push(`#p-${p}:not(:checked)~.pt [data-p="${p}"]{display:none}`);
  for (const c of table.currencies)
    rules.push(`#c-${slug(c)}:not(:checked)~.pt [data-c="${slug(c)}"]{display:none}`);
  for (const id of radios) {
    rules.push(`#${id}:checked~.pt label[for="${id}"]{background:var(--ink);color:var(--paper)}`);
    rules.push(
      `#${id}:focus-visible~.pt label[for="${id}"]{outline:3px solid var(--focus);outline-offset:2px}`,
    );
  }
  return rules.join("\n");
}

export function pricingCss(table: PricingTable): string {
  return `${PRICING_CSS}\n${toggleCss(table)}`;
}

function bestSaving(table: PricingTable): number | undefined {
  let best: number | undefined;
  for (const p of table.portfolios)
    for (const c of p.cards)
      for (const prices of Object.values(c.prices)) {
        const s = prices.year?.savingPercent;
        if (s !== undefined && (best === undefined || s > best)) best = s;
      }
  return best;
}

/**
 * The self-service configurator of the web app (no sign-in): the visitor configures the plan and
 * sends it as a quote request (packages/api/src/public/router.ts).
 */
function configureHref(table: PricingTable, card: PricingCard, currency: string, period: string): string {
  const q = new URLSearchParams({ package: card.id, period, currency });
  return `/configure/${encodeURIComponent(table.catalogId)}?${q.toString()}`;
}

function amounts(table: PricingTable, card: PricingCard, embed: boolean): string {
  const out: string[] = [];
  const target = embed ? ' target="_blank" rel="noopener"' : "";
  for (const currency of table.currencies) {
    const prices: CardPrices | undefined = card.prices[currency];
    for (const period of table.periods) {
      const attrs = `class="amt" data-c="${slug(currency)}" data-p="${period}"`;
      // A package sold on one billing period only shows that one under both toggles, and says so.
      const billed = prices?.[period] ? period : prices?.month ? "month" : prices?.year ? "year" : undefined;
      const price = billed ? prices?.[billed] : undefined;
      if (!billed || !price) {
        out.push(`<div ${attrs}><p class="na">Not sold in ${esc(currency)}</p></div>`);
        continue;
      }
      const money = (a: string) => esc(displayMoney(a, currency));
      const only = billed !== period ? " only" : "";
      const note =
        billed === "month" ? `billed monthly${only}` : `billed yearly${only} at ${money(price.perPeriod)}`;
      const saving =
        billed === "year" && period === "year" && prices?.year?.savingPerYear
          ? `<p class="save">Save ${money(prices.year.savingPerYear)} a year (${prices.year.savingPercent}%)</p>`
          : "";
      out.push(
        `<div ${attrs}><p class="price"><strong>${money(price.monthly)}</strong><span>/month</span></p>` +
          `<p class="note">${note}</p>${saving}` +
          `<a class="configure" href="${esc(configureHref(table, card, currency, billed))}"${target}>Configure ${esc(card.name)}</a></div>`,
      );
    }
  }
  return out.join("");
}

function cardHtml(table: PricingTable, card: PricingCard, embed: boolean): string {
  const badge = card.popular ? '<p class="badge">Most popular</p>' : "";
  const included = card.included.map((i) => `<li>${esc(i)}</li>`).join("");
  const offers = card.offers.map((o) => `<li>${esc(o)}</li>`).join("");
  return (
    `<article class="card${card.popular ? " popular" : ""}" aria-label="${esc(card.name)}">${badge}` +
    `<h3>${esc(card.name)}</h3>` +
    (card.description ? `<p class="desc">${esc(card.description)}</p>` : "") +
    amounts(table, card, embed) +
    (included ? `<ul class="included" aria-label="Included">${included}</ul>` : "") +
    (offers ? `<ul class="offers">${offers}</ul>` : "") +
    "</article>"
  );
}

function radios(table: PricingTable): string {
  const out: string[] = [];
  table.periods.forEach((p, i) => {
    out.push(`<input class="sr" type="radio" name="period" id="p-${p}"${i === 0 ? " checked" : ""}>`);
  });
  table.currencies.forEach((c, i) => {
    out.push(`<input class="sr" type="radio" name="currency" id="c-${slug(c)}"${i === 0 ? " checked" : ""}>`);
  });
  return out.join("");
}

function controls(table: PricingTable): string {
  const saving = bestSaving(table);
  const periodLabel = (p: string) =>
    p === "month"
      ? "Monthly"
      : `Annual${saving !== undefined ? ` <span class="hint">save up to ${saving}%</span>` : ""}`;
  const periods =
    table.periods.length > 1
      ? `<div class="seg" role="group" aria-label="Billing period">${table.periods
          .map((p) => `<label for="p-${p}">${periodLabel(p)}</label>`)
          .join("")}</div>`
      : "";
  const currencies =
    table.currencies.length > 1
      ? `<div class="seg" role="group" aria-label="Currency">${table.currencies
          .map((c) => `<label for="c-${slug(c)}">${esc(c)}</label>`)
          .join("")}</div>`
      : "";
  return `<div class="controls">${periods}${currencies}</div>`;
}

/** The whole document; `styleHash` is the CSP hash of `css` (the caller puts it in the header). */
export function pricingHtml(table: PricingTable, css: string, embed: boolean): string {
  const sections = table.portfolios
    .map(
      (p) =>
        `<section aria-label="${esc(p.name)}">` +
        (table.portfolios.length > 1 || !embed ? `<h2>${esc(p.name)}</h2>` : "") +
        `<div class="cards">${p.cards.map((c) => cardHtml(table, c, embed)).join("")}</div></section>`,
    )
    .join("");
  const header = embed
    ? ""
    : `<header><h1>${esc(table.name)} pricing</h1>${table.description ? `<p>${esc(table.description)}</p>` : ""}</header>`;
  const frameScript = embed ? '<script src="/pricing/frame.js" defer></script>' : "";
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">` +
    `<title>${esc(table.name)} pricing</title><style>${css}</style>${frameScript}</head>` +
    `<body class="${embed ? "embed" : "page"}">${radios(table)}<div class="pt">${header}${controls(table)}` +
    `<main>${sections}</main>` +
    `<p class="fine">Prices exclude taxes. Catalog ${esc(table.catalogId)}, version ${table.version}.</p>` +
    "</div></body></html>"
  );
}
