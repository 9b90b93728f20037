/**
 * Issue 12 item 1: contacting an expert reaches someone — the expert's account, else the members of
 * the expert's organization, else the operator — with the sender's details, audited, and limited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contactExpert, EXPERT_CONTACTS_PER_DAY } from "@/lib/experts/contact";
import { createOrganization, createUser } from "../factories";

const ctx = (user: Principal) => ({ ...systemContext("test:expert"), actor: { id: user.id, role: "SEEKER" } });
const input = { topic: "Tư vấn định giá công nghệ", message: "Chúng tôi cần ý kiến về giá trị hợp lý của công nghệ." };
let seeker: Principal;

async function expert(overrides: { userId?: string; organizationId?: string; isPublic?: boolean } = {}) {
  const slug = `chuyen-gia-${Math.random().toString(36).slice(2, 10)}`;
  return db.expert.create({
    data: { slug, name: "GS.TS. Phạm Văn Lâm", sectorCodes: [], expertise: "Định giá công nghệ", ...overrides },
  });
}

const received = (userId: string) => db.notification.findMany({ where: { userId, type: "expert.contact" } });

beforeAll(async () => {
  const business = await createOrganization(db, { type: "ENTERPRISE", name: "Công ty Thử Liên hệ" });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id, name: "Trần Thu Hà" });
});

describe("contacting an expert", () => {
  it("reaches the expert's own account with the sender's name, organization and address", async () => {
    const account = await createUser(db, { roles: ["INTERMEDIARY"] });
    const e = await expert({ userId: account.id });
    await contactExpert(ctx(seeker), seeker, e.slug, input);
    const [notice] = await received(account.id);
    expect(notice?.params).toMatchObject({
      name: "Trần Thu Hà",
      organization: "Công ty Thử Liên hệ",
      email: (await db.user.findUniqueOrThrow({ where: { id: seeker.id } })).email,
      message: input.message,
    });
    const audit = await db.auditEvent.findFirst({ where: { action: "expert.contact", entityId: e.id } });
    expect(JSON.stringify(audit?.after)).not.toContain(input.message);
  });

  it("goes to the expert's organization when the expert has no account, else to the operator", async () => {
    const org = await createOrganization(db, { type: "INSTITUTE" });
    const member = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
    await contactExpert(ctx(seeker), seeker, (await expert({ organizationId: org.id })).slug, input);
    expect(await received(member.id)).toHaveLength(1);

    const operator = await createUser(db, { roles: ["OPERATOR"] });
    await contactExpert(ctx(seeker), seeker, (await expert()).slug, input);
    expect(await received(operator.id)).toHaveLength(1);
  });

  it("answers not found for a hidden expert, forbidden for staff, and limits requests per day", async () => {
    const hidden = await expert({ isPublic: false });
    await expect(contactExpert(ctx(seeker), seeker, hidden.slug, input)).rejects.toMatchObject({ code: "not_found" });
    const auditor = await createUser(db, { roles: ["AUDITOR"] });
    await expect(contactExpert(ctx(auditor), auditor, hidden.slug, input)).rejects.toMatchObject({ code: "forbidden" });

    const busy = await createUser(db, { roles: ["SEEKER"], organizationId: seeker.organizationId });
    const target = await expert();
    const results = await Promise.allSettled(
      Array.from({ length: EXPERT_CONTACTS_PER_DAY + 2 }, () => contactExpert(ctx(busy), busy, target.slug, input)),
    );
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(results.length - refused.length).toBe(EXPERT_CONTACTS_PER_DAY);
    expect(refused.every((e) => e instanceof AppError && e.code === "rate_limited")).toBe(true);
  });
});
