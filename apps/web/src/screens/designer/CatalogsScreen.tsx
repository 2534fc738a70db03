import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { navigate } from "../../navigation/store.ts";
import { abilities, type Role } from "../../session/store.ts";
import { NewItemForm } from "./NewItemForm.tsx";
import { PublicToggle } from "./PublicToggle.tsx";

/** Every catalog with its draft and latest version; designers open drafts, everyone browses versions. */
export function CatalogsScreen({ role }: { role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const can = abilities(role);
  const list = useQuery(trpc.catalogs.list.queryOptions());
  const create = useMutation(
    trpc.catalogs.createDraft.mutationOptions({
      onSuccess: (draft) => {
        void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() });
        navigate(`/catalogs/${draft.catalogId}/draft`);
      },
    }),
  );
  const fromVersion = useMutation(
    trpc.catalogs.createDraft.mutationOptions({
      onSuccess: (draft) => navigate(`/catalogs/${draft.catalogId}/draft`),
    }),
  );

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{can.design ? "Catalog designer" : "Catalogs"}</h1>
      </div>
      {list.isPending ? <LoadingState label="Loading catalogs" /> : null}
      {list.error ? (
        <ErrorState
          title="Could not load catalogs"
          message={errorMessage(list.error)}
          onRetry={() => list.refetch()}
        />
      ) : null}
      {list.data ? (
        <section className="ts-card">
          <table className="ts-table">
            <thead>
              <tr>
                <th scope="col">Catalog</th>
                <th scope="col">Published</th>
                {can.design ? <th scope="col">Draft</th> : null}
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>{c.name}</strong>
                    <div className="ts-hint">{c.id}</div>
                  </td>
                  <td>{c.latestVersion === null ? "never" : `version ${c.latestVersion}`}</td>
                  {can.design ? (
                    <td>{c.draftRevision === null ? "—" : `revision ${c.draftRevision}`}</td>
                  ) : null}
                  <td>
                    <div className="ts-row">
                      {c.latestVersion !== null ? (
                        <button
                          type="button"
                          className="ts-button ts-button--small"
                          onClick={() => navigate(`/catalogs/${c.id}/versions/${c.latestVersion}`)}
                        >
                          View v{c.latestVersion}
                        </button>
                      ) : null}
                      {can.design && !c.retired ? (
                        c.draftRevision !== null ? (
                          <button
                            type="button"
                            className="ts-button ts-button--small ts-button--primary"
                            aria-label={`Edit draft of ${c.name}`}
                            onClick={() => navigate(`/catalogs/${c.id}/draft`)}
                          >
                            Edit draft
                          </button>
                        ) : c.latestVersion !== null ? (
                          <button
                            type="button"
                            className="ts-button ts-button--small ts-button--primary"
                            aria-label={`Edit draft of ${c.name}`}
                            disabled={fromVersion.isPending}
                            onClick={() =>
                              fromVersion.mutate({
                                from: "version",
                                catalogId: c.id,
                                version: c.latestVersion!,
                              })
                            }
                          >
                            Start a draft
                          </button>
                        ) : null
                      ) : null}
                      <PublicToggle catalog={c} canDesign={can.design} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {can.design ? (
        <section className="ts-card" aria-labelledby="new-catalog-title">
          <h2 id="new-catalog-title">New catalog</h2>
          <p className="ts-hint" style={{ margin: 0 }}>
            Name the catalog; its id (how consuming services and the API refer to it) follows the name.
          </p>
          <NewItemForm
            title="New catalog"
            nameLabel="Name"
            idLabel="Id"
            submitLabel="Create draft"
            taken={new Set(list.data?.map((c) => c.id) ?? [])}
            usedBy="by another catalog"
            ready={!create.isPending}
            onCreate={(catalogId, name) => create.mutate({ from: "empty", catalogId, name })}
          />
          {create.error ? (
            <p className="ts-hint" role="alert" style={{ color: "var(--ts-danger)" }}>
              {errorMessage(create.error)}
            </p>
          ) : null}
          {fromVersion.error ? (
            <p className="ts-hint" role="alert" style={{ color: "var(--ts-danger)" }}>
              {errorMessage(fromVersion.error)}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
