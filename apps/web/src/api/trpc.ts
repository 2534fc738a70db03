/**
 * The typed API client. Same-origin /trpc (the server serves this app; vite proxies it in dev);
 * the token rides in the Authorization header. Server state goes through
 * `trpc.x.queryOptions()` / `mutationOptions()` with stock useQuery / useMutation.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */

import type { AppRouter, RouterInputs, RouterOutputs } from "@tessera/api";
import type { Diagnostic } from "@tessera/engine";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export type { RouterInputs, RouterOutputs };

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function makeTrpcClient(getToken: () => string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/trpc",
        // The server refuses batches of more than 50 calls (apps/server, DEFAULT_MAX_BATCH_CALLS).
        maxItems: 20,
        headers: () => {
          const token = getToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}

interface ErrorData {
  code?: string;
  diagnostics?: Diagnostic[] | null;
  currentRevision?: number | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as ErrorData | undefined;
  return undefined;
}

/** The sentence to show for a failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

/** The tRPC error code ("CONFLICT", "UNAUTHORIZED", …), if any. */
export function errorCode(error: unknown): string | undefined {
  return dataOf(error)?.code;
}

/** Diagnostics the server sent with a refusal (publish, input validation). */
export function errorDiagnostics(error: unknown): Diagnostic[] {
  return dataOf(error)?.diagnostics ?? [];
}

/** The draft's current revision, on a stale-revision conflict. */
export function conflictRevision(error: unknown): number | undefined {
  const d = dataOf(error);
  return d?.code === "CONFLICT" ? (d.currentRevision ?? undefined) : undefined;
}
