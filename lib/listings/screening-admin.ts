import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, can, type Principal } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ScreeningCategory } from "@/lib/generated/prisma/enums";
import { isPlainLine } from "@/lib/text";
import { keywordListOf } from "./schemas";

/**
 * The Decree 76/2018 lists as data (issue #13 item 4): department officers add, edit and
 * deactivate entries (`screening:manage`); the operator and the auditor read them. Screening
 * (./screening.ts) reads the active entries inside each submission, revision, approval and renewal,
 * so a change applies to the next screening and never to a decision already taken.
 */

export const CATEGORIES = Object.values(ScreeningCategory);

const line = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFC").trim() : v),
    z.string({ error: "required" }).min(1, "required").max(max, "too_long").refine(isPlainLine, "invisible_characters"),
  );

/** Comma, semicolon or newline separated, folded to lower case and de-duplicated, like listing keywords. */
const entryKeywords = keywordListOf({ maxItems: 50, maxLength: 80, tooLong: "too_long", tooMany: "too_many_items" });

/** Sector codes ("202, 207"); none means the entry applies to every sector. */
const sectorList = z.preprocess(
  (v) => (typeof v === "string" ? [...new Set(v.split(/[\s,;]+/).filter(Boolean))] : v),
  z.array(z.string().regex(/^\d{3}$/, "sector_code_invalid")).max(50, "too_many_items"),
);

export const ScreeningEntrySchema = z.object({
  category: z.enum(CATEGORIES, { error: "choose_one" }),
  name: line(300),
  sectorCodes: sectorList,
  keywords: entryKeywords,
  source: z.preprocess((v) => (v === "" ? undefined : v), line(300).optional()).transform((v) => v ?? null),
});
export type ScreeningEntryInput = z.infer<typeof ScreeningEntrySchema>;

/** An edit carries the `updatedAt` the officer saw: a change made meanwhile answers "conflict". */
export const ScreeningEntryUpdateSchema = ScreeningEntrySchema.extend({
  id: z.uuid({ error: "invalid_input" }),
  updatedAt: z.iso.datetime({ error: "invalid_input" }),
});

export const ScreeningEntryTargetSchema = z.object({ id: z.uuid({ error: "invalid_input" }) });

export const ScreeningFilterSchema = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  state: z.enum(["active", "inactive"]).optional().catch(undefined),
});

/** Officers manage the lists; the operator and the auditor read them (what screening applies). */
export function canReadScreening(user: Principal | null | undefined): boolean {
  return can(user, "screening:manage") || can(user, "oversight:read");
}

/** Every entry (active first, the most severe category first), for the lists page. */
export async function listScreeningEntries(user: Principal, filter: z.infer<typeof ScreeningFilterSchema> = {}) {
  if (!canReadScreening(user)) throw new AppError("forbidden");
  return db.screeningEntry.findMany({
    where: {
      ...(filter.category && { category: filter.category }),
      ...(filter.state && { active: filter.state === "active" }),
    },
    orderBy: [{ active: "desc" }, { category: "desc" }, { name: "asc" }],
  });
}

async function assertKnownSectors(tx: Tx, codes: readonly string[]) {
  if (codes.length === 0) return;
  const found = await tx.taxonomyNode.findMany({
    where: { code: { in: [...codes] }, level: 2 },
    select: { code: true },
  });
  const known = new Set(found.map((n) => n.code));
  if (codes.some((c) => !known.has(c)))
    throw new AppError("validation", "unknown_sector", { fieldErrors: { sectorCodes: ["unknown_sector"] } });
}

const snapshot = (e: {
  category: string;
  name: string;
  sectorCodes: string[];
  keywords: string[];
  source: string | null;
  active: boolean;
}) => ({
  category: e.category,
  name: e.name,
  sectorCodes: e.sectorCodes,
  keywords: e.keywords,
  source: e.source,
  active: e.active,
});

