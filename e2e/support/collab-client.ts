import { HocuspocusProvider } from "@hocuspocus/provider";
import { request, type APIRequestContext } from "@playwright/test";
import * as Y from "yjs";
import { decodeMessage } from "../../lib/collab/messages";
import { DEMO_PASSWORD } from "../fixtures";

/** A signed-in HTTP client, as a browser would be after the sign-in form. */
export async function signedInRequest(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: baseURL },
    maxRedirects: 0,
  });
  if (response.status() >= 400) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
  return context;
}

/** Calls a tRPC query over HTTP (superjson envelope). */
export async function trpcQuery<T>(context: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await context.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

export async function trpcMutation<T>(context: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await context.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A fresh draft plan of Xã Quài Nưa, so that each test edits its own document. */
export async function createCommunePlan(context: APIRequestContext, title: string): Promise<string> {
  const options = await trpcQuery<{ units: { id: string; name: string }[]; programs: { id: string; code: string }[] }>(
    context,
    "plans.formOptions",
    undefined,
  );
  const plan = await trpcMutation<{ id: string }>(context, "plans.create", {
    reference: `${Math.floor(Math.random() * 900_000) + 1000}/KH-UBND`,
    title,
    issuedOn: "",
    issuingUnitId: options.units.find((u) => u.name === "Xã Quài Nưa")!.id,
    programId: options.programs.find((p) => p.code === "NTM-2021-2025")!.id,
    year: "2025",
    parentId: "",
  });
  return plan.id;
}

export async function collabToken(context: APIRequestContext): Promise<string> {
  const response = await context.post("/api/collab/token");
  if (!response.ok()) throw new Error(`collab token: ${response.status()}`);
  return ((await response.json()) as { token: string }).token;
}

export interface TestEditor {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  text(): string;
  type(text: string): void;
  /** Resolves when the server says everything this client holds is stored. */
  saved(timeoutMs?: number): Promise<void>;
  authenticated: Promise<"read-write" | "readonly">;
  refused: Promise<string>;
  close(): void;
}

/** A Node editor on the collaboration socket: a Yjs document with one paragraph of text. */
export function openTestEditor(baseURL: string, planId: string, token: string | (() => Promise<string>)): TestEditor {
  const doc = new Y.Doc();
  let snapshot: Y.Snapshot | null = null;
  const waiters = new Set<() => void>();
  let resolveAuth!: (scope: "read-write" | "readonly") => void;
  let resolveRefused!: (reason: string) => void;
  const authenticated = new Promise<"read-write" | "readonly">((r) => (resolveAuth = r));
  const refused = new Promise<string>((r) => (resolveRefused = r));
  const provider = new HocuspocusProvider({
    url: `${baseURL.replace(/^http/, "ws")}/collab`,
    name: `plan:${planId}`,
    document: doc,
    token,
    onAuthenticated: ({ scope }) => resolveAuth(scope),
    onAuthenticationFailed: ({ reason }) => resolveRefused(reason),
    onStateless: ({ payload }) => {
      const message = decodeMessage(payload);
      if (message?.type !== "saved") return;
      snapshot = Y.decodeSnapshot(Buffer.from(message.snapshot, "base64"));
      for (const check of waiters) check();
    },
  });
  const fragment = doc.getXmlFragment("default");
  const paragraphText = () => {
    if (fragment.length === 0) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [paragraph]);
    }
    return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  return {
    doc,
    provider,
    authenticated,
    refused,
    text: () =>
      fragment
        .toArray()
        .map((node) =>
          node instanceof Y.XmlElement
            ? node
                .toArray()
                .map((t) => t.toString())
                .join("")
            : "",
        )
        .join("\n"),
    type(text) {
      doc.transact(() => {
        const target = paragraphText();
        target.insert(target.length, text);
      });
    },
    saved(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("not saved in time")), timeoutMs);
        const check = () => {
          if (snapshot && Y.snapshotContainsUpdate(snapshot, Y.encodeStateAsUpdate(doc))) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
