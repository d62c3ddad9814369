import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy } from "./server/security/content-security-policy";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** What a client's request to a page may carry: the sign-out form (a Server Action) is tiny. */
const PAGE_BODY_LIMIT = "64kb";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  // Database drivers and WASM engines run as plain Node modules, not bundled; so does Yjs, so
  // that the collaboration server and the app share one copy of it in the process.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "yjs",
    "docx",
    "exceljs",
    "pdfmake",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT },
    proxyClientMaxBodySize: PAGE_BODY_LIMIT,
  },
  async headers() {
    // Pages get their policy, with a nonce, from proxy.ts; everything else this one, without.
    const noScripts = [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null) }];
    return [
      { source: "/:path*", headers: securityHeaders },
      ...["/api/:path*", "/_next/:path*", "/favicon.ico", "/icon.svg"].map((source) => ({
        source,
        headers: noScripts,
      })),
    ];
  },
};

export default withNextIntl(config);
