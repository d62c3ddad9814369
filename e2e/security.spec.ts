import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type BrowserContext, expect, request, test } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { createTestDatabase, type TestDatabase } from "../tests/test-database";
import { accounts, DEMO_PASSWORD } from "./fixtures";
import { type ServerProcess, startServerProcess } from "./support/server-process";

/**
 * Security of the real server (production build, its own fresh database, a known AUTH_SECRET
 * so that session tokens can be forged): headers, CSRF, session expiry, sign-in throttling per
 * client address, upload limits, error bodies that give nothing away, and the attacks of
 * issue 13 (body sizes, redirects, account probing, ended sessions, batches, scripts).
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
    // Scripts only from this origin, or with the page's nonce: never inline ones without it.
    expect(headers["content-security-policy"], url).toMatch(
      /script-src 'self'( 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic')?;/,
    );
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
  // Every kind of page, the plan's live editor included, hydrates and runs under the nonce.
  for (const path of ["/plans", "/units", "/dashboard", "/criteria", "/imports", "/notifications"]) {
    await page.goto(`${server.baseURL}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto(`${server.baseURL}/plans`);
  await page.locator("table").getByRole("link").first().click();
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await page.getByRole("navigation").getByRole("link", { name: "Kế hoạch" }).click();
  await expect(page.getByRole("heading", { name: "Kế hoạch", level: 1 })).toBeVisible();
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

/** Runs `npm run cli -- …` on the spec's database, as an administrator would while the app serves. */
function cli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "server/cli/main.ts", ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          ...(database.embedded ? { CHUNGTAY_EMBEDDED_DB: "1" } : {}),
          CHUNGTAY_DATA_DIR: dataDir,
        },
      },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
}

test("pages carry a policy with a fresh nonce and no inline scripts allowed without it", async () => {
  const api = await client("203.0.113.20");
  const policies = await Promise.all(
    [1, 2].map(async () => (await api.get("/sign-in")).headers()["content-security-policy"]!),
  );
  const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
  expect(nonces[0]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  expect(policies[0]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  // Next puts the nonce on every script of the page; none is left without it.
  const html = await (await api.get("/sign-in")).text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toMatch(/ nonce="[^"]+"/);
  await api.dispose();
});

test("the sign-in routes refuse a large body before buffering it, chunked or declared", async () => {
  const { hostname, port } = new URL(server.baseURL);
  /** POSTs 64 kB in chunks and then holds the request open, as an attacker streaming 100 MB would. */
  const answer = (headers: Record<string, string>) =>
    new Promise<number | "no answer">((resolve) => {
      const req = http.request({ hostname, port, path: "/api/auth/callback/credentials", method: "POST", headers });
      const timer = setTimeout(() => {
        req.destroy();
        resolve("no answer");
      }, 5000);
      req.on("response", (response) => {
        clearTimeout(timer);
        resolve(response.statusCode!);
        response.resume();
        req.destroy();
      });
      req.on("error", () => {});
      for (let i = 0; i < 16; i++) req.write(Buffer.alloc(4096, "a"));
    });
  expect(await answer({ "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" })).toBe(
    413,
  );
  expect(
    await answer({ "content-type": "application/x-www-form-urlencoded", "content-length": String(100 * 1024 * 1024) }),
  ).toBe(413);
  // Sign-in itself still works.
  const api = await client("203.0.113.21");
  expect(await signIn(api, accounts.communePlanner, DEMO_PASSWORD)).toBeNull();
  await api.dispose();
});

test("after sign-in the browser stays on this site whatever callbackUrl says", async ({ page }) => {
  // Nothing may leave the machine: another host answers from here, and is recognisable.
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.fulfill({ body: "phished", contentType: "text/html" }),
  );
  for (const target of ["/%5Cevil.example/phish", "/%09/evil.example/phish", "/\\/evil.example", "//evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`${server.baseURL}/sign-in?callbackUrl=${target}`);
    await page.getByLabel("Thư điện tử").fill(accounts.communePlanner);
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect(new URL(page.url()).origin, target).toBe(server.baseURL);
    await expect(page.getByText("phished")).toHaveCount(0);
  }
});

test("sign-in answers alike, in alike time, whether an account exists, is locked or the password is wrong", async () => {
  // Locked by five wrong passwords, each from an address of its own (no address is throttled here).
  let address = 0;
  const from = () => client(`192.0.2.${++address}`);
  const attempt = async (email: string, password: string) => {
    const api = await from();
    const started = performance.now();
    const code = await signIn(api, email, password);
    const ms = performance.now() - started;
    await api.dispose();
    return { code, ms };
  };
  for (let i = 0; i < 5; i++) await attempt("lanhdao.xa@chungtay.vn", `Sai${i}@mat-khau`);
  const kinds = {
    // Signed in since the throttling test's wrong guesses, so its count starts at zero.
    wrong: accounts.communePlanner,
    unknown: "khong.ton.tai@chungtay.vn",
    locked: "lanhdao.xa@chungtay.vn",
  };
  const times: Record<string, number[]> = { wrong: [], unknown: [], locked: [] };
  for (let round = 0; round < 4; round++)
    for (const [kind, email] of Object.entries(kinds)) {
      const { code, ms } = await attempt(email, `Sai-vong-${round}`);
      expect(code, kind).toBe("invalid");
      times[kind]!.push(ms);
    }
  // Even the right password of a locked account gets that answer.
  expect((await attempt(kinds.locked, DEMO_PASSWORD)).code).toBe("invalid");
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const kind of ["unknown", "locked"]) {
    const ratio = median(times[kind]!) / median(times.wrong!);
    expect(ratio, `${kind}: ${times[kind]} against ${times.wrong}`).toBeGreaterThan(0.5);
    expect(ratio, kind).toBeLessThan(2);
  }
});

/** A signed-in browser and a copy of its session cookie, replayed later by a client of its own. */
async function copiedSession(context: BrowserContext, page: import("@playwright/test").Page, email: string) {
  await page.goto(`${server.baseURL}/sign-in`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Xin chào/ })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const replay = await client("203.0.113.30");
  const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, origin: server.baseURL };
  /** What the copied cookie opens: the API, a page, a collaboration token. */
  const opens = async () => ({
    trpc: (await replay.get("/api/trpc/me", { headers })).status(),
    page: (await replay.get("/plans", { headers })).headers()["location"] ?? "page shown",
    collab: (await replay.post("/api/collab/token", { headers })).status(),
  });
  /** A collaboration token from the copied cookie, and a plan it may open. */
  const collabToken = async () => {
    const list = await replay.get(`/api/trpc/plans.list?input=${encodeURIComponent('{"json":{}}')}`, { headers });
    const planId = ((await list.json()) as { result: { data: { json: { items: { id: string }[] } } } }).result.data.json
      .items[0]!.id;
    const answer = await replay.post("/api/collab/token", { headers });
    return { token: ((await answer.json()) as { token: string }).token, planId };
  };
  return { opens, collabToken, dispose: () => replay.dispose() };
}

