/**
 * The bands of one price point: tiers (tiered, volume, usage: from, up to, rate, flat amount) or
 * stairstep steps (up to, amount). Adding a band closes the open last one.
 */
import type { Step, Tier } from "@tessera/schema";
import { type Path, pointer } from "./docEdit.ts";

type Set = (path: Path, value: unknown) => void;

/** The tiers with one more band: the open last band gets a bound, the new one is open. */
export function withTier(tiers: readonly Tier[]): Tier[] {
  const last = tiers.at(-1);
  const from = last?.upTo ?? (last ? last.from + 10 : 0);
  const closed = last && last.upTo == null ? [...tiers.slice(0, -1), { ...last, upTo: from }] : [...tiers];
  return [...closed, { from, unitAmount: last?.unitAmount ?? "0" }];
}

/** The steps with one more: the open last step gets a bound, the new one is open. */
export function withStep(steps: readonly Step[]): Step[] {
  const last = steps.at(-1);
  const prev = steps.at(-2)?.upTo ?? 0;
  const closed =
    last && last.upTo === null ? [...steps.slice(0, -1), { ...last, upTo: prev + 10 }] : [...steps];
  return [...closed, { upTo: null, amount: last?.amount ?? "0" }];
}

const intOrUndefined = (v: string, n: number) => (v === "" ? undefined : Math.max(0, Math.trunc(n || 0)));

export function TiersEditor({
  tiers,
  path,
  set,
  readOnly,
}: {
  tiers: Tier[];
  path: Path;
  set: Set;
  readOnly: boolean;
}) {
  return (
    <table className="ts-table" aria-label="Tiers">
      <thead>
        <tr>
          <th scope="col">From (above)</th>
          <th scope="col">Up to</th>
          <th scope="col">Unit amount</th>
          <th scope="col">Flat amount</th>
          <th scope="col">
            <span className="ts-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((t, k) => (
          <tr key={k} data-pointer={pointer([...path, k])}>
            <td>
              <input
                aria-label={`Tier ${k + 1} from`}
                className="ts-input"
                style={{ width: "7rem" }}
                type="number"
                min={0}
                data-pointer={pointer([...path, k, "from"])}
                value={t.from}
                readOnly={readOnly}
                onChange={(e) =>
                  set([...path, k, "from"], Math.max(0, Math.trunc(e.target.valueAsNumber || 0)))
                }
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} up to`}
                className="ts-input"
                style={{ width: "7rem" }}
                type="number"
                min={1}
                placeholder="no limit"
                data-pointer={pointer([...path, k, "upTo"])}
                value={t.upTo ?? ""}
                readOnly={readOnly}
                onChange={(e) =>
                  set([...path, k, "upTo"], intOrUndefined(e.target.value, e.target.valueAsNumber))
                }
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} unit amount`}
                className="ts-input"
                style={{ width: "7rem" }}
                inputMode="decimal"
                data-pointer={pointer([...path, k, "unitAmount"])}
                value={t.unitAmount}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "unitAmount"], e.target.value.trim())}
              />
            </td>
            <td>
              <input
                aria-label={`Tier ${k + 1} flat amount`}
                className="ts-input"
                style={{ width: "7rem" }}
                inputMode="decimal"
                data-pointer={pointer([...path, k, "flatAmount"])}
                value={t.flatAmount ?? ""}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "flatAmount"], e.target.value.trim() || undefined)}
              />
            </td>
            <td>
              {!readOnly && tiers.length > 1 ? (
                <button
                  type="button"
                  className="ts-button ts-button--small"
                  aria-label={`Remove tier ${k + 1}`}
                  onClick={() =>
                    set(
                      path,
                      tiers.filter((_, i) => i !== k),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
      {!readOnly ? (
        <tfoot>
          <tr>
            <td colSpan={5}>
              <button
                type="button"
                className="ts-button ts-button--small"
                onClick={() => set(path, withTier(tiers))}
              >
                Add tier
              </button>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export function StepsEditor({
  steps,
  path,
  set,
  readOnly,
}: {
  steps: Step[];
  path: Path;
  set: Set;
  readOnly: boolean;
}) {
  return (
    <table className="ts-table" aria-label="Steps">
      <thead>
        <tr>
          <th scope="col">Up to</th>
          <th scope="col">Amount</th>
          <th scope="col">
            <span className="ts-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, k) => (
          <tr key={k}>
            <td>
              <input
                aria-label={`Step ${k + 1} up to`}
                className="ts-input"
                style={{ width: "7rem" }}
                type="number"
                min={0}
                placeholder="no limit"
                data-pointer={pointer([...path, k, "upTo"])}
                value={s.upTo ?? ""}
                readOnly={readOnly}
                onChange={(e) =>
                  set([...path, k, "upTo"], intOrUndefined(e.target.value, e.target.valueAsNumber) ?? null)
                }
              />
            </td>
            <td>
              <input
                aria-label={`Step ${k + 1} amount`}
                className="ts-input"
                style={{ width: "7rem" }}
                inputMode="decimal"
                data-pointer={pointer([...path, k, "amount"])}
                value={s.amount}
                readOnly={readOnly}
                onChange={(e) => set([...path, k, "amount"], e.target.value.trim())}
              />
            </td>
            <td>
              {!readOnly && steps.length > 1 ? (
                <button
                  type="button"
                  className="ts-button ts-button--small"
                  aria-label={`Remove step ${k + 1}`}
                  onClick={() =>
                    set(
                      path,
                      steps.filter((_, i) => i !== k),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
      {!readOnly ? (
        <tfoot>
          <tr>
            <td colSpan={3}>
              <button
                type="button"
                className="ts-button ts-button--small"
                onClick={() => set(path, withStep(steps))}
              >
                Add step
              </button>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
