import { beforeAll, describe, expect, it } from "vitest";
import { audited } from "@/lib/audit/mutations";
import { systemContext } from "@/lib/audit/context";
import { db } from "@/lib/db";
import { markRead, notify } from "@/lib/notifications/mutations";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { createOrganization, createUser } from "../factories";

// Two organizations: A has a Vietnamese reader, an English reader and a disabled member; B has
// one member who must never see A's notifications. The officer belongs to no organization.
let orgA: string;
let viUser: { id: string; email: string };
let enUser: { id: string; email: string };
let disabled: { id: string; email: string };
let otherOrgUser: { id: string; email: string };
let officer: { id: string; email: string };

beforeAll(async () => {
  orgA = (await createOrganization(db)).id;
  const orgB = (await createOrganization(db)).id;
  viUser = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA, name: "Nguyễn Văn A" });
  enUser = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA, name: "Jane Doe" });
  await db.user.update({ where: { id: enUser.id }, data: { locale: "en" } });
  disabled = await createUser(db, { roles: ["PROVIDER"], organizationId: orgA });
  await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
  otherOrgUser = await createUser(db, { roles: ["SEEKER"], organizationId: orgB });
  officer = await createUser(db, { roles: ["OFFICER"] });
});

const approved = (title = "Máy lọc nước nano") =>
  ({ organizationId: orgA, type: "listing.approved", params: { title }, link: "/account/offers/42" }) as const;

describe("notify", () => {
  it("reaches every active member of the organization, in each one's language", async () => {
    const title = `Máy lọc ${Math.random()}`;
    const result = await audited(systemContext(), async (tx) => ({
      result: await notify(tx, approved(title)),
      audit: { action: "offer.approve", entityType: "offer" },
    }));
    expect(result.recipients).toBe(2);
    const rows = await db.notification.findMany({ where: { params: { path: ["title"], equals: title } } });
    expect(rows.map((r) => r.userId).sort()).toEqual([viUser.id, enUser.id].sort());
    expect(
      rows.every((r) => r.type === "listing.approved" && r.link === "/account/offers/42" && r.readAt === null),
    ).toBe(true);

    const emails = await db.emailOutbox.findMany({ where: { subject: { contains: title } } });
    expect(emails.map((e) => e.to).sort()).toEqual([viUser.email, enUser.email].sort());
    const vi = emails.find((e) => e.to === viUser.email)!;
    const en = emails.find((e) => e.to === enUser.email)!;
    expect(vi.subject).toBe(`Tin đăng đã được duyệt: ${title}`);
    expect(vi.body).toContain("Xin chào Nguyễn Văn A,");
    expect(vi.body).toContain("http://localhost:3000/account/offers/42");
    expect(en.subject).toBe(`Listing approved: ${title}`);
    expect(en.body).toContain("Hello Jane Doe,");
    expect(en.body).toContain("/en/account/offers/42");
    expect(emails.every((e) => e.status === "PENDING" && e.attempts === 0)).toBe(true);
  });

  it("adds explicit recipients and role holders once each and skips disabled accounts", async () => {
    const title = `Hạn chế ${Math.random()}`;
    await db.$transaction((tx) =>
      notify(tx, {
        userIds: [officer.id, officer.id, viUser.id, disabled.id],
        organizationId: orgA,
        type: "listing.needs_officer",
        params: { title },
      }),
    );
    const rows = await db.notification.findMany({ where: { params: { path: ["title"], equals: title } } });
    expect(rows.map((r) => r.userId).sort()).toEqual([officer.id, viUser.id, enUser.id].sort());

    const byRole = `Theo vai trò ${Math.random()}`;
    await db.$transaction((tx) =>
      notify(tx, {
        roles: ["OFFICER"],
        userIds: [officer.id],
        type: "listing.needs_officer",
        params: { title: byRole },
      }),
    );
    const officers = await db.user.findMany({
      where: { roles: { has: "OFFICER" }, status: "ACTIVE" },
      select: { id: true },
    });
    const toOfficers = await db.notification.findMany({ where: { params: { path: ["title"], equals: byRole } } });
    expect(toOfficers.map((r) => r.userId).sort()).toEqual(officers.map((u) => u.id).sort());
    expect(toOfficers.some((r) => r.userId === otherOrgUser.id)).toBe(false);
    expect(rows.some((r) => r.userId === disabled.id || r.userId === otherOrgUser.id)).toBe(false);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const title = `Rollback ${Math.random()}`;
    await expect(
      audited(systemContext(), async (tx) => {
        await notify(tx, approved(title));
        throw new Error("the approval failed after notifying");
      }),
    ).rejects.toThrow("the approval failed");
    expect(await db.notification.count({ where: { params: { path: ["title"], equals: title } } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { subject: { contains: title } } })).toBe(0);
  });

  it("fails the caller's transaction on a missing parameter or an off-site link", async () => {
    await expect(
      db.$transaction((tx) =>
        // @ts-expect-error the reason is missing: the types catch it, and so does the runtime
        notify(tx, { organizationId: orgA, type: "listing.rejected", params: { title: "X" } }),
      ),
    ).rejects.toThrow(/reason/);
    await expect(
      db.$transaction((tx) => notify(tx, { ...approved(), link: "https://evil.example" })),
    ).rejects.toThrow();
  });

  it("queues no email when asked not to", async () => {
    const title = `Không email ${Math.random()}`;
    await db.$transaction((tx) => notify(tx, { ...approved(title), email: false }));
    expect(await db.notification.count({ where: { params: { path: ["title"], equals: title } } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { subject: { contains: title } } })).toBe(0);
  });
});

