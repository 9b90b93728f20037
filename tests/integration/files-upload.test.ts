import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { storage } from "@/lib/files/storage";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { CONTENT_TYPE, multipart, trackedBody } from "../support/multipart";

// A small limit so "too large" needs no big buffers; set before anything reads the environment.
const MAX = vi.hoisted(() => {
  process.env.UPLOAD_MAX_BYTES = String(256 * 1024);
  return 256 * 1024;
});

// getCurrentUser and auditContext need a Next request scope; everything below them runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  auditContext: async (user: CurrentUser | null) => ({
    actor: { id: user?.id ?? null, role: user?.roles[0] ?? "anonymous" },
    request: { requestId: "upload-test", ip: null },
  }),
}));

const { POST } = await import("@/app/api/uploads/route");

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files", name));
const storageDir = path.resolve(process.env.STORAGE_DIR!);

/** Every file under the storage root, staged ones included. */
function filesOnDisk(): string[] {
  if (!fs.existsSync(storageDir)) return [];
  return fs
    .readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)));
}

function upload(query: string, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return POST(
    new Request(`http://localhost/api/uploads?${query}`, {
      method: "POST",
      headers: { "content-type": CONTENT_TYPE, ...headers },
      body: body as BodyInit,
      duplex: "half",
    } as RequestInit),
  );
}

let member: CurrentUser;
let outsider: CurrentUser;
let draftId: string;
let publishedId: string;
let orgId: string;

const asCurrent = (user: Awaited<ReturnType<typeof createUser>>): CurrentUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  organizationId: user.organizationId,
  orgRole: user.orgRole,
  emailVerified: true,
  organization: null,
});

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { verificationStatus: "UNVERIFIED", verifiedAt: null });
  const other = await createOrganization(db);
  orgId = org.id;
  const user = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  member = asCurrent(user);
  outsider = asCurrent(await createUser(db, { roles: ["PROVIDER"], organizationId: other.id }));
  draftId = (
    await db.offer.create({
      data: buildOffer(org.id, user.id, { status: "DRAFT", publishedAt: null, expiresAt: null }),
    })
  ).id;
  publishedId = (await db.offer.create({ data: buildOffer(org.id, user.id) })).id;
});

beforeEach(() => {
  session.user = null;
});

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

