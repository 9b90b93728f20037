import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ListingStatus } from "@/lib/generated/prisma/enums";
import { deleteAttachment, saveAttachment, saveStagedAttachment } from "@/lib/files/mutations";
import { readAttachmentForUser } from "@/lib/files/queries";
import { fileResponse } from "@/lib/files/response";
import { newStorageKey, storage } from "@/lib/files/storage";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files", name));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const ctx = (actorId: string) => ({
  actor: { id: actorId, role: "PROVIDER" },
  request: { requestId: "files-test", ip: "203.0.113.9" },
});
const storageDir = path.resolve(process.env.STORAGE_DIR!);

/** Every stored file, so a test can prove nothing was left behind. */
function storedFiles(): string[] {
  if (!fs.existsSync(storageDir)) return [];
  return fs
    .readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

const state = async () => ({
  rows: await db.attachment.count(),
  events: await db.auditEvent.count(),
  files: storedFiles().length,
});

let orgA: { id: string };
let member: Awaited<ReturnType<typeof createUser>>;
let seeker: Awaited<ReturnType<typeof createUser>>;
let plainMember: Awaited<ReturnType<typeof createUser>>;
let outsider: Awaited<ReturnType<typeof createUser>>;
let operator: Awaited<ReturnType<typeof createUser>>;
let published: { id: string };
let draft: { id: string };
let confidentialDemand: { id: string };

beforeAll(async () => {
  await ensureTaxonomy(db);
  orgA = await createOrganization(db, { verificationStatus: "UNVERIFIED", verifiedAt: null });
  const orgB = await createOrganization(db, { type: "ENTERPRISE" });
  member = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: orgA.id });
  plainMember = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA.id, orgRole: "MEMBER" });
  outsider = await createUser(db, { roles: ["SEEKER"], organizationId: orgB.id });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  published = await db.offer.create({ data: buildOffer(orgA.id, member.id) });
  draft = await db.offer.create({
    data: buildOffer(orgA.id, member.id, { status: "DRAFT", publishedAt: null, expiresAt: null }),
  });
  confidentialDemand = await db.demand.create({ data: buildDemand(orgA.id, member.id, { confidential: true }) });
});

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

