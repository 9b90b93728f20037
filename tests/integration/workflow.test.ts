/**
 * Issue 10 item 1: every workflow move goes through one engine (lib/workflow/transition.ts) that
 * checks the table, compares and sets the version the entity was read at, and audits in the same
 * transaction. Real PostgreSQL, real concurrency.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { verifyAuditChain } from "@/lib/audit/queries";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listings } from "@/lib/listings/data";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { createListing, moderateListing, ownerTransition } from "@/lib/listings/mutations";
import { listingWorkflow } from "@/lib/listings/transactions";
import { setMatchState } from "@/lib/matching/mutations";
import { notify } from "@/lib/notifications/mutations";
import {
  decideLegalChange,
  decideVerification,
  ORGANIZATION_WORKFLOW,
  requestVerification,
  updateOwnOrganization,
} from "@/lib/organizations/mutations";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { transition, workflowTransaction } from "@/lib/workflow/transition";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

const ctx = systemContext("test:workflow");
let provider: Principal;
let seeker: Principal;
let operator: Principal;

const offerForm = (titleVi: string) => OfferInputSchema.parse(offerFormInput({ titleVi }));

const auditActions = async (entityId: string) =>
  (await db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" } })).map((e) => e.action);

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  operator = await createUser(db, { roles: ["OPERATOR"] });
});

describe("optimistic concurrency", () => {
  it("lets one of two moves from the same version win; the other gets a conflict and leaves nothing behind", async () => {
    const title = "Công nghệ quyết định song song";
    const offer = await createListing(ctx, provider, "offer", offerForm(title));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    const read = await listings(db, "offer").findFirst({ where: { id: offer.id } });
    if (!read) throw new Error("the offer was not stored");

    // Two moderators decide the listing both read at this version, at the same time. Each tells
    // the owner first, so a loser that kept anything would show it.
    const decide = (event: "approve" | "reject") =>
      workflowTransaction(async (tx) => {
        await notify(tx, {
          userIds: [provider.id],
          type: event === "approve" ? "listing.approved" : "listing.rejected",
          params: { title, reason: "Thiếu hồ sơ" },
        });
        return transition(tx, listingWorkflow("offer"), read, event, {
          actor: "moderator",
          audit: ctx,
          action: event === "approve" ? "offer.approve" : "offer.reject",
          entityType: "offer",
          data: event === "approve" ? { publishedAt: new Date() } : { moderationNote: "Thiếu hồ sơ" },
        });
      });
    const outcomes = await Promise.allSettled([decide("approve"), decide("reject")]);

    const won = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AppError);
    expect(lost[0]).toMatchObject({ code: "conflict" });
    const winner = won[0]?.event;

    const row = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row.status).toBe(winner === "approve" ? "PUBLISHED" : "REJECTED");
    expect(row.version).toBe(read.version + 1);
    expect(row.moderationNote).toBe(winner === "reject" ? "Thiếu hồ sơ" : null);
    expect(row.publishedAt === null).toBe(winner === "reject");
    const notices = await db.notification.findMany({
      where: { userId: provider.id, type: { in: ["listing.approved", "listing.rejected"] } },
    });
    expect(notices.map((n) => n.type)).toEqual([winner === "approve" ? "listing.approved" : "listing.rejected"]);
    expect(await auditActions(offer.id)).toEqual(["offer.create", "offer.submit", `offer.${winner}`]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("refuses an operator's decision on an organization edited since it was read, even in the same status", async () => {
    const org = await createOrganization(db, {
      taxCode: "0101234567",
      verificationStatus: "PENDING",
      verifiedAt: null,
    });
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
    const stale = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    await updateOwnOrganization(
      ctx,
      { ...admin, orgRole: "ADMIN", emailVerified: true },
      OrganizationProfileSchema.parse({
        name: stale.name,
        taxCode: "0101234567",
        type: stale.type,
        location: "HN",
        address: "Số 1 Đại Cồ Việt",
      }),
    );
    const edited = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(edited).toMatchObject({ verificationStatus: "PENDING", version: stale.version + 1 });

    await expect(
      workflowTransaction((tx) =>
        transition(tx, ORGANIZATION_WORKFLOW, stale, "verify", {
          actor: "operator",
          audit: ctx,
          action: "organization.verify",
          entityType: "organization",
          data: { verifiedAt: new Date() },
        }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      verificationStatus: "PENDING",
      verifiedAt: null,
      version: edited.version,
    });
    expect(await auditActions(org.id)).toEqual(["organization.update"]);
  });
});

describe("match sides", () => {
  async function freshMatch() {
    const offer = await db.offer.create({
      data: buildOffer(provider.organizationId ?? "", provider.id, { titleVi: "Màng lọc MBR cho nước thải" }),
    });
    const demand = await db.demand.create({
      data: buildDemand(seeker.organizationId ?? "", seeker.id, { titleVi: "Cần xử lý nước thải chăn nuôi" }),
    });
    return db.match.create({ data: { offerId: offer.id, demandId: demand.id, score: 0.9, explanation: {} } });
  }

  it("never lets an acted-on match go back to a suggestion, nor be dismissed", async () => {
    const match = await freshMatch();
    await setMatchState(ctx, seeker, match.id, "ACTED_ON");
    for (const state of ["SUGGESTED", "DISMISSED", "SEEN"] as const) {
      await expect(setMatchState(ctx, seeker, match.id, state), state).rejects.toMatchObject({
        code: "invalid_state",
      });
    }
    const row = await db.match.findUniqueOrThrow({ where: { id: match.id } });
    expect(row).toMatchObject({ demandState: "ACTED_ON", offerState: "SUGGESTED" });
    const events = await db.auditEvent.findMany({ where: { entityId: match.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "match.state",
      before: { demandState: "SUGGESTED" },
      after: { demandState: "ACTED_ON" },
    });
  });

  it("still dismisses, restores and acts on the other side, which moves on its own", async () => {
    const match = await freshMatch();
    await setMatchState(ctx, provider, match.id, "DISMISSED");
    await expect(setMatchState(ctx, provider, match.id, "DISMISSED")).rejects.toMatchObject({
      code: "invalid_state",
    });
    await setMatchState(ctx, provider, match.id, "SUGGESTED");
    await setMatchState(ctx, seeker, match.id, "DISMISSED");
    await setMatchState(ctx, provider, match.id, "ACTED_ON");
    expect(await db.match.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({
      offerState: "ACTED_ON",
      demandState: "DISMISSED",
    });
    expect(await auditActions(match.id)).toEqual(["match.state", "match.state", "match.state", "match.state"]);
  });
});

describe("the expiry job", () => {
  it("expires through the table without moving updated_at, audits it, and leaves a listing not yet due", async () => {
    const due = await createListing(ctx, provider, "offer", offerForm("Công nghệ đã hết thời hạn công bố"));
    const later = await createListing(ctx, provider, "offer", offerForm("Công nghệ còn hạn công bố"));
    for (const { id } of [due, later]) {
      await ownerTransition(ctx, provider, "offer", id, "submit");
      await moderateListing(ctx, operator, "offer", id, "approve", undefined);
    }
    const now = new Date();
    await db.offer.update({ where: { id: due.id }, data: { expiresAt: new Date(now.getTime() - 60_000) } });
    const before = await db.offer.findUniqueOrThrow({ where: { id: due.id } });

    expect((await runListingLifecycle(now)).expired).toBe(1);
    const after = await db.offer.findUniqueOrThrow({ where: { id: due.id } });
    expect(after).toMatchObject({ status: "EXPIRED", version: before.version + 1 });
    expect(after.updatedAt).toEqual(before.updatedAt); // the owner did not update it
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: due.id, action: "offer.expire" } });
    expect(event).toMatchObject({
      actorId: null,
      actorRole: "system",
      before: { status: "PUBLISHED" },
      after: { status: "EXPIRED" },
    });
    expect((await db.offer.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("PUBLISHED");

    // Run again: nothing more to expire, and no second event.
    expect((await runListingLifecycle(now)).expired).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: due.id, action: "offer.expire" } })).toBe(1);
  });

  it("refuses to expire a listing before its time, whoever asks", async () => {
    const offer = await createListing(ctx, provider, "offer", offerForm("Công nghệ chưa đến hạn"));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await moderateListing(ctx, operator, "offer", offer.id, "approve", undefined);
    const row = await listings(db, "offer").findFirst({ where: { id: offer.id } });
    if (!row) throw new Error("the offer was not stored");
    const expire = (actor: "system" | "owner") =>
      workflowTransaction((tx) =>
        transition(tx, listingWorkflow("offer"), row, "expire", {
          actor,
          audit: ctx,
          action: "offer.expire",
          entityType: "offer",
        }),
      );
    await expect(expire("system")).rejects.toMatchObject({ code: "invalid_state", message: "not_due" });
    await expect(expire("owner")).rejects.toMatchObject({ code: "invalid_state", message: "invalid_state" });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "PUBLISHED",
      version: row.version,
    });
  });
});

describe("organization verification", () => {
  it("audits every move: request, rejection, new request, verification, legal change accepted", async () => {
    const org = await createOrganization(db, {
      name: "Viện Công nghệ Môi trường",
      taxCode: "0102223334",
      type: "INSTITUTE",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    });
    const admin: Principal = {
      ...(await createUser(db, { roles: ["PROVIDER"], organizationId: org.id })),
      orgRole: "ADMIN",
      emailVerified: true,
    };
    const status = async () => (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verificationStatus;

    await requestVerification(ctx, admin);
    await expect(requestVerification(ctx, admin)).rejects.toMatchObject({ code: "invalid_state" });
    await decideVerification(ctx, operator, org.id, "reject", "Mã số thuế không khớp");
    expect(await status()).toBe("REJECTED");
    await expect(decideVerification(ctx, operator, org.id, "approve")).rejects.toMatchObject({
      code: "invalid_state",
    });
    await requestVerification(ctx, admin);
    expect(await decideVerification(ctx, operator, org.id, "approve")).toBe("VERIFIED");
    await expect(decideLegalChange(ctx, operator, { id: org.id, decision: "approve" })).rejects.toMatchObject({
      code: "invalid_state",
    }); // no legal change waits
    const profile = OrganizationProfileSchema.parse({
      name: "Viện Công nghệ Môi trường Hà Nội",
      taxCode: "0102223334",
      type: "INSTITUTE",
      location: "HN",
    });
    expect((await updateOwnOrganization(ctx, admin, profile)).legalPending).toBe(true);
    await decideLegalChange(ctx, operator, { id: org.id, decision: "approve" });

    const stored = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({ verificationStatus: "VERIFIED", name: "Viện Công nghệ Môi trường Hà Nội" });
    expect(stored.pendingLegal).toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityId: org.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["organization.request_verification", { verificationStatus: "UNVERIFIED" }, { verificationStatus: "PENDING" }],
      [
        "organization.reject_verification",
        { verificationStatus: "PENDING" },
        { verificationStatus: "REJECTED", verificationNote: "Mã số thuế không khớp" },
      ],
      ["organization.request_verification", { verificationStatus: "REJECTED" }, { verificationStatus: "PENDING" }],
      [
        "organization.verify",
        { verificationStatus: "PENDING" },
        expect.objectContaining({ verificationStatus: "VERIFIED", verificationNote: null }),
      ],
      ["organization.update", expect.anything(), expect.objectContaining({ pendingLegal: expect.anything() })],
      [
        "organization.legal_accept",
        expect.objectContaining({ name: "Viện Công nghệ Môi trường" }),
        expect.objectContaining({ name: "Viện Công nghệ Môi trường Hà Nội" }),
      ],
    ]);
    expect(stored.version).toBe(1 + events.length);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("records the withdrawal of a request when the legal fields change under review", async () => {
    const org = await createOrganization(db, {
      name: "Công ty Cổ phần Thiết bị Y tế Hà Nội",
      taxCode: "0104445556",
      type: "ENTERPRISE",
      verificationStatus: "UNVERIFIED",
      verifiedAt: null,
    });
    const admin: Principal = {
      ...(await createUser(db, { roles: ["SEEKER"], organizationId: org.id })),
      orgRole: "ADMIN",
      emailVerified: true,
    };
    await requestVerification(ctx, admin);
    const result = await updateOwnOrganization(
      ctx,
      admin,
      OrganizationProfileSchema.parse({
        name: "Công ty Cổ phần Thiết bị Y tế Hà Nội",
        taxCode: "0109998887",
        type: "ENTERPRISE",
        location: "HN",
      }),
    );
    expect(result.reviewReset).toBe(true);
    const update = await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organization.update" } });
    expect(update.before).toMatchObject({ verificationStatus: "PENDING", taxCode: "0104445556" });
    expect(update.after).toMatchObject({ verificationStatus: "UNVERIFIED", taxCode: "0109998887" });
    await expect(decideVerification(ctx, operator, org.id, "approve")).rejects.toMatchObject({
      code: "invalid_state",
    });
  });
});
