import path from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1"]).optional();
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const url = (...protocols: string[]) => z.url({ protocol: new RegExp(`^(${protocols.join("|")})$`) }).optional();

/** Every setting Chung Tay reads from its environment (the README's configuration table). */
const settings = z.object({
  DATABASE_URL: url("postgres", "postgresql"),
  CHUNGTAY_DATA_DIR: z.string().min(1).default(".data"),
  PORT: port(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  COLLAB_PORT: port(3001),
  S3_URL: url("http", "https"),
  AUTH_SECRET: z.string().min(16).optional(),
  DEMO_PASSWORD: z.string().min(1).optional(),
  SEED: flag,
  REDIS_URL: url("redis", "rediss"),
  REDIS_PREFIX: z.string().min(1).default("chungtay"),
  TRUST_PROXY: flag,
  PRISMA_ENGINE_LOG: z.string().optional(),
  // Set by publishDatabase, not by users: the code Next bundles learns it from here.
  CHUNGTAY_EMBEDDED_DB: flag,
});

export type Config = z.infer<typeof settings> & { dataDir: string; embeddedDatabase: boolean; trustProxy: boolean };

export class ConfigError extends Error {}

let last: { key: string; config: Config } | undefined;

/**
 * The parsed settings. They are read from process.env on every call rather than once: the
 * custom server and the code Next bundles are two module graphs in one process, and the
 * environment is what they share (publishDatabase, publishAuthSecret). The last answer is kept
 * while the values stay the same, since requests read it.
 */
export function config(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable is an unset one (`AUTH_SECRET= npm start`), as the shell user means it.
  const given = Object.fromEntries(Object.keys(settings.shape).map((key) => [key, env[key] || undefined]));
  const key = JSON.stringify(given);
  if (last?.key === key) return last.config;
  const parsed = settings.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(["Chung Tay cannot start: the environment has invalid settings.", ...lines].join("\n"));
  }
  const values = parsed.data;
  const resolved = {
    ...values,
    dataDir: path.resolve(values.CHUNGTAY_DATA_DIR),
    embeddedDatabase: values.CHUNGTAY_EMBEDDED_DB === "1",
    trustProxy: values.TRUST_PROXY === "1",
  };
  last = { key, config: resolved };
  return resolved;
}

/** config() at a program's start: an invalid setting is said plainly and the program stops. */
export function configOrExit(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The database this process found or started, for every later reader in the process. */
export function publishDatabase(url: string, embedded: boolean) {
  process.env.DATABASE_URL = url;
  process.env.CHUNGTAY_EMBEDDED_DB = embedded ? "1" : "0";
}

/** The key that signs sessions, collab tokens and setup links; set before any request is served. */
export function authSecret(): string {
  const secret = config().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start the app with `npm start`");
  return secret;
}

/** The session key generated or stored under the data folder (ensureAuthSecret). */
export function publishAuthSecret(secret: string) {
  process.env.AUTH_SECRET = secret;
}