const stillOpen = { trpc: 200, page: "page shown", collab: 200 };
const ended = { trpc: 401, page: expect.stringContaining("/sign-in"), collab: 401 };

test("a copied session cookie stops working after sign-out", async ({ context, page }) => {
  const session = await copiedSession(context, page, "lanhdao.huyen@chungtay.vn");
  expect(await session.opens()).toEqual(stillOpen);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await session.opens()).toEqual(ended);
  await session.dispose();
});

test("a copied session cookie and collaboration token stop working after a password reset or disabling", async ({
  browser,
}) => {
  for (const [email, command] of [
    ["canbo.tinh@chungtay.vn", ["user", "reset-password", "canbo.tinh@chungtay.vn"]],
    ["canbo.huyen@chungtay.vn", ["user", "disable", "canbo.huyen@chungtay.vn"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const session = await copiedSession(context, page, email);
    expect(await session.opens(), email).toEqual(stillOpen);
    const { token, planId } = await session.collabToken();
    expect(await collabTokenWorks(token, planId), email).toBe(true);
    await cli(...command);
    expect(await session.opens(), `${email} after ${command[1]}`).toEqual(ended);
    expect(await collabTokenWorks(token, planId), `${email}'s token after ${command[1]}`).toBe(false);
    // The browser's own session has ended too: it is sent to sign in again.
    await page.goto(`${server.baseURL}/plans`);
    await expect(page).toHaveURL(/\/sign-in/);
    await session.dispose();
    await context.close();
  }
});

/** Whether the collaboration socket authenticates a document with this token. */
async function collabTokenWorks(token: string, planId: string): Promise<boolean> {
  const { HocuspocusProvider } = await import("@hocuspocus/provider");
  const Y = await import("yjs");
  return new Promise((resolve) => {
    const provider = new HocuspocusProvider({
      url: `${server.baseURL.replace(/^http/, "ws")}/collab`,
      name: `plan:${planId}`,
      document: new Y.Doc(),
      token,
      onAuthenticated: () => done(true),
      onAuthenticationFailed: () => done(false),
    });
    const done = (result: boolean) => {
      provider.destroy();
      resolve(result);
    };
  });
}

test("one request carrying 200 comment calls is refused before any runs", async () => {
  const api = await client("203.0.113.32");
  expect(await signIn(api, accounts.stakeholder, DEMO_PASSWORD)).toBeNull();
  const plans = await api.get(`/api/trpc/plans.list?input=${encodeURIComponent('{"json":{}}')}`);
  const planId = ((await plans.json()) as { result: { data: { json: { items: { id: string }[] } } } }).result.data.json
    .items[0]!.id;
  const comments = async () =>
    (
      (await (
        await api.get(`/api/trpc/comments.list?input=${encodeURIComponent(JSON.stringify({ json: { planId } }))}`)
      ).json()) as { result: { data: { json: unknown[] } } }
    ).result.data.json.length;
  const before = await comments();
  const calls = 200;
  const batch = await api.post(`/api/trpc/${Array(calls).fill("comments.add").join(",")}?batch=1`, {
    headers: { origin: server.baseURL, "content-type": "application/json" },
    data: Object.fromEntries(
      Array.from({ length: calls }, (_, i) => [i, { json: { planId, body: `Ý kiến tự động ${i}` } }]),
    ),
  });
  expect(batch.status()).toBe(413);
  expect(await batch.json()).toMatchObject({ error: { message: "errors.batchTooLarge" } });
  expect(await comments()).toBe(before);
  await api.dispose();
});
