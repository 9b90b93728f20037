import type { Action } from "@/lib/authz";
import { DEMAND_ARRAY_FIELDS, DemandInputSchema } from "./demand-schema";
import { OFFER_ARRAY_FIELDS, OfferInputSchema } from "./offer-schema";

/**
 * The two kinds of listing (DOMAIN §3): a technology offer and a technology demand. Everything that
 * differs between them by name only — table, paths, permissions, form schema — is in this one table;
 * code that handles "a listing" reads it instead of writing `kind === "offer" ? … : …` again.
 * Client-safe (no database): forms and links read it too.
 */
export const LISTING_KINDS = ["offer", "demand"] as const;

export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_KIND = {
  offer: {
    /** SQL table (for the few raw statements: expiry, matching bookkeeping). */
    table: "offers",
    /** The owner's workspace: `${accountPath}/${id}`. */
    accountPath: "/account/offers",
    /** The public catalog and detail pages: `${publicPath}/${slug}`. */
    publicPath: "/technologies",
    /** Where a listing is written: a public page that explains listing and shows the form once signed in. */
    newPath: "/technologies/new",
    create: "offer:create",
    manageOwn: "offer:manage-own",
    /** The kind a match pairs it with. */
    other: "demand",
    schema: OfferInputSchema,
    /** Checkbox groups of the form (FormData → arrays). */
    arrayFields: OFFER_ARRAY_FIELDS,
  },
  demand: {
    table: "demands",
    accountPath: "/account/demands",
    publicPath: "/demands",
    newPath: "/demands/new",
    create: "demand:create",
    manageOwn: "demand:manage-own",
    other: "offer",
    schema: DemandInputSchema,
    arrayFields: DEMAND_ARRAY_FIELDS,
  },
} as const satisfies Record<
  ListingKind,
  {
    table: string;
    accountPath: `/account/${string}`;
    publicPath: `/${string}`;
    newPath: `/${string}/new`;
    create: Action;
    manageOwn: Action;
    other: ListingKind;
    schema: unknown;
    arrayFields: readonly string[];
  }
>;

export function isListingKind(value: unknown): value is ListingKind {
  return value === "offer" || value === "demand";
}

/** The owner's page of one listing (notification links, redirects after saving). */
export const ownerPath = (kind: ListingKind, id: string) => `${LISTING_KIND[kind].accountPath}/${id}`;
