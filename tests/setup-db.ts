import { afterAll, inject } from "vitest";
import { disconnectDb } from "../server/db/client";

// Every test file talks to the run's fresh database through the app's own client.
process.env.DATABASE_URL = inject("databaseUrl");
if (inject("embeddedDatabase")) process.env.CHUNGTAY_EMBEDDED_DB = "1";

afterAll(() => disconnectDb());
