import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { isCrossSiteWrite } from "@/server/security/same-origin";

const handler = (req: Request) =>
  isCrossSiteWrite(req)
    ? Response.json({ error: { message: "errors.forbidden" } }, { status: 403 })
    : fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
