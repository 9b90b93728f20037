/**
 * Issue #15 item 1: the workspace checklist of a newcomer, computed from real rows (never ticked by
 * hand): each step advances when the work is done through the exchange's own functions, and the
 * list is complete (so the page stops showing it) only when every step is done.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/mutations";
import { onboardingFor, onboardingOf, onboardingSteps, type OnboardingFacts } from "@/lib/accounts/onboarding";
import { verifyEmail } from "@/lib/accounts/verification";
import type { AuditContext } from "@/lib/audit/context";
import { RegisterSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { requestVerification, updateOwnOrganization } from "@/lib/organizations/mutations";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";
import { saveSearch } from "@/lib/saved-searches/mutations";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy, principalOf } from "../factories";

let n = 0;
const request = () => ({ requestId: `onboarding-${n}`, ip: `198.51.7.${n++ % 250}` });
const ctx = (user: { id: string }): AuditContext => ({ actor: { id: user.id, role: "PROVIDER" }, request: request() });
const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";

/** The principal as the session builds it, re-read from the database. */
const principal = (id: string) => principalOf(db, id);

const stateOf = async (id: string) => {
  const onboarding = await onboardingFor(await principal(id));
  if (!onboarding) throw new Error("no checklist");
  return {
    ...onboarding,
    byKey: Object.fromEntries(onboarding.steps.map((s) => [s.key, s])),
  };
};

beforeAll(async () => {
  await ensureTaxonomy(db);
});

describe("the rule", () => {
  const facts = (over: Partial<OnboardingFacts> = {}): OnboardingFacts => ({
    roles: ["PROVIDER"],
    emailVerified: false,
    joinRequest: null,
    organization: null,
    listings: { offersPublished: 0, offersInReview: 0, demandsPublished: 0, demandsInReview: 0 },
    savedSearches: 0,
    ...over,
  });

  it("gives staff no checklist, and each party role its own steps", () => {
    expect(onboardingSteps(facts({ roles: ["OPERATOR"] }))).toEqual([]);
    expect(onboardingSteps(facts({ roles: ["AUDITOR"] }))).toEqual([]);
    expect(onboardingSteps(facts()).map((s) => s.key)).toEqual(["email", "organization", "listing", "alerts"]);
    const org = {
      type: "INTERMEDIARY" as const,
      verificationStatus: "UNVERIFIED" as const,
      isAdmin: true,
      hasDescription: false,
      hasAddress: false,
      hasIdentity: false,
      documents: 0,
      rejectionNote: null,
    };
    // An intermediary publishes no listing: its organization's described services are its listing.
    expect(onboardingSteps(facts({ roles: ["INTERMEDIARY"], organization: org })).map((s) => s.key)).toEqual([
      "email",
      "profile",
      "verification",
      "alerts",
    ]);
    const both = onboardingSteps(facts({ roles: ["PROVIDER", "SEEKER"], organization: org }));
    expect(both.find((s) => s.key === "listing")?.kinds).toEqual(["offer", "demand"]);
  });

  it("says which papers each type of organization needs", () => {
    const papers = (type: "ENTERPRISE" | "UNIVERSITY" | "INSTITUTE" | "INDIVIDUAL" | "INTERMEDIARY") =>
      onboardingSteps(
        facts({
          organization: {
            type,
            verificationStatus: "UNVERIFIED",
            isAdmin: true,
            hasDescription: true,
            hasAddress: true,
            hasIdentity: true,
            documents: 0,
            rejectionNote: null,
          },
        }),
      ).find((s) => s.key === "verification")?.papers;
    expect(papers("ENTERPRISE")).toEqual({
      identity: "taxCode",
      document: "businessRegistration",
      hasIdentity: true,
      hasDocuments: false,
    });
    expect(papers("INTERMEDIARY")?.document).toBe("businessRegistration");
    expect(papers("UNIVERSITY")?.identity).toBe("decision");
    expect(papers("INSTITUTE")?.document).toBe("establishmentDecision");
    expect(papers("INDIVIDUAL")).toMatchObject({ identity: "personalTaxCode", document: "taxCodeNotice" });
  });

  it("is complete only when every step is done", () => {
    const done = facts({
      emailVerified: true,
      organization: {
        type: "ENTERPRISE",
        verificationStatus: "PENDING",
        isAdmin: true,
        hasDescription: true,
        hasAddress: true,
        hasIdentity: true,
        documents: 1,
        rejectionNote: null,
      },
      listings: { offersPublished: 1, offersInReview: 0, demandsPublished: 0, demandsInReview: 0 },
      savedSearches: 1,
    });
    expect(onboardingOf(done)).toMatchObject({ complete: true, done: 5, total: 5 });
    expect(onboardingOf({ ...done, savedSearches: 0 })).toMatchObject({ complete: false, done: 4, total: 5 });
    // A seeker's demand counts, a provider's offer does not count for a seeker.
    expect(onboardingOf({ ...done, roles: ["SEEKER"] })).toMatchObject({ complete: false, done: 4 });
  });
});

