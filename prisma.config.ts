import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this: migrations run through our own WASM schema engine
// (server/db/migrations.ts) because the native engine cannot be downloaded here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
