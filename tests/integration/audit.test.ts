import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { audited } from "@/lib/audit/mutations";
import { createHash } from "node:crypto";
import { verifyAndCheckpoint, verifyChainAs } from "@/lib/audit/checkpoints";
import { canonicalEvent, GENESIS_HASH } from "@/lib/audit/chain";
import { chainedFieldsOf, recentAuditEvents, verifyAuditChain, type AuditEventRow } from "@/lib/audit/queries";
import { systemContext } from "@/lib/audit/context";
import { db } from "@/lib/db";

const query = async <T extends pg.QueryResultRow>(url: string | undefined, sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
};
/** The schema owner: only these tests may act behind the application's back. */
const raw = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  query<T>(process.env.DATABASE_OWNER_URL, sql, params);
/** The application's own database login (the unprivileged app role). */
const asApp = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  query<T>(process.env.DATABASE_URL, sql, params);

/**
 * What an attacker with the database but without the key does: delete one event and recompute
 * every later hash (plain SHA-256, or HMAC with a key of their own) so that the links hold again.
 */
async function deleteAndRechain(victimSeq: string, rehash: (prev: string, canonical: string) => string) {
  await raw("ALTER TABLE audit_events DISABLE TRIGGER USER");
  try {
    await raw("DELETE FROM audit_events WHERE seq = $1", [victimSeq]);
    const { rows } = await raw<AuditEventRow>(
      `SELECT seq::text AS seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after,
              reason, request_id, ip, prev_hash FROM audit_events ORDER BY seq`,
    );
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const canonical = canonicalEvent(chainedFieldsOf(row));
      const hash = rehash(prev, canonical);
      await raw("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3", [prev, hash, row.seq]);
      prev = hash;
    }
  } finally {
    await raw("ALTER TABLE audit_events ENABLE TRIGGER USER");
  }
}

async function writeEvents(count: number) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      audited(systemContext(`req-${i}`), async (tx) => {
        const row = await tx.kpiTarget.create({
          data: { metric: `metric_${i}_${Math.random().toString(36).slice(2)}`, period: "2026-Q4", target: i },
        });
        return {
          result: row,
          audit: {
            action: "kpi.create",
            entityType: "kpi_target",
            entityId: row.id,
            after: { target: i, big: 10n ** 12n },
          },
        };
      }),
    ),
  );
}

