/**
 * Issue 12 item 2: documents in a deal — typed from their bytes, hashed, versioned, audited on the
 * deal's trail; confidential ones shown to the other side only after an accepted NDA; the signed
 * scan of the contract (Art. 22) attached to the signed version and required to file the
 * registration; oversized and disguised files refused with nothing left behind — on real
 * PostgreSQL, through the upload route as the browser sends them.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { startDeal, takeDealStep } from "@/lib/deals/mutations";
import { STANDARD_NDA_TEXT } from "@/lib/deals/nda";
import { fileRegistration } from "@/lib/deals/registrations";
import { sha256 } from "@/lib/deals/store";
import { findVisibleAttachment } from "@/lib/files/queries";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { addDealDocument, codeOf, pdfBytes, signedDeal } from "../support/deals";
import { CONTENT_TYPE, multipart, trackedBody } from "../support/multipart";

// A small limit so "too large" needs no big buffers; set before anything reads the environment.
const MAX = vi.hoisted(() => {
  process.env.UPLOAD_MAX_BYTES = String(128 * 1024);
  return 128 * 1024;
});

// getCurrentUser and auditContext need a Next request scope; everything below them runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  auditContext: async (user: CurrentUser | null) => ({
    actor: { id: user?.id ?? null, role: user?.roles[0] ?? "anonymous" },
    request: { requestId: "deal-documents-test", ip: null },
  }),
}));

const { POST } = await import("@/app/api/uploads/route");

const ctx = systemContext("test:deal-documents");
const storageDir = path.resolve(process.env.STORAGE_DIR!);
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files", name));

function upload(query: string, body: Buffer) {
  return POST(
    new Request(`http://localhost/api/uploads?${query}`, {
      method: "POST",
      headers: { "content-type": CONTENT_TYPE },
      body: trackedBody(body).stream,
      duplex: "half",
    } as RequestInit),
  );
}

/** Files still in the storage's staging folder (lib/files/storage.ts: "tmp"), never moved into place. */
function stagedOnDisk(): string[] {
  const staging = path.join(storageDir, "tmp");
  return fs.existsSync(staging) ? fs.readdirSync(staging) : [];
}

type User = Awaited<ReturnType<typeof createUser>>;
const asCurrent = (user: User): CurrentUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  organizationId: user.organizationId,
  orgRole: user.orgRole,
  emailVerified: true,
  organization: null,
});

let provider: User;
let seeker: User;
let outsider: User;
let broker: User;
let auditor: User;
let providerOrg: string;
let brokerOrg: string;

/** A deal the provider accepted (documents may be shared), with the broker invited into it. */
async function acceptedDeal() {
  const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id) });
  const { reference } = await startDeal(ctx, seeker, {
    kind: "interest",
    offerId: offer.id,
    message: "Chúng tôi muốn nhận chuyển giao công nghệ này.",
    intendedUse: "Nhà máy dệt nhuộm.",
  });
  await takeDealStep(ctx, provider, reference, { event: "accept" });
  const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
  await db.dealParticipant.create({
    data: { dealId: deal.id, organizationId: brokerOrg, invitedById: seeker.id },
  });
  return { reference, id: deal.id };
}

const visible = async (user: User | null, id: string) =>
  (await findVisibleAttachment(user ? { ...user } : null, id)) !== null;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  const stranger = await createOrganization(db, { type: "ENTERPRISE" });
  const intermediary = await createOrganization(db, { type: "INTERMEDIARY" });
  providerOrg = uni.id;
  brokerOrg = intermediary.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  outsider = await createUser(db, { roles: ["SEEKER"], organizationId: stranger.id });
  broker = await createUser(db, { roles: ["INTERMEDIARY"], organizationId: intermediary.id });
  auditor = await createUser(db, { roles: ["AUDITOR"] });
});

beforeEach(() => {
  session.user = null;
});

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

