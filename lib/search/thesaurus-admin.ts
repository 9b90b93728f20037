import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { audited, type AuditEntry } from "@/lib/audit/mutations";
import { assertCan, can, type Principal } from "@/lib/authz";
import { invalidate } from "@/lib/cache/invalidate";
import { tags, type CacheTag } from "@/lib/cache/tags";
import { pool, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SearchSynonym } from "@/lib/generated/prisma/client";
import type { SynonymKind } from "@/lib/generated/prisma/enums";
import { clampPage } from "@/lib/page-number";
import { markMissHandled } from "./misses";
import { fold } from "./text";
import {
  foldTerms,
  termsProblems,
  type CreateSynonymInput,
  type SynonymFilter,
  type SynonymInput,
  type UpdateSynonymInput,
} from "./thesaurus-schemas";

/**
 * The officers' thesaurus editor (issue #14 item 2, `thesaurus:manage`): synonym groups and one-way
 * expansions that search applies at query time (lib/search/relax.ts reads the active rows), so an
 * edit needs no re-indexing. Every change is audited with before/after and then expires the cached
 * catalog and search pages, so the next search shows its effect. The operator, the auditor and the
 * administrator read the list.
 */

/** Cached pages whose results the thesaurus changes: the catalogs and the search (it carries both). */
export const THESAURUS_TAGS: readonly CacheTag[] = [tags.catalog("offer"), tags.catalog("demand")];

const ENTITY = "search_synonym";

/** Every staff role reads the thesaurus; only officers change it. */
export function canReadThesaurus(user: Principal | null | undefined): boolean {
  return can(user, "admin:access");
}

export interface SynonymRow {
  id: string;
  kind: SynonymKind;
  terms: string[];
  weight: number;
  fieldCode: string | null;
  note: string | null;
  active: boolean;
  /** Null for the curated entries shipped with the exchange. */
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const THESAURUS_PAGE_SIZE = 25;

/** LIKE pattern of `text` taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of entries (newest first; an edit does not move a row), filtered by text (in any term,
 * accents ignored, or in the note), kind, field and state; with the number of curated entries
 * shipped with the exchange. The page is clamped to the last one.
 */
export async function listSynonyms(
  user: Principal,
  filter: Partial<SynonymFilter>,
  requestedPage = 1,
): Promise<{ items: SynonymRow[]; total: number; page: number; pageCount: number; curated: number }> {
  if (!canReadThesaurus(user)) throw new AppError("forbidden");
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.q) {
    const folded = param(contains(fold(filter.q).replace(/\s+/g, " ").trim()));
    const raw = param(contains(filter.q.normalize("NFC")));
    where.push(`(EXISTS (SELECT 1 FROM unnest(folded) f WHERE f LIKE ${folded}) OR note ILIKE ${raw})`);
  }
  if (filter.kind) where.push(`kind = ${param(filter.kind)}::"SynonymKind"`);
  if (filter.field) where.push(`field_code = ${param(filter.field)}`);
  if (filter.state) where.push(`active = ${param(filter.state === "active")}`);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const { rows: counts } = await pool().query<{ total: number; curated: number }>(
    `SELECT (SELECT count(*) FROM search_synonyms ${clause})::int AS total,
            (SELECT count(*) FROM search_synonyms WHERE created_by_id IS NULL)::int AS curated`,
    values,
  );
  const total = counts[0]?.total ?? 0;
  const { page, pageCount } = clampPage(requestedPage, total, THESAURUS_PAGE_SIZE);
  const { rows } = await pool().query<SynonymRow>(
    `SELECT id, kind, terms, weight, field_code AS "fieldCode", note, active, created_by_id AS "createdById",
            created_at AS "createdAt", updated_at AS "updatedAt"
       FROM search_synonyms ${clause}
      ORDER BY created_at DESC, id
      LIMIT ${THESAURUS_PAGE_SIZE} OFFSET ${(page - 1) * THESAURUS_PAGE_SIZE}`,
    values,
  );
  return { items: rows, total, page, pageCount, curated: counts[0]?.curated ?? 0 };
}

/** What the audit log keeps of an entry. */
const snapshot = (
  s: Pick<SearchSynonym, "kind" | "terms" | "folded" | "weight" | "fieldCode" | "note" | "active">,
) => ({
  kind: s.kind,
  terms: s.terms,
  folded: s.folded,
  weight: s.weight,
  fieldCode: s.fieldCode,
  note: s.note,
  active: s.active,
});

/**
 * The row to write from an input, `folded` computed here and nowhere else: it is what the engine
 * matches. The terms are checked again (any caller, not only the form), and the field must be an
 * active top-level node of the taxonomy.
 */
