/**
 * The load benchmark's database: the benchmark generator's offers and demands (scripts/bench), a
 * few experts, and three members who can sign in (a provider, a seeker, and an institute doing
 * both) in generated organizations that own many listings, with matches computed for those
 * listings and notifications about them, so the workspace pages show what a busy member sees.
 * Rows the app reads are written through lib/ (as the app role), like any other write.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { systemContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { db, pool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recomputeMatches } from "@/lib/matching/mutations";
import { notify } from "@/lib/notifications/mutations";
import { slugify } from "@/lib/slug";
import { TAXONOMY } from "@/prisma/data/taxonomy";
import { buildUser } from "@/prisma/factories";
import { personName } from "../bench/names";
import { int, pick, sample, stream } from "../bench/prng";
import { buildQueryMix } from "../bench/queries";
import type { LoadData } from "./workload";

type Log = (line: string) => void;

/** Listings per member organization whose matches are computed (each takes up to ~100 ms). */
const MATCHED_LISTINGS = 40;
/** Notifications per member, one per strong match of their organization. */
const NOTIFICATIONS = 30;

export interface Member {
  id: string;
  email: string;
  roles: Role[];
  organizationId: string;
}

type OrgRow = { id: string; type: string; offers: number; demands: number };

/** The verified organization of one of `types` with the most published listings by `score`. */
function busiest(orgs: OrgRow[], types: string[], score: (o: OrgRow) => number, taken: Set<string>): OrgRow {
  const candidates = orgs.filter((o) => !taken.has(o.id) && score(o) > 0);
  const preferred = candidates.filter((o) => types.includes(o.type));
  const best = (preferred.length ? preferred : candidates).sort(
    (a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1),
  );
  if (!best[0]) throw new Error("the generated data has no verified organization with published listings");
  taken.add(best[0].id);
  return best[0];
}

function buildExperts(seed: number, count: number, orgIds: string[]): Prisma.ExpertCreateManyInput[] {
  const rng = stream(seed, "load:experts");
  const sectors = TAXONOMY.filter((row) => row.parentCode);
  return Array.from({ length: count }, (_, i) => {
    const name = personName(rng);
    const fields = sample(rng, sectors, int(rng, 1, 3));
    return {
      slug: `${slugify(name)}-${i.toString(36)}`,
      name,
      title: pick(rng, ["GS.TS.", "PGS.TS.", "TS.", "ThS.", "KS."]),
      organizationId: pick(rng, orgIds),
      sectorCodes: fields.map((f) => f.code),
      expertise: `Nghiên cứu và chuyển giao công nghệ: ${fields.map((f) => f.nameVi.toLowerCase()).join(", ")}.`,
      expertiseEn: `Research and technology transfer: ${fields.map((f) => f.nameEn.toLowerCase()).join(", ")}.`,
    };
  });
}

/**
 * Three members who can sign in with `password`, in the busiest verified organizations (so their
 * workspace lists are long), and a few experts (one per 1,000 offers, 20 to 200).
 */
export async function createMembers(seed: number, size: number, password: string): Promise<Member[]> {
  const { rows: orgs } = await pool().query<OrgRow>(
    `SELECT o.id, o.type::text AS type,
            (SELECT count(*) FROM offers f WHERE f.organization_id = o.id AND f.status = 'PUBLISHED')::int AS offers,
            (SELECT count(*) FROM demands d WHERE d.organization_id = o.id AND d.status = 'PUBLISHED')::int AS demands
       FROM organizations o WHERE o.verification_status = 'VERIFIED'`,
  );
  const taken = new Set<string>();
  const specs: { key: string; roles: Role[]; org: OrgRow }[] = [
    { key: "provider", roles: ["PROVIDER"], org: busiest(orgs, ["UNIVERSITY"], (o) => o.offers, taken) },
    { key: "seeker", roles: ["SEEKER"], org: busiest(orgs, ["ENTERPRISE"], (o) => o.demands, taken) },
    {
      key: "institute",
      roles: ["PROVIDER", "SEEKER"],
      org: busiest(orgs, ["INSTITUTE"], (o) => Math.min(o.offers, o.demands), taken),
    },
  ];
  const passwordHash = await hashPassword(password);
  const rng = stream(seed, "load:members");
  const experts = buildExperts(
    seed,
    Math.min(200, Math.max(20, Math.round(size / 1000))),
    orgs.map((o) => o.id),
  );
  return audited(systemContext("load"), async (tx) => {
    const members: Member[] = [];
    for (const { key, roles, org } of specs) {
      const data = buildUser({
        roles,
        organizationId: org.id,
        email: `load-${key}@load.techex.vn`,
        name: personName(rng),
        passwordHash,
      });
      const user = await tx.user.create({ data, select: { id: true, email: true } });
      members.push({ ...user, roles, organizationId: org.id });
    }
    await tx.expert.createMany({ data: experts });
    return {
      result: members,
      audit: {
        action: "seed.run",
        entityType: "system",
        after: { loadMembers: members.length, experts: experts.length },
      },
    };
  });
}

