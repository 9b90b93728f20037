/**
 * Idempotent seed: the taxonomy, sample screening entries and, unless in production without
 * `--demo`, realistic demo content and one demo account per role (password: DEMO_PASSWORD,
 * prisma/data/demo-password.ts). Running it again changes nothing that is already there.
 * Organizations, users, offers and demands are built with the same builders as the tests'
 * (prisma/factories.ts), the demo content (prisma/data/) passed as overrides.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { appendAudit } from "../lib/audit/mutations";
import { systemContext } from "../lib/audit/context";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { Role } from "../lib/generated/prisma/enums";
import { hashPassword } from "../lib/auth/password";
import { screenAgainstLists } from "../lib/listings/screening";
import { slugify } from "../lib/slug";
import { DEMO_PASSWORD } from "./data/demo-password";
import { buildDemand, buildOffer, buildOrganization, buildTaxonomyNode, buildUser, listingDates } from "./factories";
import { DEMO_DEMANDS, DEMO_EVENTS, DEMO_EXPERTS, DEMO_OFFERS, DEMO_ORGS, DEMO_SCREENING } from "./data/demo-content";
import { TAXONOMY } from "./data/taxonomy";

export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[]; orgKey?: string }[] = [
  { email: "provider@demo.vn", name: "PGS.TS. Nguyễn Minh Tuấn", roles: ["PROVIDER"], orgKey: undefined },
  { email: "seeker@demo.vn", name: "Trần Thu Hà", roles: ["SEEKER"], orgKey: undefined },
  { email: "intermediary@demo.vn", name: "Lê Quang Vinh", roles: ["INTERMEDIARY"], orgKey: undefined },
  { email: "operator@demo.vn", name: "Phạm Thị Lan", roles: ["OPERATOR"] },
  { email: "officer@demo.vn", name: "Đỗ Văn Hùng", roles: ["OFFICER"] },
  { email: "auditor@demo.vn", name: "Vũ Thị Mai", roles: ["AUDITOR"] },
  { email: "admin@demo.vn", name: "Hoàng Đức Anh", roles: ["ADMIN"] },
];

const DAY = 86_400_000;

/**
 * Demo listings are screened exactly as the owners' submissions are (lib/listings/screening), so a
 * demo listing containing a restricted keyword is stored RESTRICTED and reaches an officer. Demo
 * content that would be PROHIBITED cannot be anything but a draft or a rejected listing.
 */
async function screened(prisma: PrismaClient, listing: { key: string; status: string } & Record<string, unknown>) {
  const result = await screenAgainstLists(prisma, listing);
  if (result.outcome === "PROHIBITED" && !["DRAFT", "REJECTED"].includes(listing.status)) {
    throw new Error(
      `demo listing ${listing.key} matches a prohibited screening entry (${result.note}) but is ${listing.status}`,
    );
  }
  return { screening: result.outcome, screeningNote: result.note };
}
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const bigint = (value: number | undefined) => (value != null ? BigInt(value) : null);