async function rowOf(tx: Tx, input: SynonymInput) {
  const problems = termsProblems(input.terms);
  if (problems.length) throw new AppError("validation", problems[0]!, { fieldErrors: { terms: problems } });
  if (input.fieldCode !== null) {
    const field = await tx.taxonomyNode.findUnique({ where: { code: input.fieldCode } });
    if (!field || field.level !== 1 || !field.active)
      throw new AppError("validation", "field_unknown", { fieldErrors: { fieldCode: ["field_unknown"] } });
  }
  return {
    kind: input.kind,
    terms: [...input.terms],
    folded: foldTerms(input.terms),
    weight: input.weight,
    fieldCode: input.fieldCode,
    note: input.note,
  };
}

/**
 * Refuses an entry that repeats another one exactly: the same kind and the same folded terms (in any
 * order for a synonym group; the same first term for an expansion).
 */
async function assertNotRepeated(tx: Tx, row: { kind: SynonymKind; folded: string[] }, except?: string) {
  const same = await tx.searchSynonym.findMany({
    where: { kind: row.kind, folded: { hasEvery: row.folded }, ...(except && { id: { not: except } }) },
    select: { folded: true },
  });
  const repeated = same.some(
    (s) => s.folded.length === row.folded.length && (row.kind === "SYNONYM" || s.folded[0] === row.folded[0]),
  );
  if (repeated) throw new AppError("conflict", "entry_exists", { fieldErrors: { terms: ["entry_exists"] } });
}

async function lockedEntry(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM search_synonyms WHERE id = ${id}::uuid FOR UPDATE`;
  const entry = await tx.searchSynonym.findUnique({ where: { id } });
  if (!entry) throw new AppError("not_found");
  return entry;
}

async function changed<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  invalidate(THESAURUS_TAGS);
  return result;
}

/**
 * Adds an active entry: the next search applies it. With `miss`, the zero-result search it answers
 * is marked handled in the same transaction (and audited as such).
 */
export async function createSynonym(ctx: AuditContext, user: Principal, input: CreateSynonymInput) {
  assertCan(user, "thesaurus:manage");
  return changed(
    audited(ctx, async (tx) => {
      const row = await rowOf(tx, input);
      await assertNotRepeated(tx, row);
      const entry = await tx.searchSynonym.create({ data: { ...row, active: true, createdById: user.id } });
      const audit: AuditEntry[] = [
        {
          action: "thesaurus.create",
          entityType: ENTITY,
          entityId: entry.id,
          after: { ...snapshot(entry), ...(input.miss && { miss: input.miss }) },
        },
      ];
      const handled = input.miss ? await markMissHandled(tx, input.miss, "synonym", entry.id) : null;
      if (handled) audit.push(handled);
      return { result: { entry, missHandled: handled !== null }, audit };
    }),
  );
}

/** Changes an entry's kind, terms, weight, field or note (optimistic: `updatedAt` as the officer saw it). */
export async function updateSynonym(ctx: AuditContext, user: Principal, input: UpdateSynonymInput) {
  assertCan(user, "thesaurus:manage");
  const { id, updatedAt, ...fields } = input;
  return changed(
    audited(ctx, async (tx) => {
      const before = await lockedEntry(tx, id);
      if (before.updatedAt.getTime() !== new Date(updatedAt).getTime()) throw new AppError("conflict", "conflict");
      const row = await rowOf(tx, fields);
      await assertNotRepeated(tx, row, id);
      const after = await tx.searchSynonym.update({ where: { id }, data: row });
      return {
        result: after,
        audit: {
          action: "thesaurus.update",
          entityType: ENTITY,
          entityId: id,
          before: snapshot(before),
          after: snapshot(after),
        },
      };
    }),
  );
}

/** Turns an entry off (search stops applying it) or on again. */
export async function setSynonymActive(ctx: AuditContext, user: Principal, id: string, active: boolean) {
  assertCan(user, "thesaurus:manage");
  return changed(
    audited(ctx, async (tx) => {
      const before = await lockedEntry(tx, id);
      if (before.active === active) throw new AppError("invalid_state", active ? "already_active" : "already_inactive");
      const after = await tx.searchSynonym.update({ where: { id }, data: { active } });
      return {
        result: after,
        audit: {
          action: "thesaurus.update",
          entityType: ENTITY,
          entityId: id,
          before: { terms: before.terms, active: before.active },
          after: { terms: after.terms, active: after.active },
        },
      };
    }),
  );
}

/** Deletes an entry (the audit log keeps what it was). */
export async function deleteSynonym(ctx: AuditContext, user: Principal, id: string) {
  assertCan(user, "thesaurus:manage");
  return changed(
    audited(ctx, async (tx) => {
      const before = await lockedEntry(tx, id);
      await tx.searchSynonym.delete({ where: { id } });
      return {
        result: { id },
        audit: { action: "thesaurus.delete", entityType: ENTITY, entityId: id, before: snapshot(before) },
      };
    }),
  );
}
