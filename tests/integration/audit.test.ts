import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { audited } from "@/lib/audit/mutations";
import { verifyAuditChain } from "@/lib/audit/queries";
import { systemContext } from "@/lib/audit/context";
import { db } from "@/lib/db";

const raw = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
};

async function writeEvents(count: number) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      audited(systemContext(`req-${i}`), async (tx) => {
        const row = await tx.kpiTarget.create({ data: { metric: `metric_${i}_${Math.random().toString(36).slice(2)}`, period: "2026-Q4", target: i } });
        return { result: row, audit: { action: "kpi.create", entityType: "kpi_target", entityId: row.id, after: { target: i, big: 10n ** 12n } } };
      }),
    ),
  );
}

describe("audit trail", () => {
  // Each test starts from an empty log; only this test file may bypass the append-only triggers.
  beforeEach(async () => {
    await raw(`ALTER TABLE audit_events DISABLE TRIGGER USER;
               TRUNCATE audit_events;
               ALTER TABLE audit_events ENABLE TRIGGER USER`);
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
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq OFFSET 4 LIMIT 1");
    const tampered = rows[0]!.seq;
    await raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await raw(`UPDATE audit_events SET after = '{"target": 999}' WHERE seq = $1`, [tampered]);
    await raw("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ ok: false, brokenAt: tampered, problem: "hash_mismatch" });
  });

  it("detects a deleted event as a broken link at the event after it", async () => {
    await writeEvents(5);
    const { rows } = await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY seq");
    await raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await raw("DELETE FROM audit_events WHERE seq = $1", [rows[2]!.seq]);
    await raw("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: rows[3]!.seq, problem: "link_mismatch" });
  });
});