/** The id stored for a demo key; a key the demo content does not define is a bug in that content. */
function idOf(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo content refers to an unknown ${what} "${key}"`);
  return id;
}

export interface SeedOptions {
  demo: boolean;
  log?: (line: string) => void;
}

export async function seed(prisma: PrismaClient, options: SeedOptions) {
  const log = options.log ?? (() => {});
  const created: Record<string, number> = {};
  const bump = (key: string) => (created[key] = (created[key] ?? 0) + 1);

  for (const row of TAXONOMY) {
    const existing = await prisma.taxonomyNode.findUnique({ where: { code: row.code } });
    if (!existing) {
      await prisma.taxonomyNode.create({ data: buildTaxonomyNode(row) });
      bump("taxonomy");
    }
  }

  for (const entry of DEMO_SCREENING) {
    if (!(await prisma.screeningEntry.findFirst({ where: { name: entry.name } }))) {
      await prisma.screeningEntry.create({ data: { ...entry, sample: true } });
      bump("screening");
    }
  }

  if (options.demo) await seedDemo(prisma, bump);

  if (Object.keys(created).length > 0) {
    await prisma.$transaction(async (tx) => {
      await appendAudit(tx, systemContext(), { action: "seed.run", entityType: "system", after: created });
    });
  }
  log(Object.keys(created).length ? `seeded: ${JSON.stringify(created)}` : "seed: nothing new");
  return created;
}

async function seedDemo(prisma: PrismaClient, bump: (key: string) => void) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  for (const [index, org] of DEMO_ORGS.entries()) {
    const slug = slugify(org.name);
    const { key: _key, verified, ...fields } = org;
    let row = await prisma.organization.findUnique({ where: { slug } });
    if (!row) {
      // One unverified organization has asked for verification, so the operator's queue is not empty.
      const status = verified ? "VERIFIED" : index % 2 === 0 ? "PENDING" : "UNVERIFIED";
      row = await prisma.organization.create({
        data: buildOrganization({
          ...fields,
          slug,
          verificationStatus: status,
          verifiedAt: verified ? daysAgo(200) : null,
        }),
      });
      bump("organizations");
    }
    orgIds.set(org.key, row.id);
  }

  const firstOf = (type: string) => DEMO_ORGS.find((o) => o.type === type && o.verified)?.key;
  const homeOrg: Record<string, string | undefined> = {
    "provider@demo.vn": firstOf("UNIVERSITY"),
    "seeker@demo.vn": firstOf("ENTERPRISE"),
    "intermediary@demo.vn": DEMO_ORGS.find((o) => o.type === "INTERMEDIARY")?.key,
  };

  // Each organization has a member who authored its listings (providers and/or seekers).
  const memberIds = new Map<string, string>();
  const upsertUser = async (email: string, name: string, roles: Role[], orgKey?: string) => {
    let user = await prisma.user.findUnique({ where: { email } });
    if (!user) {
      // The builder's defaults: demo accounts administer their organization and have confirmed
      // their e-mail address.
      user = await prisma.user.create({
        data: buildUser({
          email,
          name,
          roles,
          passwordHash,
          organizationId: orgKey ? idOf(orgIds, orgKey, "organization") : null,
        }),
      });
      bump("users");
    }
    return user;
  };
  for (const account of DEMO_ACCOUNTS) {
    const orgKey = homeOrg[account.email];
    const user = await upsertUser(account.email, account.name, account.roles, orgKey);
    if (orgKey && !memberIds.has(orgKey)) memberIds.set(orgKey, user.id);
  }
  for (const org of DEMO_ORGS) {
    if (memberIds.has(org.key)) continue;
    const roles: Role[] = [];
    if (DEMO_OFFERS.some((o) => o.orgKey === org.key)) roles.push("PROVIDER");
    if (DEMO_DEMANDS.some((d) => d.orgKey === org.key)) roles.push("SEEKER");
    if (org.type === "INTERMEDIARY") roles.push("INTERMEDIARY");
    if (roles.length === 0) continue;
    const user = await upsertUser(`${org.key}@members.demo.vn`, `Cán bộ ${org.name}`.slice(0, 120), roles, org.key);
    memberIds.set(org.key, user.id);
  }

  const offerIds = new Map<string, string>();
  for (const offer of DEMO_OFFERS) {
    const slug = slugify(offer.titleVi);
    const existing = await prisma.offer.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      offerIds.set(offer.key, existing.id);
      continue;
    }
    const { key: _key, orgKey, ageDays, priceMin, priceMax, ...fields } = offer;
    const data = buildOffer(idOf(orgIds, orgKey, "organization"), idOf(memberIds, orgKey, "organization member"), {
      ...fields,
      ...(await screened(prisma, offer)),
      slug,
      priceMin: bigint(priceMin),
      priceMax: bigint(priceMax),
      ...listingDates(offer.status, daysAgo(ageDays)),
    });
    const row = await prisma.offer.create({ data });
    offerIds.set(offer.key, row.id);
    bump("offers");
  }

  for (const demand of DEMO_DEMANDS) {
    const slug = slugify(demand.titleVi);
    if (await prisma.demand.findUnique({ where: { slug }, select: { id: true } })) continue;
    const { key: _key, orgKey, ageDays, budgetMin, budgetMax, deadlineInDays, ...fields } = demand;
    const data = buildDemand(idOf(orgIds, orgKey, "organization"), idOf(memberIds, orgKey, "organization member"), {
      ...fields,
      ...(await screened(prisma, demand)),
      slug,
      budgetMin: bigint(budgetMin),
      budgetMax: bigint(budgetMax),
      deadline: deadlineInDays != null ? new Date(Date.now() + deadlineInDays * DAY) : null,
      ...listingDates(demand.status, daysAgo(ageDays)),
    });
    await prisma.demand.create({ data });
    bump("demands");
  }

  for (const expert of DEMO_EXPERTS) {
    const slug = slugify(expert.name);
    if (await prisma.expert.findUnique({ where: { slug }, select: { id: true } })) continue;
    const { key: _key, orgKey, ...fields } = expert;
    await prisma.expert.create({
      data: { ...fields, slug, organizationId: orgKey ? idOf(orgIds, orgKey, "organization") : null },
    });
    bump("experts");
  }

  for (const event of DEMO_EVENTS) {
    const slug = slugify(event.titleVi);
    if (await prisma.event.findUnique({ where: { slug }, select: { id: true } })) continue;
    const { key: _key, startsInDays, durationHours, offerKeys, ...fields } = event;
    const startsAt = new Date(Date.now() + startsInDays * DAY);
    await prisma.event.create({
      data: {
        ...fields,
        slug,
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationHours * 3_600_000),
        listings: {
          create: offerKeys.flatMap((k) => {
            const offerId = offerIds.get(k);
            return offerId ? [{ offerId }] : [];
          }),
        },
      },
    });
    bump("events");
  }
}

/** CLI: `npm run db:seed [-- --demo]`. */
export async function runSeedCli(databaseUrl: string, argv: string[]) {
  const production = process.env.NODE_ENV === "production";
  const demo = !production || argv.includes("--demo");
  if (production && !demo)
    console.log("NODE_ENV=production: demo accounts and content skipped (pass --demo to load them).");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const created = await seed(prisma, { demo, log: console.log });
    // The spelling-correction vocabulary learns the seeded titles now rather than at the next job run.
    await prisma.$executeRawUnsafe("SELECT techex_refresh_search_words()");
    await computeMatches(databaseUrl);
    if (demo) await demoDeals(databaseUrl);
    return created;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Matches for every published listing not matched yet, so the demo shows them at once (afterwards the
 * matching job keeps them current). lib/ reads DATABASE_URL once, on first use: set it before importing.
 */
async function computeMatches(databaseUrl: string) {
  process.env.DATABASE_URL ??= databaseUrl;
  if (process.env.DATABASE_URL !== databaseUrl) return; // another database is this process's own
  const { sweepMatches } = await import("../lib/matching/mutations");
  let total = 0;
  for (;;) {
    const { recomputed } = await sweepMatches(500);
    total += recomputed;
    if (recomputed === 0) break;
  }
  if (total) console.log(`matches computed for ${total} listings`);
}

/** Demo deals through the exchange's own steps (prisma/demo-deals.ts), once the matches exist. */
async function demoDeals(databaseUrl: string) {
  process.env.DATABASE_URL ??= databaseUrl;
  if (process.env.DATABASE_URL !== databaseUrl) return; // another database is this process's own
  const { seedDemoDeals } = await import("./demo-deals");
  await seedDemoDeals(console.log);
}
