/**
 * A moment for people, in the app's one date style (ISO dates, as everywhere else in Tessera) with
 * the minute in UTC: "2026-12-07 06:22 UTC". Enough to tell two quotes of the same day apart.
 */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at.toISOString());
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
