/** Where relative targets are resolved when the site's own origin is not at hand (a server behind a proxy). */
const PLACEHOLDER_ORIGIN = "http://chungtay.invalid";

/**
 * The path (with query and hash) on this site that `target` names, or "/" for anything that
 * leaves it. The target is parsed as a browser would against `origin`, so every spelling of
 * another host is caught the same way: `//evil`, `/\evil`, `/%5Cevil` once decoded, a tab
 * inside `/<tab>/evil`, `https://evil`, `javascript:`. A path that still starts with two
 * slashes (`/.//evil` becomes `//evil`) would name a host when resolved again, and is refused.
 */
export function sameOriginPath(target: string | null | undefined, origin = PLACEHOLDER_ORIGIN): string {
  if (!target) return "/";
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = url.pathname + url.search + url.hash;
  return /^\/[\\/]/.test(path) ? "/" : path;
}
