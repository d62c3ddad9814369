import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { attachCollab } from "../server/collab/attach";
import { createCollabServer, drainCollabServer } from "../server/collab/server";
import type { LimitOptions } from "../server/collab/extensions/limits";
import { issueCollabToken } from "../server/collab/token";
import { FRAGMENT } from "../server/documents/content";
import type { Actor } from "../server/policies/actor";
import { decodeMessage } from "@/lib/collab/messages";

process.env.AUTH_SECRET ??= "test-secret-for-collab-server-0123456789";

/**
 * The collaboration server on a real socket in this process, with real tokens and policies, and
 * editors connecting to it as browsers do (HocuspocusProvider). `stop()` closes everything.
 */
export async function startCollabHarness(options: { name?: string } & LimitOptions = {}) {
  const collab = createCollabServer({ name: "test", ...options });
  const http = createServer((_, res) => res.end());
  attachCollab(http, collab);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/collab`;
  const open: HocuspocusProvider[] = [];

  function connect(planId: string, actor: Actor | null, token?: string) {
    const doc = new Y.Doc();
    const events = { scope: null as string | null, refused: false, closed: [] as number[], errors: [] as string[] };
    const provider = new HocuspocusProvider({
      url,
      name: `plan:${planId}`,
      document: doc,
      token: async () => token ?? (actor ? (await issueCollabToken(actor.userId)).token : "none"),
      onAuthenticated: ({ scope }) => (events.scope = scope),
      onAuthenticationFailed: () => (events.refused = true),
      onClose: ({ event }) => void events.closed.push(event.code),
      onStateless: ({ payload }) => {
        const message = decodeMessage(payload);
        if (message?.type === "error") events.errors.push(message.messageKey);
      },
    });
    open.push(provider);
    const write = (text: string) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(FRAGMENT).push([p]);
    };
    const text = () => doc.getXmlFragment(FRAGMENT).toString();
    return { doc, provider, events, write, text };
  }

  return {
    collab,
    url,
    connect,
    async stop() {
      for (const provider of open) provider.destroy();
      await drainCollabServer(collab);
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Waits until `check` holds, polling; fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
