/**
 * The draft's round trips with the server: loading the draft (or a published version) into the
 * draft store, saving, publishing, and resolving a save conflict. Saving is guarded by a ref as
 * well as by the button's disabled state, so a double click (two clicks before React re-renders)
 * sends one save.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Catalog } from "@tessera/schema";
import { useEffect, useRef, useState } from "react";
import { conflictRevision, errorMessage, useTRPC, useTRPCClient } from "../../api/trpc.ts";
import { merge3 } from "./docEdit.ts";
import { isDirty, useDraft } from "./draftStore.ts";

export function useDraftSession(catalogId: string, version: number | undefined) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const readOnly = version !== undefined;
  const [notice, setNotice] = useState<string | null>(null);
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
  const load = useDraft((s) => s.load);
  const loadedId = useDraft((s) => s.catalogId);
  const revision = useDraft((s) => s.revision);

  useEffect(() => {
    if (readOnly && versionQuery.data) load(catalogId, 0, versionQuery.data.doc);
  }, [readOnly, versionQuery.data, catalogId, load]);
  useEffect(() => {
    if (!readOnly && draftQuery.data && (loadedId !== catalogId || revision === 0))
      load(catalogId, draftQuery.data.revision, draftQuery.data.doc as unknown as Catalog);
  }, [readOnly, draftQuery.data, catalogId, loadedId, revision, load]);
  useEffect(() => () => useDraft.getState().clear(), []);

  const saving = useRef(false);
  const saveMutation = useMutation(
    trpc.catalogs.updateDraft.mutationOptions({
      onSuccess: (r) => {
        useDraft.getState().saved(r.revision);
        setNotice(`Saved as revision ${r.revision}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() });
      },
      onError: (e) => {
        const theirs = conflictRevision(e);
        if (theirs !== undefined)
          useDraft.getState().setConflict({ theirRevision: theirs, message: errorMessage(e) });
      },
      onSettled: () => {
        saving.current = false;
      },
    }),
  );
  /** Saves the working copy once; resolves true when it was saved. */
  const save = async (): Promise<boolean> => {
    const s = useDraft.getState();
    if (saving.current || readOnly || !s.doc || s.conflict || !isDirty(s)) return false;
    saving.current = true;
    try {
      await saveMutation.mutateAsync({
        catalogId,
        revision: s.revision,
        doc: s.doc as unknown as Record<string, unknown>,
      });
      return true;
    } catch {
      return false;
    }
  };

  const publish = useMutation(
    trpc.catalogs.publish.mutationOptions({
      onSuccess: (v) => {
        setNotice(`Published version ${v.version}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() });
      },
    }),
  );

  const mergeTheirs = async () => {
    const theirs = await client.catalogs.getDraft.query({ catalogId });
    const s = useDraft.getState();
    const { doc: merged, clashes } = merge3(s.base, s.doc, theirs.doc);
    s.merged(theirs.revision, theirs.doc as unknown as Catalog, merged as Catalog, clashes);
    setNotice(
      clashes.length > 0
        ? `Merged onto revision ${theirs.revision}; where you both changed the same value yours was kept (${clashes.join(", ")}). Review and save.`
        : `Merged your changes onto revision ${theirs.revision}. Review and save.`,
    );
  };
  const discardMine = async () => {
    const theirs = await client.catalogs.getDraft.query({ catalogId });
    useDraft.getState().load(catalogId, theirs.revision, theirs.doc as unknown as Catalog);
    setNotice(`Loaded revision ${theirs.revision}.`);
  };
  const downloadMine = () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(useDraft.getState().doc, null, 2)], { type: "application/json" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = `${catalogId}-my-edits.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return {
    readOnly,
    loading: readOnly ? versionQuery.isPending : draftQuery.isPending,
    error: readOnly ? versionQuery.error : draftQuery.error,
    latestVersion,
    notice,
    setNotice,
    save,
    saveState: saveMutation,
    publish,
    mergeTheirs,
    discardMine,
    downloadMine,
  };
}

export type DraftSession = ReturnType<typeof useDraftSession>;
