/**
 * Issue 12 item 2: a party invites an intermediary organization from the directory; its members
 * see only the deals they were invited to, write messages and act on nothing; a party removes it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { db } from "@/lib/db";
import { postDealMessage, startDeal, takeDealStep } from "@/lib/deals/mutations";
import { intermediaryChoices, inviteParticipant, removeParticipant } from "@/lib/deals/participants";
import { dealForViewer, listDeals } from "@/lib/deals/queries";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { codeOf } from "../support/deals";

const ctx = systemContext("test:deal-participants");
type User = Awaited<ReturnType<typeof createUser>>;
let provider: User;
let seeker: User;
let valuer: User;
let otherBroker: User;
let auditor: User;
let providerOrg: string;
let valuerOrg: string;
let enterpriseOrg: string;

async function dealIn(state: "EOI_SENT" | "NEGOTIATING") {
  const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id) });
  const { reference } = await startDeal(ctx, seeker, {
    kind: "interest",
    offerId: offer.id,
    message: "Chúng tôi muốn nhận chuyển giao công nghệ này.",
    intendedUse: "Nhà máy.",
  });
  if (state === "NEGOTIATING") await takeDealStep(ctx, provider, reference, { event: "accept" });
  return reference;
}

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  const valuation = await createOrganization(db, { type: "INTERMEDIARY", name: "Công ty Thẩm định giá Thử" });
  const broker = await createOrganization(db, { type: "INTERMEDIARY", name: "Trung tâm Môi giới Thử" });
  const enterprise = await createOrganization(db, { type: "ENTERPRISE" });
  providerOrg = uni.id;
  valuerOrg = valuation.id;
  enterpriseOrg = enterprise.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  valuer = await createUser(db, { roles: ["INTERMEDIARY"], organizationId: valuation.id });
  otherBroker = await createUser(db, { roles: ["INTERMEDIARY"], organizationId: broker.id });
  auditor = await createUser(db, { roles: ["AUDITOR"] });
});

describe("intermediaries in a deal", () => {
  it("a party invites one from the directory; it sees that deal only, writes messages, and is told", async () => {
    const reference = await dealIn("NEGOTIATING");
    const other = await dealIn("NEGOTIATING");
    const choices = await intermediaryChoices(seeker, reference);
    expect(choices.map((c) => c.id)).toContain(valuerOrg);
    expect(choices.map((c) => c.id)).not.toContain(enterpriseOrg);

    expect(await dealForViewer(valuer, reference)).toBeNull();
    await inviteParticipant(ctx, seeker, reference, valuerOrg);
    const view = await dealForViewer(valuer, reference);
    expect(view?.viewer).toEqual({ kind: "participant" });
    expect(await dealForViewer(valuer, other)).toBeNull();
    expect(await dealForViewer(otherBroker, reference)).toBeNull();
    expect((await listDeals(valuer, "all", 1)).items.map((d) => d.reference)).toEqual([reference]);
    expect(await intermediaryChoices(seeker, reference)).not.toContainEqual(expect.objectContaining({ id: valuerOrg }));

    expect(await codeOf(postDealMessage(ctx, valuer, reference, "Chúng tôi sẽ gửi báo cáo thẩm định giá."))).toBe("ok");
    expect(await codeOf(takeDealStep(ctx, valuer, reference, { event: "cancel" }))).toMatch(/^forbidden/);
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(
      await db.notification.count({ where: { userId: valuer.id, type: "deal.participant_invited" } }),
    ).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { entityId: deal.id, action: "deal.invite_participant" } })).toBe(1);
  });

  it("refuses a non-intermediary, a second invitation, staff, intermediaries and a deal not yet accepted", async () => {
    const reference = await dealIn("NEGOTIATING");
    expect(await codeOf(inviteParticipant(ctx, provider, reference, enterpriseOrg))).toBe(
      "validation:not_an_intermediary",
    );
    await inviteParticipant(ctx, provider, reference, valuerOrg);
    expect(await codeOf(inviteParticipant(ctx, seeker, reference, valuerOrg))).toBe("conflict:already_invited");
    expect(await codeOf(inviteParticipant(ctx, auditor, reference, valuerOrg))).toMatch(/^forbidden/);
    expect(await codeOf(inviteParticipant(ctx, valuer, reference, valuerOrg))).toMatch(/^forbidden/);
    expect(await codeOf(inviteParticipant(ctx, otherBroker, reference, valuerOrg))).toBe("not_found:not_found");
    const waiting = await dealIn("EOI_SENT");
    expect(await codeOf(inviteParticipant(ctx, seeker, waiting, valuerOrg))).toBe("invalid_state:documents_closed");
    expect(await db.dealParticipant.count({ where: { deal: { reference: waiting } } })).toBe(0);
  });

  it("a party removes it: its members no longer see the deal", async () => {
    const reference = await dealIn("NEGOTIATING");
    await inviteParticipant(ctx, seeker, reference, valuerOrg);
    expect(await codeOf(removeParticipant(ctx, valuer, reference, valuerOrg))).toMatch(/^forbidden/);
    await removeParticipant(ctx, provider, reference, valuerOrg);
    expect(await dealForViewer(valuer, reference)).toBeNull();
    expect(await codeOf(removeParticipant(ctx, provider, reference, valuerOrg))).toBe(
      "not_found:participant_not_found",
    );
  });
});
