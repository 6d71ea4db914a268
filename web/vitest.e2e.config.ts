import { defineConfig } from "vitest/config";

// The end-to-end suite: a real `playground serve` and Debian's Chromium driven by playwright-core (e2e/README.md).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
