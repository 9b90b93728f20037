import "server-only";
import type { MetadataRoute } from "next";
import { routing } from "@/lib/i18n/routing";
import { localizedPath, publicBaseUrl } from "./urls";

/** Signed-in areas, in every language (robots rules match path prefixes, so /en/… is listed too). */
const PRIVATE_AREAS = ["/account", "/admin"] as const;

/**
 * robots.txt: crawl the public pages and the open-data API (/api/v1), not the workspace, the
 * administration or the other API routes (sign-in, uploads, files). Crawlers apply the longest
 * matching rule, so "Allow: /api/v1/" wins over "Disallow: /api/".
 */
export function robotsRules(base: URL = publicBaseUrl()): MetadataRoute.Robots {
  const disallow = [
    ...routing.locales.flatMap((locale) => PRIVATE_AREAS.map((area) => localizedPath(locale, area))),
    "/api/",
  ];
  return {
    rules: { userAgent: "*", allow: ["/", "/api/v1/"], disallow: [...new Set(disallow)] },
    sitemap: new URL("/sitemap.xml", base).toString(),
  };
}
