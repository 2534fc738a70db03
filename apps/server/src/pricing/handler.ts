/**
 * Public, token-less routes of a catalog marked public (catalogs.setPublic):
 * - `GET /v1/public/catalogs/:id` — the latest published version as the public sees it (without
 *   the quote policy, other price books, path rules and retention offers: @tessera/api's
 *   `publicView`), with its own strong ETag and `Cache-Control: public` (no `Vary: Authorization`),
 *   and `Access-Control-Allow-Origin: *` so pricing widgets on other sites may read it. A catalog
 *   that is not public (or does not exist) is 404, in the same words, so nothing leaks.
 * - `GET /pricing/:id` — the pricing page (page.ts), `GET /pricing/:id/embed` — the variant for an
 *   iframe, and `/pricing/embed.js` (the one-script-tag embed) and `/pricing/frame.js` (the embed's
 *   height reporter). Pages are rendered once per version and day, and cached by ETag.
 * The embed may be framed by any site (`frame-ancestors` from TESSERA_PRICING_FRAME_ANCESTORS,
 * default `*`); the full page, like the app, may not be framed.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  contentHashOf,
  isCatalogPublic,
  type PublishedVersion,
  publicViewOf,
  type Services,
} from "@tessera/api";
import { etagMatches, sendError } from "../feed.ts";
import { pricingCss, pricingHtml } from "./page.ts";
import { pricingTable } from "./table.ts";

/** How long a shared cache may serve the public feed or a pricing page before revalidating. */
export const PUBLIC_MAX_AGE = 60;
/** Bumped when the page's markup changes, so cached pages are not reused across releases. */
const RENDER_VERSION = "2";

const PUBLIC_CATALOG = /^\/v1\/public\/catalogs\/([a-z0-9][a-z0-9_.-]{0,79})$/;
const PAGE = /^\/pricing\/([a-z0-9][a-z0-9_.-]{0,79})(\/embed)?$/;

/** Sends the frame height to the embedding page (the embed's only script). */
const FRAME_JS = `(function(){function send(){parent.postMessage({tesseraPricingHeight:document.documentElement.scrollHeight},"*")}addEventListener("load",send);if(typeof ResizeObserver==="function")new ResizeObserver(send).observe(document.body);})();`;

/**
 * One script tag: <script src="https://host/pricing/embed.js" data-catalog="acme-collaborate" async></script>
 * puts the embed in an iframe right after the tag and sizes it to its content.
 */
const EMBED_JS = `(function(){var s=document.currentScript;if(!s)return;var id=s.getAttribute("data-catalog");if(!id)return;var origin=new URL(s.src).origin;var f=document.createElement("iframe");f.src=origin+"/pricing/"+encodeURIComponent(id)+"/embed";f.title=s.getAttribute("data-title")||"Pricing";f.loading="lazy";f.style.width="100%";f.style.border="0";f.style.height="760px";s.parentNode.insertBefore(f,s.nextSibling);addEventListener("message",function(e){if(e.origin===origin&&e.source===f.contentWindow&&e.data&&typeof e.data.tesseraPricingHeight==="number")f.style.height=Math.ceil(e.data.tesseraPricingHeight)+"px";});})();`;

interface Rendered {
  bytes: Buffer;
  etag: string;
  styleHash: string;
}

const scripts: Record<string, { bytes: Buffer; etag: string }> = {
  "/pricing/embed.js": { bytes: Buffer.from(EMBED_JS), etag: `"${contentHashOf(EMBED_JS)}"` },
  "/pricing/frame.js": { bytes: Buffer.from(FRAME_JS), etag: `"${contentHashOf(FRAME_JS)}"` },
};

export function frameAncestors(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.TESSERA_PRICING_FRAME_ANCESTORS?.trim();
  return value && /^[\w\s:/.*'-]+$/.test(value) ? value : "*";
}

export class PricingPages {
  readonly #pages = new Map<string, Promise<Rendered>>();

  constructor(
    private readonly services: () => Services,
    private readonly ancestors = frameAncestors(),
  ) {}

  /** Answers a request under /pricing/ or /v1/public/; false when the path is neither. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const script = scripts[path];
    const feed = PUBLIC_CATALOG.exec(path);
    const page = script || feed ? null : PAGE.exec(path);
    if (!script && !feed && !page) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendError(res, 405, "METHOD_NOT_SUPPORTED", "Public pricing is read-only: use GET.");
      return true;
    }
    if (script) {
      this.#send(req, res, script.bytes, script.etag, "text/javascript; charset=utf-8", {
        "cache-control": "public, max-age=300",
        "cross-origin-resource-policy": "cross-origin",
      });
      return true;
    }
    const id = (feed ?? page)![1]!;
    const pv = await this.#publicVersion(id);
    if (!pv) {
      sendError(res, 404, "NOT_FOUND", `There is no public catalog "${id}".`);
      return true;
    }
    if (feed) {
      const view = publicViewOf(pv, this.services().published.doc(pv));
      this.#send(req, res, view.bytes, view.etag, "application/json; charset=utf-8", {
        "cache-control": `public, max-age=${PUBLIC_MAX_AGE}`,
        "access-control-allow-origin": "*",
        "content-location": `/v1/public/catalogs/${id}`,
        "tessera-catalog-version": String(pv.version),
      });
      return true;
    }
    const embed = page![2] !== undefined;
    const rendered = await this.#render(pv, embed);
    const csp = [
      "default-src 'none'",
      `style-src '${rendered.styleHash}'`,
      embed ? "script-src 'self'" : "",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${embed ? this.ancestors : "'none'"}`,
    ]
      .filter(Boolean)
      .join("; ");
    if (embed) res.removeHeader("x-frame-options");
    this.#send(req, res, rendered.bytes, rendered.etag, "text/html; charset=utf-8", {
      "cache-control": `public, max-age=${PUBLIC_MAX_AGE}`,
      "content-security-policy": csp,
    });
    return true;
  }

  async #publicVersion(id: string): Promise<PublishedVersion | undefined> {
    const services = this.services();
    if (!(await isCatalogPublic(services.db, id))) return undefined;
    return services.published.latest(id);
  }

  #render(pv: PublishedVersion, embed: boolean): Promise<Rendered> {
    const services = this.services();
    const today = services.today();
    const key = `${pv.contentHash}|${embed ? "embed" : "page"}|${today}`;
    let hit = this.#pages.get(key);
    if (!hit) {
      hit = (async () => {
        const table = await pricingTable(services, pv, services.published.doc(pv), today);
        const css = pricingCss(table);
        const html = pricingHtml(table, css, embed);
        const styleHash = `sha256-${createHash("sha256").update(css, "utf8").digest("base64")}`;
        const etag = `"${contentHashOf(`${RENDER_VERSION}\n${key}\n${html}`)}"`;
        return { bytes: Buffer.from(html, "utf8"), etag, styleHash };
      })();
      hit.catch(() => this.#pages.delete(key));
      if (this.#pages.size >= 64) this.#pages.delete(this.#pages.keys().next().value!);
      this.#pages.set(key, hit);
    }
    return hit;
  }

  #send(
    req: IncomingMessage,
    res: ServerResponse,
    bytes: Buffer,
    etag: string,
    type: string,
    headers: Record<string, string>,
  ): void {
    const all: Record<string, string | number> = { etag, ...headers };
    if (etagMatches(req.headers["if-none-match"], etag)) {
      res.writeHead(304, all);
      res.end();
      return;
    }
    all["content-type"] = type;
    all["content-length"] = bytes.length;
    res.writeHead(200, all);
    res.end(req.method === "HEAD" ? undefined : bytes);
  }
}
