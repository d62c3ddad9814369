/**
 * Cross-site request forgery guard for state-changing requests: a browser always sends Origin
 * on a cross-site POST, so a POST whose Origin names another site is refused. Requests
 * without Origin (the CLI, server-to-server calls, tests) carry no ambient browser cookies
 * from another site and pass. Behind a proxy, Host (or X-Forwarded-Host) is the public host.
 */
export function isCrossSiteWrite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
