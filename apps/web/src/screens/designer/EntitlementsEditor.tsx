/**
 * The feature flags and limits a service grants: a key, and a value that is a flag (on/off), a
 * number (a limit) or a text (a plan name). A flag that is on is written as the key alone (the
 * schema's default value is true).
 */
import type { Entitlement } from "@tessera/schema";
import { type Path, pointer } from "./docEdit.ts";

type Kind = "on" | "off" | "number" | "text";

const kindOf = (e: Entitlement): Kind =>
  e.value === undefined || e.value === true
    ? "on"
    : e.value === false
      ? "off"
      : typeof e.value === "number"
        ? "number"
        : "text";

/** The entitlement with its value turned into `kind`, carrying what can be carried. */
export function withKind(e: Entitlement, kind: Kind): Entitlement {
  const key = e.key;
  if (kind === "on") return { key };
  if (kind === "off") return { key, value: false };
  if (kind === "number") {
    const n = typeof e.value === "string" ? Number(e.value) : Number.NaN;
    return { key, value: Number.isFinite(n) ? n : 0 };
  }
  return { key, value: typeof e.value === "number" ? String(e.value) : "" };
}

export function EntitlementsEditor({
  entitlements,
  path,
  owner,
  set,
  readOnly,
}: {
  entitlements: readonly Entitlement[];
  path: Path;
  /** Whose entitlements, for labels ("User seat"). */
  owner: string;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const put = (next: Entitlement[]) => set(path, next.length > 0 ? next : undefined);
  return (
    <fieldset className="ts-field" style={{ border: "none", padding: 0 }} data-pointer={pointer(path)}>
      <legend className="ts-label">Entitlements (feature flags and limits)</legend>
      {entitlements.length > 0 ? (
        <table className="ts-table" aria-label={`Entitlements of ${owner}`}>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Grants</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entitlements.map((e, k) => {
              const kind = kindOf(e);
              return (
                <tr key={k} data-pointer={pointer([...path, k])}>
                  <td>
                    <input
                      className="ts-input"
                      aria-label={`Entitlement ${k + 1} key`}
                      data-pointer={pointer([...path, k, "key"])}
                      value={e.key}
                      readOnly={readOnly}
                      onChange={(ev) => set([...path, k, "key"], ev.target.value)}
                    />
                  </td>
                  <td>
                    <select
                      className="ts-select"
                      aria-label={`Entitlement ${k + 1} grants`}
                      value={kind}
                      disabled={readOnly}
                      onChange={(ev) => set([...path, k], withKind(e, ev.target.value as Kind))}
                    >
                      <option value="on">flag, on</option>
                      <option value="off">flag, off</option>
                      <option value="number">a limit (number)</option>
                      <option value="text">a text</option>
                    </select>
                  </td>
                  <td>
                    {kind === "number" || kind === "text" ? (
                      <input
                        className="ts-input"
                        aria-label={`Entitlement ${k + 1} value`}
                        data-pointer={pointer([...path, k, "value"])}
                        type={kind === "number" ? "number" : "text"}
                        value={String(e.value ?? "")}
                        readOnly={readOnly}
                        onChange={(ev) =>
                          set(
                            [...path, k, "value"],
                            kind === "number"
                              ? Number.isFinite(ev.target.valueAsNumber)
                                ? ev.target.valueAsNumber
                                : 0
                              : ev.target.value,
                          )
                        }
                      />
                    ) : null}
                  </td>
                  <td>
                    {!readOnly ? (
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        aria-label={`Remove entitlement ${e.key || k + 1}`}
                        onClick={() => put(entitlements.filter((_, i) => i !== k))}
                      >
                        Remove
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <span className="ts-hint">None.</span>
      )}
      {!readOnly ? (
        <div>
          <button
            type="button"
            className="ts-button ts-button--small"
            onClick={() => put([...entitlements, { key: `feature.${entitlements.length + 1}` }])}
          >
            Add entitlement
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
