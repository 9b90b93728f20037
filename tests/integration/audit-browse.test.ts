import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { browseAuditLog, type AuditFilter } from "@/lib/audit/browse";
import type { AuditContext } from "@/lib/audit/context";
import { entityHistory } from "@/lib/audit/history";
import { appendAudit, type AuditEntry } from "@/lib/audit/mutations";
import type { Principal } from "@/lib/authz";
import { vnDateKey } from "@/lib/calendar/working-days";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "../factories";

async function raw<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

const ctxOf = (user: { id: string }, role: string): AuditContext => ({
  actor: { id: user.id, role },
  request: { requestId: "req-browse", ip: null },
});
const principal = (user: { id: string; roles: Role[] }): Principal => ({ ...user, organizationId: null });

let auditor: Principal;
let officer: Principal;
let alice: { id: string; roles: Role[] };
let binh: { id: string; roles: Role[] };
const dealId = "00000000-0000-4000-8000-0000000000d1";

beforeAll(async () => {
  const a = await createUser(db, { roles: ["AUDITOR"], name: "Kiểm Toán Viên", email: "auditor.browse@example.vn" });
  const o = await createUser(db, { roles: ["OFFICER"], name: "Cán Bộ Sở", email: "officer.browse@example.vn" });
  alice = await createUser(db, { roles: ["PROVIDER"], name: "Nguyễn Thị Ánh", email: "anh.provider@example.vn" });
  binh = await createUser(db, { roles: ["SEEKER"], name: "Trần Văn Bình", email: "binh.seeker@example.vn" });
  auditor = principal(a);
  officer = principal(o);
  // A small log with every filter dimension varied: actor, role, action, entity type and id.
  const entries: [typeof alice | null, string, AuditEntry][] = [
    [alice, "PROVIDER", { action: "offer.create", entityType: "offer", entityId: "o-1", after: { title: "A" } }],
    [
      alice,
      "PROVIDER",
      { action: "offer.update", entityType: "offer", entityId: "o-1", before: { title: "A" }, after: { title: "B" } },
    ],
    [binh, "SEEKER", { action: "deal.start", entityType: "deal", entityId: dealId, after: { state: "EOI_SENT" } }],
    [
      alice,
      "PROVIDER",
      {
        action: "deal.accept",
        entityType: "deal",
        entityId: dealId,
        before: { state: "EOI_SENT" },
        after: { state: "NEGOTIATING" },
        reason: "ok",
      },
    ],
    [
      null,
      "system",
      {
        action: "offer.expire",
        entityType: "offer",
        entityId: "o-2",
        before: { status: "PUBLISHED" },
        after: { status: "EXPIRED" },
      },
    ],
    [binh, "SEEKER", { action: "deal.message", entityType: "deal", entityId: dealId }],
    [
      alice,
      "PROVIDER",
      {
        action: "offer.submit",
        entityType: "offer",
        entityId: "o-1",
        before: { status: "DRAFT" },
        after: { status: "SUBMITTED" },
      },
    ],
    [null, "system", { action: "offer.expire", entityType: "offer", entityId: "o-3" }],
    [binh, "SEEKER", { action: "demand.create", entityType: "demand", entityId: "d-1" }],
    [alice, "PROVIDER", { action: "deal.sign", entityType: "deal", entityId: dealId, after: { version: 1 } }],
    [binh, "SEEKER", { action: "deal.sign", entityType: "deal", entityId: dealId, after: { version: 1 } }],
  ];
  for (const [user, role, entry] of entries) {
    await db.$transaction((tx) =>
      appendAudit(
        tx,
        user ? ctxOf(user, role) : { actor: { id: null, role }, request: { requestId: null, ip: null } },
        entry,
      ),
    );
  }
});

interface Row {
  seq: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
}

