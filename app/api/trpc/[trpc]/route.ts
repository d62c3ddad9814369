import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { refuseLargeBatch } from "@/server/security/batch-limit";
import { limitBody } from "@/server/security/body-limit";
import { isCrossSiteWrite } from "@/server/security/same-origin";

const handler = (incoming: Request) => {
  if (isCrossSiteWrite(incoming)) return Response.json({ error: { message: "errors.forbidden" } }, { status: 403 });
  const tooMany = refuseLargeBatch(incoming);
  if (tooMany) return tooMany;
  const req = limitBody(incoming);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
