/**
 * Pure, deterministic row building for the benchmark data set: the same seed and `now` give the same
 * rows (ids included) on every machine. Nothing here touches the database; see insert.ts.
 */
import { LOCATIONS } from "@/lib/geo/locations";
import { slugify } from "@/lib/slug";
import { TAXONOMY } from "@/prisma/data/taxonomy";
import { FORMS, IP, METHODS, OBJECTS, ORG_TYPES, PROGRAMMES, ROLES } from "./distributions";
import { organizationName, personName, type OrgTypeName } from "./names";
import { chance, int, pick, sample, stream, uuid, weighted, type Rng } from "./prng";
import { ADVANTAGES, APPLICATION_AREAS, drawScene, listingText, vocabularyFor } from "./templates";
import { SECTOR_VOCABULARY } from "./vocabulary";

const DAY = 86_400_000;

export interface BenchOrg {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  type: OrgTypeName;
  location: string;
  verificationStatus: "VERIFIED" | "UNVERIFIED" | "PENDING" | "REJECTED";
  createdAt: Date;
  userId: string;
  userEmail: string;
  userName: string;
  roles: string[];
}

interface ListingBase {
  id: string;
  slug: string;
  organizationId: string;
  createdById: string;
  status: "PUBLISHED" | "DRAFT" | "SUBMITTED" | "EXPIRED";
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  description: string;
  sectorCode: string;
  keywords: string[];
  location: string;
  submittedAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BenchOffer extends ListingBase {
  trl: number;
  ipStatus: string;
  ipTitleNumber: string | null;
  transferObjects: string[];
  transferForms: string[];
  transferMethods: string[];
  priceType: "NEGOTIABLE" | "RANGE" | "FIXED";
  priceMin: number | null;
  priceMax: number | null;
  applicationAreas: string;
  advantages: string;
  stateFunded: boolean;
  fundingProgramme: string | null;
}

export interface BenchDemand extends ListingBase {
  trlMin: number;
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: Date | null;
  preferredForms: string[];
  confidential: boolean;
}

export const STATUSES = ["PUBLISHED", "DRAFT", "SUBMITTED", "EXPIRED"] as const;
/** Sector codes (level 2); technical sectors with their own vocabulary get most listings. */
export const SECTORS = TAXONOMY.filter((row) => row.parentCode).map((row) => ({ code: row.code, name: row.nameVi }));
const SECTOR_WEIGHTS = SECTORS.map((s) => [s, SECTOR_VOCABULARY[s.code] ? 6 : 1] as const);
const HANOI = LOCATIONS.filter((l) => l.kind === "hanoi").map((l) => l.code);
const PROVINCES = LOCATIONS.filter((l) => l.kind === "province").map((l) => l.code);

const location = (rng: Rng) => (chance(rng, 0.7) ? pick(rng, HANOI) : pick(rng, PROVINCES));
/** VND rounded to 10 million, between 50 million and 5 billion (log-uniform: most deals are small). */
const amount = (rng: Rng) => Math.round(Math.exp(Math.log(5e7) + rng() * Math.log(100)) / 1e7) * 1e7;

export function buildOrganizations(seed: number, count: number, now: Date): BenchOrg[] {
  const rng = stream(seed, "organizations");
  return Array.from({ length: count }, (_, i) => {
    const type = weighted(rng, ORG_TYPES);
    const { name, nameEn } = organizationName(rng, type);
    const roles = ROLES[type];
    const verification = chance(rng, 0.8) ? "VERIFIED" : pick(rng, ["UNVERIFIED", "PENDING", "REJECTED"] as const);
    return {
      id: uuid(rng),
      slug: `${slugify(name, 140)}-${i.toString(36)}`,
      name,
      nameEn,
      type,
      location: location(rng),
      verificationStatus: verification,
      createdAt: new Date(now.getTime() - int(rng, 730, 1500) * DAY),
      userId: uuid(rng),
      userEmail: `canbo${i}@bench.techex.vn`,
      userName: personName(rng),
      roles,
    };
  });
}

/** Status and dates: published over the last two years; renewed listings expire a year after renewal. */
function lifecycle(rng: Rng, now: Date) {
  const status = weighted(rng, [
    ["PUBLISHED", 95],
    ["DRAFT", 2],
    ["SUBMITTED", 1.5],
    ["EXPIRED", 1.5],
  ] as const);
  const t = now.getTime();
  if (status === "DRAFT" || status === "SUBMITTED") {
    const created = new Date(t - int(rng, 1, 60) * DAY - int(rng, 0, DAY));
    return {
      status,
      createdAt: created,
      updatedAt: created,
      submittedAt: status === "SUBMITTED" ? created : null,
      publishedAt: null,
      expiresAt: null,
    };
  }
  const ageDays = status === "EXPIRED" ? int(rng, 366, 730) : int(rng, 0, 729);
  const published = new Date(t - ageDays * DAY - int(rng, 0, DAY));
  const renewed = status === "PUBLISHED" && ageDays >= 365 ? new Date(t - int(rng, 0, 360) * DAY) : published;
  const updated = new Date(
    Math.max(renewed.getTime(), published.getTime() + Math.floor(rng() * (t - published.getTime()) * 0.5)),
  );
  const submitted = new Date(published.getTime() - int(rng, 1, 5) * DAY);
  return {
    status,
    createdAt: submitted,
    updatedAt: status === "EXPIRED" ? published : updated,
    submittedAt: submitted,
    publishedAt: published,
    expiresAt: new Date(renewed.getTime() + 365 * DAY),
  };
}

function listingBase(rng: Rng, kind: "offer" | "demand", index: number, orgs: BenchOrg[], now: Date) {
  const sector = weighted(rng, SECTOR_WEIGHTS);
  const vocabulary = vocabularyFor(sector.code, sector.name);
  const scene = drawScene(rng, vocabulary);
  const text = listingText(rng, kind, scene, vocabulary);
  const org = pick(rng, orgs);
  return {
    scene,
    base: {
      id: uuid(rng),
      slug: `${slugify(text.titleVi, 160)}-${index.toString(36)}`,
      organizationId: org.id,
      createdById: org.userId,
      ...text,
      sectorCode: sector.code,
      location: chance(rng, 0.8) ? org.location : location(rng),
      ...lifecycle(rng, now),
    },
  };
}

/** Offers come from research-side and business organizations; demands mostly from businesses. */
export function splitOrganizations(orgs: BenchOrg[]) {
  const providers = orgs.filter((o) => o.type !== "INTERMEDIARY" && o.type !== "STATE_AGENCY");
  const seekers = orgs.filter((o) => o.type === "ENTERPRISE" || o.type === "STATE_AGENCY" || o.type === "INSTITUTE");
  return { providers, seekers };
}

export function buildOffer(rng: Rng, index: number, providers: BenchOrg[], now: Date): BenchOffer {
  const { scene, base } = listingBase(rng, "offer", index, providers, now);
  const ipStatus = weighted(rng, IP);
  const priceType = weighted(rng, [
    ["NEGOTIABLE", 40],
    ["RANGE", 45],
    ["FIXED", 15],
  ] as const);
  const low = amount(rng);
  const stateFunded = chance(rng, 0.3);
  return {
    ...base,
    trl: int(rng, 1, 9),
    ipStatus,
    ipTitleNumber:
      ipStatus === "PATENT"
        ? `1-00${int(rng, 10000, 49999)}`
        : ipStatus === "UTILITY_SOLUTION"
          ? `2-000${int(rng, 1000, 4999)}`
          : null,
    transferObjects: sample(rng, OBJECTS, int(rng, 1, 2)),
    transferForms: sample(rng, FORMS, int(rng, 1, 3)),
    transferMethods: sample(rng, METHODS, int(rng, 1, 3)),
    priceType,
    priceMin: priceType === "NEGOTIABLE" ? null : low,
    priceMax: priceType === "NEGOTIABLE" ? null : priceType === "FIXED" ? low : low * int(rng, 2, 5),
    applicationAreas: APPLICATION_AREAS(scene),
    advantages: ADVANTAGES(scene),
    stateFunded,
    fundingProgramme: stateFunded ? pick(rng, PROGRAMMES) : null,
  };
}

export function buildDemand(rng: Rng, index: number, seekers: BenchOrg[], now: Date): BenchDemand {
  const { base } = listingBase(rng, "demand", index, seekers, now);
  const budgeted = chance(rng, 0.7);
  const low = amount(rng);
  const from = base.publishedAt ?? base.createdAt;
  return {
    ...base,
    trlMin: weighted(rng, [
      [1, 1],
      [2, 1],
      [3, 3],
      [4, 5],
      [5, 6],
      [6, 6],
      [7, 5],
      [8, 2],
      [9, 1],
    ] as const),
    budgetMin: budgeted ? low : null,
    budgetMax: budgeted ? low * int(rng, 2, 4) : null,
    deadline: chance(rng, 0.6) ? new Date(from.getTime() + int(rng, 90, 365) * DAY) : null,
    preferredForms: sample(rng, FORMS, int(rng, 1, 2)),
    confidential: chance(rng, 0.1),
  };
}

/** Rows in batches, so 100k listings never sit in memory at once. */
export function* batches<T>(
  seed: number,
  kind: "offers" | "demands",
  n: number,
  size: number,
  build: (rng: Rng, i: number) => T,
) {
  const rng = stream(seed, kind);
  for (let start = 0; start < n; start += size) {
    const batch: T[] = [];
    for (let i = start; i < Math.min(n, start + size); i++) batch.push(build(rng, i));
    yield batch;
  }
}
