/**
 * The catalog's price books (list, partner, promotional): name, which one quotes use when they name
 * none, and the book a price falls back to when this one has no price point for a charge. Price
 * books have their own id namespace.
 */
import { renameId } from "@tessera/engine";
import type { Catalog, PriceBook } from "@tessera/schema";
import type { Path } from "./docEdit.ts";
import { IdField } from "./IdField.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import { RowActions } from "./RowActions.tsx";

export function PriceBooksSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const books = doc.priceBooks ?? [];
  const setBooks = (next: PriceBook[]) => set(["priceBooks"], next.length > 0 ? next : undefined);
  return (
    <section className="ts-card" aria-labelledby="pricebooks-title">
      <h2 id="pricebooks-title">Price books</h2>
      {books.length === 0 ? (
        <p className="ts-hint">One list of prices. Add books for partner or promotional prices.</p>
      ) : (
        <table className="ts-table" aria-label="Price books">
          <thead>
            <tr>
              <th scope="col">Price book</th>
              <th scope="col">Default</th>
              <th scope="col">Falls back to</th>
              {!readOnly ? (
                <th scope="col">
                  <span className="ts-visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {books.map((b, i) => (
              <tr key={b.id} data-pointer={`/priceBooks/${i}`}>
                <td>
                  <input
                    aria-label={`Name of price book ${b.id}`}
                    className="ts-input"
                    data-pointer={`/priceBooks/${i}/name`}
                    value={b.name}
                    readOnly={readOnly}
                    onChange={(e) => set(["priceBooks", i, "name"], e.target.value)}
                  />
                  <IdField
                    label={`Id of price book ${b.name}`}
                    compact
                    id={b.id}
                    pointer={`/priceBooks/${i}/id`}
                    taken={new Set(books.map((x) => x.id))}
                    readOnly={readOnly}
                    onRename={(to) => set([], renameId(doc, b.id, to, "priceBook"))}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="default-price-book"
                    aria-label={`${b.name} is the default price book`}
                    data-pointer={`/priceBooks/${i}/default`}
                    checked={b.default === true}
                    disabled={readOnly}
                    onChange={() =>
                      setBooks(
                        books.map((x) =>
                          x.id === b.id ? { ...x, default: true } : (({ default: _d, ...rest }) => rest)(x),
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <select
                    className="ts-select"
                    aria-label={`Price book ${b.name} falls back to`}
                    data-pointer={`/priceBooks/${i}/fallback`}
                    value={b.fallback ?? ""}
                    disabled={readOnly}
                    onChange={(e) => set(["priceBooks", i, "fallback"], e.target.value || undefined)}
                  >
                    <option value="">no other book</option>
                    {books
                      .filter((x) => x.id !== b.id)
                      .map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                        </option>
                      ))}
                  </select>
                </td>
                {!readOnly ? (
                  <td>
                    <RowActions
                      doc={doc}
                      path={["priceBooks", i]}
                      name={`price book ${b.name}`}
                      set={set}
                      namespace="priceBook"
                      compact
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly ? (
        <NewItemForm
          title="Add a price book"
          nameLabel="New price book name"
          idLabel="Price book id"
          submitLabel="Add price book"
          taken={new Set(books.map((b) => b.id))}
          onCreate={(id, name) =>
            setBooks([...books, books.length === 0 ? { id, name, default: true } : { id, name }])
          }
        />
      ) : null}
    </section>
  );
}
