import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/seo/sitemap";

// From the database on every request (never at build time, when there may be no database); listings
// that are withdrawn or expire must leave it at once.
export const dynamic = "force-dynamic";

export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}
