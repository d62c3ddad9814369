import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * Components and lib/ run in the browser: the lint rule that keeps server code out of them is
 * checked on a component written for the purpose, so that the rule cannot quietly stop working.
 */
describe("the client/server boundary", () => {
  const lint = (code: string) =>
    new ESLint({ cwd: process.cwd() }).lintText(code, { filePath: "components/plans/boundary-probe.tsx" });

  it("refuses server runtime code in a component, and allows types from the server", async () => {
    const [refused] = await lint('import { can } from "@/server/policies";\nexport const allowed = can;\n');
    expect(refused!.messages.map((m) => m.ruleId)).toContain("@typescript-eslint/no-restricted-imports");
    const [typesOnly] = await lint('import type { AppRouter } from "@/server/api/root";\nexport type R = AppRouter;\n');
    expect(typesOnly!.messages).toEqual([]);
  });
});
