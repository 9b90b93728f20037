import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { chainHash, GENESIS_HASH, toJsonSafe } from "./chain";
import type { AuditAction } from "./actions";
import type { AuditContext } from "./context";
import { auditChainKey } from "./key";

// Every audited transaction takes this lock just before appending, so events are chained one
// after another even when writes run concurrently on many app instances.
const AUDIT_CHAIN_LOCK = 53_2022;

export interface AuditEntry {
  /** From the catalogue in ./actions.ts: an unlisted action does not compile. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const asJson = (value: unknown) => {
  const safe = toJsonSafe(value);
  return safe === undefined || safe === null ? Prisma.DbNull : (safe as Prisma.InputJsonValue);
};

/**
 * Appends one event to the hash-chained audit log inside the caller's transaction. Call it as the
 * last statement of the transaction: the chain lock is held until commit.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
  const [{ seq }] = (await tx.$queryRaw<{ seq: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('audit_events', 'seq')) AS seq`) as [{ seq: bigint }];
  const prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const before = toJsonSafe(entry.before) ?? null;
  const after = toJsonSafe(entry.after) ?? null;
  const fields = {
    seq,
    occurredAt,
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before,
    after,
    reason: entry.reason ?? null,
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  };
  const hash = chainHash(prevHash, fields, auditChainKey());
  await tx.auditEvent.create({
    data: { ...fields, seq: BigInt(seq), before: asJson(before), after: asJson(after), prevHash, hash },
  });
  return hash;
}

/**
 * Runs `work` and records its audit event in one transaction: either both happen or neither.
 * `work` returns the result plus the audit entry describing what it did.
 */
export async function audited<T>(
  ctx: AuditContext,
  work: (tx: Tx) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const { result, audit } = await work(tx);
      for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(tx, ctx, entry);
      return result;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
