import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { config } from "../config";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
 * The native engine is a download that fails on machines without internet; the WASM build
 * ships inside an npm package and records migrations in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so a deployment can switch to the native CLI at any time.
 */

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

const require = createRequire(import.meta.url);

async function loadEngineModule() {
  // The WASM build reports a Rust panic's message through this global before it traps.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => console.error(`Prisma schema engine panic: ${message}`),
  };
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(bgPath)) as typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const wasmModule = new WebAssembly.Module(bytes);
  // The engine arms timeouts (e.g. for connecting) that would keep a finished command alive
  // for seconds; unref'd, they still fire while the engine works but do not hold the process.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    const setTimer = imports[name] as (...args: unknown[]) => NodeJS.Timeout;
    imports[name] = (...args: unknown[]) => setTimer(...args).unref();
  }
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

let engineModule: ReturnType<typeof loadEngineModule> | undefined;

/** Runs `work` with a schema engine on the database at `connectionString`, then releases both. */
export async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const datamodel = await readFile(SCHEMA_PATH, "utf8");
  const pool = poolWithCharAsText(connectionString);
  const clients = new Set<pg.PoolClient>();
  pool.on("connect", (client) => clients.add(client));
  const adapter = bindMigrationAwareSqlAdapterFactory(withCharColumns(new PrismaPg(pool)));
  const log = (message: string) => {
    if (config().PRISMA_ENGINE_LOG) console.error(message);
  };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, log, adapter);
  try {
    return await work(engine);
  } finally {
    engine.free();
    // The engine keeps a session checked out (it holds the migration lock on it) and never
    // hands it back, so its connections are closed directly rather than drained.
    const ending = pool.end();
    await Promise.allSettled([...clients].map((client) => client.end()));
    await ending;
  }
}

/**
 * The engine reads PostgreSQL catalogues with `"char"` columns (e.g. `pg_constraint.contype`),
 * a type the pg adapter refuses. They hold single ASCII letters that pg already returns as
 * strings, so the driver reports them as text (OID 25); `withCharColumns` then restores the
 * Character type on the one column the engine decodes as a char.
 */
function poolWithCharAsText(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 1 });
  const relabel = (result: pg.QueryResult | undefined) => {
    for (const field of result?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: Error | null, result?: pg.QueryResult) => last(error, relabel(result));
        return query(...args);
      }
      return (query(...args) as Promise<pg.QueryResult>).then(relabel);
    };
  });
  return pool;
}
const CHAR_OID = 18;
const ENGINE_CHAR_COLUMNS = new Set(["constraint_type"]);

function withCharColumns(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = <Q extends SqlQueryable>(queryable: Q): Q => {
    const queryRaw = queryable.queryRaw.bind(queryable);
    queryable.queryRaw = async (query) => {
      const result = await queryRaw(query);
      result.columnTypes = result.columnTypes.map((type, i) =>
        ENGINE_CHAR_COLUMNS.has(result.columnNames[i] ?? "") ? ColumnTypeEnum.Character : type,
      );
      return result;
    };
    return queryable;
  };
  const patchAdapter = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = patch(await connecting);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolation) => patch(await startTransaction(isolation));
    // A migration goes to PostgreSQL whole, in one simple query, as the native engine sends it:
    // the adapter's own executeScript splits it at every ";", which breaks function bodies.
    adapter.executeScript = async (script) => {
      const driver = adapter as unknown as { underlyingDriver(): pg.Pool; onError(error: unknown): never };
      try {
        await driver.underlyingDriver().query(script);
      } catch (error) {
        driver.onError(error);
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => patchAdapter(factory.connect()),
    connectToShadowDb: () => patchAdapter(factory.connectToShadowDb()),
  };
}
const TEXT_OID = 25;

/** Reads `prisma/migrations` into the shape the engine expects, in name (timestamp) order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
          (ok) => ({ tag: "ok" as const, value: ok }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
