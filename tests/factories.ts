/**
 * The test-facing factories: the row builders of prisma/factories.ts (shared with prisma/seed.ts)
 * plus helpers that insert rows. `build*` return plain create-input objects (no I/O); `create*`
 * insert them.
 */
import { hashPassword } from "../lib/auth/password";
import type { Principal } from "../lib/authz";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { DEMO_PASSWORD } from "../prisma/data/demo-password";
import { buildOrganization, buildTaxonomyNode, buildUser, type UserSpec } from "../prisma/factories";

export {
  buildDemand,
  buildOffer,
  buildOrganization,
  buildTaxonomyNode,
  buildUser,
  listingDates,
  publishedOn,
  type UserSpec,
} from "../prisma/factories";
export { DEMO_PASSWORD } from "../prisma/data/demo-password";

type Db = PrismaClient | Prisma.TransactionClient;

/** Inserts a user with a real argon2id hash of `password` (default: the demo password). */
export async function createUser(db: Db, options: UserSpec & { password?: string }) {
  const { password, ...spec } = options;
  return db.user.create({
    data: buildUser({ ...spec, passwordHash: await hashPassword(password ?? DEMO_PASSWORD) }),
  });
}

/** The principal as the session builds it, re-read from the database. */
export async function principalOf(db: Db, id: string): Promise<Principal> {
  const u = await db.user.findUniqueOrThrow({ where: { id } });
  return {
    id: u.id,
    roles: u.roles,
    organizationId: u.organizationId,
    orgRole: u.orgRole,
    emailVerified: u.emailVerifiedAt !== null,
  };
}

export async function createOrganization(db: Db, overrides: Partial<Prisma.OrganizationUncheckedCreateInput> = {}) {
  return db.organization.create({ data: buildOrganization(overrides) });
}

/** The taxonomy rows tests need (the seed loads the full list). */
export async function ensureTaxonomy(db: Db) {
  const rows = [
    { code: "2", parentCode: null, nameVi: "Khoa học kỹ thuật và công nghệ", nameEn: "Engineering and technology" },
    { code: "207", parentCode: "2", nameVi: "Kỹ thuật môi trường", nameEn: "Environmental engineering" },
    { code: "202", parentCode: "2", nameVi: "Kỹ thuật điện, điện tử, viễn thông", nameEn: "Electrical engineering" },
  ].map(buildTaxonomyNode);
  for (const row of rows) await db.taxonomyNode.upsert({ where: { code: row.code }, create: row, update: {} });
}
