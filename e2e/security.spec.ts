import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { createTestDatabase, type TestDatabase } from "../tests/test-database";
import { accounts, DEMO_PASSWORD } from "./fixtures";
import { type ServerProcess, startServerProcess } from "./support/server-process";

/**
 * Security of the real server (production build, its own fresh database, a known AUTH_SECRET
 * so that session tokens can be forged): headers, CSRF, session expiry, sign-in throttling per
 * client address, upload limits, and error bodies that give nothing away.
 */

const AUTH_SECRET = randomBytes(32).toString("base64url");
const SESSION_COOKIE = "authjs.session-token";
const EVIL = "https://evil.example";
/** Stack frames, file paths, Prisma's error text, connection strings, the secret itself. */
const LEAK = new RegExp(
  `\\bat \\S+ \\(|node_modules|/work/|/tmp/|file://|\\.ts:\\d+|invocation|postgres(ql)?://|${AUTH_SECRET}`,
);

let server: ServerProcess;
let database: TestDatabase;
let dataDir: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await createTestDatabase("chungtay_e2e_security");
  dataDir = await mkdtemp(path.join(os.tmpdir(), "chungtay-e2e-security-"));
  server = await startServerProcess(await freePort(), {
    DATABASE_URL: database.url,
    ...(database.embedded ? { CHUNGTAY_EMBEDDED_DB: "1" } : {}),
    CHUNGTAY_DATA_DIR: dataDir,
    AUTH_SECRET,
    // The test's clients stand for users behind the load balancer, each with its own address.
    TRUST_PROXY: "1",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A client of its own (own cookies), seen as coming from `address` through a proxy. */
const client = (address = "203.0.113.10") =>
  request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { "x-forwarded-for": address }, maxRedirects: 0 });

/** Signs in through next-auth's own endpoints, as the sign-in form does; returns the refusal code, or null when signed in. */
async function signIn(api: APIRequestContext, email: string, password: string, csrf = true): Promise<string | null> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    headers: { "X-Auth-Return-Redirect": "1", origin: server.baseURL },
    form: { email, password, ...(csrf ? { csrfToken } : {}), callbackUrl: `${server.baseURL}/` },
  });
  const { url } = (await response.json()) as { url: string };
  const params = new URL(url).searchParams;
  return params.get("error") ? (params.get("code") ?? params.get("error")) : null;
}

const sessionOf = async (api: APIRequestContext) =>
  (await (await api.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
const me = (api: APIRequestContext, cookie?: string) =>
  api.get("/api/trpc/me", cookie ? { headers: { cookie } } : undefined);

test("every kind of response carries the security headers", async () => {
  const api = await client();
  for (const url of ["/sign-in", "/", "/api/health", "/api/trpc/me", "/api/auth/session", "/khong-ton-tai"]) {
    const response = await api.get(url);
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], url).toContain("default-src 'self'");
    expect(headers["content-security-policy"], url).toContain("object-src 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
  await api.dispose();
});

test("the app works under its own content security policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${server.baseURL}/sign-in`);
  await page.getByLabel("Thư điện tử").fill(accounts.communePlanner);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test("sign-in needs next-auth's CSRF token", async () => {
  const api = await client("203.0.113.11");
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD, false)).toBe("MissingCSRF");
  expect((await sessionOf(api))?.user).toBeUndefined();
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD)).toBeNull();
  expect((await sessionOf(api))?.user?.id).toBeTruthy();
  await api.dispose();
});

test("writes from another site are refused: tRPC mutations and the collaboration token", async () => {
  const api = await client("203.0.113.12");
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD)).toBeNull();
  const write = (origin: string) =>
    api.post("/api/trpc/notifications.markRead", {
      headers: { origin, "content-type": "application/json" },
      data: { json: {} },
    });
  const crossSite = await write(EVIL);
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: { message: "errors.forbidden" } });
  expect((await write(server.baseURL)).status()).toBe(200);

  const token = (origin: string) => api.post("/api/collab/token", { headers: { origin } });
  expect((await token(EVIL)).status()).toBe(403);
  const own = await token(server.baseURL);
  expect(own.status()).toBe(200);
  expect(((await own.json()) as { token?: string }).token).toBeTruthy();
  await api.dispose();
});

