import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ExpertQuerySchema } from "./directory-schemas";
import { clampPage } from "@/lib/page-number";
import type { QueryInput } from "./query-input";
import { isSlug, PAGE_SIZE, pageOutOfRange, parseLenient } from "./schemas";
import { catalogTaxonomy, unknownSectorIssue } from "./taxonomy";

// Contact goes through the platform: no user link, email or phone is ever selected.
const expertSelect = {
  slug: true,
  name: true,
  title: true,
  sectorCodes: true,
  expertise: true,
  expertiseEn: true,
  organization: { select: { name: true, nameEn: true, slug: true, verificationStatus: true } },
} satisfies Prisma.ExpertSelect;

/** `/experts`: public profiles, filtered by a field (all its sectors) or a sector. Never throws on bad input. */
export async function expertDirectory(input: QueryInput) {
  const parsed = parseLenient(ExpertQuerySchema, input);
  const issues = [...parsed.issues];
  const unknown = await unknownSectorIssue(parsed.data.sector);
  if (unknown) issues.push(unknown);
  const query = unknown ? { ...parsed.data, sector: undefined } : parsed.data;

  let codes: string[] | undefined;
  if (query.sector) {
    const field = (await catalogTaxonomy()).find((f) => f.code === query.sector);
    codes = field ? [field.code, ...field.sectors.map((s) => s.code)] : [query.sector];
  }
  const where: Prisma.ExpertWhereInput = { isPublic: true, ...(codes ? { sectorCodes: { hasSome: codes } } : {}) };
  const total = await db.expert.count({ where });
  const { page, pageCount } = clampPage(query.page, total, PAGE_SIZE);
  const items = await db.expert.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: expertSelect,
  });
  return { query, issues: [...issues, ...pageOutOfRange(query.page, page)], result: { items, total, page, pageCount } };
}

export type ExpertListItem = Awaited<ReturnType<typeof expertDirectory>>["result"]["items"][number];

/** A public expert profile by slug, or null. */
export const publicExpertBySlug = cache(async (slug: string) =>
  !isSlug(slug)
    ? null
    : db.expert.findFirst({ where: { slug, isPublic: true }, select: { ...expertSelect, bio: true, updatedAt: true } }),
);