describe("POST /api/uploads", () => {
  it("answers 401 to a signed-out request without reading its body", async () => {
    const { stream, seen } = trackedBody(multipart("report.pdf", fixture("report.pdf")));
    const response = await upload(`for=offer&id=${draftId}`, stream);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: "unauthenticated",
      message: "errors.unauthenticated",
    });
    expect(seen.pulled).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("stores a member's file for a draft offer: row, audit event, bytes in place, nothing staged", async () => {
    session.user = member;
    const response = await upload(
      `for=offer&id=${draftId}&kind=DOCUMENT`,
      multipart("Báo cáo.pdf", fixture("report.pdf")),
    );
    const body = await response.json();
    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      ok: true,
      attachment: {
        filename: "Báo cáo.pdf",
        kind: "DOCUMENT",
        mimeType: "application/pdf",
        size: fixture("report.pdf").length,
      },
    });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: body.attachment.id } });
    expect(row).toMatchObject({ offerId: draftId, uploadedById: member.id });
    expect((await storage().get(row.storageKey))?.equals(fixture("report.pdf"))).toBe(true);
    expect(filesOnDisk()).toEqual([row.storageKey]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id } });
    expect(event).toMatchObject({ action: "attachment.create", actorId: member.id, requestId: "upload-test" });
    await db.attachment.delete({ where: { id: row.id } });
    await storage().delete(row.storageKey);
  });

  it("checks the target before reading the body: another organization's listing, a published one, a bad query", async () => {
    const cases = [
      { user: outsider, query: `for=offer&id=${draftId}`, status: 404, code: "not_found" },
      { user: member, query: `for=offer&id=${publishedId}`, status: 409, code: "invalid_state" },
      { user: member, query: `for=demand&id=${draftId}`, status: 404, code: "not_found" },
      { user: member, query: "for=offer&id=../../etc", status: 400, code: "validation" },
      { user: member, query: "for=contract", status: 400, code: "validation" },
    ];
    for (const c of cases) {
      session.user = c.user;
      const { stream, seen } = trackedBody(multipart("report.pdf", fixture("report.pdf")));
      const response = await upload(c.query, stream);
      expect(response.status, c.query).toBe(c.status);
      expect((await response.json()).code, c.query).toBe(c.code);
      expect(seen.pulled, c.query).toBe(0);
    }
    expect(await db.attachment.count()).toBe(0);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    session.user = member;
    const { stream, seen } = trackedBody(multipart("big.pdf", Buffer.alloc(MAX * 4)));
    const response = await upload(`for=offer&id=${draftId}`, stream, { "content-length": String(MAX * 4 + 200) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      code: "too_large",
      message: "errors.too_large",
      values: { max: 0.3 },
    });
    expect(seen.pulled).toBe(0);
  });

  it("enforces the limit while streaming: 413, the rest of the body unread, no file left on disk", async () => {
    session.user = member;
    const pdf = Buffer.concat([fixture("report.pdf"), Buffer.alloc(8 * MAX)]);
    const { stream, seen } = trackedBody(multipart("big.pdf", pdf));
    const response = await upload(`for=offer&id=${draftId}`, stream);
    expect(response.status).toBe(413);
    expect((await response.json()).message).toBe("errors.too_large");
    expect(seen.pulled).toBeLessThan(pdf.length / 2);
    expect(filesOnDisk()).toEqual([]);
    expect(await db.attachment.count()).toBe(0);
  });

  it("answers 413 to a file just over the limit, whose whole body arrives at once", async () => {
    // Regression: a body barely over the limit used to leave the request unanswered.
    session.user = member;
    const pdf = Buffer.concat([fixture("report.pdf"), Buffer.alloc(MAX + 1 - fixture("report.pdf").length)]);
    expect(pdf.length).toBe(MAX + 1);
    const response = await upload(`for=offer&id=${draftId}`, trackedBody(multipart("big.pdf", pdf)).stream);
    expect(response.status).toBe(413);
    expect((await response.json()).message).toBe("errors.too_large");
    expect(filesOnDisk()).toEqual([]);
    expect(await db.attachment.count()).toBe(0);
  }, 10_000);

  it("answers 400 for a file name with control characters and keeps nothing", async () => {
    session.user = member;
    // Raw in the quoted name (as browsers send them), UTF-8 encoded (C1), and RFC 5987 percent-encoded.
    const names = [
      Buffer.from("report\x00.pdf"),
      Buffer.from("re\x1b[31mport.pdf"),
      Buffer.from("a\x7f.pdf"),
      "b\u0085.pdf",
      `x"; filename*=UTF-8''a%00b.pdf; x="`,
    ];
    for (const name of names) {
      const response = await upload(`for=offer&id=${draftId}`, multipart(name, fixture("report.pdf")));
      expect(response.status, JSON.stringify(name.toString())).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation", message: "errors.filename_invalid" });
    }
    expect(filesOnDisk()).toEqual([]);
    expect(await db.attachment.count()).toBe(0);
  });

  it("stores a sanitized name: bidi overrides and reserved characters never reach the row", async () => {
    session.user = member;
    const response = await upload(
      `for=offer&id=${draftId}`,
      multipart("ảnh\u202Egnp.exe<1>.png", fixture("image.png")),
    );
    expect(response.status).toBe(201);
    const { attachment } = await response.json();
    expect(attachment.filename).toBe("ảnhgnp.exe_1_.png");
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    await db.attachment.delete({ where: { id: row.id } });
    await storage().delete(row.storageKey);
  });

  it("refuses a missing file, a disguised file and a document sent as an image, keeping nothing", async () => {
    session.user = member;
    const missing = await upload(`for=offer&id=${draftId}`, multipart("report.pdf", fixture("report.pdf"), "other"));
    expect([missing.status, (await missing.json()).message]).toEqual([400, "errors.file_required"]);
    const disguised = await upload(`for=offer&id=${draftId}`, multipart("page.pdf", fixture("html-as.pdf")));
    expect([disguised.status, (await disguised.json()).code]).toEqual([415, "unsupported_type"]);
    const notImage = await upload(`for=offer&id=${draftId}&kind=IMAGE`, multipart("scan.pdf", fixture("report.pdf")));
    expect(notImage.status).toBe(415);
    const notMultipart = await upload(`for=offer&id=${draftId}`, fixture("report.pdf"), {
      "content-type": "application/pdf",
    });
    expect([notMultipart.status, (await notMultipart.json()).message]).toEqual([400, "errors.multipart_required"]);
    expect(filesOnDisk()).toEqual([]);
    expect(await db.attachment.count()).toBe(0);
  });

  it("leaves no file behind when the transaction fails", async () => {
    const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
    await owner.connect();
    try {
      await owner.query(
        `CREATE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
      );
      await owner.query(
        `CREATE TRIGGER test_fail_insert BEFORE INSERT ON attachments FOR EACH ROW WHEN (NEW.filename LIKE 'crash-%') EXECUTE FUNCTION test_fail_insert()`,
      );
      session.user = member;
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const response = await upload(`for=offer&id=${draftId}`, multipart("crash-report.pdf", fixture("report.pdf")));
      errors.mockRestore();
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ ok: false, code: "unknown", message: "errors.unknown" });
      expect(filesOnDisk()).toEqual([]);
      expect(await db.attachment.count()).toBe(0);
    } finally {
      await owner.query("DROP TRIGGER IF EXISTS test_fail_insert ON attachments");
      await owner.query("DROP FUNCTION IF EXISTS test_fail_insert()");
      await owner.end();
    }
  });

  it("takes a verification document for the user's own organization, not from a plain member", async () => {
    session.user = member;
    const response = await upload("for=organization", multipart("Quyết định thành lập.pdf", fixture("report.pdf")));
    expect(response.status).toBe(201);
    const { attachment } = await response.json();
    expect(await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } })).toMatchObject({
      organizationId: orgId,
      offerId: null,
      kind: "DOCUMENT",
    });

    session.user = { ...member, orgRole: "MEMBER" };
    const { stream, seen } = trackedBody(multipart("x.pdf", fixture("report.pdf")));
    const refused = await upload("for=organization", stream);
    expect(refused.status).toBe(403);
    expect(seen.pulled).toBe(0);
  });
});
