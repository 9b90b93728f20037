/**
 * Inserts the quality set (tests/quality/dataset.ts) into an empty, migrated database: the taxonomy
 * rows it uses, verified organizations, one creator, and every offer and demand as PUBLISHED.
 * Publication dates are spread deterministically so "newest first" orderings are reproducible.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { IpStatus } from "../../lib/generated/prisma/enums";
import { buildDemand, buildOffer, createOrganization, createUser, publishedOn } from "../factories";
import { DEMANDS, OFFERS, ORGS, taxonomyRowsUsed, type OfferSpec } from "./dataset";

const DAY = 86_400_000;
const M = 1_000_000n;

export interface SeededQualitySet {
  /** Offer and demand key → database id. */
  ids: Map<string, string>;
  /** Database id → key (for readable failure messages). */
  keyOf: Map<string, string>;
}

/** 1..120 days ago, distinct for the first 120 listings (37 and 120 are coprime). */
const publishedAt = (now: number, index: number) => new Date(now - (((index * 37) % 120) + 1) * DAY);

function ipStatusOf(o: OfferSpec): IpStatus {
  if (o.sectorCode === "102") return "COPYRIGHT_SOFTWARE";
  if (o.key.startsWith("agri-rice")) return "PLANT_VARIETY";
  return o.trl >= 7 ? "PATENT" : "APPLICATION_PENDING";
}

function priceOf(o: OfferSpec): Pick<Prisma.OfferUncheckedCreateInput, "priceType" | "priceMin" | "priceMax"> {
  if (o.price === undefined) return { priceType: "NEGOTIABLE", priceMin: null, priceMax: null };
  if (typeof o.price === "number")
    return { priceType: "FIXED", priceMin: BigInt(o.price) * M, priceMax: BigInt(o.price) * M };
  return { priceType: "RANGE", priceMin: BigInt(o.price[0]) * M, priceMax: BigInt(o.price[1]) * M };
}

const millions = (v: number | null | undefined) => (v === null || v === undefined ? null : BigInt(v) * M);

export async function seedQualitySet(db: PrismaClient): Promise<SeededQualitySet> {
  const now = Date.now();
  for (const row of taxonomyRowsUsed().sort((a, b) => a.level - b.level)) {
    await db.taxonomyNode.upsert({ where: { code: row.code }, create: row, update: {} });
  }
  const orgs = new Map<string, { id: string; location: string }>();
  for (const o of ORGS) {
    const org = await createOrganization(db, { name: o.name, type: o.type, location: o.location });
    orgs.set(o.key, { id: org.id, location: o.location });
  }
  const creator = await createUser(db, { roles: ["PROVIDER", "SEEKER"], name: "Người nhập dữ liệu thử" });
  const org = (key: string) => {
    const found = orgs.get(key);
    if (!found) throw new Error(`unknown org ${key}`);
    return found;
  };

  const ids = new Map<string, string>();
  let index = 0;
  for (const o of OFFERS) {
    const { id: orgId, location } = org(o.org);
    const at = publishedAt(now, index++);
    const row = await db.offer.create({
      data: buildOffer(orgId, creator.id, {
        slug: `quality-${o.key}`,
        titleVi: o.titleVi,
        titleEn: o.titleEn ?? null,
        summaryVi: o.summaryVi,
        description: o.description,
        sectorCode: o.sectorCode,
        keywords: o.keywords,
        trl: o.trl,
        ipStatus: ipStatusOf(o),
        ...priceOf(o),
        location: o.location ?? location,
        ...publishedOn(at),
      }),
    });
    ids.set(o.key, row.id);
  }
  for (const d of DEMANDS) {
    const { id: orgId, location } = org(d.org);
    const at = publishedAt(now, index++);
    const row = await db.demand.create({
      data: buildDemand(orgId, creator.id, {
        slug: `quality-${d.key}`,
        titleVi: d.titleVi,
        titleEn: d.titleEn ?? null,
        summaryVi: d.summaryVi ?? null,
        description: d.description,
        sectorCode: d.sectorCode,
        keywords: d.keywords,
        trlMin: d.trlMin,
        budgetMin: millions(d.budget?.[0]),
        budgetMax: millions(d.budget?.[1]),
        location: d.location ?? location,
        ...publishedOn(at),
      }),
    });
    ids.set(d.key, row.id);
  }
  return { ids, keyOf: new Map([...ids].map(([key, id]) => [id, key])) };
}