/** The naive answer: every event up to `maxSeq` read whole, filtered in JavaScript, newest first. */
async function naive(filter: AuditFilter, maxSeq: bigint, actorIds?: string[]): Promise<string[]> {
  const { rows } = await raw<Row>(
    "SELECT seq::text AS seq, actor_id, actor_role, action, entity_type, entity_id FROM audit_events ORDER BY audit_events.seq DESC",
  );
  return rows
    .filter((r) => BigInt(r.seq) <= maxSeq)
    .filter((r) => !actorIds || (r.actor_id !== null && actorIds.includes(r.actor_id)))
    .filter((r) => !filter.role || r.actor_role === filter.role)
    .filter((r) => !filter.action || r.action === filter.action)
    .filter((r) => !filter.entityType || r.entity_type === filter.entityType)
    .filter((r) => !filter.entityId || r.entity_id === filter.entityId)
    .map((r) => r.seq);
}

const head = async () => BigInt((await raw<{ m: string }>("SELECT max(seq)::text AS m FROM audit_events")).rows[0]!.m);

/** Every page, oldest-ward from the newest, following the `older` cursor. */
async function pageThrough(filter: AuditFilter, pageSize: number, maxSeq: bigint) {
  const seen: string[] = [];
  let cursor: string | null = String(maxSeq + 1n);
  const pages: string[][] = [];
  while (cursor) {
    const page = await browseAuditLog(auditor, ctxOf(auditor, "AUDITOR"), { ...filter, before: cursor }, pageSize);
    expect(page.rows.length).toBeLessThanOrEqual(pageSize);
    pages.push(page.rows.map((r) => r.seq));
    seen.push(...page.rows.map((r) => r.seq));
    cursor = page.older;
  }
  return { seen, pages };
}

describe("the audit log browser", () => {
  const filters: [string, AuditFilter, (() => string[]) | null][] = [
    ["no filter", {}, null],
    ["role", { role: "SEEKER" }, null],
    ["action", { action: "offer.expire" }, null],
    ["entity type", { entityType: "deal" }, null],
    ["entity type and id", { entityType: "offer", entityId: "o-1" }, null],
    ["actor by name without accents", { actor: "nguyen thi anh" }, () => [alice.id]],
    ["actor by e-mail", { actor: "BINH.SEEKER@" }, () => [binh.id]],
    ["actor and action", { actor: "Bình", action: "deal.sign" }, () => [binh.id]],
    // Today in Hanoi, as the browser's periods are (from 17:00 UTC it is already tomorrow there).
    ["today's period", { from: vnDateKey(new Date()), to: vnDateKey(new Date()) }, null],
  ];

  for (const [name, filter, actors] of filters) {
    it(`pages by seq through exactly the matching events, newest first: ${name}`, async () => {
      const max = await head();
      const expected = await naive(filter, max, actors?.());
      expect(expected.length).toBeGreaterThan(0);
      const { seen, pages } = await pageThrough(filter, 3, max);
      expect(seen).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    });
  }

  it("returns nothing for a period without events and for an actor nobody matches", async () => {
    const ctx = ctxOf(auditor, "AUDITOR");
    expect((await browseAuditLog(auditor, ctx, { from: "2001-01-01", to: "2001-01-31" })).rows).toEqual([]);
    expect((await browseAuditLog(auditor, ctx, { actor: "không có ai tên này" })).rows).toEqual([]);
  });

  it("pages back towards newer events with the `newer` cursor", async () => {
    const filter: AuditFilter = { entityType: "deal" };
    const max = await head();
    const expected = await naive(filter, max);
    const first = await browseAuditLog(auditor, ctxOf(auditor, "AUDITOR"), filter, 2);
    const second = await browseAuditLog(auditor, ctxOf(auditor, "AUDITOR"), { ...filter, before: first.older! }, 2);
    expect(second.newer).not.toBeNull();
    const back = await browseAuditLog(auditor, ctxOf(auditor, "AUDITOR"), { ...filter, after: second.newer! }, 2);
    expect(back.rows.map((r) => r.seq)).toEqual(expected.slice(0, 2));
    expect(back.newer).toBeNull();
    expect(first.newer).toBeNull();
  });

  it("shows actor, role, action and entity of each row", async () => {
    const page = await browseAuditLog(auditor, ctxOf(auditor, "AUDITOR"), { action: "deal.accept" });
    expect(page.rows).toEqual([
      expect.objectContaining({
        actorId: alice.id,
        actorName: "Nguyễn Thị Ánh",
        actorEmail: "anh.provider@example.vn",
        actorRole: "PROVIDER",
        action: "deal.accept",
        entityType: "deal",
        entityId: dealId,
      }),
    ]);
  });

  it("lets department officers read the log too", async () => {
    const page = await browseAuditLog(officer, ctxOf(officer, "OFFICER"), { entityType: "demand" });
    expect(page.rows.map((r) => r.action)).toEqual(["demand.create"]);
  });
});

