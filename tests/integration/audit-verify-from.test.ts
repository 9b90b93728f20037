import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { AuditContext } from "@/lib/audit/context";
import { systemContext } from "@/lib/audit/context";
import { verifyAndCheckpoint } from "@/lib/audit/checkpoints";
import { publishedHeads } from "@/lib/audit/heads";
import { audited } from "@/lib/audit/mutations";
import { verifyAuditChain, type ChainHead, type VerifyProgress } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "../factories";

// getCurrentUser and auditContext need a Next request scope; everything below them runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  auditContext: async (user: CurrentUser | null): Promise<AuditContext> => ({
    actor: user ? { id: user.id, role: user.roles[0]! } : { id: null, role: "anonymous" },
    request: { requestId: "req-test", ip: null },
  }),
}));
const { POST } = await import("@/app/api/admin/audit/verify/route");

/** The schema owner: only these tests act behind the application's back. */
async function raw<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/** Runs `sql` with the append-only triggers off, as someone holding the owner's login would. */
async function tamper(sql: string, params: unknown[] = []) {
  await raw("ALTER TABLE audit_events DISABLE TRIGGER USER");
  try {
    await raw(sql, params);
  } finally {
    await raw("ALTER TABLE audit_events ENABLE TRIGGER USER");
  }
}

async function writeEvents(count: number) {
  for (let i = 0; i < count; i++) {
    await audited(systemContext(`req-${i}`), async (tx) => {
      const row = await tx.kpiTarget.create({
        data: { metric: `m_${i}_${Math.random().toString(36).slice(2)}`, period: "2026-Q4", target: i },
      });
      return { result: row, audit: { action: "kpi.create", entityType: "kpi_target", entityId: row.id, after: { i } } };
    });
  }
}

const seqs = async () =>
  (await raw<{ seq: string }>("SELECT seq::text AS seq FROM audit_events ORDER BY audit_events.seq")).rows.map(
    (r) => r.seq,
  );

/** Publishes the current head as the nightly job does, and returns it as the public list shows it. */
async function publish(): Promise<ChainHead> {
  expect(await verifyAndCheckpoint("nightly")).toMatchObject({ ok: true });
  const { items } = await publishedHeads(1, 1);
  return { seq: items[0]!.seq, hash: items[0]!.hash };
}

beforeEach(async () => {
  await raw(`ALTER TABLE audit_events DISABLE TRIGGER USER;
             ALTER TABLE audit_checkpoints DISABLE TRIGGER USER;
             TRUNCATE audit_events, audit_checkpoints;
             ALTER TABLE audit_events ENABLE TRIGGER USER;
             ALTER TABLE audit_checkpoints ENABLE TRIGGER USER`);
});

