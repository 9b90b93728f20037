import "server-only";
import type { AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { invalidate } from "@/lib/cache/invalidate";
import { tags, type CacheTag } from "@/lib/cache/tags";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateNodeInput, RenameNodeInput } from "./schemas";

/**
 * The officers' taxonomy editor (issue #13 item 4, `taxonomy:manage`). Every change is audited with
 * before/after, and then expires the public pages that show the tree: the catalog filters of both
 * kinds and the search facets (`catalog:*`), the experts directory and the statistics by field.
 * Nodes that listings use are never deleted, only deactivated: new listings cannot choose them and
 * the public filters stop offering them, while the listings filed under them keep their code.
 */

/** The public pages that read the taxonomy (lib/catalog/taxonomy.ts and the statistics). */
export const TAXONOMY_TAGS: readonly CacheTag[] = [
  tags.catalog("offer"),
  tags.catalog("demand"),
  tags.experts,
  tags.stats,
];

const ENTITY = "taxonomy_node";

async function lockedNode(tx: Tx, code: string) {
  await tx.$queryRaw`SELECT code FROM taxonomy_nodes WHERE code = ${code} FOR UPDATE`;
  const node = await tx.taxonomyNode.findUnique({ where: { code } });
  if (!node) throw new AppError("not_found");
  return node;
}

async function changed<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  invalidate(TAXONOMY_TAGS);
  return result;
}

/** Adds a field (no parent) or a sector under an active field, last among its siblings. */
export async function createTaxonomyNode(ctx: AuditContext, user: Principal, input: CreateNodeInput) {
  assertCan(user, "taxonomy:manage");
  return changed(
    audited(ctx, async (tx) => {
      if (input.parentCode !== null) {
        const parent = await lockedNode(tx, input.parentCode);
        if (parent.level !== 1) throw new AppError("validation", "parent_not_field");
        if (!parent.active) throw new AppError("invalid_state", "parent_inactive");
      }
      if (await tx.taxonomyNode.findUnique({ where: { code: input.code } }))
        throw new AppError("validation", "code_taken", { fieldErrors: { code: ["code_taken"] } });
      const last = await tx.taxonomyNode.aggregate({
        where: { parentCode: input.parentCode },
        _max: { sortOrder: true },
      });
      const node = await tx.taxonomyNode.create({
        data: {
          code: input.code,
          parentCode: input.parentCode,
          level: input.parentCode === null ? 1 : 2,
          nameVi: input.nameVi,
          nameEn: input.nameEn,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
        },
      });
      return {
        result: node,
        audit: { action: "taxonomy.create", entityType: ENTITY, entityId: node.code, after: node },
      };
    }),
  );
}

/** Renames a node in Vietnamese and English. */
export async function renameTaxonomyNode(ctx: AuditContext, user: Principal, input: RenameNodeInput) {
  assertCan(user, "taxonomy:manage");
  return changed(
    audited(ctx, async (tx) => {
      const before = await lockedNode(tx, input.code);
      const node = await tx.taxonomyNode.update({
        where: { code: input.code },
        data: { nameVi: input.nameVi, nameEn: input.nameEn },
      });
      return {
        result: node,
        audit: {
          action: "taxonomy.update",
          entityType: ENTITY,
          entityId: node.code,
          before: { nameVi: before.nameVi, nameEn: before.nameEn },
          after: { nameVi: node.nameVi, nameEn: node.nameEn },
        },
      };
    }),
  );
}

/** Moves a node one place up or down among its siblings (the order of the public filters). */
export async function moveTaxonomyNode(ctx: AuditContext, user: Principal, code: string, direction: "up" | "down") {
  assertCan(user, "taxonomy:manage");
  return changed(
    audited(ctx, async (tx) => {
      const node = await lockedNode(tx, code);
      // Siblings are locked in one statement (a stable order), so two moves cannot interleave.
      const siblings = await tx.$queryRaw<{ code: string }[]>`
        SELECT code FROM taxonomy_nodes WHERE parent_code IS NOT DISTINCT FROM ${node.parentCode}
         ORDER BY sort_order, code FOR UPDATE`;
      const order = siblings.map((s) => s.code);
      const at = order.indexOf(code);
      const to = direction === "up" ? at - 1 : at + 1;
      if (to < 0 || to >= order.length) throw new AppError("invalid_state", "cannot_move");
      const next = [...order];
      [next[at], next[to]] = [next[to]!, next[at]!];
      // Renumbered 1..n: equal or missing sort orders (hand-loaded data) become a clean sequence.
      for (const [i, c] of next.entries())
        await tx.taxonomyNode.update({ where: { code: c }, data: { sortOrder: i + 1 } });
      return {
        result: { code, order: next },
        audit: {
          action: "taxonomy.update",
          entityType: ENTITY,
          entityId: code,
          before: { position: at + 1, siblings: order },
          after: { position: to + 1, siblings: next },
        },
      };
    }),
  );
}

/**
 * Deactivates or reactivates a node. A field is deactivated only once its sectors are (so no
 * active sector hangs under an inactive field), and a sector is reactivated only under an active field.
 */
export async function setTaxonomyNodeActive(ctx: AuditContext, user: Principal, code: string, active: boolean) {
  assertCan(user, "taxonomy:manage");
  return changed(
    audited(ctx, async (tx) => {
      const node = await lockedNode(tx, code);
      if (node.active === active) throw new AppError("invalid_state", active ? "already_active" : "already_inactive");
      if (!active && (await tx.taxonomyNode.count({ where: { parentCode: code, active: true } })) > 0)
        throw new AppError("invalid_state", "has_active_sectors");
      if (active && node.parentCode !== null) {
        const parent = await lockedNode(tx, node.parentCode);
        if (!parent.active) throw new AppError("invalid_state", "parent_inactive");
      }
      const after = await tx.taxonomyNode.update({ where: { code }, data: { active } });
      return {
        result: after,
        audit: {
          action: "taxonomy.update",
          entityType: ENTITY,
          entityId: code,
          before: { active: node.active },
          after: { active },
        },
      };
    }),
  );
}

/**
 * Whether anything refers to the node: sectors under it, offers or demands (their published
 * version or a pending revision), experts' fields or screening entries.
 */
async function nodeInUse(tx: Tx, code: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ used: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM taxonomy_nodes WHERE parent_code = ${code})
        OR EXISTS (SELECT 1 FROM offers WHERE sector_code = ${code} OR pending_revision->>'sectorCode' = ${code})
        OR EXISTS (SELECT 1 FROM demands WHERE sector_code = ${code} OR pending_revision->>'sectorCode' = ${code})
        OR EXISTS (SELECT 1 FROM experts WHERE ${code} = ANY(sector_codes))
        OR EXISTS (SELECT 1 FROM screening_entries WHERE ${code} = ANY(sector_codes)) AS used`;
  return row?.used ?? true;
}

/**
 * Deletes a node nothing uses (one added by mistake). A node in use answers
 * ("invalid_state", "node_in_use"): deactivate it instead.
 */
export async function deleteTaxonomyNode(ctx: AuditContext, user: Principal, code: string) {
  assertCan(user, "taxonomy:manage");
  return changed(
    audited(ctx, async (tx) => {
      const node = await lockedNode(tx, code);
      if (await nodeInUse(tx, code)) throw new AppError("invalid_state", "node_in_use");
      await tx.taxonomyNode.delete({ where: { code } });
      return {
        result: { code },
        audit: { action: "taxonomy.delete", entityType: ENTITY, entityId: code, before: node },
      };
    }),
  );
}
