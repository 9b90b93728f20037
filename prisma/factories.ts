/**
 * Builders of valid rows: the one definition of "a valid organization, user, offer, demand" that
 * both the seed (prisma/seed.ts, with the demo content as overrides) and the tests (through
 * tests/factories.ts) use, so the two cannot drift apart. Builders are pure: they return create
 * inputs and do no I/O; inserting and hashing passwords is the caller's business. Without overrides
 * they make a verified organization and published listings; every field can be overridden.
 * Production code may import this module; nothing here may import from tests/.
 */
import type { Prisma } from "../lib/generated/prisma/client";
import type { ListingStatus, Role } from "../lib/generated/prisma/enums";
import { slugify } from "../lib/slug";
import type { TaxonomyRow } from "./data/taxonomy";

const DAY = 86_400_000;
/** A published listing stays visible for 12 months unless renewed (the expiry job enforces it). */
const LISTING_VALIDITY_DAYS = 365;

let counter = 0;
/** Unique within the process, so that default names, slugs and e-mail addresses never collide. */
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Publication at `at` and the expiry that goes with it. */
export function publishedOn(at: Date) {
  return { publishedAt: at, expiresAt: new Date(at.getTime() + LISTING_VALIDITY_DAYS * DAY) };
}

/**
 * The lifecycle timestamps of a listing that reached `status` at `at` and has not changed since:
 * submitted unless a draft, published (with its expiry) when it ever was.
 */
export function listingDates(status: ListingStatus, at: Date) {
  const published = status === "PUBLISHED" || status === "EXPIRED" || status === "WITHDRAWN";
  return {
    submittedAt: status === "DRAFT" ? null : at,
    ...(published ? publishedOn(at) : { publishedAt: null, expiresAt: null }),
    createdAt: at,
    updatedAt: at,
  };
}

/** A taxonomy row: the level follows from having a parent (fields are level 1, sectors level 2). */
export function buildTaxonomyNode(
  row: Pick<TaxonomyRow, "code" | "parentCode" | "nameVi" | "nameEn"> & Partial<Pick<TaxonomyRow, "sortOrder">>,
) {
  return { ...row, level: row.parentCode ? 2 : 1 } satisfies Prisma.TaxonomyNodeUncheckedCreateInput;
}

export function buildOrganization(overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {}) {
  const name = overrides.name ?? `Viện Công nghệ Thử nghiệm ${next()}`;
  return {
    name,
    slug: overrides.slug ?? `${slugify(name)}-${next()}`,
    type: "INSTITUTE",
    location: "HN-CAUGIAY",
    verificationStatus: "VERIFIED",
    verifiedAt: new Date(),
    ...overrides,
  } satisfies Prisma.OrganizationUncheckedCreateInput;
}

export interface UserSpec {
  roles: Role[];
  organizationId?: string | null;
  email?: string;
  name?: string;
  /** Standing in the organization (default ADMIN when an organization is given). */
  orgRole?: "ADMIN" | "MEMBER" | null;
  /** False leaves the e-mail address unverified (default: verified). */
  emailVerified?: boolean;
}

/**
 * A user row. The argon2id hash comes from lib/auth/password.ts, computed by the caller: the seed
 * hashes the demo password once for all its accounts, tests hash per user (tests/factories.ts).
 */
export function buildUser(spec: UserSpec & { passwordHash: string }) {
  const organizationId = spec.organizationId ?? null;
  return {
    email: spec.email ?? `user-${next()}@example.vn`,
    name: spec.name ?? "Nguyễn Văn Thử",
    passwordHash: spec.passwordHash,
    roles: spec.roles,
    organizationId,
    orgRole: organizationId ? (spec.orgRole === undefined ? "ADMIN" : spec.orgRole) : null,
    emailVerifiedAt: spec.emailVerified === false ? null : new Date(),
  } satisfies Prisma.UserUncheckedCreateInput;
}

export function buildOffer(
  organizationId: string,
  createdById: string,
  overrides: Partial<Prisma.OfferUncheckedCreateInput> = {},
) {
  const titleVi = overrides.titleVi ?? `Công nghệ xử lý nước thải sinh hoạt ${next()}`;
  return {
    organizationId,
    createdById,
    titleVi,
    titleEn: "Domestic wastewater treatment technology",
    slug: overrides.slug ?? `${slugify(titleVi)}-${next()}`,
    summaryVi: "Hệ thống xử lý nước thải quy mô nhỏ, chi phí vận hành thấp.",
    description: "Mô tả chi tiết công nghệ.",
    sectorCode: "207",
    keywords: ["nước thải", "xử lý"],
    trl: 6,
    ipStatus: "PATENT",
    transferObjects: ["KNOW_HOW"],
    transferForms: ["STANDALONE"],
    transferMethods: ["DOCUMENTS", "TRAINING"],
    priceType: "NEGOTIABLE",
    location: "HN",
    status: "PUBLISHED",
    ...publishedOn(new Date()),
    ...overrides,
  } satisfies Prisma.OfferUncheckedCreateInput;
}

export function buildDemand(
  organizationId: string,
  createdById: string,
  overrides: Partial<Prisma.DemandUncheckedCreateInput> = {},
) {
  const titleVi = overrides.titleVi ?? `Cần công nghệ xử lý nước thải chế biến thực phẩm ${next()}`;
  return {
    organizationId,
    createdById,
    titleVi,
    titleEn: "Seeking food-processing wastewater treatment",
    slug: overrides.slug ?? `${slugify(titleVi)}-${next()}`,
    description: "Doanh nghiệp cần giải pháp xử lý nước thải đạt QCVN.",
    sectorCode: "207",
    keywords: ["nước thải"],
    trlMin: 5,
    location: "HN",
    preferredForms: ["STANDALONE"],
    status: "PUBLISHED",
    ...publishedOn(new Date()),
    ...overrides,
  } satisfies Prisma.DemandUncheckedCreateInput;
}
