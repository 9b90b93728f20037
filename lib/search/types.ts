/**
 * Contract of the search module (lib/search) — used by pages, the API, the benchmark and the quality
 * test. Text is matched diacritic- and case-insensitively ("xu ly nuoc thai" finds "xử lý nước thải"),
 * tolerates one-letter typos and partial words, and ranks title > keywords > summary > description.
 */
import type { IpStatus, OrgType, PriceType, ScreeningOutcome, VerificationStatus } from "@/lib/generated/prisma/enums";

export type SearchKind = "offers" | "demands" | "organizations" | "experts";

/** A listing's identity and texts as stored: Vietnamese always, English when the author gave it. */
export interface ListingTexts {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string | null;
  summaryEn: string | null;
}

/** [start, end) character ranges of `text` to highlight. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  snippet: Snippet;
  score: number;
  /** What the listing's catalog card shows besides its title: set on every offer and demand hit. */
  card?: ListingHitCard;
}

/** The publishing organization as a listing's card names it. */
export interface HitOrganization {
  name: string;
  nameEn: string | null;
  slug: string;
  type: OrgType;
  verificationStatus: VerificationStatus;
}

/** A VND amount: int8 as a number when it is safe, else its decimal string (lib/db.ts). */
export type HitAmount = number | string | null;

/** The columns of a catalog card (components/offers/offer-card.tsx, components/demands/demand-card.tsx). */
interface HitCardBase {
  summaryVi: string | null;
  summaryEn: string | null;
  location: string;
  publishedAt: Date | null;
  updatedAt: Date;
  sector: { code: string; nameVi: string; nameEn: string };
}

export interface OfferHitCard extends HitCardBase {
  kind: "offer";
  summaryVi: string;
  trl: number;
  ipStatus: IpStatus;
  priceType: PriceType;
  priceMin: HitAmount;
  priceMax: HitAmount;
  screening: ScreeningOutcome;
  organization: HitOrganization;
}

export interface DemandHitCard extends HitCardBase {
  kind: "demand";
  trlMin: number;
  budgetMin: HitAmount;
  budgetMax: HitAmount;
  /** "YYYY-MM-DD". */
  deadline: string | null;
  confidential: boolean;
  /** Null for a confidential demand: its publisher (and anything narrowing it) never leaves the database. */
  organization: HitOrganization | null;
}

export type ListingHitCard = OfferHitCard | DemandHitCard;

export interface FacetBucket {
  key: string;
  count: number;
}

/** Counts for the catalog filters, computed for the current query. */
export interface Facets {
  field: FacetBucket[];
  trl: FacetBucket[];
  ipStatus: FacetBucket[];
  orgType: FacetBucket[];
  location: FacetBucket[];
  transferForm: FacetBucket[];
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets?: Facets;
  /** The facet counts were counted on a sample of a very large result and scaled (show them as "≈"). */
  facetsApproximate?: boolean;
  /** The query's words found nothing and this spelling-corrected query was searched instead. */
  correctedQuery?: string;
  /** Too few listings matched every word: approximate results follow the strict ones. */
  relaxation?: Relaxation;
}

/** What a relaxed search did, for the notice on the page. */
export interface Relaxation {
  /** How many of the rows are strict matches (they rank first). */
  strict: number;
  /**
   * The approximate matches were counted only up to RELAXED_COUNT_CAP (lib/search/sql.ts): the
   * total is a lower bound ("more than 1,000"), and the facets count that many.
   */
  capped: boolean;
  /** The concepts searched, each with the synonyms used ("trâu bò" → "gia súc"). */
  concepts: { text: string; synonyms: string[] }[];
  /** Question and filler words left out. */
  dropped: string[];
}

export interface Suggestion {
  type: "offer" | "demand" | "field" | "organization";
  label: string;
  labelEn: string | null;
  href: string;
}
