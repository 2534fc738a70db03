/**
 * A page that lists what one query returns: its heading and one line on what it is for, the
 * loading and error states (with a retry), a sentence when the list is empty, and the rows in a
 * card. The accounts list and the path explorer's list of arrangements are such pages.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "@tessera/ui";
import type { ReactNode } from "react";
import { errorMessage } from "../api/trpc.ts";

export interface ListPageProps<T> {
  title: string;
  intro: string;
  /** What is listed, for the loading and error states ("accounts"). */
  what: string;
  query: UseQueryResult<T[], unknown>;
  /** Said when there is nothing to list. */
  empty: string;
  children: (rows: T[]) => ReactNode;
}

export function ListPage<T>({ title, intro, what, query, empty, children }: ListPageProps<T>) {
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{title}</h1>
        <span className="muted">{intro}</span>
      </div>
      {query.isPending ? <LoadingState label={`Loading ${what}`} /> : null}
      {query.error ? (
        <ErrorState
          title={`Could not load ${what}`}
          message={errorMessage(query.error)}
          onRetry={() => query.refetch()}
        />
      ) : null}
      {query.data ? (
        <section className="ts-card">
          {query.data.length === 0 ? <p className="muted">{empty}</p> : children(query.data)}
        </section>
      ) : null}
    </div>
  );
}
