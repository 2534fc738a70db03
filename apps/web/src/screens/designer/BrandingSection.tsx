/**
 * How printed quotes present the seller: company name, logo, postal address, accent colour, terms
 * and conditions, and a footer line, with a live preview of the printed quote's head and foot.
 * Emptying a field removes it (the schema refuses empty strings); emptying every field removes the
 * branding, and printed quotes fall back to the catalog's name.
 */
import type { Branding, Catalog } from "@tessera/schema";
import { ACCENT_COLOUR as COLOUR, LOGO_URL as LOGO } from "../quotes/branding.ts";
import { type Patch, type Path, patchObject } from "./docEdit.ts";
import { TextAreaField, TextField } from "./fields.tsx";

/** The branding with `patch` applied; a blank value removes its key, nothing left removes the block. */
export function withBranding(branding: Branding | undefined, patch: Patch<Branding>): Branding | undefined {
  const clean: Patch<Branding> = {};
  for (const [k, v] of Object.entries(patch) as [keyof Branding, string | undefined][])
    clean[k] = v === undefined || v.trim() === "" ? undefined : v;
  return patchObject(branding, clean);
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).filter((p) => p.trim() !== "");

function BrandingPreview({ branding, fallbackName }: { branding: Branding; fallbackName: string }) {
  const accent = branding.accentColor && COLOUR.test(branding.accentColor) ? branding.accentColor : "#1f2933";
  const company = branding.companyName ?? fallbackName;
  return (
    <figure
      aria-label="Preview of a printed quote"
      style={{
        margin: 0,
        alignSelf: "start",
        background: "#fff",
        color: "#1f2933",
        border: "1px solid var(--ts-border, #d9dde3)",
        borderTop: `6px solid ${accent}`,
        padding: "1rem 1.25rem",
        fontSize: "0.85rem",
        lineHeight: 1.45,
      }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", gap: "1rem" }}>
        <div>
          {branding.logoUrl && LOGO.test(branding.logoUrl) ? (
            <img
              src={branding.logoUrl}
              alt={company}
              style={{ display: "block", maxHeight: 40, maxWidth: 180 }}
            />
          ) : null}
          <strong style={{ display: "block", fontSize: "1rem" }}>{company}</strong>
          {branding.address ? (
            <address style={{ fontStyle: "normal", whiteSpace: "pre-line", color: "#52606d" }}>
              {branding.address}
            </address>
          ) : null}
        </div>
        <span
          style={{ fontWeight: 700, letterSpacing: "0.08em", textTransform: "uppercase", color: "#1f2933" }}
        >
          Quote
          <span
            aria-hidden="true"
            style={{ display: "block", height: 4, marginTop: 2, background: accent, borderRadius: 2 }}
          />
        </span>
      </div>
      <p style={{ color: "#52606d", margin: "0.75rem 0", fontStyle: "italic" }}>
        … the quote's lines and totals …
      </p>
      {branding.terms ? (
        <section aria-label="Terms as printed">
          <strong>Terms</strong>
          {paragraphs(branding.terms).map((p, i) => (
            <p key={i} style={{ margin: "0.25rem 0", whiteSpace: "pre-line" }}>
              {p}
            </p>
          ))}
        </section>
      ) : null}
      {branding.footer ? (
        <p
          style={{
            borderTop: "1px solid #e4e7eb",
            marginTop: "0.75rem",
            paddingTop: "0.5rem",
            textAlign: "center",
            color: "#52606d",
          }}
        >
          {branding.footer}
        </p>
      ) : null}
    </figure>
  );
}

export function BrandingSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const b = doc.branding;
  const put = (patch: Patch<Branding>) => set(["branding"], withBranding(b, patch));
  return (
    <section className="ts-card" aria-labelledby="branding-title">
      <h2 id="branding-title">Branding of printed quotes</h2>
      <div className="grid-2">
        <div className="stack" style={{ gap: "0.5rem" }}>
          <TextField
            label="Company name on quotes"
            pointer="/branding/companyName"
            value={b?.companyName}
            readOnly={readOnly}
            placeholder={doc.name}
            hint="Empty: the catalog's name."
            onChange={(v) => put({ companyName: v.slice(0, 120) })}
          />
          <TextField
            label="Logo URL"
            pointer="/branding/logoUrl"
            value={b?.logoUrl}
            readOnly={readOnly}
            placeholder="https://…"
            hint="An https:// address or a data:image/…;base64 URL of a PNG, JPEG, GIF, WebP or SVG."
            onChange={(v) => put({ logoUrl: v.trim() })}
          />
          <TextAreaField
            label="Postal address"
            pointer="/branding/address"
            value={b?.address}
            readOnly={readOnly}
            maxLength={500}
            hint="Printed as typed, line by line."
            onChange={(v) => put({ address: v })}
          />
          <div className="ts-row" style={{ alignItems: "flex-end" }}>
            <TextField
              label="Accent colour"
              pointer="/branding/accentColor"
              value={b?.accentColor}
              readOnly={readOnly}
              placeholder="#rrggbb"
              hint="The band at the top of each quote."
              onChange={(v) => put({ accentColor: v.trim() })}
            />
            <input
              type="color"
              aria-label="Pick the accent colour"
              value={b?.accentColor && COLOUR.test(b.accentColor) ? b.accentColor.toLowerCase() : "#1f2933"}
              disabled={readOnly}
              onChange={(e) => put({ accentColor: e.target.value })}
              style={{ marginBottom: "1.6rem" }}
            />
          </div>
          <TextAreaField
            label="Terms and conditions"
            pointer="/branding/terms"
            value={b?.terms}
            readOnly={readOnly}
            rows={5}
            maxLength={5000}
            hint="Printed under the totals; separate paragraphs by a blank line."
            onChange={(v) => put({ terms: v })}
          />
          <TextField
            label="Footer line"
            pointer="/branding/footer"
            value={b?.footer}
            readOnly={readOnly}
            hint="At the foot of every quote: registration, contact."
            onChange={(v) => put({ footer: v.slice(0, 500) })}
          />
        </div>
        <BrandingPreview branding={b ?? {}} fallbackName={doc.name} />
      </div>
    </section>
  );
}
