import "server-only";
import { db } from "@/lib/db";
import { storage, type StoredObject } from "./storage";

export interface OrphanCleanupResult {
  /** Stored files without an attachment row, deleted. */
  deletedStored: number;
  /** Staged files of uploads that never got a row (refused, failed or crashed), deleted. */
  deletedStaged: number;
  /** Staged files whose row was committed before a crash, moved into place. */
  completed: number;
}

const BATCH = 500;

/**
 * Removes upload bytes that no attachment row refers to, once they are older than `olderThanMs`
 * (default one hour, so uploads in flight are never touched): stored files without a row (e.g. a
 * delete whose byte removal failed) and staged files of uploads that never committed. A staged
 * file whose row DOES exist was committed but not yet moved when the process died: it is moved
 * into place instead. Meant for a periodic job; safe to run on several instances at once.
 */
export async function purgeOrphanUploads(olderThanMs = 3_600_000, now = new Date()): Promise<OrphanCleanupResult> {
  const cutoff = now.getTime() - olderThanMs;
  const store = storage();
  const result: OrphanCleanupResult = { deletedStored: 0, deletedStaged: 0, completed: 0 };

  for await (const batch of oldBatches(store.list(), cutoff)) {
    const known = await keysWithRows(batch);
    for (const key of batch.filter((k) => !known.has(k))) {
      await store.delete(key);
      result.deletedStored += 1;
    }
  }
  for await (const batch of oldBatches(store.listStaged(), cutoff)) {
    const known = await keysWithRows(batch);
    for (const key of batch) {
      if (known.has(key)) {
        await store.commit(key);
        result.completed += 1;
      } else {
        await store.discard(key);
        result.deletedStaged += 1;
      }
    }
  }
  if (result.deletedStored + result.deletedStaged + result.completed > 0) {
    console.info(`[files] orphan cleanup: ${JSON.stringify(result)}`);
  }
  return result;
}

/** Keys last modified before `cutoff`, in batches of BATCH for one query each. */
async function* oldBatches(objects: AsyncIterable<StoredObject>, cutoff: number): AsyncIterable<string[]> {
  let batch: string[] = [];
  for await (const object of objects) {
    if (object.modifiedAt.getTime() >= cutoff) continue;
    batch.push(object.key);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function keysWithRows(keys: string[]): Promise<Set<string>> {
  const rows = await db.attachment.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
  return new Set(rows.map((r) => r.storageKey));
}