describe("a newcomer's checklist over the real data", () => {
  it("advances step by step from registration to complete", async () => {
    const email = `moi-${Math.random().toString(36).slice(2)}@example.vn`;
    await registerUser(
      RegisterSchema.parse({
        name: "Phan Thị Người Mới",
        email,
        password: PASSWORD,
        confirmPassword: PASSWORD,
        role: "PROVIDER",
        orgMode: "create",
        organizationName: "Công ty Cổ phần Vật liệu Xanh",
        organizationType: "ENTERPRISE",
        acceptTerms: "on",
      }),
      request(),
    );
    const user = await db.user.findUniqueOrThrow({ where: { email } });

    let state = await stateOf(user.id);
    expect(state.steps.map((s) => s.key)).toEqual(["email", "profile", "verification", "listing", "alerts"]);
    expect(state.steps.every((s) => !s.done)).toBe(true);
    expect(state.byKey.profile?.state).toBe("empty");
    expect(state.byKey.verification).toMatchObject({
      state: "todo",
      papers: { identity: "taxCode", document: "businessRegistration", hasIdentity: false, hasDocuments: false },
    });
    expect(state.byKey.listing?.state).toBe("todo");

    // The e-mailed link confirms the address.
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    await verifyEmail(token, request());
    state = await stateOf(user.id);
    expect(state.byKey.email).toMatchObject({ done: true, state: "done" });
    expect(state.done).toBe(1);

    // The profile through the organization form, with a tax code: described, identity given.
    const me = await principal(user.id);
    await updateOwnOrganization(
      ctx(me),
      me,
      OrganizationProfileSchema.parse({
        name: "Công ty Cổ phần Vật liệu Xanh",
        description: "Sản xuất vật liệu xây dựng không nung từ tro xỉ nhiệt điện.",
        address: "Số 1 Phạm Văn Bạch, Cầu Giấy, Hà Nội",
        location: "HN-CAUGIAY",
        taxCode: "0101234567",
      }),
    );
    state = await stateOf(user.id);
    expect(state.byKey.profile).toMatchObject({ done: true, state: "done" });
    expect(state.byKey.verification?.papers).toMatchObject({ hasIdentity: true, hasDocuments: false });

    // A scan of the registration certificate, then the request: the step is done once requested.
    await db.attachment.create({
      data: {
        kind: "DOCUMENT",
        filename: "giay-chung-nhan-dkdn.pdf",
        mimeType: "application/pdf",
        size: 2048,
        sha256: "c".repeat(64),
        storageKey: `test/onboarding/${user.id}.pdf`,
        uploadedById: user.id,
        organizationId: user.organizationId,
      },
    });
    state = await stateOf(user.id);
    expect(state.byKey.verification).toMatchObject({ done: false, papers: { hasDocuments: true } });
    await requestVerification(ctx(me), me);
    state = await stateOf(user.id);
    expect(state.byKey.verification).toMatchObject({ done: true, state: "pending" });

    // A listing in review is not published yet; a published one is.
    await db.offer.create({
      data: buildOffer(user.organizationId!, user.id, { status: "SUBMITTED", publishedAt: null, expiresAt: null }),
    });
    state = await stateOf(user.id);
    expect(state.byKey.listing).toMatchObject({ done: false, state: "inReview" });
    // The organization's demands do not count for a provider.
    await db.demand.create({ data: buildDemand(user.organizationId!, user.id) });
    expect((await stateOf(user.id)).byKey.listing?.done).toBe(false);
    await db.offer.create({ data: buildOffer(user.organizationId!, user.id) });
    state = await stateOf(user.id);
    expect(state.byKey.listing).toMatchObject({ done: true, state: "done" });
    expect(state.complete).toBe(false);

    await saveSearch(ctx(me), me, { kind: "demands", q: "tro xỉ", label: "tro xỉ" });
    state = await stateOf(user.id);
    expect(state.byKey.alerts?.done).toBe(true);
    expect(state).toMatchObject({ complete: true, done: 5, total: 5 });
  });

  it("tells a member that only the administrator asks for verification, and shows a rejection's reason", async () => {
    const org = await createOrganization(db, {
      type: "UNIVERSITY",
      verificationStatus: "REJECTED",
      verificationNote: "Quyết định thành lập không rõ số.",
    });
    const admin = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, orgRole: "ADMIN" });
    const member = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id, orgRole: "MEMBER" });
    expect((await stateOf(admin.id)).byKey.verification).toMatchObject({
      done: false,
      state: "rejected",
      values: { note: "Quyết định thành lập không rõ số." },
      papers: { identity: "decision", document: "establishmentDecision" },
    });
    expect((await stateOf(member.id)).byKey.verification).toMatchObject({ done: false, state: "adminOnly" });
    await db.organization.update({ where: { id: org.id }, data: { verificationStatus: "VERIFIED" } });
    expect((await stateOf(member.id)).byKey.verification).toMatchObject({ done: true, state: "verified" });
  });

  it("asks someone without an organization to join one, and names the one they asked", async () => {
    const org = await createOrganization(db, { type: "ENTERPRISE", name: "Công ty TNHH Cơ khí Đông Anh" });
    const user = await createUser(db, { roles: ["SEEKER"], organizationId: null });
    let state = await stateOf(user.id);
    expect(state.byKey.organization).toMatchObject({ done: false, state: "none" });
    expect(state.byKey.listing).toMatchObject({ done: false, state: "needsOrganization", kinds: ["demand"] });
    await db.membershipRequest.create({ data: { organizationId: org.id, userId: user.id } });
    state = await stateOf(user.id);
    expect(state.byKey.organization).toMatchObject({
      state: "requested",
      values: { organization: "Công ty TNHH Cơ khí Đông Anh" },
    });
  });

  it("counts the organization's listings, so a member joining a publishing organization is done with that step", async () => {
    const org = await createOrganization(db, { type: "INSTITUTE" });
    const author = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "ADMIN" });
    await db.demand.create({ data: buildDemand(org.id, author.id) });
    const newcomer = await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "MEMBER" });
    expect((await stateOf(newcomer.id)).byKey.listing).toMatchObject({ done: true });
  });

  it("has no checklist for staff", async () => {
    const officer = await createUser(db, { roles: ["OFFICER"] });
    expect(await onboardingFor(await principal(officer.id))).toMatchObject({ steps: [], complete: true });
  });
});
