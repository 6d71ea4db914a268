import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// `npm run dev` proxies the API (scripts/serve on :8000) so the app and the API share an origin, as when the API
// serves the built app.
const api = process.env.PLAYGROUND_API_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
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