describe("verification from a published head", () => {
  it("passes on an intact chain, checking the head and then every event from the first, reporting progress", async () => {
    await writeEvents(4);
    const head = await publish();
    await writeEvents(5);
    const progress: VerifyProgress[] = [];
    const verdict = await verifyAuditChain({ from: head, batchSize: 2, onProgress: (p) => void progress.push(p) });
    // The head holds, and the walk still covers the whole chain: the four before it and the five after.
    expect(verdict).toMatchObject({ ok: true, checked: 9 });
    expect(progress[0]).toEqual({ checked: 0, total: 9 });
    expect(progress.at(-1)).toEqual({ checked: 9, total: 9 });
    expect(progress.map((p) => p.checked)).toEqual([...progress.map((p) => p.checked)].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThanOrEqual(4); // batches of two
  });

  it("detects an event altered before the head too: the head vouches for its predecessor's hash, not its content", async () => {
    // Regression (review): verification from a head used to start at the head and declare intact a
    // chain whose earlier events had been edited.
    await writeEvents(4);
    const head = await publish();
    await writeEvents(2);
    const victim = (await seqs())[1]!;
    await tamper(`UPDATE audit_events SET after = '{"i": 998}' WHERE seq = $1`, [victim]);
    expect(await verifyAuditChain({ from: head })).toMatchObject({
      ok: false,
      brokenAt: victim,
      problem: "hash_mismatch",
    });
  });

  it("detects an event altered after the head, at that event", async () => {
    await writeEvents(3);
    const head = await publish();
    await writeEvents(3);
    const all = await seqs();
    const victim = all[4]!;
    await tamper(`UPDATE audit_events SET after = '{"i": 999}' WHERE seq = $1`, [victim]);
    expect(await verifyAuditChain({ from: head })).toMatchObject({
      ok: false,
      brokenAt: victim,
      problem: "hash_mismatch",
    });
  });

  it("detects the event AT the head altered: its content, or its stored hash", async () => {
    await writeEvents(3);
    const head = await publish();
    await writeEvents(2);
    // Content changed, hash column left as published: the recomputed hash differs.
    await tamper(`UPDATE audit_events SET reason = 'rewritten' WHERE seq = $1`, [head.seq]);
    expect(await verifyAuditChain({ from: head })).toMatchObject({
      ok: false,
      brokenAt: head.seq,
      problem: "hash_mismatch",
    });
    // Hash column rewritten too: the event no longer carries the published hash.
    const forged = "f".repeat(64);
    await tamper("UPDATE audit_events SET hash = $2 WHERE seq = $1", [head.seq, forged]);
    expect(await verifyAuditChain({ from: head })).toMatchObject({
      ok: false,
      brokenAt: head.seq,
      problem: "head_mismatch",
      expected: head.hash,
      found: forged,
    });
  });

  it("detects a truncated chain: the head's event and the newest ones deleted", async () => {
    await writeEvents(5);
    const head = await publish();
    await tamper("DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 2)");
    const verdict = await verifyAuditChain({ from: head });
    expect(verdict).toMatchObject({ ok: false, brokenAt: head.seq, problem: "truncated", expected: head.hash });
  });

  it("detects the newest events deleted after an older head, by a later published head", async () => {
    await writeEvents(3);
    const older = await publish();
    await writeEvents(3);
    const newer = await publish();
    await tamper("DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 2)");
    expect(await verifyAuditChain({ from: older })).toMatchObject({
      ok: false,
      brokenAt: newer.seq,
      problem: "truncated",
    });
  });

  it("detects the head's event deleted from the middle, and a head that never existed", async () => {
    await writeEvents(3);
    const head = await publish();
    await writeEvents(2);
    await tamper("DELETE FROM audit_events WHERE seq = $1", [head.seq]);
    expect(await verifyAuditChain({ from: head })).toMatchObject({
      ok: false,
      brokenAt: head.seq,
      problem: "head_missing",
    });
    const beyond = String(BigInt((await seqs()).at(-1)!) + 10n);
    expect(await verifyAuditChain({ from: { seq: beyond, hash: head.hash } })).toMatchObject({
      ok: false,
      brokenAt: beyond,
      problem: "truncated",
    });
  });

  it("still verifies the whole chain for the old callers (batch size as the only argument)", async () => {
    await writeEvents(3);
    expect(await verifyAuditChain(2)).toMatchObject({ ok: true, checked: 3 });
  });
});

describe("POST /api/admin/audit/verify", () => {
  const as = async (roles: Role[]) => {
    const u = await createUser(db, { roles });
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      roles: u.roles,
      organizationId: null,
      orgRole: null,
      emailVerified: true,
      organization: null,
    } satisfies CurrentUser;
  };
  const post = (body: unknown) =>
    POST(
      new Request("http://localhost/api/admin/audit/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  const ndjson = async (response: Response) =>
    (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });

  it("streams progress then the verdict to the auditor, and records the verification", async () => {
    await writeEvents(3);
    const head = await publish();
    session.user = await as(["AUDITOR"]);
    const response = await post({ from: head });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/ndjson/);
    const lines = await ndjson(response);
    expect(lines[0]).toEqual({ type: "progress", checked: 0, total: 3 });
    expect(lines.at(-1)).toMatchObject({ type: "verdict", verdict: { ok: true, checked: 3 } });
    const event = await db.auditEvent.findFirst({ where: { action: "audit.verify" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorId: session.user.id, actorRole: "AUDITOR", entityType: "audit_log" });
    expect(event?.after).toMatchObject({ ok: true, from: { seq: head.seq, hash: head.hash } });
  });

  it("reports the broken event with expected and found hashes", async () => {
    await writeEvents(4);
    const victim = (await seqs())[1]!;
    await tamper(`UPDATE audit_events SET after = '{"i": 7}' WHERE seq = $1`, [victim]);
    session.user = await as(["AUDITOR"]);
    const lines = await ndjson(await post({}));
    expect(lines.at(-1)).toMatchObject({
      type: "verdict",
      verdict: { ok: false, brokenAt: victim, problem: "hash_mismatch" },
    });
    const verdict = lines.at(-1)!.verdict as { expected: string; found: string };
    expect(verdict.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(verdict.found).not.toBe(verdict.expected);
  });

  it("answers 404 to provider, seeker, intermediary, officer and anonymous callers, and writes nothing", async () => {
    await writeEvents(1);
    const before = await db.auditEvent.count();
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["OFFICER"], ["OPERATOR"]] as Role[][]) {
      session.user = await as(roles);
      expect((await post({})).status).toBe(404);
    }
    session.user = null;
    expect((await post({})).status).toBe(404);
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.auditCheckpoint.count()).toBe(0);
  });

  it("refuses a body that is not JSON or a malformed head", async () => {
    session.user = await as(["AUDITOR"]);
    const form = await POST(
      new Request("http://localhost/api/admin/audit/verify", { method: "POST", body: new URLSearchParams({ a: "1" }) }),
    );
    expect(form.status).toBe(415);
    expect((await post({ from: { seq: "1", hash: "xyz" } })).status).toBe(400);
    expect((await post({ from: { seq: "-1", hash: "a".repeat(64) } })).status).toBe(400);
  });
});
