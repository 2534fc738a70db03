import { describe, expect, it } from "vitest";
import { mailtoHref, safeAccentColor, safeLogoUrl } from "./branding.ts";

describe("branding as the screens use it", () => {
  it("keeps a #rrggbb accent and drops one that carries more CSS", () => {
    expect(safeAccentColor({ accentColor: "#3b5bdb" })).toBe("#3b5bdb");
    for (const accentColor of [
      "red; background:url(https://evil.example/x)",
      "#3b5bdb; background:url(x)",
      "var(--x)",
      "url(https://evil.example)",
      "#fff",
      "",
    ])
      expect(safeAccentColor({ accentColor })).toBeUndefined();
    expect(safeAccentColor(undefined)).toBeUndefined();
  });

  it("keeps an https: or base64 image logo and drops any other scheme", () => {
    expect(safeLogoUrl({ logoUrl: "https://cdn.example/logo.png" })).toBe("https://cdn.example/logo.png");
    expect(safeLogoUrl({ logoUrl: "data:image/png;base64,iVBORw0KGgo=" })).toBe(
      "data:image/png;base64,iVBORw0KGgo=",
    );
    for (const logoUrl of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "http://cdn.example/logo.png",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "data:image/svg+xml,<svg onload=alert(1)>",
      "//evil.example/logo.png",
      "https://cdn.example/a b.png",
      `https://cdn.example/${"a".repeat(2100)}`,
    ])
      expect(safeLogoUrl({ logoUrl })).toBeUndefined();
  });

  it("links one address, whatever the stored email holds", () => {
    expect(mailtoHref("ada@analytical.example")).toBe("mailto:ada@analytical.example");
    expect(mailtoHref("ada+quotes@analytical.example")).toBe("mailto:ada%2Bquotes@analytical.example");
    const hostile = mailtoHref("ada@analytical.example?subject=Invoice&body=Pay&cc=x");
    expect(hostile).not.toMatch(/[?&]/);
    expect(hostile).toBe("mailto:ada@analytical.example%3Fsubject%3DInvoice%26body%3DPay%26cc%3Dx");
  });
});