describe("an entity's history", () => {
  it("lists every event of the entity, oldest first, each with the fields it changed", async () => {
    const { events, next } = await entityHistory(auditor, ctxOf(auditor, "AUDITOR"), { type: "deal", id: dealId });
    expect(next).toBeNull();
    expect(events.map((e) => e.action)).toEqual([
      "deal.start",
      "deal.accept",
      "deal.message",
      "deal.sign",
      "deal.sign",
    ]);
    expect(events.map((e) => BigInt(e.seq))).toEqual(
      [...events.map((e) => BigInt(e.seq))].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(events[1]).toMatchObject({
      actorName: "Nguyễn Thị Ánh",
      actorRole: "PROVIDER",
      reason: "ok",
      changes: [{ key: "state", before: "EOI_SENT", after: "NEGOTIATING" }],
    });
    expect(events[2]!.changes).toEqual([]);
  });

  it("continues after a sequence number when asked for the next page", async () => {
    const ctx = ctxOf(auditor, "AUDITOR");
    const first = await entityHistory(auditor, ctx, { type: "offer", id: "o-1" }, null, 2);
    expect(first.events.map((e) => e.action)).toEqual(["offer.create", "offer.update"]);
    expect(first.events[1]!.changes).toEqual([{ key: "title", before: "A", after: "B" }]);
    const rest = await entityHistory(auditor, ctx, { type: "offer", id: "o-1" }, first.next, 2);
    expect(rest.events.map((e) => e.action)).toEqual(["offer.submit"]);
    expect(rest.next).toBeNull();
  });
});

describe("authorization and the auditor's own trail", () => {
  it("refuses providers, seekers, intermediaries, the operator and anonymous users, writing nothing", async () => {
    const before = await db.auditEvent.count();
    for (const roles of [["PROVIDER"], ["SEEKER"], ["INTERMEDIARY"], ["OPERATOR"], ["ADMIN"]] as Role[][]) {
      const user: Principal = { id: alice.id, roles, organizationId: null };
      await expect(browseAuditLog(user, ctxOf(user, roles[0]!), {})).rejects.toMatchObject({ code: "forbidden" });
      await expect(entityHistory(user, ctxOf(user, roles[0]!), { type: "deal", id: dealId })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const anonymous: AuditContext = { actor: { id: null, role: "anonymous" }, request: { requestId: null, ip: null } };
    await expect(browseAuditLog(null, anonymous, {})).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(entityHistory(null, anonymous, { type: "deal", id: dealId })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("records each look at the log and at a history as an audit event of the reader", async () => {
    const ctx = ctxOf(auditor, "AUDITOR");
    await browseAuditLog(auditor, ctx, { action: "deal.sign", actor: "binh" });
    const browse = await db.auditEvent.findFirst({ where: { action: "audit.browse" }, orderBy: { seq: "desc" } });
    expect(browse).toMatchObject({ actorId: auditor.id, actorRole: "AUDITOR", entityType: "audit_log" });
    expect(browse?.after).toMatchObject({ filters: { action: "deal.sign", actor: "binh" }, shown: 1 });

    await entityHistory(officer, ctxOf(officer, "OFFICER"), { type: "deal", id: dealId });
    const history = await db.auditEvent.findFirst({ where: { action: "audit.history" }, orderBy: { seq: "desc" } });
    expect(history).toMatchObject({ actorId: officer.id, actorRole: "OFFICER" });
    expect(history?.after).toMatchObject({ entityType: "deal", entityId: dealId, shown: 5 });
  });
});
