/**
 * The catalog editor: a draft (editable) or a published version (read-only). This file is the
 * layout — header and toolbar, section navigation, the section shown, diagnostics — and the wiring
 * between them; each section is its own module with its own state, and each is wrapped in an error
 * boundary so one failing section never blanks the editor.
 */
import { validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { DiagnosticsPanel, ErrorBoundary, ErrorState, LoadingState } from "@tessera/ui";
import { useCallback, useEffect, useMemo, useState } from "react";
import { conflictRevision, errorMessage } from "../../api/trpc.ts";
import { ConflictAlert } from "./ConflictAlert.tsx";
import { DraftToolbar } from "./DraftToolbar.tsx";
import type { Path } from "./docEdit.ts";
import { isDirty, useDraft } from "./draftStore.ts";
import { shownName } from "./ids.ts";
import { JsonSection } from "./JsonSection.tsx";
import { LeaveGuard } from "./LeaveGuard.tsx";
import { NewPackageForm } from "./NewPackageForm.tsx";
import { OverviewSection } from "./OverviewSection.tsx";
import { PackageEditor } from "./PackageEditor.tsx";
import { PackagingMatrix } from "./PackagingMatrix.tsx";
import { PathsSection } from "./PathsSection.tsx";
import { PriceGridSection } from "./PriceGridSection.tsx";
import { PublishPanel } from "./PublishPanel.tsx";
import { ServicesSection } from "./ServicesSection.tsx";
import { useDraftSession } from "./useDraftSession.ts";
import { useLiveValidation } from "./useValidation.ts";

type Section =
  | { kind: "overview" }
  | { kind: "services" }
  | { kind: "matrix" }
  | { kind: "prices" }
  | { kind: "package"; id: string }
  | { kind: "paths" }
  | { kind: "json" };

/**
 * Which part of the editor shows the value a JSON Pointer points at. A package is followed by its
 * id, so reordering, duplicating or renaming packages keeps the same one open.
 */
function sectionOf(pointer: string, doc: Catalog): Section {
  const m = /^\/packages\/(\d+)/.exec(pointer);
  const pkg = m ? doc.packages[Number(m[1])] : undefined;
  if (pkg) return { kind: "package", id: pkg.id };
  if (pointer.startsWith("/services")) return { kind: "services" };
  if (pointer.startsWith("/pathRules") || pointer.startsWith("/alignments")) return { kind: "paths" };
  return { kind: "overview" };
}

const sectionKey = (s: Section) => (s.kind === "package" ? `package-${s.id}` : s.kind);

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
  // A field inside a folded entry (a charge, an option group) unfolds it first.
  for (let el = best.parentElement; el; el = el.parentElement)
    if (el instanceof HTMLDetailsElement) el.open = true;
  if (!best.matches("input, select, textarea, button, [tabindex]")) best.tabIndex = -1;
  best.scrollIntoView({ block: "center" });
  best.focus();
  best.classList.remove("flash");
  void best.offsetWidth;
  best.classList.add("flash");
}

