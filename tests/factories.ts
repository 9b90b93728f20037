/**
 * Builders of valid domain objects, shared by tests and by prisma/seed.ts. `build*` return plain
 * create-input objects (no I/O); `create*` insert them.
 */
import { hashPassword } from "../lib/auth/password";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import type { Role } from "../lib/generated/prisma/enums";
import { slugify } from "../lib/slug";

type Db = PrismaClient | Prisma.TransactionClient;

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export { DEMO_PASSWORD } from "../prisma/data/demo-password";
import { DEMO_PASSWORD } from "../prisma/data/demo-password";

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

export function buildOffer(
  organizationId: string,
  createdById: string,
  overrides: Partial<Prisma.OfferUncheckedCreateInput> = {},
) {
  const titleVi = overrides.titleVi ?? `Công nghệ xử lý nước thải sinh hoạt ${next()}`;
  const now = new Date();
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
    publishedAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    ...overrides,
  } satisfies Prisma.OfferUncheckedCreateInput;
}

export function buildDemand(
  organizationId: string,
  createdById: string,
  overrides: Partial<Prisma.DemandUncheckedCreateInput> = {},
) {
  const titleVi = overrides.titleVi ?? `Cần công nghệ xử lý nước thải chế biến thực phẩm ${next()}`;
  const now = new Date();
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
    publishedAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86_400_000),
    ...overrides,
  } satisfies Prisma.DemandUncheckedCreateInput;
}

/** Inserts a user with a real argon2id hash of `password`. */
export async function createUser(
  db: Db,
  options: {
    roles: Role[];
    organizationId?: string | null;
    email?: string;
    name?: string;
    password?: string;
    /** Standing in the organization (default ADMIN when an organization is given). */
    orgRole?: "ADMIN" | "MEMBER" | null;
    /** False leaves the e-mail address unverified (default: verified). */
    emailVerified?: boolean;
  },
) {
  return db.user.create({
    data: {
      orgRole: options.organizationId ? (options.orgRole === undefined ? "ADMIN" : options.orgRole) : null,
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
      email: options.email ?? `user-${next()}@example.vn`,
      name: options.name ?? "Nguyễn Văn Thử",
      passwordHash: await hashPassword(options.password ?? DEMO_PASSWORD),
      roles: options.roles,
      organizationId: options.organizationId ?? null,
    },
  });
}

export async function createOrganization(db: Db, overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {}) {
  return db.organization.create({ data: buildOrganization(overrides) });
}

/** The taxonomy rows tests need (the seed loads the full list). */
export async function ensureTaxonomy(db: Db) {
  const rows = [
    {
      code: "2",
      parentCode: null,
      level: 1,
      nameVi: "Khoa học kỹ thuật và công nghệ",
      nameEn: "Engineering and technology",
    },
    { code: "207", parentCode: "2", level: 2, nameVi: "Kỹ thuật môi trường", nameEn: "Environmental engineering" },
    {
      code: "202",
      parentCode: "2",
      level: 2,
      nameVi: "Kỹ thuật điện, điện tử, viễn thông",
      nameEn: "Electrical engineering",
    },
  ];
  for (const row of rows) await db.taxonomyNode.upsert({ where: { code: row.code }, create: row, update: {} });
}
