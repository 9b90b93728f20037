/**
 * Issue 12 items 1, 2, 7 and 8: expressions of interest and proposals, the party steps, messages,
 * the NDA, expiry, who sees what, and concurrency — on real PostgreSQL with truly parallel
 * transactions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { verifyAuditChain } from "@/lib/audit/queries";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { expireDeals, postDealMessage, startDeal, takeDealStep, type StartDealInput } from "@/lib/deals/mutations";
import { dealForViewer, listAllDeals, listDeals } from "@/lib/deals/queries";
import { parseDealReference } from "@/lib/deals/reference";
import { waitingOn } from "@/lib/deals/waiting";
import { createHash } from "node:crypto";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const ctx = systemContext("test:deals");
let provider: Principal;
let providerColleague: Principal;
let seeker: Principal;
let otherSeeker: Principal;
let outsider: Principal;
let intermediary: Principal;
let auditor: Principal;
let operator: Principal;
let unverified: Principal;
let providerOrg: string;
let seekerOrg: string;
let intermediaryOrg: string;

const eoi = (offerId: string, extra: Partial<StartDealInput> = {}): StartDealInput => ({
  kind: "interest",
  offerId,
  message: "Chúng tôi muốn tìm hiểu công nghệ này cho nhà máy ở Thường Tín.",
  intendedUse: "Xử lý nước thải dệt nhuộm, công suất 200 m³/ngày.",
  budget: 800_000_000n,
  timeline: "Quý 2/2027",
  ...extra,
});

async function publishedOffer(title = `Công nghệ lọc sinh học ${Math.random().toString(36).slice(2, 8)}`) {
  return db.offer.create({ data: buildOffer(providerOrg, provider.id, { titleVi: title }) });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError)
      return `${error.code}${error.message && error.message !== error.code ? `:${error.message}` : ""}`;
    throw error;
  }
}

const notificationsOf = async (userId: string, type: string) =>
  db.notification.findMany({ where: { userId, type }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY", name: "Viện Công nghệ Môi trường Thử" });
  const business = await createOrganization(db, { type: "ENTERPRISE", name: "Công ty Dệt nhuộm Thử" });
  const business2 = await createOrganization(db, { type: "ENTERPRISE" });
  const stranger = await createOrganization(db, { type: "ENTERPRISE" });
  const broker = await createOrganization(db, { type: "INTERMEDIARY" });
  providerOrg = uni.id;
  seekerOrg = business.id;
  intermediaryOrg = broker.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id, name: "Trần Thị Giao" });
  providerColleague = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id, orgRole: "MEMBER" });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id, name: "Lê Văn Nhận" });
  otherSeeker = await createUser(db, { roles: ["SEEKER"], organizationId: business2.id });
  outsider = await createUser(db, { roles: ["SEEKER"], organizationId: stranger.id });
  intermediary = await createUser(db, { roles: ["INTERMEDIARY"], organizationId: broker.id });
  auditor = await createUser(db, { roles: ["AUDITOR"] });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  unverified = {
    ...(await createUser(db, { roles: ["SEEKER"], organizationId: business2.id, emailVerified: false })),
    emailVerified: false,
  };
});

describe("expressions of interest", () => {
  it("starts a deal: EOI_SENT, the first message, the provider told, an audit event, a reference", async () => {
    const offer = await publishedOffer();
    const { reference, existing } = await startDeal(ctx, seeker, eoi(offer.id));
    expect(existing).toBe(false);
    expect(parseDealReference(reference)?.reference).toBe(reference);
    const deal = await db.deal.findUniqueOrThrow({ where: { reference }, include: { messages: true } });
    expect(deal).toMatchObject({
      state: "EOI_SENT",
      origin: "EOI",
      providerOrgId: providerOrg,
      seekerOrgId: seekerOrg,
      offerId: offer.id,
      budget: 800_000_000n,
      intendedUse: "Xử lý nước thải dệt nhuộm, công suất 200 m³/ngày.",
    });
    expect(deal.respondBy!.getTime() - deal.createdAt.getTime()).toBeGreaterThanOrEqual(10 * 24 * 3600 * 1000 - 1000);
    expect(deal.messages.map((m) => m.body)).toEqual([eoi(offer.id).message]);
    // Both members of the provider's organization are told, with a link to the deal.
    for (const member of [provider, providerColleague]) {
      const [notice] = await notificationsOf(member.id, "deal.received");
      expect(notice?.link).toBe(`/account/deals/${reference}`);
    }
    const events = await db.auditEvent.findMany({ where: { entityType: "deal", entityId: deal.id } });
    expect(events.map((e) => e.action)).toEqual(["deal.start"]);
  });

  it("opens the existing deal on a second attempt, also when two attempts race", async () => {
    const offer = await publishedOffer();
    const [a, b] = await Promise.all([startDeal(ctx, seeker, eoi(offer.id)), startDeal(ctx, seeker, eoi(offer.id))]);
    expect(a.reference).toBe(b.reference);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    const again = await startDeal(ctx, seeker, eoi(offer.id));
    expect(again).toEqual({ reference: a.reference, existing: true });
    expect(await db.deal.count({ where: { offerId: offer.id } })).toBe(1);
    // Another organization's interest in the same offer is its own deal.
    const other = await startDeal(ctx, otherSeeker, eoi(offer.id));
    expect(other.reference).not.toBe(a.reference);
  });

  it("refuses one's own offer, a provider, an unpublished offer and an unverified address", async () => {
    const offer = await publishedOffer();
    const draft = await db.offer.create({ data: buildOffer(providerOrg, provider.id, { status: "DRAFT" }) });
    const sameOrgSeeker = await createUser(db, { roles: ["SEEKER"], organizationId: providerOrg });
    expect(await codeOf(startDeal(ctx, sameOrgSeeker, eoi(offer.id)))).toBe("invalid_state:own_listing");
    expect(await codeOf(startDeal(ctx, provider, eoi(offer.id)))).toBe("forbidden");
    expect(await codeOf(startDeal(ctx, seeker, eoi(draft.id)))).toBe("not_found:offer_not_found");
    expect(await codeOf(startDeal(ctx, unverified, eoi(offer.id)))).toBe("forbidden:email_unverified");
    expect(await db.deal.count({ where: { offerId: { in: [offer.id, draft.id] } } })).toBe(0);
  });

  it("a provider proposes one of its offers for a demand; the seeker is told", async () => {
    const offer = await publishedOffer();
    const demand = await db.demand.create({ data: buildDemand(seekerOrg, seeker.id) });
    const foreign = await db.offer.create({ data: buildOffer(seekerOrg, seeker.id) });
    const proposal = (offerId: string): StartDealInput => ({
      ...eoi(offerId),
      kind: "proposal",
      demandId: demand.id,
    });
    expect(await codeOf(startDeal(ctx, provider, proposal(foreign.id)))).toBe("not_found:offer_not_found");
    const { reference } = await startDeal(ctx, provider, proposal(offer.id));
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal).toMatchObject({ origin: "PROPOSAL", demandId: demand.id, offerId: offer.id, state: "EOI_SENT" });
    const [notice] = await notificationsOf(seeker.id, "deal.received");
    expect(notice).toBeDefined();
    // The seeker is the recipient: it answers, the provider cannot.
    expect(await codeOf(takeDealStep(ctx, provider, reference, { event: "accept" }))).toBe("invalid_state");
    expect((await takeDealStep(ctx, seeker, reference, { event: "accept" })).state).toBe("NEGOTIATING");
  });
});

describe("answers and steps", () => {
  it("the provider accepts; the seeker is told; the sender cannot accept its own request", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    expect(await codeOf(takeDealStep(ctx, seeker, reference, { event: "accept" }))).toBe("invalid_state");
    expect((await takeDealStep(ctx, provider, reference, { event: "accept" })).state).toBe("NEGOTIATING");
    const notices = await notificationsOf(seeker.id, "deal.accepted");
    expect(notices.some((n) => n.link === `/account/deals/${reference}`)).toBe(true);
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal.respondedAt).not.toBeNull();
  });

  it("a decline carries its reason to the sender", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    await takeDealStep(ctx, provider, reference, {
      event: "decline",
      reason: "Đã chuyển giao độc quyền cho đơn vị khác.",
    });
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal).toMatchObject({ state: "DECLINED", stateReason: "Đã chuyển giao độc quyền cho đơn vị khác." });
    const notices = await notificationsOf(seeker.id, "deal.declined");
    expect(notices.at(-1)?.params).toMatchObject({ reason: "Đã chuyển giao độc quyền cho đơn vị khác." });
    // A declined deal is closed: a new request about the same offer is a new deal.
    const again = await startDeal(ctx, seeker, eoi(offer.id));
    expect(again.existing).toBe(false);
  });

  it("accept and withdraw at the same moment: exactly one wins and one audit event is written", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    const outcomes = await Promise.allSettled([
      takeDealStep(ctx, provider, reference, { event: "accept" }),
      takeDealStep(ctx, seeker, reference, { event: "withdraw" }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AppError);
    expect(["conflict", "invalid_state"]).toContain((lost[0] as AppError).code);
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(["NEGOTIATING", "CANCELLED"]).toContain(deal.state);
    const steps = await db.auditEvent.findMany({
      where: { entityType: "deal", entityId: deal.id, action: { in: ["deal.accept", "deal.withdraw"] } },
    });
    expect(steps).toHaveLength(1);
    expect(deal.version).toBe(2);
  });

  it("cancellation before signing, by either party, with an optional reason", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    expect(await codeOf(takeDealStep(ctx, seeker, reference, { event: "cancel" }))).toBe("invalid_state");
    await takeDealStep(ctx, provider, reference, { event: "accept" });
    await takeDealStep(ctx, provider, reference, { event: "cancel", reason: "Không thống nhất được phạm vi." });
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("CANCELLED");
    expect((await notificationsOf(seeker.id, "deal.cancelled")).length).toBeGreaterThan(0);
  });
});

describe("expiry", () => {
  it("an unanswered request cannot be accepted after 10 days; the job expires it and tells the sender", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    await db.deal.update({ where: { reference }, data: { respondBy: new Date(Date.now() - 60_000) } });
    expect(await codeOf(takeDealStep(ctx, provider, reference, { event: "accept" }))).toBe("invalid_state:eoi_expired");
    const before = (await notificationsOf(seeker.id, "deal.expired")).length;
    const run = await expireDeals();
    expect(run.expired).toBeGreaterThanOrEqual(1);
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal.state).toBe("EXPIRED");
    expect((await notificationsOf(seeker.id, "deal.expired")).length).toBe(before + 1);
    const event = await db.auditEvent.findFirst({ where: { entityId: deal.id, action: "deal.expire" } });
    expect(event?.actorRole).toBe("system");
    // Nothing left to expire: a second run changes nothing.
    await expireDeals();
    expect((await notificationsOf(seeker.id, "deal.expired")).length).toBe(before + 1);
  });

  it("leaves a request whose 10 days are not over", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    await expireDeals();
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("EOI_SENT");
  });
});

describe("who sees a deal", () => {
  it("parties, invited intermediaries and staff read it; others get nothing; only parties act", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    await db.dealParticipant.create({
      data: { dealId: deal.id, organizationId: intermediaryOrg, invitedById: seeker.id },
    });
    expect((await dealForViewer(seeker, reference))?.viewer).toMatchObject({ kind: "party", side: "seeker" });
    expect((await dealForViewer(provider, reference))?.viewer).toMatchObject({ kind: "party", side: "provider" });
    expect((await dealForViewer(intermediary, reference))?.viewer).toEqual({ kind: "participant" });
    expect((await dealForViewer(auditor, reference))?.viewer).toEqual({ kind: "staff" });
    expect((await dealForViewer(operator, reference))?.viewer).toEqual({ kind: "staff" });
    expect(await dealForViewer(outsider, reference)).toBeNull();
    expect(await dealForViewer(otherSeeker, reference)).toBeNull();
    expect(await dealForViewer(null, reference)).toBeNull();

    expect(await codeOf(takeDealStep(ctx, outsider, reference, { event: "withdraw" }))).toBe("not_found");
    expect(await codeOf(takeDealStep(ctx, auditor, reference, { event: "withdraw" }))).toBe("forbidden");
    expect(await codeOf(takeDealStep(ctx, intermediary, reference, { event: "withdraw" }))).toBe("forbidden");
    expect(await codeOf(postDealMessage(ctx, outsider, reference, "Xin chào"))).toBe("not_found");
    expect(await codeOf(postDealMessage(ctx, auditor, reference, "Xin chào"))).toBe("forbidden");
    expect(await codeOf(postDealMessage(ctx, intermediary, reference, "Chúng tôi hỗ trợ định giá."))).toBe("ok");

    // The deal lists show it to the three organizations involved, and to nobody else.
    const refs = async (user: Principal) => (await listDeals(user, "all", 1)).items.map((d) => d.reference);
    expect(await refs(seeker)).toContain(reference);
    expect(await refs(provider)).toContain(reference);
    expect(await refs(intermediary)).toContain(reference);
    expect(await refs(outsider)).not.toContain(reference);
    expect(await refs(auditor)).toEqual([]);
  });

  it("staff list every deal read-only; parties and intermediaries cannot list them all", async () => {
    const all = await listAllDeals(auditor, null, 1);
    expect(all.total).toBe(await db.deal.count());
    const negotiating = await listAllDeals(operator, "NEGOTIATING", 1);
    expect(negotiating.items.every((d) => d.state === "NEGOTIATING")).toBe(true);
    for (const user of [seeker, provider, intermediary]) {
      expect(await codeOf(listAllDeals(user, null, 1))).toBe("forbidden");
    }
  });

  it("an unknown or malformed reference is not found", async () => {
    expect(await dealForViewer(seeker, "GD-2026-0000000")).toBeNull();
    expect(await dealForViewer(seeker, "../../etc/passwd")).toBeNull();
    expect(await codeOf(takeDealStep(ctx, seeker, "nonsense", { event: "accept" }))).toBe("not_found");
  });
});

describe("messages and the NDA", () => {
  it("parties write while the deal is open; the other side is told; a closed deal takes no message", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    // The recipient may ask a question before answering.
    await postDealMessage(ctx, provider, reference, "Công suất dự kiến bao nhiêu m³/ngày?");
    const view = await dealForViewer(seeker, reference);
    expect(view?.messages.map((m) => [m.body, m.mine])).toEqual([
      [eoi(offer.id).message, true],
      ["Công suất dự kiến bao nhiêu m³/ngày?", false],
    ]);
    expect((await notificationsOf(seeker.id, "deal.message")).some((n) => n.link?.endsWith(reference))).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "deal.message", entityId: (await db.deal.findUniqueOrThrow({ where: { reference } })).id },
    });
    // The audit log proves the message without holding its private text.
    expect(JSON.stringify(audit?.after)).not.toContain("Công suất");
    expect(audit?.after).toMatchObject({
      sha256: createHash("sha256").update("Công suất dự kiến bao nhiêu m³/ngày?").digest("hex"),
    });
    await takeDealStep(ctx, seeker, reference, { event: "withdraw" });
    expect(await codeOf(postDealMessage(ctx, provider, reference, "Còn đó không?"))).toBe("invalid_state:deal_closed");
  });

  it("one side requires an NDA, the other accepts the text it read; the requiring side cannot accept it", async () => {
    const offer = await publishedOffer();
    const { reference } = await startDeal(ctx, seeker, eoi(offer.id));
    const text = "Hai bên giữ bí mật mọi tài liệu kỹ thuật trao đổi trong giao dịch này trong 5 năm.";
    expect(await codeOf(takeDealStep(ctx, seeker, reference, { event: "require_nda", text }))).toBe("invalid_state");
    await takeDealStep(ctx, provider, reference, { event: "accept" });
    await takeDealStep(ctx, provider, reference, { event: "require_nda", text });
    const sha = createHash("sha256").update(text).digest("hex");
    expect(await codeOf(takeDealStep(ctx, provider, reference, { event: "accept_nda", sha256: sha }))).toBe(
      "invalid_state:nda_own_request",
    );
    expect(await codeOf(takeDealStep(ctx, seeker, reference, { event: "accept_nda", sha256: "0".repeat(64) }))).toBe(
      "conflict:nda_changed",
    );
    expect((await listDeals(seeker, "waiting", 1)).items.map((d) => d.reference)).toContain(reference);
    await takeDealStep(ctx, seeker, reference, { event: "accept_nda", sha256: sha });
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal).toMatchObject({ ndaRequiredBy: "provider", ndaSha256: sha, ndaAcceptedById: seeker.id });
    expect(deal.ndaAcknowledgedAt).not.toBeNull();
    expect(await codeOf(takeDealStep(ctx, provider, reference, { event: "require_nda", text }))).toBe(
      "invalid_state:nda_already_required",
    );
  });
});

describe("the workspace list", () => {
  it("puts the deals waiting for the organization first, by the same rule as waitingOn", async () => {
    for (const user of [seeker, provider]) {
      const page = await listDeals(user, "all", 1);
      const rows = await db.deal.findMany({ where: { reference: { in: page.items.map((i) => i.reference) } } });
      const side = user === seeker ? "seeker" : "provider";
      for (const item of page.items) {
        const row = rows.find((r) => r.reference === item.reference)!;
        expect(item.waitingForYou, item.reference).toBe(waitingOn(row).includes(side));
      }
      const flags = page.items.map((i) => i.waitingForYou);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      expect(page.waiting).toBe((await listDeals(user, "waiting", 1)).total);
      expect(page.items.length).toBeGreaterThan(0);
    }
    const open = await listDeals(seeker, "open", 1);
    expect(open.items.every((i) => !["DECLINED", "EXPIRED", "CANCELLED"].includes(i.state))).toBe(true);
    const closed = await listDeals(seeker, "closed", 1);
    expect(
      closed.items.every((i) => ["DECLINED", "EXPIRED", "CANCELLED", "COMPLETED", "TERMINATED"].includes(i.state)),
    ).toBe(true);
  });

  it("keeps the audit chain intact through every deal step", async () => {
    const verdict = await verifyAuditChain();
    expect(verdict.ok).toBe(true);
  });
});