/** Adds an active entry: the next screening applies it. */
export async function createScreeningEntry(ctx: AuditContext, user: Principal, input: ScreeningEntryInput) {
  assertCan(user, "screening:manage");
  return audited(ctx, async (tx) => {
    await assertKnownSectors(tx, input.sectorCodes);
    const entry = await tx.screeningEntry.create({ data: { ...input, active: true } });
    return {
      result: entry,
      audit: { action: "screening.create", entityType: "screening_entry", entityId: entry.id, after: snapshot(entry) },
    };
  });
}

async function lockedEntry(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM screening_entries WHERE id = ${id}::uuid FOR UPDATE`;
  const entry = await tx.screeningEntry.findUnique({ where: { id } });
  if (!entry) throw new AppError("not_found");
  return entry;
}

/** Changes an entry's category, name, sectors, keywords or source (audited before/after). */
export async function updateScreeningEntry(
  ctx: AuditContext,
  user: Principal,
  input: z.infer<typeof ScreeningEntryUpdateSchema>,
) {
  assertCan(user, "screening:manage");
  const { id, updatedAt, ...fields } = input;
  return audited(ctx, async (tx) => {
    const before = await lockedEntry(tx, id);
    if (before.updatedAt.getTime() !== new Date(updatedAt).getTime()) throw new AppError("conflict", "conflict");
    await assertKnownSectors(tx, fields.sectorCodes);
    const after = await tx.screeningEntry.update({ where: { id }, data: fields });
    return {
      result: after,
      audit: {
        action: "screening.update",
        entityType: "screening_entry",
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      },
    };
  });
}

/** Deactivates (or reactivates) an entry: screenings stop (or start again) applying it. */
export async function setScreeningEntryActive(ctx: AuditContext, user: Principal, id: string, active: boolean) {
  assertCan(user, "screening:manage");
  return audited(ctx, async (tx) => {
    const before = await lockedEntry(tx, id);
    if (before.active === active) throw new AppError("invalid_state", active ? "already_active" : "already_inactive");
    const after = await tx.screeningEntry.update({ where: { id }, data: { active } });
    return {
      result: after,
      audit: {
        action: "screening.update",
        entityType: "screening_entry",
        entityId: id,
        before: { active: before.active },
        after: { active },
      },
    };
  });
}

/**
 * True when a screening may have read the entry: a screening writes its outcome to the listing
 * row, so any offer or demand written since the entry was created may have been screened against
 * it (screening notes name entries, not ids, so this is the one sound test). Conservative on
 * purpose: in practice only an entry added by mistake and corrected at once can be deleted.
 */
async function mayHaveScreened(tx: Tx, entry: { createdAt: Date }): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ used: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM offers WHERE updated_at >= ${entry.createdAt})
        OR EXISTS (SELECT 1 FROM demands WHERE updated_at >= ${entry.createdAt}) AS used`;
  return row?.used ?? true;
}

/**
 * Deletes an inactive entry that never took part in a screening; any other entry is kept for the
 * record and can only be deactivated (answers ("invalid_state", "entry_in_use") or "entry_active").
 */
export async function deleteScreeningEntry(ctx: AuditContext, user: Principal, id: string) {
  assertCan(user, "screening:manage");
  return audited(ctx, async (tx) => {
    const entry = await lockedEntry(tx, id);
    if (entry.active) throw new AppError("invalid_state", "entry_active");
    if (await mayHaveScreened(tx, entry)) throw new AppError("invalid_state", "entry_in_use");
    await tx.screeningEntry.delete({ where: { id } });
    return {
      result: { id },
      audit: { action: "screening.delete", entityType: "screening_entry", entityId: id, before: snapshot(entry) },
    };
  });
}

/** Which of `entries` may still be deleted (inactive and never part of a screening), for the page. */
export async function deletableEntries(entries: readonly { id: string; active: boolean; createdAt: Date }[]) {
  const inactive = entries.filter((e) => !e.active);
  if (inactive.length === 0) return new Set<string>();
  const [row] = await db.$queryRaw<{ latest: Date | null }[]>`
    SELECT GREATEST((SELECT max(updated_at) FROM offers), (SELECT max(updated_at) FROM demands)) AS latest`;
  const latest = row?.latest ?? null;
  return new Set(inactive.filter((e) => latest === null || e.createdAt > latest).map((e) => e.id));
}
