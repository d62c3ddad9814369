import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema } from "./migrations";

describe("migrations", () => {
  it("leave no drift between the migrated database and schema.prisma", async () => {
    const url = inject("databaseUrl");
    expect(await applyMigrations(url)).toEqual([]);
    expect(await diffDatabaseToSchema(url)).toBe("");
  });
});
