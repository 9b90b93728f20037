import "server-only";
import type { MetadataRoute } from "next";
import { pool } from "@/lib/db";
import { routing } from "@/lib/i18n/routing";
import { languageAlternates, pageUrl, publicBaseUrl } from "./urls";

/** A sitemap file holds at most 50,000 URLs; every page is listed once per language. */
export const SITEMAP_MAX_URLS = 50_000;
const MAX_PAGES = Math.floor(SITEMAP_MAX_URLS / routing.locales.length);

interface SitemapPage {
  /** Unprefixed app path, e.g. "/technologies/abc". */
  path: string;
  lastModified?: Date;
}

interface Freshness {
  offers: Date | null;
  demands: Date | null;
  organizations: Date | null;
  experts: Date | null;
}

const latest = (...dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null) ?? undefined;

/**
 * When each public collection last changed. "Ever published" rather than "published now", so that a
 * withdrawal or an expiry, which removes a listing from the catalog, also counts as a change.
 */
async function freshness(): Promise<Freshness> {
  const { rows } = await pool().query<Freshness>(`
    SELECT (SELECT max(updated_at) FROM offers WHERE published_at IS NOT NULL) AS offers,
           (SELECT max(updated_at) FROM demands WHERE published_at IS NOT NULL) AS demands,
           (SELECT max(updated_at) FROM organizations WHERE verification_status <> 'REJECTED') AS organizations,
           (SELECT max(updated_at) FROM experts WHERE is_public) AS experts`);
  return rows[0]!;
}

/** The catalog and directory pages anyone can read (the search results page is noindex). */
function staticPages(f: Freshness): SitemapPage[] {
  return [
    { path: "/", lastModified: latest(f.offers, f.demands) },
    { path: "/technologies", lastModified: latest(f.offers) },
    { path: "/demands", lastModified: latest(f.demands) },
    // Where a listing is written: the explanation anyone can read (the form needs an account).
    { path: "/technologies/new" },
    { path: "/demands/new" },
    { path: "/organizations", lastModified: latest(f.organizations) },
    { path: "/experts", lastModified: latest(f.experts) },
    { path: "/statistics", lastModified: latest(f.offers, f.demands, f.organizations) },
    { path: "/open-data", lastModified: latest(f.offers, f.demands, f.organizations) },
    { path: "/developers", lastModified: latest(f.offers, f.demands) },
  ];
}

type Row = { slug: string; lastModified: Date };

/**
 * Published offers and demands, newest first. A confidential demand is listed by its own page only:
 * nothing here says which organization posted it.
 */
async function listings(table: "offers" | "demands", limit: number): Promise<Row[]> {
  if (limit <= 0) return [];
  const { rows } = await pool().query<Row>(
    `SELECT slug, updated_at AS "lastModified" FROM ${table}
      WHERE status = 'PUBLISHED' ORDER BY published_at DESC NULLS LAST, id LIMIT $1`,
    [limit],
  );
  return rows;
}

/**
 * Organizations with a public profile (rejected ones have none, as in lib/catalog/organizations.ts).
 * A profile changes with the organization and with the listings it shows: published offers and
 * non-confidential demands. Confidential demands are left out, or the date would give them away.
 */
async function organizations(limit: number): Promise<Row[]> {
  if (limit <= 0) return [];
  const { rows } = await pool().query<Row>(
    `SELECT g.slug, GREATEST(
              g.updated_at,
              (SELECT max(o.updated_at) FROM offers o WHERE o.organization_id = g.id AND o.status = 'PUBLISHED'),
              (SELECT max(d.updated_at) FROM demands d
                WHERE d.organization_id = g.id AND d.status = 'PUBLISHED' AND NOT d.confidential)
            ) AS "lastModified"
       FROM organizations g
      WHERE g.verification_status <> 'REJECTED'
      ORDER BY g.slug LIMIT $1`,
    [limit],
  );
  return rows;
}

async function experts(limit: number): Promise<Row[]> {
  if (limit <= 0) return [];
  const { rows } = await pool().query<Row>(
    `SELECT slug, updated_at AS "lastModified" FROM experts WHERE is_public ORDER BY slug LIMIT $1`,
    [limit],
  );
  return rows;
}

/**
 * Every public page, in both languages, with hreflang alternates and lastModified from the database:
 * the static pages, then published offers, published demands, organization profiles and experts, until
 * the file's 50,000-URL limit.
 */
export async function sitemapEntries(base: URL = publicBaseUrl()): Promise<MetadataRoute.Sitemap> {
  const pages = staticPages(await freshness());
  const room = () => MAX_PAGES - pages.length;
  const add = (prefix: string, rows: Row[]) =>
    pages.push(...rows.map((r) => ({ path: `${prefix}/${r.slug}`, lastModified: r.lastModified })));

  add("/technologies", await listings("offers", room()));
  add("/demands", await listings("demands", room()));
  add("/organizations", await organizations(room()));
  add("/experts", await experts(room()));

  return pages.flatMap(({ path, lastModified }) => {
    const languages = languageAlternates(path, base);
    return routing.locales.map((locale) => ({
      url: pageUrl(locale, path, base),
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages },
    }));
  });
}
