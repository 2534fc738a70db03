/**
 * The quote policy's approval tiers as an ordered table: the discount each tier starts above, how
 * many distinct approvers it needs (1–5, more than the tier below) and what it is called; tiers are
 * added, moved and deleted here. The engine's `approvals` check reports tiers out of order, at one
 * percent, or needing fewer approvers than the tier below, at the cell to change.
 */
import type { Catalog } from "@tessera/schema";
import { editTier, MAX_APPROVERS, moveTier, nextTier, removeTier, withTiers } from "./approvalTiers.ts";
import type { Path } from "./docEdit.ts";

export function ApprovalTiers({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const policy = doc.quotePolicy;
  const tiers = policy?.approvalTiers ?? [];
  const put = (next: Catalog["quotePolicy"]) => set(["quotePolicy"], next);
  const next = nextTier(policy);
  const at = (i: number, key?: string) => `/quotePolicy/approvalTiers/${i}${key ? `/${key}` : ""}`;
  return (
    <div className="stack" style={{ gap: "0.5rem" }} data-pointer="/quotePolicy/approvalTiers">
      <h3 className="ts-label" style={{ margin: 0 }}>
        Approval tiers
      </h3>
      {tiers.length === 0 ? (
        <p className="ts-hint" style={{ margin: 0 }}>
          No tiers: one approver signs off any quote discounted above the threshold. Add tiers when larger
          discounts need more people.
        </p>
      ) : (
        <table className="ts-table" aria-label="Approval tiers">
          <thead>
            <tr>
              <th scope="col">Discounts above (%)</th>
              <th scope="col">Approvers needed</th>
              <th scope="col">Called</th>
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((t, i) => {
              const name = `approval tier ${i + 1}`;
              return (
                <tr key={i} data-pointer={at(i)}>
                  <td>
                    <input
                      className="ts-input"
                      inputMode="decimal"
                      aria-label={`Tier ${i + 1}: discounts above (%)`}
                      data-pointer={at(i, "aboveDiscountPercent")}
                      value={t.aboveDiscountPercent}
                      readOnly={readOnly}
                      onChange={(e) =>
                        put(editTier(policy, i, { aboveDiscountPercent: e.target.value.trim() }))
                      }
                    />
                  </td>
                  <td>
                    <select
                      className="ts-select"
                      aria-label={`Tier ${i + 1}: approvers needed`}
                      data-pointer={at(i, "approvers")}
                      value={t.approvers}
                      disabled={readOnly}
                      onChange={(e) => put(editTier(policy, i, { approvers: Number(e.target.value) }))}
                    >
                      {Array.from({ length: MAX_APPROVERS }, (_, k) => k + 1).map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="ts-input"
                      aria-label={`Tier ${i + 1}: called`}
                      data-pointer={at(i, "name")}
                      value={t.name ?? ""}
                      maxLength={80}
                      placeholder="e.g. Sales manager"
                      readOnly={readOnly}
                      onChange={(e) => put(editTier(policy, i, { name: e.target.value }))}
                    />
                  </td>
                  <td>
                    {!readOnly ? (
                      <span className="ts-row" style={{ gap: "0.25rem", flexWrap: "nowrap" }}>
                        <button
                          type="button"
                          className="ts-button ts-button--small"
                          aria-label={`Move ${name} up`}
                          disabled={i === 0}
                          onClick={() => put(moveTier(policy, i, i - 1))}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="ts-button ts-button--small"
                          aria-label={`Move ${name} down`}
                          disabled={i === tiers.length - 1}
                          onClick={() => put(moveTier(policy, i, i + 1))}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="ts-button ts-button--small ts-button--danger"
                          aria-label={`Delete ${name}`}
                          onClick={() => put(removeTier(policy, i))}
                        >
                          ✕
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!readOnly ? (
        <span className="ts-row">
          <button
            type="button"
            className="ts-button ts-button--small"
            disabled={next === undefined}
            aria-describedby={next === undefined ? "approval-tier-full" : undefined}
            onClick={() => {
              if (next) put(withTiers(policy, [...tiers, next]));
            }}
          >
            Add approval tier
          </button>
          {next === undefined ? (
            <span id="approval-tier-full" className="ts-hint">
              The last tier already needs {MAX_APPROVERS} approvers, the most a tier may ask for.
            </span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
