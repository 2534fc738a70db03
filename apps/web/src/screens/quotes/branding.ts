/**
 * A catalog's branding as the screens may use it. The schema already refuses anything else at
 * publish (`/branding/accentColor`, `/branding/logoUrl`), but a renderer does not trust the
 * document it is handed: an accent colour that is not `#rrggbb` could carry more CSS
 * (`red; background:url(…)`) and a logo that is not https: or a base64 image (`javascript:`,
 * `http:`, other `data:` types) could load or run something; either is dropped, never shown.
 */
import type { Branding } from "@tessera/schema";

/** The schema's accent colour pattern: `#rrggbb`. */
export const ACCENT_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** The schema's logo pattern: an https:// URL or a base64 data: URL of an image. */
export const LOGO_URL =
  /^(https:\/\/[^\s]+|data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+)$/;

/** The accent colour when it is a plain `#rrggbb`, else undefined. */
export function safeAccentColor(branding: Branding | undefined): string | undefined {
  const c = branding?.accentColor;
  return c !== undefined && ACCENT_COLOUR.test(c) ? c : undefined;
}

/** The logo URL when it is https: or a base64 image `data:` URL, else undefined. */
export function safeLogoUrl(branding: Branding | undefined): string | undefined {
  const url = branding?.logoUrl;
  return url !== undefined && url.length <= 2048 && LOGO_URL.test(url) ? url : undefined;
}

/**
 * A `mailto:` link to exactly one address: each side of the `@` is percent-encoded (RFC 6068), so
 * an address stored before the stricter check (`a@b.c?subject=…&body=…`) cannot add a subject,
 * a body or another recipient to the seller's message.
 * @see https://www.rfc-editor.org/rfc/rfc6068#section-2
 */
export function mailtoHref(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return `mailto:${encodeURIComponent(email)}`;
  return `mailto:${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}
