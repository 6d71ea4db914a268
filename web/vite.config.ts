import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

// The build ships the persisted documents manifest that `npm run codegen` wrote (hash to document, GraphQL Code
// Generator's format) as dist/persisted-documents.json: the API's GRAPHQL_TRUSTED_DOCUMENTS reads it.
const persistedDocuments: Plugin = {
  name: "persisted-documents",
  apply: "build",
  generateBundle() {
    const source = readFileSync(new URL("src/gql/persisted-documents.json", import.meta.url), "utf8");
    this.emitFile({ type: "asset", fileName: "persisted-documents.json", source });
  },
};

// `npm run dev` proxies the API (scripts/serve on :8000) so the app and the API share an origin, as when the API
// serves the built app.
const api = process.env.PLAYGROUND_API_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), persistedDocuments],
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/media": api,
      "/dev": api,
    },
  },
  build: { outDir: "dist", sourcemap: true },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
