import { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { bufferBody, MAX_AUTH_BODY_BYTES } from "@/server/security/body-limit";

export const { GET } = handlers;

/** next-auth reads a form whole: it gets one of a few kB at most, refused before it is buffered. */
export async function POST(req: NextRequest) {
  const bounded = await bufferBody(req, MAX_AUTH_BODY_BYTES, (url, init) => new NextRequest(url, init));
  return bounded instanceof Response ? bounded : handlers.POST(bounded);
}