describe("saveAttachment", () => {
  it("stores the bytes, records the row with the sniffed type and writes the audit event", async () => {
    const bytes = fixture("report.pdf");
    // The client's name is Vietnamese, decomposed and pathful; its MIME type lies.
    const file = new File([new Uint8Array(bytes)], "C:\\tmp\\Báo cáo kết quả".normalize("NFD"), { type: "text/html" });
    const saved = await saveAttachment(ctx(member.id), member, { file, target: { offerId: draft.id } });

    expect(saved).toMatchObject({
      kind: "DOCUMENT",
      filename: "Báo cáo kết quả.pdf",
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
    });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    const stored = await storage().get(row.storageKey);
    expect(stored && sha256(stored)).toBe(row.sha256);
    expect(fs.existsSync(path.join(storageDir, row.storageKey))).toBe(true);
    expect(row.storageKey).not.toContain("Báo");

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "attachment", entityId: saved.id } });
    expect(event).toMatchObject({ action: "attachment.create", actorId: member.id, requestId: "files-test" });
    expect(event.after).toEqual({
      filename: "Báo cáo kết quả.pdf",
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
      kind: "DOCUMENT",
      target: { offerId: draft.id },
    });
  });

  it("detects images and defaults their kind to IMAGE", async () => {
    const saved = await saveAttachment(ctx(member.id), member, {
      file: { name: "ảnh.webp", bytes: fixture("picture.webp") },
      target: { offerId: draft.id },
    });
    expect(saved).toMatchObject({ kind: "IMAGE", mimeType: "image/webp", filename: "ảnh.webp" });
  });

  it("refuses a file over the limit and saves nothing: no row, no file, no audit event", async () => {
    const before = await state();
    const tooBig = Buffer.concat([fixture("image.png"), Buffer.alloc(10 * 1024 * 1024)]);
    await expect(
      saveAttachment(ctx(member.id), member, {
        file: { name: "big.png", bytes: tooBig },
        target: { offerId: draft.id },
      }),
    ).rejects.toMatchObject({ code: "too_large" });
    const asFile = new File([new Uint8Array(tooBig)], "big.png");
    await expect(
      saveAttachment(ctx(member.id), member, { file: asFile, target: { offerId: draft.id } }),
    ).rejects.toMatchObject({
      code: "too_large",
    });
    expect(await state()).toEqual(before);
  });

  it("refuses a disguised file and saves nothing", async () => {
    const before = await state();
    for (const name of ["html-as.pdf", "text-as.png", "drawing.svg", "archive.zip"]) {
      await expect(
        saveAttachment(ctx(member.id), member, { file: { name, bytes: fixture(name) }, target: { offerId: draft.id } }),
        name,
      ).rejects.toMatchObject({ code: "unsupported_type" });
    }
    expect(await state()).toEqual(before);
  });

  it("accepts only images for kind IMAGE", async () => {
    await expect(
      saveAttachment(ctx(member.id), member, {
        file: { name: "scan.pdf", bytes: fixture("report.pdf") },
        target: { offerId: draft.id },
        kind: "IMAGE",
      }),
    ).rejects.toMatchObject({ code: "unsupported_type" });
  });

  it("deletes the staged bytes again when the database write fails", async () => {
    // The upload route records staged bytes after its own checks; a target gone meanwhile fails the INSERT.
    const before = await state();
    const bytes = fixture("image.png");
    const storageKey = newStorageKey();
    await storage().stage(storageKey, bytes);
    await expect(
      saveStagedAttachment(ctx(member.id), {
        staged: { storageKey, name: "x.png", size: bytes.length, sha256: sha256(bytes) },
        uploadedById: member.id,
        target: { offerId: "00000000-0000-4000-8000-000000000000" }, // no such offer
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await state()).toEqual(before);
  });

  it("authorizes itself: only the owner's organization, only while drafting, and nothing is saved otherwise", async () => {
    const before = await state();
    const file = { name: "x.png", bytes: fixture("image.png") };
    const refusals: [string, () => Promise<unknown>, string][] = [
      [
        "another organization's draft",
        () => saveAttachment(ctx(outsider.id), outsider, { file, target: { offerId: draft.id } }),
        "not_found",
      ],
      [
        "an unknown offer",
        () =>
          saveAttachment(ctx(member.id), member, { file, target: { offerId: "00000000-0000-4000-8000-000000000000" } }),
        "not_found",
      ],
      [
        "a demand, for a provider",
        () => saveAttachment(ctx(member.id), member, { file, target: { demandId: confidentialDemand.id } }),
        "not_found",
      ],
      [
        "a published offer",
        () => saveAttachment(ctx(member.id), member, { file, target: { offerId: published.id } }),
        "invalid_state",
      ],
      [
        "another organization's documents",
        () => saveAttachment(ctx(outsider.id), outsider, { file, target: { organizationId: orgA.id } }),
        "not_found",
      ],
      [
        "staff, for an organization's documents",
        () => saveAttachment(ctx(operator.id), operator, { file, target: { organizationId: orgA.id } }),
        "not_found",
      ],
      [
        "a plain member, for the organization's documents",
        () => saveAttachment(ctx(plainMember.id), plainMember, { file, target: { organizationId: orgA.id } }),
        "forbidden",
      ],
    ];
    for (const [what, attempt, code] of refusals) await expect(attempt(), what).rejects.toMatchObject({ code });
    expect(await state()).toEqual(before);
  });

  it("requires exactly one target", async () => {
    const file = { name: "x.png", bytes: fixture("image.png") };
    await expect(saveAttachment(ctx(member.id), member, { file, target: {} })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(
      saveAttachment(ctx(member.id), member, { file, target: { offerId: draft.id, organizationId: orgA.id } }),
    ).rejects.toMatchObject({ code: "validation" });
  });
});

/** Sets a listing's status directly, as the lifecycle would have. */
async function setStatus(target: { offerId?: string; demandId?: string }, status: ListingStatus) {
  if (target.offerId) await db.offer.update({ where: { id: target.offerId }, data: { status } });
  if (target.demandId) await db.demand.update({ where: { id: target.demandId }, data: { status } });
}

/**
 * Attaches a file as the organization's provider (its seeker for demands). A listing past DRAFT
 * got its files while its owner drafted it (saveAttachment refuses them later), so one is put back
 * to DRAFT for the upload and then restored.
 */
async function attach(name: string, target: { offerId?: string; demandId?: string; organizationId?: string }) {
  const by = target.demandId ? seeker : member;
  const save = () => saveAttachment(ctx(by.id), by, { file: { name, bytes: fixture(name) }, target });
  const listing = target.offerId
    ? await db.offer.findUniqueOrThrow({ where: { id: target.offerId }, select: { status: true } })
    : target.demandId
      ? await db.demand.findUniqueOrThrow({ where: { id: target.demandId }, select: { status: true } })
      : null;
  if (!listing || listing.status === "DRAFT") return save();
  await setStatus(target, "DRAFT");
  try {
    return await save();
  } finally {
    await setStatus(target, listing.status);
  }
}

describe("readAttachmentForUser", () => {
  it("shows a published listing's file to anyone, anonymous included", async () => {
    const saved = await attach("image.png", { offerId: published.id });
    for (const user of [null, outsider, member]) {
      const found = await readAttachmentForUser(user, saved.id);
      expect(found?.bytes.equals(fixture("image.png"))).toBe(true);
      expect(found?.isPublic).toBe(true);
    }
  });

  it("shows a confidential published demand's file to anyone too", async () => {
    const saved = await attach("figures.xlsx", { demandId: confidentialDemand.id });
    expect(await readAttachmentForUser(null, saved.id)).not.toBeNull();
  });

  it("shows a draft listing's file only to its organization and to staff", async () => {
    const saved = await attach("contract.docx", { offerId: draft.id });
    expect((await readAttachmentForUser(member, saved.id))?.row.sha256).toBe(sha256(fixture("contract.docx")));
    expect((await readAttachmentForUser(operator, saved.id))?.isPublic).toBe(false);
    expect(await readAttachmentForUser(outsider, saved.id)).toBeNull();
    expect(await readAttachmentForUser(null, saved.id)).toBeNull();
  });

  it("shows verification documents only to the organization and to staff", async () => {
    const saved = await attach("report.pdf", { organizationId: orgA.id });
    expect(await readAttachmentForUser(member, saved.id)).not.toBeNull();
    expect(await readAttachmentForUser(operator, saved.id)).not.toBeNull();
    expect(await readAttachmentForUser(outsider, saved.id)).toBeNull();
  });

  it("answers null for a malformed or unknown id", async () => {
    expect(await readAttachmentForUser(operator, "not-a-uuid")).toBeNull();
    expect(await readAttachmentForUser(operator, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("deleteAttachment", () => {
  it("deletes a draft listing's file of the actor's organization, with an audit event", async () => {
    const saved = await attach("image.png", { offerId: draft.id });
    const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    await deleteAttachment(ctx(member.id), saved.id, orgA.id);
    expect(await db.attachment.findUnique({ where: { id: saved.id } })).toBeNull();
    expect(await storage().get(storageKey)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: saved.id, action: "attachment.delete" } });
    expect(event.before).toMatchObject({
      sha256: saved.sha256,
      filename: saved.filename,
      target: { offerId: draft.id },
    });
  });

  it("refuses a published listing's file and another organization's file as not found", async () => {
    const live = await attach("image.png", { offerId: published.id });
    await expect(deleteAttachment(ctx(member.id), live.id, orgA.id)).rejects.toMatchObject({ code: "not_found" });
    const drafted = await attach("image.png", { offerId: draft.id });
    await expect(deleteAttachment(ctx(outsider.id), drafted.id, outsider.organizationId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteAttachment(ctx(operator.id), drafted.id, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteAttachment(ctx(member.id), "nope", orgA.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.attachment.count({ where: { id: { in: [live.id, drafted.id] } } })).toBe(2);
  });

  it("deletes verification documents only while the organization is not verified or pending", async () => {
    const doc = await attach("report.pdf", { organizationId: orgA.id });
    await db.organization.update({ where: { id: orgA.id }, data: { verificationStatus: "PENDING" } });
    await expect(deleteAttachment(ctx(member.id), doc.id, orgA.id)).rejects.toMatchObject({ code: "not_found" });
    await db.organization.update({ where: { id: orgA.id }, data: { verificationStatus: "REJECTED" } });
    await deleteAttachment(ctx(member.id), doc.id, orgA.id);
    expect(await db.attachment.findUnique({ where: { id: doc.id } })).toBeNull();
  });
});

describe("fileResponse", () => {
  it("serves a published image inline, cacheable by shared caches only with revalidation, with the security headers", async () => {
    const saved = await attach("image.png", { offerId: published.id });
    const response = await fileResponse(null, saved.id, null);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(fixture("image.png").length),
      "content-disposition": `inline; filename="image.png"; filename*=UTF-8''image.png`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "cache-control": "public, no-cache",
      etag: `"${saved.sha256}"`,
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(fixture("image.png"))).toBe(true);
  });

  it("stops a withdrawn listing's file being publicly cacheable: no shared cache may serve it after the withdrawal", async () => {
    const listing = await db.offer.create({ data: buildOffer(orgA.id, member.id) });
    const saved = await attach("image.png", { offerId: listing.id });
    const whilePublished = (await fileResponse(null, saved.id, null)).headers.get("cache-control")!;
    // Stored by a shared cache, it must be revalidated before every use: a fresh lifetime would
    // keep serving the file to anyone after the owner withdrew it.
    expect(whilePublished).toMatch(/\bpublic\b/);
    expect(whilePublished).toMatch(/\bno-cache\b|\bmax-age=0\b|\bs-maxage=0\b/);
    expect(whilePublished).not.toMatch(/max-age=[1-9]/);

    await db.offer.update({ where: { id: listing.id }, data: { status: "WITHDRAWN" } });
    const anonymous = await fileResponse(null, saved.id, `"${saved.sha256}"`);
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    const owner = await fileResponse(member, saved.id, null);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("cache-control")).toMatch(/^private\b/);
    expect(owner.headers.get("cache-control")).not.toMatch(/public/);
  });

  it("answers 304 to a matching If-None-Match, without a body", async () => {
    const saved = await attach("photo.jpg", { offerId: published.id });
    const response = await fileResponse(null, saved.id, `W/"x", "${saved.sha256}"`);
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(`"${saved.sha256}"`);
    expect(await response.text()).toBe("");
  });

  it("sends Office files as downloads with the Vietnamese name, privately cached", async () => {
    const saved = await saveAttachment(ctx(member.id), member, {
      file: { name: "Hợp đồng.docx", bytes: fixture("contract.docx") },
      target: { offerId: draft.id },
    });
    const response = await fileResponse(member, saved.id, null);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Hop dong.docx"; filename*=UTF-8''H%E1%BB%A3p%20%C4%91%E1%BB%93ng.docx`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("answers 404 (never 403 or 304) when the user may not see the file", async () => {
    const saved = await attach("report.pdf", { offerId: draft.id });
    for (const [user, etag] of [
      [null, null],
      [outsider, null],
      [outsider, `"${saved.sha256}"`],
    ] as const) {
      const response = await fileResponse(user, saved.id, etag);
      expect(response.status).toBe(404);
      expect(response.headers.get("etag")).toBeNull();
    }
    expect((await fileResponse(member, "../../etc/passwd", null)).status).toBe(404);
    expect((await fileResponse(member, "00000000-0000-4000-8000-000000000000", null)).status).toBe(404);
  });

  it("answers 404 when the bytes are missing from storage", async () => {
    const saved = await attach("image.png", { offerId: published.id });
    const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    await storage().delete(storageKey);
    expect((await fileResponse(null, saved.id, null)).status).toBe(404);
  });
});
