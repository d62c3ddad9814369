/**
 * The Content-Security-Policy of every response. Pages get a fresh nonce per request (proxy.ts):
 * Next puts it on its own scripts, inline and loaded, and 'strict-dynamic' lets those load the
 * chunks they need; no other script runs, inline or not. Other responses (the API, static
 * files) run no script at all. React sets style attributes, hence styles' 'unsafe-inline';
 * development also needs eval for fast refresh. Everything else comes from this origin only,
 * the collaboration WebSocket included ('self' covers ws: and wss: on the same host).
 */
// NODE_ENV is the bundler's constant, inlined in the proxy at build time, not a setting.
// eslint-disable-next-line no-restricted-properties
export function contentSecurityPolicy(nonce: string | null, development = process.env.NODE_ENV === "development") {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce of 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
