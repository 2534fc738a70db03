/**
 * What the totals of a price summary do not say on their own: a free trial and when billing starts,
 * usage billed in arrear and left out of the totals, a partial first period. Shown under the
 * summary wherever a price is shown (the quote builder, the public configurator).
 */
export function PriceNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="ts-card ts-hint" aria-label="Notes" style={{ paddingLeft: "2rem" }}>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
