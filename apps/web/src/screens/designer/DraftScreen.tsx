import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { validate, validateText } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { DiagnosticsPanel, type DiffChange, DiffView, ErrorState, LoadingState, Tooltip } from "@tessera/ui";
import { useEffect, useMemo, useState } from "react";
import { conflictRevision, errorDiagnostics, errorMessage, useTRPC, useTRPCClient } from "../../api/trpc.ts";
import { merge3, type Path } from "./docEdit.ts";
import { isDirty, useDraft } from "./draftStore.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { PackageEditor } from "./PackageEditor.tsx";
import { PathsSection } from "./PathsSection.tsx";
import { useLiveValidation } from "./useValidation.ts";

type Section =
  | { kind: "overview" }
  | { kind: "services" }
  | { kind: "package"; index: number }
  | { kind: "paths" }
  | { kind: "json" };

/** Which part of the editor shows the value a JSON Pointer points at. */
function sectionOf(pointer: string): Section {
  const m = /^\/packages\/(\d+)/.exec(pointer);
  if (m) return { kind: "package", index: Number(m[1]) };
  if (pointer.startsWith("/services")) return { kind: "services" };
  if (pointer.startsWith("/pathRules")) return { kind: "paths" };
  return { kind: "overview" };
}

/** Focuses the field whose pointer is the longest prefix of `target` and flashes it. */
function focusPointer(target: string) {
  const fields = [...document.querySelectorAll<HTMLElement>("[data-pointer]")];
  let best: HTMLElement | undefined;
  let bestLen = -1;
  for (const el of fields) {
    const p = el.dataset.pointer ?? "";
    if ((target === p || target.startsWith(`${p}/`)) && p.length > bestLen) {
      best = el;
      bestLen = p.length;
    }
  }
  if (!best) return;
  if (!best.matches("input, select, textarea, button, [tabindex]")) best.tabIndex = -1;
  best.scrollIntoView({ block: "center" });
  best.focus();
  best.classList.remove("flash");
  void best.offsetWidth;
  best.classList.add("flash");
}

