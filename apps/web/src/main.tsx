import "@tessera/ui/styles.css";
import "./app.css";
import "./screens/quotes/quotes.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { makeTrpcClient, TRPCProvider } from "./api/trpc.ts";
import { useSession } from "./session/store.ts";

function Root() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            retry: (count, error) => count < 2 && !/40[134]/.test(String(error)),
          },
        },
      }),
  );
  const [trpcClient] = useState(() => makeTrpcClient(() => useSession.getState().token));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
