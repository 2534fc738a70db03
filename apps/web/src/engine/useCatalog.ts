/**
 * A published catalog version, fetched once and compiled in the browser so configure, price and
 * the path lint run locally for instant feedback (the server re-checks everything it stores).
 */
import { useQuery } from "@tanstack/react-query";
import { type CompiledCatalog, validate } from "@tessera/engine";
import { useMemo } from "react";
import { useTRPC } from "../api/trpc.ts";

export function usePublishedCatalog(catalogId: string | null, version?: number) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.catalogs.getVersion.queryOptions(
      version === undefined ? { catalogId: catalogId ?? "" } : { catalogId: catalogId ?? "", version },
    ),
    enabled: catalogId !== null && catalogId !== "",
    staleTime: Number.POSITIVE_INFINITY,
  });
  const compiled = useMemo<CompiledCatalog | undefined>(
    () => (query.data ? validate(query.data.doc).catalog : undefined),
    [query.data],
  );
  return { query, catalog: compiled, version: query.data?.version, doc: query.data?.doc };
}

/** Today as YYYY-MM-DD in the user's time zone: the default `asOf` of prices and paths. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