test("a session lasts eight hours and an expired one is refused", async () => {
  const api = await client("203.0.113.13");
  expect(await signIn(api, accounts.provinceLeader, DEMO_PASSWORD)).toBeNull();
  const cookie = (await api.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)!;
  const payload = (await decode({ token: cookie.value, secret: AUTH_SECRET, salt: SESSION_COOKIE }))!;
  expect(payload.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(8 * 3600 - 120);
  expect(payload.exp! - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(8 * 3600);

  const anonymous = await client("203.0.113.13");
  const forged = async (maxAge: number) =>
    `${SESSION_COOKIE}=${await encode({ token: { sub: payload.sub, name: payload.name, email: payload.email }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge })}`;
  expect((await me(anonymous, await forged(60))).status()).toBe(200);
  // An hour past its expiry (jose tolerates 15 s of clock skew).
  const expired = await me(anonymous, await forged(-3600));
  expect(expired.status()).toBe(401);
  expect(await expired.text()).toContain("errors.unauthorized");
  const session = await anonymous.get("/api/auth/session", { headers: { cookie: await forged(-3600) } });
  expect(((await session.json()) as { user?: unknown } | null)?.user).toBeUndefined();
  await api.dispose();
  await anonymous.dispose();
});

test("one client guessing across many accounts is throttled, other clients are not", async () => {
  const guesser = await client("198.51.100.77");
  // Twenty wrong passwords spread over accounts, known and unknown: none reaches its own lock of five.
  const emails = [
    ...Object.values(accounts),
    "admin@chungtay.vn",
    "canbo.tinh@chungtay.vn",
    "lanhdao.huyen@chungtay.vn",
    "canbo.huyen@chungtay.vn",
    "khong.co@chungtay.vn",
  ];
  for (let i = 0; i < 20; i++)
    expect(await signIn(guesser, emails[i % emails.length]!, `Sai${i}@mat-khau`), `attempt ${i}`).toBe("invalid");
  expect(await signIn(guesser, accounts.stakeholder, DEMO_PASSWORD)).toBe("throttled");
  expect((await sessionOf(guesser))?.user).toBeUndefined();

  const colleague = await client("198.51.100.78");
  expect(await signIn(colleague, accounts.stakeholder, DEMO_PASSWORD)).toBeNull();
  await guesser.dispose();
  await colleague.dispose();
});

test("uploads are limited in size and type", async () => {
  const api = await client("203.0.113.14");
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD)).toBeNull();
  const preview = (fileName: string, bytes: number) =>
    api.post("/api/trpc/imports.preview", {
      headers: { origin: server.baseURL, "content-type": "application/json" },
      data: {
        json: {
          kind: "criteria",
          fileName,
          contentBase64: Buffer.alloc(bytes, "a").toString("base64"),
          period: "2025",
        },
      },
    });
  const wrongType = await preview("ket-qua.exe", 1000);
  expect(wrongType.status()).toBe(200);
  expect(JSON.stringify(await wrongType.json())).toContain("imports.errors.fileType");
  // Past the 10 MB limit: refused by the input schema, then (far past it) before the body is read.
  const tooLarge = await preview("ket-qua.csv", 10 * 1024 * 1024 + 4096);
  expect(tooLarge.status()).toBe(400);
  expect(await tooLarge.text()).toContain("imports.errors.fileTooLarge");
  const huge = await preview("ket-qua.csv", 40 * 1024 * 1024);
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("imports.errors.fileTooLarge");
  await api.dispose();
});

test("error bodies carry no stack traces, paths or secrets", async () => {
  const api = await client("203.0.113.15");
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD)).toBeNull();
  const answers = [
    await api.get("/api/trpc/khongCo.thuTucNay"),
    await api.get(
      `/api/trpc/plans.get?input=${encodeURIComponent('{"json":{"id":1},"meta":{"values":{"id":["bigint"]}}}')}`,
    ),
    await api.get(`/api/trpc/plans.get?input=${encodeURIComponent("{not json")}`),
    await api.get(`/api/trpc/units.get?input=${encodeURIComponent(JSON.stringify({ json: { id: "a\u0000b" } }))}`),
    await api.post("/api/trpc/comments.add", {
      headers: { origin: server.baseURL, "content-type": "application/json" },
      data: '{"json":',
    }),
    // A NUL in an id reaches PostgreSQL, which refuses it: the client's bad input, not a 500.
    await api.get("/api/export/plan/a%00b"),
    await api.get("/api/export/dashboard?unit=a%00b&period=2025"),
    await api.get("/api/templates/khong-co"),
    await api.get("/khong-ton-tai/%E0%A4%A"),
  ];
  for (const answer of answers) {
    const body = await answer.text();
    expect(body, `${answer.url()} → ${answer.status()}`).not.toMatch(LEAK);
    expect(answer.status(), answer.url()).toBeGreaterThanOrEqual(400);
    // The API's refusals are the client's fault and say so with a message key, never an English sentence.
    if (answer.url().includes("/api/")) expect(answer.status(), answer.url()).toBeLessThan(500);
    if (answer.url().includes("/api/trpc/")) {
      expect((JSON.parse(body) as { error: { json: { message: string } } }).error.json.message, answer.url()).toMatch(
        /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/,
      );
    }
  }
  await api.dispose();
});
