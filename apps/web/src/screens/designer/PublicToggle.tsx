import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "../../api/trpc.ts";

/**
 * A designer makes a published catalog public (its feed served without a token, its pricing page
 * at /pricing/:id) or private again; everyone sees the pricing page link of a public catalog.
 */
export function PublicToggle({
  catalog,
  canDesign,
}: {
  catalog: { id: string; name: string; public: boolean; latestVersion: number | null; retired: boolean };
  canDesign: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggle = useMutation(
    trpc.catalogs.setPublic.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.catalogs.list.queryKey() }),
    }),
  );
  return (
    <>
      {catalog.public ? (
        <a
          className="ts-button ts-button--small"
          href={`/pricing/${catalog.id}`}
          target="_blank"
          rel="noopener"
        >
          Pricing page
        </a>
      ) : null}
      {canDesign && catalog.latestVersion !== null && !catalog.retired ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          aria-label={`${catalog.public ? "Make private" : "Make public"}: ${catalog.name}`}
          disabled={toggle.isPending}
          title={
            catalog.public
              ? "Stop serving this catalog without a token"
              : "Serve the latest version without a token, with a public pricing page"
          }
          onClick={() => toggle.mutate({ catalogId: catalog.id, public: !catalog.public })}
        >
          {catalog.public ? "Make private" : "Make public"}
        </button>
      ) : null}
      {toggle.error ? (
        <span className="ts-hint" role="alert">
          {errorMessage(toggle.error)}
        </span>
      ) : null}
    </>
  );
}