describe("deal documents", () => {
  it("a party's document is typed, hashed, audited on the deal and shown to the deal's people only", async () => {
    const { reference, id: dealId } = await acceptedDeal();
    const bytes = pdfBytes("Bản vẽ mặt bằng");
    session.user = asCurrent(seeker);
    const response = await upload(`for=deal&id=${reference}&purpose=DOCUMENT`, multipart("mat-bang", bytes));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { attachment: { id: string; filename: string; mimeType: string } };
    expect(body.attachment).toMatchObject({ filename: "mat-bang.pdf", mimeType: "application/pdf" });

    const row = await db.attachment.findUniqueOrThrow({ where: { id: body.attachment.id } });
    expect(row).toMatchObject({
      dealId,
      dealSide: "seeker",
      purpose: "DOCUMENT",
      confidential: false,
      version: 1,
      seriesId: row.id,
      sha256: sha256Bytes(bytes),
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "deal", entityId: dealId, action: "deal.add_document" },
    });
    expect(event.after).toMatchObject({ attachmentId: row.id, sha256: row.sha256, version: 1 });
    expect(
      await db.notification.count({ where: { userId: provider.id, type: "deal.document_added" } }),
    ).toBeGreaterThan(0);

    expect(await visible(provider, row.id)).toBe(true);
    expect(await visible(seeker, row.id)).toBe(true);
    expect(await visible(broker, row.id)).toBe(true);
    expect(await visible(auditor, row.id)).toBe(true);
    expect(await visible(outsider, row.id)).toBe(false);
    expect(await visible(null, row.id)).toBe(false);
  });

  it("a confidential document reaches the other side only after the NDA is accepted, and never an intermediary", async () => {
    const { reference } = await acceptedDeal();
    const doc = await addDealDocument(ctx, provider, { reference, purpose: "DOCUMENT", confidential: true });
    expect(await visible(provider, doc.id)).toBe(true);
    expect(await visible(seeker, doc.id)).toBe(false);
    expect(await visible(broker, doc.id)).toBe(false);
    expect(await visible(auditor, doc.id)).toBe(true);

    const text = STANDARD_NDA_TEXT.vi;
    await takeDealStep(ctx, seeker, reference, { event: "require_nda", text });
    expect(await visible(seeker, doc.id)).toBe(false); // required, not yet accepted
    await takeDealStep(ctx, provider, reference, { event: "accept_nda", sha256: sha256(text) });
    expect(await visible(seeker, doc.id)).toBe(true);
    expect(await visible(broker, doc.id)).toBe(false);
    // An intermediary cannot add a confidential document, nor a contract scan.
    expect(await codeOf(addDealDocument(ctx, broker, { reference, purpose: "DOCUMENT", confidential: true }))).toBe(
      "forbidden:parties_only",
    );
    expect(await codeOf(addDealDocument(ctx, broker, { reference, purpose: "DOCUMENT", confidential: false }))).toBe(
      "ok",
    );
  });

  it("a new version joins its document's series with the next number; only its side may add one", async () => {
    const { reference } = await acceptedDeal();
    const first = await addDealDocument(ctx, provider, { reference, purpose: "DOCUMENT", confidential: false });
    const second = await addDealDocument(
      ctx,
      provider,
      { reference, purpose: "DOCUMENT", confidential: false, replaces: first.id },
      { name: "quy-trinh-v2.pdf", bytes: pdfBytes("phiên bản 2") },
    );
    const third = await addDealDocument(
      ctx,
      provider,
      { reference, purpose: "DOCUMENT", confidential: false, replaces: first.id },
      { name: "quy-trinh-v3.pdf", bytes: pdfBytes("phiên bản 3") },
    );
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    const series = await db.attachment.findMany({ where: { seriesId: first.id }, orderBy: { version: "asc" } });
    expect(series.map((a) => a.version)).toEqual([1, 2, 3]);
    expect(
      await codeOf(
        addDealDocument(ctx, seeker, { reference, purpose: "DOCUMENT", confidential: false, replaces: first.id }),
      ),
    ).toBe("not_found:document_not_found");
  });

  it("is refused before the request is answered, to outsiders and to staff, without leaving a file", async () => {
    const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id) });
    const { reference } = await startDeal(ctx, seeker, {
      kind: "interest",
      offerId: offer.id,
      message: "Xin gửi đề nghị.",
      intendedUse: "Sản xuất.",
    });
    expect(await codeOf(addDealDocument(ctx, seeker, { reference, purpose: "DOCUMENT", confidential: false }))).toBe(
      "invalid_state:documents_closed",
    );
    const open = await acceptedDeal();
    for (const [user, code] of [
      [outsider, "not_found:not_found"],
      [auditor, "forbidden:read_only"],
    ] as const) {
      expect(
        await codeOf(
          addDealDocument(ctx, user, { reference: open.reference, purpose: "DOCUMENT", confidential: false }),
        ),
      ).toBe(code);
    }
    // The route answers an outsider 404 before it stores anything.
    session.user = asCurrent(outsider);
    const response = await upload(`for=deal&id=${open.reference}`, multipart("x.pdf", pdfBytes()));
    expect(response.status).toBe(404);
    expect(await db.attachment.count({ where: { dealId: { in: [open.id] } } })).toBe(0);
    expect(stagedOnDisk()).toEqual([]);
  });

  it("refuses an oversized file (413) and a disguised one (415) with a clear message and nothing half-saved", async () => {
    const { reference, id: dealId } = await acceptedDeal();
    session.user = asCurrent(seeker);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX, 0x20)]);
    const tooLarge = await upload(`for=deal&id=${reference}`, multipart("lon.pdf", big));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, message: "errors.too_large" });
    const disguised = await upload(`for=deal&id=${reference}`, multipart("hop-dong.pdf", fixture("html-as.pdf")));
    expect(disguised.status).toBe(415);
    expect(await disguised.json()).toMatchObject({ ok: false, message: "errors.unsupported_type" });
    expect(await db.attachment.count({ where: { dealId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: dealId, action: "deal.add_document" } })).toBe(0);
    expect(stagedOnDisk()).toEqual([]);
  });
});

describe("the signed scan of the contract (Art. 22)", () => {
  it("is accepted only once the contract is signed, joins the signed version, and is required to file the registration", async () => {
    const open = await acceptedDeal();
    expect(
      await codeOf(
        addDealDocument(ctx, seeker, { reference: open.reference, purpose: "SIGNED_CONTRACT", confidential: false }),
      ),
    ).toBe("invalid_state:not_signed_yet");

    const reference = await signedDeal(ctx, { provider, seeker }, true, { scan: false });
    const dossier = {
      applicant: "Công ty Dệt nhuộm Thử",
      address: "Khu công nghiệp Quất Động, Hà Nội",
      representative: "Trần Văn Đức",
      contact: "024 3333 4444",
    };
    expect(await codeOf(fileRegistration(ctx, seeker, reference, dossier))).toBe("invalid_state:signed_scan_required");
    const scan = await addDealDocument(ctx, provider, { reference, purpose: "SIGNED_CONTRACT", confidential: false });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: scan.id }, include: { contract: true } });
    expect(row.contract).toMatchObject({ state: "SIGNED", versionNo: 1 });
    const filed = await fileRegistration(ctx, seeker, reference, dossier);
    const registration = await db.registration.findUniqueOrThrow({ where: { id: filed.id } });
    expect(registration.dossier).toMatchObject({ signedScan: { attachmentId: scan.id, sha256: scan.sha256 } });
  });
});

function sha256Bytes(bytes: Buffer) {
  return createHash("sha256").update(bytes).digest("hex");
}
