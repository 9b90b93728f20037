import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveAttachment } from "@/lib/files/mutations";
import type { CurrentUser } from "@/lib/auth/session";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

// getCurrentUser needs a Next request scope (cookies); everything below it runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("@/app/api/files/[id]/route");

const get = (id: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/files/${id}`, { headers }), { params: Promise.resolve({ id }) });

let draftFileId: string;
let sha: string;
let member: CurrentUser;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db);
  const user = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  member = {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organizationId: org.id,
    orgRole: "ADMIN",
    emailVerified: true,
    organization: null,
  };
  const offer = await db.offer.create({ data: buildOffer(org.id, user.id, { status: "DRAFT", publishedAt: null }) });
  const bytes = fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files/report.pdf"));
  const saved = await saveAttachment(
    { actor: { id: user.id, role: "PROVIDER" }, request: { requestId: null, ip: null } },
    member,
    { file: { name: "hồ sơ.pdf", bytes }, target: { offerId: offer.id } },
  );
  draftFileId = saved.id;
  sha = saved.sha256;
});

afterAll(() => fs.rmSync(path.resolve(process.env.STORAGE_DIR!), { recursive: true, force: true }));

describe("GET /api/files/[id]", () => {
  it("serves the file to a member of the owning organization", async () => {
    session.user = member;
    const response = await get(draftFileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="ho so.pdf"; filename*=UTF-8''h%E1%BB%93%20s%C6%A1.pdf`,
    );
  });

  it("passes If-None-Match through for a 304", async () => {
    session.user = member;
    expect((await get(draftFileId, { "If-None-Match": `"${sha}"` })).status).toBe(304);
  });

  it("answers 404 to anonymous visitors and for a malformed id", async () => {
    session.user = null;
    expect((await get(draftFileId)).status).toBe(404);
    session.user = member;
    expect((await get("123")).status).toBe(404);
  });
});