describe("audit trail", () => {
  // Each test starts from an empty log; only this test file may bypass the append-only triggers.
  beforeEach(async () => {
    await raw(`ALTER TABLE audit_events DISABLE TRIGGER USER;
               ALTER TABLE audit_checkpoints DISABLE TRIGGER USER;
               TRUNCATE audit_events, audit_checkpoints;
               ALTER TABLE audit_events ENABLE TRIGGER USER;
               ALTER TABLE audit_checkpoints ENABLE TRIGGER USER`);
  });

  it("forms one valid chain after many concurrent writes", async () => {
    await writeEvents(40);
    const verdict = await verifyAuditChain(7); // small batches exercise the paging too
    expect(verdict).toMatchObject({ ok: true, checked: 40 });
    const { rows } = await raw<{ n: string }>("SELECT count(DISTINCT prev_hash)::text AS n FROM audit_events");
    expect(rows[0]!.n).toBe("40"); // no two events share a predecessor: no fork in the chain
  });

  it("writes the event and the change atomically: a failing change leaves no event", async () => {
    const before = await db.auditEvent.count();
    await expect(
      audited(systemContext(), async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the audit table", async () => {
    await writeEvents(2);
    await expect(raw("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(raw("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    await expect(raw("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(2);
  });

  it("names the exact event whose content was altered behind the trigger's back", async () => {
    await writeEvents(10);
    const { rows } = await raw<{ seq: string }>(
      "SELECT seq::text AS seq FROM audit_events ORDER BY seq OFFSET 4 LIMIT 1",
    );
    const tampered = rows[0]!.seq;
    await raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await raw(`UPDATE audit_events SET after = '{"target": 999}' WHERE seq = $1`, [tampered]);
    await raw("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ ok: false, brokenAt: tampered, problem: "hash_mismatch" });
  });

  it("alerts officers and auditors when the nightly verification finds the chain broken", async () => {
    const { JOBS } = await import("@/lib/jobs/registry");
    const { createUser } = await import("../factories");
    const officer = await createUser(db, { roles: ["OFFICER"] });
    const auditor = await createUser(db, { roles: ["AUDITOR"] });
    await writeEvents(4);
    const { rows } = await raw<{ seq: string }>(
      "SELECT seq::text AS seq FROM audit_events ORDER BY audit_events.seq OFFSET 1 LIMIT 1",
    );
    await raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await raw(`UPDATE audit_events SET reason = 'rewritten' WHERE seq = $1`, [rows[0]!.seq]);
    await raw("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    const job = JOBS.find((j) => j.name === "audit.checkpoint")!;
    await expect(job.handler()).rejects.toThrow(`audit chain broken at #${rows[0]!.seq}`);
    for (const user of [officer, auditor]) {
      const notice = await db.notification.findFirst({ where: { userId: user.id, type: "audit.chain_broken" } });
      expect(notice?.link).toBe("/admin/audit/verify");
    }
  });

  it("detects a deleted event as a broken link at the event after it", async () => {
    await writeEvents(5);
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq");
    await raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await raw("DELETE FROM audit_events WHERE seq = $1", [rows[2]!.seq]);
    await raw("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: rows[3]!.seq, problem: "link_mismatch" });
  });

  it("keys the chain: deleting an event and recomputing every later hash without the key is detected", async () => {
    await writeEvents(6);
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq");
    // Plain SHA-256, as the published algorithm would let anyone recompute it.
    await deleteAndRechain(rows[2]!.seq, (prev, canonical) =>
      createHash("sha256").update(prev).update(canonical).digest("hex"),
    );
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ ok: false, problem: "unkeyed", brokenAt: rows[0]!.seq });
  });

  it("detects newest events deleted after a checkpoint (the head went backwards)", async () => {
    await writeEvents(5);
    const first = await verifyAndCheckpoint("verify");
    expect(first).toMatchObject({ ok: true, checked: 5 });
    const { rows: marks } = await asApp<{ seq: string; source: string }>(
      "SELECT seq::text AS seq, source FROM audit_checkpoints",
    );
    expect(marks).toEqual([{ seq: (first as { lastSeq: string }).lastSeq, source: "verify" }]);
    // Remove the two newest events: the remaining chain is internally consistent.
    await raw("ALTER TABLE audit_events DISABLE TRIGGER USER");
    await raw("DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 2)");
    await raw("ALTER TABLE audit_events ENABLE TRIGGER USER");
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({
      ok: false,
      problem: "truncated",
      brokenAt: (first as { lastSeq: string }).lastSeq,
      checked: 3,
    });
  });

  it("checkpoints nightly only a chain that holds, and the log line names the head", async () => {
    await writeEvents(3);
    expect(await verifyAndCheckpoint("nightly")).toMatchObject({ ok: true, checked: 3 });
    const { rows } = await asApp<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_checkpoints WHERE source = 'nightly'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("shows the newest events to the auditor and the Department's officers only", async () => {
    await writeEvents(2);
    for (const roles of [[], ["OPERATOR"], ["ADMIN"], ["PROVIDER"]] as const) {
      await expect(recentAuditEvents({ id: "x", roles, organizationId: null })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(recentAuditEvents(null)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await recentAuditEvents({ id: "x", roles: ["AUDITOR"], organizationId: null }, 5)).toHaveLength(2);
    expect(await recentAuditEvents({ id: "x", roles: ["OFFICER"], organizationId: null }, 5)).toHaveLength(2);
  });

  it("answers the auditor's verification with a typed refusal for other roles, never an exception", async () => {
    await writeEvents(1);
    expect(await verifyChainAs(null)).toEqual({ ok: false, error: "forbidden" });
    expect(await verifyChainAs({ id: "x", roles: ["PROVIDER"], organizationId: null })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await verifyChainAs({ id: "x", roles: ["AUDITOR"], organizationId: null })).toMatchObject({
      ok: true,
      verdict: { ok: true },
    });
  });
});

describe("events written before keyed hashes", () => {
  const sha = (prev: string, canonical: string) => createHash("sha256").update(prev).update(canonical).digest("hex");
  beforeEach(async () => {
    delete process.env.AUDIT_CHAIN_LEGACY_UNTIL;
    await raw(`ALTER TABLE audit_events DISABLE TRIGGER USER;
               ALTER TABLE audit_checkpoints DISABLE TRIGGER USER;
               TRUNCATE audit_events, audit_checkpoints;
               ALTER TABLE audit_events ENABLE TRIGGER USER;
               ALTER TABLE audit_checkpoints ENABLE TRIGGER USER`);
    await raw("UPDATE audit_chain_epochs SET keyed_from_seq = 1");
  });
  afterEach(async () => {
    delete process.env.AUDIT_CHAIN_LEGACY_UNTIL;
    await raw("UPDATE audit_chain_epochs SET keyed_from_seq = 1");
  });

  it("are not accepted when the owner moves the epoch and re-hashes history without the key", async () => {
    await writeEvents(4);
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq");
    await raw("UPDATE audit_chain_epochs SET keyed_from_seq = $1", [String(BigInt(rows.at(-1)!.seq) + 1n)]);
    await deleteAndRechain(rows[1]!.seq, sha);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, problem: "unkeyed", brokenAt: rows[0]!.seq });
  });

  it("are accepted up to the sequence number the configuration names, and no further", async () => {
    await writeEvents(3);
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq");
    // The events as an earlier version wrote them: plain SHA-256, and an epoch after them.
    await raw("UPDATE audit_chain_epochs SET keyed_from_seq = $1", [String(BigInt(rows.at(-1)!.seq) + 1n)]);
    await deleteAndRechain("0", sha);
    process.env.AUDIT_CHAIN_LEGACY_UNTIL = rows.at(-1)!.seq;
    await writeEvents(2);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5, legacy: 3 });
    process.env.AUDIT_CHAIN_LEGACY_UNTIL = rows[0]!.seq;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, problem: "unkeyed", brokenAt: rows[1]!.seq });
  });
});

describe("the application's database role", () => {
  it("is neither superuser nor owner, and may only read and append the audit tables", async () => {
    const { rows } = await asApp<{ superuser: boolean; owner: string; me: string }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              pg_get_userbyid(relowner) AS owner, current_user AS me
         FROM pg_class WHERE oid = 'audit_events'::regclass`,
    );
    expect(rows[0]!.superuser).toBe(false);
    expect(rows[0]!.owner).not.toBe(rows[0]!.me);
    const privileges = await asApp<{ t: string; p: string }>(
      `SELECT t, p FROM unnest(ARRAY['audit_events', 'audit_checkpoints', 'audit_chain_epochs']) t,
              unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
        WHERE has_table_privilege(current_user, t, p) ORDER BY t, p`,
    );
    expect(privileges.rows).toEqual([
      { t: "audit_chain_epochs", p: "SELECT" },
      { t: "audit_checkpoints", p: "INSERT" },
      { t: "audit_checkpoints", p: "SELECT" },
      { t: "audit_events", p: "INSERT" },
      { t: "audit_events", p: "SELECT" },
    ]);
  });

  it("cannot rewrite the log: no UPDATE/DELETE/TRUNCATE, no disabling triggers, no replica mode", async () => {
    await writeEvents(2);
    await expect(asApp("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(asApp("DELETE FROM audit_events")).rejects.toThrow(/permission denied/);
    await expect(asApp("TRUNCATE audit_events")).rejects.toThrow(/permission denied/);
    await expect(asApp("ALTER TABLE audit_events DISABLE TRIGGER USER")).rejects.toThrow(/must be owner/);
    await expect(asApp("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    await expect(asApp("DELETE FROM audit_checkpoints")).rejects.toThrow(/permission denied/);
    await expect(asApp("UPDATE audit_chain_epochs SET keyed_from_seq = 999999")).rejects.toThrow(/permission denied/);
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(2);
  });

  it("holds the DML the application needs on every other table", async () => {
    const { rows } = await asApp<{ t: string }>(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('audit_events', 'audit_checkpoints', 'audit_chain_epochs', '_prisma_migrations')
          AND NOT (has_table_privilege(current_user, c.oid, 'SELECT')
               AND has_table_privilege(current_user, c.oid, 'INSERT')
               AND has_table_privilege(current_user, c.oid, 'UPDATE')
               AND has_table_privilege(current_user, c.oid, 'DELETE'))`,
    );
    expect(rows).toEqual([]);
  });
});