/**
 * Computes and stores the matches of the members' organizations' newest published listings (the
 * matching job would, for every listing), then notifies each member of their organization's best
 * matches, as the job's notifications would have.
 */
export async function matchAndNotify(members: Member[], log: Log) {
  const start = performance.now();
  let computed = 0;
  const orgs = new Map(members.map((m) => [m.organizationId, new Set<Role>()]));
  for (const m of members) for (const role of m.roles) orgs.get(m.organizationId)?.add(role);
  for (const [organizationId, roles] of orgs) {
    const where = { organizationId, status: "PUBLISHED" } as const;
    const take = MATCHED_LISTINGS;
    const order = { publishedAt: "desc" } as const;
    if (roles.has("PROVIDER")) {
      for (const { id } of await db.offer.findMany({ where, take, orderBy: order, select: { id: true } })) {
        await recomputeMatches("offer", id);
        computed += 1;
      }
    }
    if (roles.has("SEEKER")) {
      for (const { id } of await db.demand.findMany({ where, take, orderBy: order, select: { id: true } })) {
        await recomputeMatches("demand", id);
        computed += 1;
      }
    }
  }
  const notified = await audited(systemContext("load"), async (tx) => {
    let count = 0;
    for (const member of members) {
      const org = member.organizationId;
      const matches = await tx.match.findMany({
        where: { OR: [{ offer: { organizationId: org } }, { demand: { organizationId: org } }] },
        orderBy: [{ score: "desc" }, { id: "asc" }],
        take: NOTIFICATIONS,
        select: {
          score: true,
          offer: { select: { organizationId: true, titleVi: true, slug: true } },
          demand: { select: { titleVi: true, slug: true } },
        },
      });
      for (const m of matches) {
        // As lib/matching/mutations.ts notifies: the other side's listing (named and linked), and the member's own.
        const provider = m.offer.organizationId === org;
        const [other, own] = provider ? [m.demand, m.offer] : [m.offer, m.demand];
        await notify(tx, {
          userIds: [member.id],
          type: "match.new",
          params: { title: other.titleVi, listing: own.titleVi, score: m.score },
          link: provider ? `/demands/${m.demand.slug}` : `/technologies/${m.offer.slug}`,
          email: false,
        });
        count += 1;
      }
    }
    return { result: count, audit: { action: "seed.run", entityType: "system", after: { loadNotifications: count } } };
  });
  const matches = await db.match.count();
  log(
    `matches computed for ${computed} listings (${matches} stored), ${notified} notifications, ` +
      `in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}

/** Fresh planner statistics for the tables written after the bulk load (the owner may ANALYZE). */
export async function analyze(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("ANALYZE users, experts, matches, notifications, audit_events");
  } finally {
    await client.end();
  }
}

/**
 * What the workloads draw from: thousands of published listings' slugs (a fixed pseudo-random
 * sample), visible organizations, public experts, and the benchmark's search queries. The members'
 * session cookies are added once they have signed in.
 */
export async function readLoadData(seed: number): Promise<Omit<LoadData, "users">> {
  const slugs = async (sql: string) => (await pool().query<{ slug: string }>(sql)).rows.map((r) => r.slug);
  const [offerSlugs, demandSlugs, organizationSlugs, expertSlugs] = await Promise.all([
    slugs("SELECT slug FROM offers WHERE status = 'PUBLISHED' ORDER BY md5(id::text) LIMIT 5000"),
    slugs("SELECT slug FROM demands WHERE status = 'PUBLISHED' ORDER BY md5(id::text) LIMIT 3000"),
    slugs("SELECT slug FROM organizations WHERE verification_status <> 'REJECTED' ORDER BY md5(id::text) LIMIT 1000"),
    slugs("SELECT slug FROM experts WHERE is_public ORDER BY slug"),
  ]);
  return { offerSlugs, demandSlugs, organizationSlugs, expertSlugs, queries: buildQueryMix(seed) };
}
