import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The API runs on its own port in development; the browser talks to one origin through the proxy. */
const api = `http://127.0.0.1:${process.env.PORT ?? "3000"}`;

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/trpc": api, "/v1": api } },
  preview: { proxy: { "/trpc": api, "/v1": api } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: "es" },
});