export function DraftScreen({ catalogId, version }: { catalogId: string; version?: number }) {
  const session = useDraftSession(catalogId, version);
  const { readOnly, notice, setNotice } = session;
  const doc = useDraft((s) => (s.catalogId === catalogId ? s.doc : null));
  const revision = useDraft((s) => s.revision);
  const dirty = useDraft(isDirty);
  const storeSet = useDraft((s) => s.set);
  const replace = useDraft((s) => s.replace);
  const [section, setSection] = useState<Section>({ kind: "overview" });
  const [target, setTarget] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);

  const { diagnostics, pending } = useLiveValidation(doc);
  const errors = diagnostics.filter((d) => d.severity === "error");
  // Compiled only where the price preview needs it, so big catalogs are not validated twice per edit.
  const needsCompiled = section.kind === "package";
  const compiled = useMemo(
    () => (needsCompiled && doc && !pending && errors.length === 0 ? validate(doc).catalog : undefined),
    [needsCompiled, doc, pending, errors.length],
  );

  useEffect(() => {
    if (target) {
      const t = target;
      requestAnimationFrame(() => focusPointer(t));
      setTarget(null);
    }
  }, [target]);

  const set = useCallback(
    (path: Path, value: unknown) => {
      if (readOnly) return;
      setNotice(null);
      storeSet(path, value);
    },
    [readOnly, setNotice, storeSet],
  );
  const select = (p: string) => {
    if (doc) setSection(sectionOf(p, doc));
    setTarget(p);
    setRevealed(p);
  };
  const save = session.save;
  const onSave = useCallback(() => void save(), [save]);

  if (session.loading) return <LoadingState label="Loading the catalog" />;
  if (session.error)
    return <ErrorState title="Could not load the catalog" message={errorMessage(session.error)} />;
  if (!doc) return <LoadingState label="Opening the editor" />;

  const publishBlocked =
    errors.length > 0
      ? "Fix the errors in the diagnostics panel first."
      : dirty
        ? "Save the draft first."
        : null;
  const navItem = (s: Section, label: string) => {
    const current = sectionKey(s) === sectionKey(section);
    return (
      <li key={sectionKey(s)}>
        <button type="button" aria-current={current ? "true" : undefined} onClick={() => setSection(s)}>
          {label}
        </button>
      </li>
    );
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{shownName(doc.name, catalogId)}</h1>
          <span className="muted">
            {catalogId} ·{" "}
            {readOnly
              ? `published version ${version} (read-only)`
              : `draft revision ${revision}${dirty ? " · unsaved changes" : ""}`}
          </span>
        </div>
        {!readOnly ? (
          <DraftToolbar
            dirty={dirty}
            saving={session.saveState.isPending}
            onSave={onSave}
            publishBlocked={publishBlocked}
            onPublish={() => setPublishOpen(true)}
          />
        ) : null}
      </div>
      {!readOnly ? <LeaveGuard dirty={dirty} onSave={save} /> : null}

      {notice ? (
        <div className="ts-alert ts-alert--ok" role="status">
          {notice}
        </div>
      ) : null}
      <ConflictAlert
        onMerge={() => void session.mergeTheirs()}
        onDownload={session.downloadMine}
        onDiscard={() => void session.discardMine()}
      />
      {session.saveState.error && conflictRevision(session.saveState.error) === undefined ? (
        <ErrorState title="The draft was not saved" message={errorMessage(session.saveState.error)} />
      ) : null}

      {publishOpen ? (
        <PublishPanel
          catalogId={catalogId}
          name={doc.name}
          session={session}
          dirty={dirty}
          blocked={publishBlocked}
          onClose={() => setPublishOpen(false)}
          onSelect={select}
        />
      ) : null}

      <div className="editor-layout">
        <nav aria-label="Catalog sections" className="ts-card" style={{ padding: "0.5rem" }}>
          <ul className="list-select">
            {navItem({ kind: "overview" }, "Overview & portfolios")}
            {navItem({ kind: "services" }, `Services (${doc.services.length})`)}
            {navItem({ kind: "matrix" }, "Packaging matrix")}
            {navItem({ kind: "prices" }, "Price grid")}
            {navItem({ kind: "paths" }, "Paths & ladders")}
            {navItem({ kind: "json" }, "JSON")}
          </ul>
          <h3 className="ts-label" style={{ margin: "0.75rem 0.5rem 0.25rem" }}>
            Packages
          </h3>
          <ul className="list-select">
            {doc.packages.map((p) => navItem({ kind: "package", id: p.id }, shownName(p.name, p.id)))}
          </ul>
          {!readOnly ? (
            <NewPackageForm doc={doc} onCreate={(id) => setSection({ kind: "package", id })} set={set} />
          ) : null}
        </nav>

        <ErrorBoundary label="this section" resetKey={sectionKey(section)} onError={(e) => console.warn(e)}>
          <div>
            {section.kind === "overview" ? <OverviewSection doc={doc} set={set} readOnly={readOnly} /> : null}
            {section.kind === "services" ? <ServicesSection doc={doc} set={set} readOnly={readOnly} /> : null}
            {section.kind === "matrix" ? (
              <PackagingMatrix
                doc={doc}
                readOnly={readOnly}
                onReplace={replace}
                set={set}
                onSelect={select}
              />
            ) : null}
            {section.kind === "prices" ? <PriceGridSection doc={doc} readOnly={readOnly} set={set} /> : null}
            {section.kind === "package" ? (
              <PackageEditor
                doc={doc}
                index={doc.packages.findIndex((p) => p.id === section.id)}
                onRenamed={(id) => setSection({ kind: "package", id })}
                compiled={compiled}
                set={set}
                readOnly={readOnly}
                reveal={revealed}
              />
            ) : null}
            {section.kind === "paths" ? (
              <PathsSection
                doc={doc}
                diagnostics={diagnostics}
                set={set}
                readOnly={readOnly}
                onSelectPackage={(id) => setSection({ kind: "package", id })}
              />
            ) : null}
            {section.kind === "json" ? <JsonSection doc={doc} readOnly={readOnly} onApply={replace} /> : null}
          </div>
        </ErrorBoundary>

        <div className="sticky">
          <DiagnosticsPanel diagnostics={diagnostics} pending={pending} onSelect={select} />
        </div>
      </div>
    </div>
  );
}