describe("reading notifications", () => {
  it("lists a user's own notifications newest first, 20 a page, in the page's language", async () => {
    const reader = await createUser(db, { roles: ["SEEKER"] });
    for (let i = 1; i <= 23; i++) {
      await db.notification.create({
        data: {
          userId: reader.id,
          type: "organization.verified",
          params: { name: `Org ${i}` },
          createdAt: new Date(Date.UTC(2026, 0, i)),
        },
      });
    }
    expect(await unreadCount(reader.id)).toBe(23);
    const first = await listNotifications(reader.id, 1, "en");
    expect(first).toMatchObject({ total: 23, unread: 23, page: 1, pageSize: 20, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.title).toBe("Organization verified: Org 23");
    const second = await listNotifications(reader.id, 2, "vi");
    expect(second.items.map((n) => n.title)).toEqual([3, 2, 1].map((i) => `Tổ chức đã được xác thực: Org ${i}`));
    expect((await listNotifications(reader.id, 99, "vi")).page).toBe(2);
    expect((await listNotifications(officer.id, 1, "vi")).items.every((n) => n.id !== first.items[0]!.id)).toBe(true);
  });
});

describe("markRead", () => {
  it("marks only the user's own notifications, ignoring other users' ids, and audits it", async () => {
    const [mine, other] = await Promise.all([
      createUser(db, { roles: ["SEEKER"] }),
      createUser(db, { roles: ["SEEKER"] }),
    ]);
    const make = (userId: string) =>
      db.notification.create({ data: { userId, type: "listing.expired", params: { title: "T" } } });
    const [a, b, c] = [await make(mine.id), await make(mine.id), await make(mine.id)];
    const theirs = await make(other.id);

    expect(await markRead(mine.id, [a.id, theirs.id, "not-a-uuid"])).toBe(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: a.id } })).readAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "notification.read", entityId: a.id } });
    expect(event.actorId).toBe(mine.id);

    expect(await markRead(mine.id, [theirs.id])).toBe(0); // silently nothing
    const auditsBefore = await db.auditEvent.count({ where: { action: "notification.read" } });
    expect(await markRead(mine.id, "all")).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "notification.read" } })).toBe(auditsBefore + 1);
    expect(await unreadCount(mine.id)).toBe(0);
    expect(await unreadCount(other.id)).toBe(1);
    expect(await markRead(mine.id, "all")).toBe(0); // nothing left: no audit noise
    expect(await db.auditEvent.count({ where: { action: "notification.read" } })).toBe(auditsBefore + 1);
    const rest = await db.notification.findMany({ where: { id: { in: [b.id, c.id] } } });
    expect(rest.every((n) => n.readAt !== null)).toBe(true);
  });
});
