import path from "node:path";
import { defineConfig } from "vitest/config";

const embedded = !process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Modules only Next loads say so with `import "server-only"`; tests run them in plain Node.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-db.ts"],
    // PGlite is a single session: test files take turns on it.
    fileParallelism: !embedded,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
