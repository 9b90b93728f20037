import type { MetadataRoute } from "next";
import { routing } from "@/lib/i18n/routing";
import { legalSitemapPages } from "@/lib/legal/pages";
import { SITEMAP_MAX_URLS, sitemapEntries } from "@/lib/seo/sitemap";
import { languageAlternates, pageUrl, publicBaseUrl } from "@/lib/seo/urls";

// From the database on every request (never at build time, when there may be no database); listings
// that are withdrawn or expire must leave it at once.
export const dynamic = "force-dynamic";

/**
 * The catalogue's pages (lib/seo/sitemap.ts), and the pages about the exchange and its rules (/about,
 * /terms, /privacy, /contact) with their documents' effective dates. The legal pages come first, so
 * that if the catalogue fills the file's 50,000-URL limit its oldest tail is what is left out; every
 * page has one URL per language, so the cut never separates a page from its translation.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicBaseUrl();
  const legal = legalSitemapPages().flatMap(({ path, lastModified }) => {
    const languages = languageAlternates(path, base);
    return routing.locales.map((locale) => ({
      url: pageUrl(locale, path, base),
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages },
    }));
  });
  return [...legal, ...(await sitemapEntries(base))].slice(0, SITEMAP_MAX_URLS);
}