const short = (v: unknown) => {
  if (v === undefined) return undefined;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

/** The catalog editor: a draft (editable) or a published version (read-only). */
export function DraftScreen({ catalogId, version }: { catalogId: string; version?: number }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const readOnly = version !== undefined;
  const draftQuery = useQuery({
    ...trpc.catalogs.getDraft.queryOptions({ catalogId }),
    enabled: !readOnly,
    staleTime: 0,
  });
  const versionQuery = useQuery({
    ...trpc.catalogs.getVersion.queryOptions({ catalogId, version: version ?? 1 }),
    enabled: readOnly,
  });
  const summary = useQuery(trpc.catalogs.list.queryOptions());
  const latestVersion = summary.data?.find((c) => c.id === catalogId)?.latestVersion ?? null;
  const store = useDraft();
  const [section, setSection] = useState<Section>({ kind: "overview" });
  const [target, setTarget] = useState<string | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (readOnly && versionQuery.data) store.load(catalogId, 0, versionQuery.data.doc);
  }, [readOnly, versionQuery.data, catalogId, store.load]);
  useEffect(() => {
    if (!readOnly && draftQuery.data && (store.catalogId !== catalogId || store.revision === 0))
      store.load(catalogId, draftQuery.data.revision, draftQuery.data.doc as unknown as Catalog);
  }, [readOnly, draftQuery.data, catalogId, store.catalogId, store.revision, store.load]);
  useEffect(() => () => useDraft.getState().clear(), []);

  const doc = store.catalogId === catalogId ? store.doc : null;
  const { diagnostics, pending } = useLiveValidation(doc);
  const errors = diagnostics.filter((d) => d.severity === "error");
  // Compiled only where the price preview needs it, so big catalogs are not validated twice per edit.
  const needsCompiled = section.kind === "package";
  const compiled = useMemo(
    () => (needsCompiled && doc && !pending && errors.length === 0 ? validate(doc).catalog : undefined),
    [needsCompiled, doc, pending, errors.length],
  );
  const dirty = isDirty(store);

  useEffect(() => {
    if (target) {
      const t = target;
      requestAnimationFrame(() => focusPointer(t));
      setTarget(null);
    }
  }, [target]);

  const save = useMutation(
    trpc.catalogs.updateDraft.mutationOptions({
      onSuccess: (r) => {
        store.saved(r.revision);
        setNotice(`Saved as revision ${r.revision}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() });
      },
      onError: (e) => {
        const theirs = conflictRevision(e);
        if (theirs !== undefined) store.setConflict({ theirRevision: theirs, message: errorMessage(e) });
      },
    }),
  );
  const diff = useQuery({
    ...trpc.catalogs.diff.queryOptions({ catalogId, from: latestVersion ?? 1, to: "draft" }),
    enabled: publishOpen && latestVersion !== null && !dirty,
    staleTime: 0,
  });
  const publish = useMutation(
    trpc.catalogs.publish.mutationOptions({
      onSuccess: (v) => {
        setPublishOpen(false);
        setNotice(`Published version ${v.version}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() });
      },
    }),
  );

  const set = (path: Path, value: unknown) => {
    if (!readOnly) {
      setNotice(null);
      store.set(path, value);
    }
  };

  const loading = readOnly ? versionQuery.isPending : draftQuery.isPending;
  const error = readOnly ? versionQuery.error : draftQuery.error;
  if (loading) return <LoadingState label="Loading the catalog" />;
  if (error) return <ErrorState title="Could not load the catalog" message={errorMessage(error)} />;
  if (!doc) return <LoadingState label="Opening the editor" />;

  const mergeTheirs = async () => {
    const theirs = await client.catalogs.getDraft.query({ catalogId });
    const { doc: merged, clashes } = merge3(store.base, store.doc, theirs.doc);
    store.merged(theirs.revision, theirs.doc as unknown as Catalog, merged as Catalog, clashes);
    setNotice(
      clashes.length > 0
        ? `Merged onto revision ${theirs.revision}; where you both changed the same value yours was kept (${clashes.join(", ")}). Review and save.`
        : `Merged your changes onto revision ${theirs.revision}. Review and save.`,
    );
  };
  const discardMine = async () => {
    const theirs = await client.catalogs.getDraft.query({ catalogId });
    store.load(catalogId, theirs.revision, theirs.doc as unknown as Catalog);
    setNotice(`Loaded revision ${theirs.revision}.`);
  };
  const downloadMine = () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(store.doc, null, 2)], { type: "application/json" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = `${catalogId}-my-edits.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const publishBlocked =
    errors.length > 0
      ? "Fix the errors in the diagnostics panel first."
      : dirty
        ? "Save the draft first."
        : null;
  const navItem = (s: Section, label: string, current: boolean) => (
    <li key={label}>
      <button type="button" aria-current={current ? "true" : undefined} onClick={() => setSection(s)}>
        {label}
      </button>
    </li>
  );

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{doc.name}</h1>
          <span className="muted">
            {catalogId} ·{" "}
            {readOnly
              ? `published version ${version} (read-only)`
              : `draft revision ${store.revision}${dirty ? " · unsaved changes" : ""}`}
          </span>
        </div>
        {!readOnly ? (
          <div className="ts-row" role="toolbar" aria-label="Draft actions">
            <button
              type="button"
              className="ts-button ts-button--primary"
              disabled={!dirty || save.isPending || store.conflict !== null}
              onClick={() =>
                save.mutate({
                  catalogId,
                  revision: store.revision,
                  doc: doc as unknown as Record<string, unknown>,
                })
              }
            >
              {save.isPending ? "Saving…" : "Save draft"}
            </button>
            {publishBlocked ? (
              <Tooltip id="publish-why" text={publishBlocked}>
                <button
                  type="button"
                  className="ts-button"
                  aria-disabled="true"
                  aria-describedby="publish-why"
                >
                  Publish…
                </button>
              </Tooltip>
            ) : (
              <button type="button" className="ts-button" onClick={() => setPublishOpen(true)}>
                Publish…
              </button>
            )}
          </div>
        ) : null}
      </div>

      {notice ? (
        <div className="ts-alert ts-alert--ok" role="status">
          {notice}
        </div>
      ) : null}
      {store.conflict ? (
        <div className="ts-alert ts-alert--warn" role="alert" aria-label="Editing conflict">
          <strong>Someone else saved this draft (now revision {store.conflict.theirRevision}).</strong> Your
          edits are still here and were not overwritten. Choose how to go on:
          <div className="ts-row" style={{ marginTop: "0.5rem" }}>
            <button type="button" className="ts-button ts-button--primary" onClick={() => void mergeTheirs()}>
              Merge my changes onto theirs
            </button>
            <button type="button" className="ts-button" onClick={downloadMine}>
              Download my version
            </button>
            <button type="button" className="ts-button ts-button--danger" onClick={() => void discardMine()}>
              Discard mine, load theirs
            </button>
          </div>
        </div>
      ) : null}
      {save.error && conflictRevision(save.error) === undefined ? (
        <ErrorState title="The draft was not saved" message={errorMessage(save.error)} />
      ) : null}

      {publishOpen ? (
        <section className="ts-card" role="dialog" aria-modal="false" aria-labelledby="publish-title">
          <h2 id="publish-title">Publish {doc.name}</h2>
          <p className="muted">
            Publishing freezes this draft as version {(latestVersion ?? 0) + 1}. Published versions never
            change.
          </p>
          {latestVersion === null ? (
            <p>This is the first version.</p>
          ) : diff.isPending ? (
            <LoadingState label="Comparing with the last published version" />
          ) : diff.error ? (
            <ErrorState title="Could not compare" message={errorMessage(diff.error)} />
          ) : (
            <DiffView
              title={`Draft vs version ${latestVersion}`}
              changes={(diff.data?.changes ?? []).map(
                (c): DiffChange => ({
                  pointer: c.pointer,
                  kind: c.kind,
                  ...(short(c.before) !== undefined ? { before: short(c.before)! } : {}),
                  ...(short(c.after) !== undefined ? { after: short(c.after)! } : {}),
                }),
              )}
            />
          )}
          {publish.error ? (
            <div className="ts-alert ts-alert--danger" role="alert">
              {errorMessage(publish.error)}
              <DiagnosticsPanel
                diagnostics={errorDiagnostics(publish.error)}
                onSelect={(p) => {
                  setSection(sectionOf(p));
                  setTarget(p);
                }}
              />
            </div>
          ) : null}
          <div className="ts-row" style={{ marginTop: "0.75rem" }}>
            <button
              type="button"
              className="ts-button ts-button--primary"
              disabled={publish.isPending || publishBlocked !== null}
              onClick={() => publish.mutate({ catalogId, revision: store.revision })}
            >
              {publish.isPending ? "Publishing…" : `Publish version ${(latestVersion ?? 0) + 1}`}
            </button>
            <button type="button" className="ts-button" onClick={() => setPublishOpen(false)}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}

      <div className="editor-layout">
        <nav aria-label="Catalog sections" className="ts-card" style={{ padding: "0.5rem" }}>
          <ul className="list-select">
            {navItem({ kind: "overview" }, "Overview & portfolios", section.kind === "overview")}
            {navItem({ kind: "services" }, `Services (${doc.services.length})`, section.kind === "services")}
            {navItem({ kind: "paths" }, "Paths & ladders", section.kind === "paths")}
            {navItem({ kind: "json" }, "JSON", section.kind === "json")}
          </ul>
          <h3 className="ts-label" style={{ margin: "0.75rem 0.5rem 0.25rem" }}>
            Packages
          </h3>
          <ul className="list-select">
            {doc.packages.map((p, i) =>
              navItem(
                { kind: "package", index: i },
                p.name,
                section.kind === "package" && section.index === i,
              ),
            )}
          </ul>
          {!readOnly ? (
            <NewPackageForm doc={doc} onCreate={(i) => setSection({ kind: "package", index: i })} set={set} />
          ) : null}
        </nav>

        <div>
          {section.kind === "overview" ? <Overview doc={doc} set={set} readOnly={readOnly} /> : null}
          {section.kind === "services" ? <Services doc={doc} set={set} readOnly={readOnly} /> : null}
          {section.kind === "package" ? (
            <PackageEditor
              doc={doc}
              index={section.index}
              compiled={compiled}
              set={set}
              readOnly={readOnly}
            />
          ) : null}
          {section.kind === "paths" ? (
            <PathsSection
              doc={doc}
              diagnostics={diagnostics}
              set={set}
              readOnly={readOnly}
              onSelectPackage={(id) =>
                setSection({ kind: "package", index: doc.packages.findIndex((p) => p.id === id) })
              }
            />
          ) : null}
          {section.kind === "json" ? (
            <JsonSection doc={doc} readOnly={readOnly} onApply={(d) => store.replace(d)} />
          ) : null}
        </div>

        <div className="sticky">
          <DiagnosticsPanel
            diagnostics={diagnostics}
            pending={pending}
            onSelect={(p) => {
              setSection(sectionOf(p));
              setTarget(p);
            }}
          />
        </div>
      </div>
    </div>
  );
}

function Overview({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  return (
    <div className="stack">
      <section className="ts-card" aria-labelledby="overview-title">
        <h2 id="overview-title">Catalog</h2>
        <div className="grid-2">
          <TextField
            label="Name"
            pointer="/name"
            value={doc.name}
            readOnly={readOnly}
            onChange={(v) => set(["name"], v)}
          />
          <TextField
            label="Currencies"
            pointer="/currencies"
            value={doc.currencies.join(", ")}
            readOnly={readOnly}
            hint="ISO 4217 codes, comma-separated. Every sellable package must be priced in each."
            onChange={(v) => {
              const list = v
                .split(",")
                .map((c) => c.trim().toUpperCase())
                .filter(Boolean);
              if (list.length > 0) set(["currencies"], list);
            }}
          />
          <TextField
            label="Effective date"
            pointer="/effectiveDate"
            value={doc.effectiveDate}
            readOnly={readOnly}
            placeholder="YYYY-MM-DD"
            onChange={(v) => set(["effectiveDate"], v || undefined)}
          />
          <TextField
            label="Description"
            pointer="/description"
            value={doc.description}
            readOnly={readOnly}
            onChange={(v) => set(["description"], v || undefined)}
          />
        </div>
      </section>
      <section className="ts-card" aria-labelledby="portfolios-title">
        <h2 id="portfolios-title">Portfolios</h2>
        {doc.portfolios.map((p, i) => (
          <div key={p.id} className="grid-3" data-pointer={`/portfolios/${i}`}>
            <TextField
              label="Portfolio name"
              pointer={`/portfolios/${i}/name`}
              value={p.name}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "name"], v)}
            />
            <TextField label="Id" pointer={`/portfolios/${i}/id`} value={p.id} readOnly onChange={() => {}} />
            <NumberField
              label="Order"
              pointer={`/portfolios/${i}/order`}
              value={p.order}
              readOnly={readOnly}
              onChange={(v) => set(["portfolios", i, "order"], v)}
            />
          </div>
        ))}
        {!readOnly ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            onClick={() =>
              set(
                ["portfolios"],
                [...doc.portfolios, { id: `portfolio-${doc.portfolios.length + 1}`, name: "New portfolio" }],
              )
            }
          >
            Add portfolio
          </button>
        ) : null}
      </section>
    </div>
  );
}

function Services({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [kind, setKind] = useState<"recurring" | "usage" | "one_time" | "physical">("recurring");
  return (
    <section className="ts-card" aria-labelledby="services-title">
      <h2 id="services-title">Service library</h2>
      <table className="ts-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Unit</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {doc.services.map((s, i) => (
            <tr key={s.id} data-pointer={`/services/${i}`}>
              <td>
                <input
                  aria-label={`Name of ${s.id}`}
                  className="ts-input"
                  data-pointer={`/services/${i}/name`}
                  value={s.name}
                  readOnly={readOnly}
                  onChange={(e) => set(["services", i, "name"], e.target.value)}
                />
                <div className="ts-hint">{s.id}</div>
              </td>
              <td>
                <input
                  aria-label={`Unit of ${s.id}`}
                  className="ts-input"
                  style={{ width: "7rem" }}
                  data-pointer={`/services/${i}/unit`}
                  value={s.unit}
                  readOnly={readOnly}
                  onChange={(e) => set(["services", i, "unit"], e.target.value)}
                />
              </td>
              <td>{s.kind}</td>
              <td>
                <select
                  aria-label={`Status of ${s.id}`}
                  className="ts-select"
                  data-pointer={`/services/${i}/status`}
                  value={s.status}
                  disabled={readOnly}
                  onChange={(e) => set(["services", i, "status"], e.target.value)}
                >
                  <option>draft</option>
                  <option>active</option>
                  <option>retired</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <form
          className="grid-4"
          style={{ marginTop: "0.75rem", alignItems: "end" }}
          aria-label="Add a service"
          onSubmit={(e) => {
            e.preventDefault();
            set(["services"], [...doc.services, { id, name, unit, kind, status: "active" }]);
            setId("");
            setName("");
            setUnit("");
          }}
        >
          <TextField label="New service id" pointer="" value={id} onChange={(v) => setId(v.trim())} />
          <TextField label="Name" pointer="" value={name} onChange={setName} />
          <TextField label="Unit" pointer="" value={unit} onChange={setUnit} />
          <SelectField
            label="Kind"
            pointer=""
            value={kind}
            options={["recurring", "usage", "one_time", "physical"]}
            onChange={(v) => setKind(v as typeof kind)}
          />
          <button type="submit" className="ts-button" disabled={!id || !name || !unit}>
            Add service
          </button>
        </form>
      ) : null}
    </section>
  );
}

function NewPackageForm({
  doc,
  set,
  onCreate,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  onCreate: (index: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [portfolio, setPortfolio] = useState(doc.portfolios[0]?.id ?? "");
  if (!open)
    return (
      <button
        type="button"
        className="ts-button ts-button--small"
        style={{ margin: "0.5rem" }}
        onClick={() => setOpen(true)}
      >
        New package
      </button>
    );
  const tier =
    Math.max(
      0,
      ...doc.packages.filter((p) => p.portfolio === portfolio && p.role === "base").map((p) => p.tier),
    ) + 1;
  return (
    <form
      aria-label="New package"
      style={{ padding: "0.5rem" }}
      onSubmit={(e) => {
        e.preventDefault();
        set(
          ["packages"],
          [
            ...doc.packages,
            {
              id,
              name,
              portfolio,
              role: "base",
              tier,
              status: "active",
              terms: [{ months: 12, default: true }],
              billingPeriods: ["month"],
              charges: [
                {
                  id: `${id}-base`,
                  name: `${name} subscription`,
                  model: "flat",
                  pricePoints: doc.currencies.map((currency) => ({
                    currency,
                    billingPeriod: "month" as const,
                    amount: "0.00",
                  })),
                },
              ],
            },
          ],
        );
        onCreate(doc.packages.length);
        setOpen(false);
        setId("");
        setName("");
      }}
    >
      <TextField label="Package id" pointer="" value={id} onChange={(v) => setId(v.trim())} />
      <TextField label="Package name" pointer="" value={name} onChange={setName} />
      <SelectField
        label="In portfolio"
        pointer=""
        value={portfolio}
        options={doc.portfolios.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPortfolio}
      />
      <div className="ts-row">
        <button type="submit" className="ts-button ts-button--primary" disabled={!id || !name || !portfolio}>
          Create package
        </button>
        <button type="button" className="ts-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function JsonSection({
  doc,
  readOnly,
  onApply,
}: {
  doc: Catalog;
  readOnly: boolean;
  onApply: (doc: Catalog) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="ts-card" aria-labelledby="json-title">
      <h2 id="json-title">Catalog JSON</h2>
      <label className="ts-visually-hidden" htmlFor="catalog-json">
        Catalog JSON
      </label>
      <textarea
        id="catalog-json"
        className="ts-textarea"
        rows={28}
        style={{ width: "100%" }}
        value={text}
        readOnly={readOnly}
        onChange={(e) => setText(e.target.value)}
      />
      {problem ? (
        <p role="alert" className="ts-hint" style={{ color: "var(--ts-danger)" }}>
          {problem}
        </p>
      ) : null}
      {!readOnly ? (
        <button
          type="button"
          className="ts-button"
          onClick={() => {
            const parsed = validateText(text);
            const notJson = parsed.diagnostics.find((d) => d.code.startsWith("json"));
            if (notJson) {
              setProblem(notJson.message);
              return;
            }
            setProblem(null);
            onApply(JSON.parse(text) as Catalog);
          }}
        >
          Apply JSON
        </button>
      ) : null}
    </section>
  );
}
