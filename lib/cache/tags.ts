/**
 * The cache tags of the public pages and of the public API (README, "Caching"). A cached page or
 * answer carries the tags of what it shows; a write invalidates the tags of what it changed
 * (./invalidate.ts). Client-safe: names only, no Next.js import. A foundation module: it imports
 * nothing from the domains that call it (so `ListingKind` is restated here).
 */

type ListingKind = "offer" | "demand";

/** One published listing: its detail page and `GET /api/v1/<kind>s/<id>`. */
export type ListingTag = `offer:${string}` | `demand:${string}`;
/** A listing's stored matches: the "matching demands/technologies" blocks and the matches API. */
export type MatchesTag = `matches:${ListingKind}:${string}`;
/** One organization's public page (and the organization box of its listings' pages). */
export type OrganizationTag = `org:${string}`;
/** Lists and everything that counts or lists many rows. */
export type CollectionTag =
  "catalog:offers" | "catalog:demands" | "catalog:organizations" | "catalog:experts" | "stats";

export type CacheTag = ListingTag | MatchesTag | OrganizationTag | CollectionTag;

const CATALOG: Record<ListingKind, CollectionTag> = { offer: "catalog:offers", demand: "catalog:demands" };

export const tags = {
  listing: (kind: ListingKind, id: string): ListingTag => `${kind}:${id}`,
  matches: (kind: ListingKind, id: string): MatchesTag => `matches:${kind}:${id}`,
  organization: (id: string): OrganizationTag => `org:${id}`,
  catalog: (kind: ListingKind): CollectionTag => CATALOG[kind],
  organizations: "catalog:organizations",
  experts: "catalog:experts",
  stats: "stats",
} as const;

/**
 * What a change to a listing's public face invalidates: published, republished, an approved
 * revision, withdrawn or expired. Its page, the catalog of its kind (lists, home page, facets, the
 * not-found pages of that kind), its matches (they disappear with it), its organization's page
 * (which lists it) and the statistics.
 */
export function listingChanged(kind: ListingKind, id: string, organizationId: string): CacheTag[] {
  return [
    tags.listing(kind, id),
    tags.catalog(kind),
    tags.matches(kind, id),
    tags.organization(organizationId),
    tags.stats,
  ];
}

/**
 * The tags of a listing's detail page: the listing, its matches block and its organization (name,
 * badge) — not the organization of a confidential demand, which the page does not show. A page that
 * answered 404 carries its catalog's tag, so publishing any listing of that kind renders it again.
 */
export function listingPageTags(
  kind: ListingKind,
  listing: { id: string; organizationId: string | null } | null,
): CacheTag[] {
  if (!listing) return [tags.catalog(kind)];
  const own = [tags.listing(kind, listing.id), tags.matches(kind, listing.id)];
  return listing.organizationId ? [...own, tags.organization(listing.organizationId)] : own;
}

/**
 * What a change to an organization's public face invalidates (verified, accepted legal change,
 * profile): its page, the directory, and its listings everywhere they show its name or badge — the
 * catalogs and detail pages of both kinds (their pages carry `org:<id>`), and the statistics
 * (verified organizations are counted).
 */
export function organizationChanged(id: string): CacheTag[] {
  return [tags.organization(id), tags.organizations, tags.catalog("offer"), tags.catalog("demand"), tags.stats];
}

/**
 * What recomputing one listing's matches invalidates: the matches of that listing and of every
 * listing on the other side that gained or lost a pair with it.
 */
export function matchesChanged(kind: ListingKind, id: string, counterpartIds: Iterable<string>): CacheTag[] {
  const other: ListingKind = kind === "offer" ? "demand" : "offer";
  return [tags.matches(kind, id), ...[...new Set(counterpartIds)].map((c) => tags.matches(other, c))];
}
