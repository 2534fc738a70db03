/**
 * The pricing page's stylesheet (inlined in the page, allowed by its CSP hash). Cards sit in a
 * grid that is one column on a phone (360 px) and up to four across on a desktop (1440 px).
 */
export const PRICING_CSS = `
:root{--ink:#14213d;--muted:#5c6679;--paper:#fff;--wash:#f4f6fb;--line:#dfe3ec;--accent:#2a5bd7;--good:#0f7b4f;--focus:#f4a300;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--wash)}
body.embed{background:transparent}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;opacity:0}
.pt{max-width:1240px;margin:0 auto;padding:32px 20px 24px}
.embed .pt{padding:12px 8px}
header{text-align:center;margin-bottom:20px}
h1{font-size:clamp(1.6rem,4vw,2.4rem);line-height:1.2;margin:0 0 8px}
header p{margin:0 auto;max-width:640px;color:var(--muted)}
h2{font-size:1.1rem;margin:28px 0 12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.06em}
.controls{display:flex;flex-wrap:wrap;gap:12px;justify-content:center;margin:8px 0 8px}
.seg{display:inline-flex;flex-wrap:wrap;border:1px solid var(--line);border-radius:999px;background:var(--paper);padding:4px;gap:2px}
.seg label{cursor:pointer;padding:8px 16px;border-radius:999px;font-weight:600;font-size:.95rem;min-height:40px;display:inline-flex;align-items:center;gap:6px}
.seg label:hover{background:var(--wash)}
.hint{font-size:.75rem;font-weight:700;color:var(--good);background:#e3f5ec;border-radius:999px;padding:2px 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:16px;align-items:stretch}
.card{position:relative;display:flex;flex-direction:column;background:var(--paper);border:1px solid var(--line);border-radius:16px;padding:24px 20px 20px;box-shadow:0 1px 2px rgba(20,33,61,.06)}
.card.popular{border:2px solid var(--accent);box-shadow:0 8px 24px rgba(42,91,215,.15)}
.badge{position:absolute;top:-13px;left:50%;transform:translateX(-50%);margin:0;background:var(--accent);color:#fff;font-size:.75rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:4px 12px;border-radius:999px;white-space:nowrap}
h3{margin:0 0 4px;font-size:1.3rem}
.desc{margin:0 0 16px;color:var(--muted);font-size:.95rem;min-height:3em}
.amt{display:flex;flex-direction:column;margin-bottom:16px}
.price{margin:0;display:flex;align-items:baseline;gap:4px;flex-wrap:wrap}
.price strong{font-size:2.1rem;line-height:1.1;letter-spacing:-.02em}
.price span{color:var(--muted)}
.note{margin:2px 0 0;color:var(--muted);font-size:.9rem}
.save{margin:6px 0 0;color:var(--good);font-weight:600;font-size:.9rem}
.na{margin:0;color:var(--muted);font-style:italic;min-height:2.6rem}
.configure{margin-top:14px;display:block;text-align:center;text-decoration:none;font-weight:700;padding:11px 16px;border-radius:10px;border:2px solid var(--accent);color:var(--accent)}
.popular .configure{background:var(--accent);color:#fff}
.configure:hover{filter:brightness(.92)}
.configure:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
ul{list-style:none;margin:0;padding:0}
.included{border-top:1px solid var(--line);padding-top:12px}
.included li,.offers li{padding:3px 0 3px 24px;position:relative;font-size:.95rem}
.included li::before{content:"✓";position:absolute;left:2px;color:var(--good);font-weight:700}
.offers{margin-top:8px}
.offers li::before{content:"★";position:absolute;left:2px;color:var(--focus)}
.fine{text-align:center;color:var(--muted);font-size:.8rem;margin-top:24px}
@media (max-width:480px){.pt{padding:20px 12px}.seg label{padding:8px 12px}.card{padding:22px 16px 16px}.price strong{font-size:1.9rem}}
`;
