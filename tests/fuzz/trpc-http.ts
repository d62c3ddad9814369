import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../server/api/root";
import { getDb } from "../../server/db/client";
import { loadActor } from "../../server/policies/actor";
import { isCrossSiteWrite } from "../../server/security/same-origin";

/**
 * The app's tRPC endpoint on a loopback HTTP server, built as app/api/trpc/[trpc]/route.ts
 * builds it (same router, cross-site guard and error logging), signed in as `userId` for every
 * request: the actor is loaded afresh per request as createContext does after next-auth has
 * read the session cookie, which needs Next's request scope and so is the one part left out.
 */
export async function serveTrpc(userId: string | null) {
  const handler = (req: Request) =>
    isCrossSiteWrite(req)
      ? Response.json({ error: { message: "errors.forbidden" } }, { status: 403 })
      : fetchRequestHandler({
          endpoint: "/api/trpc",
          req,
          router: appRouter,
          createContext: async () => ({ db: getDb(), actor: userId ? await loadActor(getDb(), userId) : null }),
          onError({ error, path }) {
            if (error.code === "INTERNAL_SERVER_ERROR")
              console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
          },
        });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
    const response = await handler(
      new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
