import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/server/security/content-security-policy";

/**
 * Gives every page a Content-Security-Policy with a nonce of its own. Next reads the policy
 * from the request to put the nonce on its scripts, and the browser gets the same policy.
 * Pages render per request already (they read the session), so the nonce costs no caching.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages only (prefetches too: a prefetched document may be shown). The API and static
    // files get next.config's policy, and their request bodies are never copied for a proxy
    // (Next buffers up to proxyClientMaxBodySize of a body it hands to one).
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
  ],
};
