import { describe, expect, it } from "vitest";
import { ConfigError, config } from "./config";

describe("config", () => {
  it("gives the defaults of the README's table for an empty environment", () => {
    const settings = config({});
    expect(settings).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", COLLAB_PORT: 3001, REDIS_PREFIX: "chungtay" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.dataDir).toMatch(/\.data$/);
    expect(settings.trustProxy).toBe(false);
    expect(settings.embeddedDatabase).toBe(false);
  });

  it("reads an empty variable as an unset one", () => {
    const settings = config({ DATABASE_URL: "", AUTH_SECRET: "", SEED: "", PORT: "" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.AUTH_SECRET).toBeUndefined();
    expect(settings.PORT).toBe(3000);
  });

  it("parses what it is given", () => {
    const settings = config({
      DATABASE_URL: "postgresql://app@127.0.0.1:5432/chungtay",
      PORT: "8080",
      TRUST_PROXY: "1",
      CHUNGTAY_DATA_DIR: "/srv/chungtay",
      REDIS_URL: "rediss://cache:6380/2",
    });
    expect(settings).toMatchObject({ PORT: 8080, trustProxy: true, dataDir: "/srv/chungtay" });
  });

  it("names every invalid setting at once", () => {
    const invalid = { PORT: "web", REDIS_URL: "http://cache:6379", DATABASE_URL: "mysql://db/x", TRUST_PROXY: "yes" };
    expect(() => config(invalid)).toThrow(ConfigError);
    // In the schema's order, each on its own line.
    expect(() => config(invalid)).toThrow(/DATABASE_URL: .*\n.*PORT: .*\n.*REDIS_URL: .*\n.*TRUST_PROXY: /);
  });
});
