import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase("chungtay_vitest");
  project.provide("databaseUrl", db.url);
  project.provide("embeddedDatabase", db.embedded);
  return () => db.drop();
}
