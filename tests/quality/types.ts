/**
 * Shapes of the labelled search/matching quality set. Everything is keyed by a stable, human key
 * ("wt-household"), never by database ids, so judgments survive re-seeding and read well in a diff.
 */
import type { OrgType } from "../../lib/generated/prisma/enums";

/** Millions of VND: a [min, max] range, or a single fixed express-licence price. Absent = negotiable. */
export type PriceM = readonly [number, number] | number;

export interface OrgSpec {
  key: string;
  name: string;
  type: OrgType;
  location: string;
}

export interface OfferSpec {
  key: string;
  org: string;
  /** A level-2 sector code from prisma/data/taxonomy.ts. */
  sectorCode: string;
  trl: number;
  price?: PriceM;
  titleVi: string;
  titleEn?: string;
  summaryVi: string;
  description: string;
  keywords: string[];
  location?: string;
}

export interface DemandSpec {
  key: string;
  org: string;
  sectorCode: string;
  trlMin: number;
  /** Millions of VND; either bound may be open. */
  budget?: readonly [number | null, number | null];
  titleVi: string;
  titleEn?: string;
  summaryVi?: string;
  description: string;
  keywords: string[];
  location?: string;
}

/** What the query exercises; the report groups scores by class so a weak class stands out. */
export type QueryClass =
  | "diacritics"
  | "no-diacritics"
  | "upper-case"
  | "typo"
  | "prefix"
  | "english"
  | "phrase"
  | "rare-term"
  | "distractor"
  | "question"
  | "synonym";

/** 3 = exactly what was asked (title-level); 2 = clearly relevant; 1 = marginal; unlisted = 0. */
export type Grade = 1 | 2 | 3;

export interface SearchQuerySpec {
  q: string;
  class: QueryClass;
  rationale: string;
  judgments: Record<string, Grade>;
}

export interface MatchJudgment {
  demand: string;
  /** Offers that solve the same problem with a compatible TRL, price and field. */
  relevant: string[];
  rationale: string;
}
