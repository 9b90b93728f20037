/**
 * Issue 12 items 3 and 8: contract versions, confirmations of the same version, an edit voiding
 * them, the second confirmation signing, and two confirmations racing — on real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ContractContentSchema, type ContractContent } from "@/lib/deals/contract";
import { contractSha256 } from "@/lib/deals/contract-hash";
import { contractView } from "@/lib/deals/contract-queries";
import { confirmContract, saveContract } from "@/lib/deals/contracts";
import { startDeal, takeDealStep } from "@/lib/deals/mutations";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const ctx = systemContext("test:contracts");
let provider: Principal;
let seeker: Principal;
let outsider: Principal;
let providerOrg: string;

async function negotiatingDeal(stateFunded = false, budget?: bigint) {
  const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id, { stateFunded }) });
  const { reference } = await startDeal(ctx, seeker, {
    kind: "interest",
    offerId: offer.id,
    message: "Chúng tôi muốn nhận chuyển giao công nghệ này.",
    intendedUse: "Nhà máy dệt nhuộm.",
    ...(budget ? { budget } : {}),
  });
  await takeDealStep(ctx, provider, reference, { event: "accept" });
  return reference;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.message}`;
    throw error;
  }
}

const edited = (content: ContractContent, warranty: string) => ContractContentSchema.parse({ ...content, warranty });

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  const stranger = await createOrganization(db, { type: "ENTERPRISE" });
  providerOrg = uni.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  outsider = await createUser(db, { roles: ["SEEKER"], organizationId: stranger.id });
});

describe("contract versions", () => {
  it("a first draft moves the deal to CONTRACT_DRAFTED, decides registration and tells the other party", async () => {
    const reference = await negotiatingDeal(true);
    const saved = await saveContract(ctx, provider, reference, FULL_CONTENT, null);
    expect(saved).toEqual({ versionNo: 1, sha256: contractSha256(FULL_CONTENT) });
    const deal = await db.deal.findUniqueOrThrow({ where: { reference }, include: { contracts: true } });
    // A state-funded technology transferred within Vietnam: registration is mandatory (Art. 31).
    expect(deal).toMatchObject({
      state: "CONTRACT_DRAFTED",
      registrationMandatory: true,
      registrationReason: "state_capital",
    });
    expect(deal.contracts).toHaveLength(1);
    expect(deal.contracts[0]).toMatchObject({ versionNo: 1, contentSha256: saved.sha256, createdById: provider.id });
    const notices = await db.notification.findMany({ where: { userId: seeker.id, type: "deal.contract_saved" } });
    expect(notices.some((n) => n.link === `/account/deals/${reference}`)).toBe(true);
  });

  it("the standard draft of a state-funded offer takes effect on registration, so it can be confirmed as drafted", async () => {
    // Regression (CI, 2026-11-24): the draft was built as if registration were voluntary until the
    // first save decided it, so a state-funded offer's untouched draft could never be confirmed.
    const reference = await negotiatingDeal(true, 800_000_000n);
    const before = await contractView(provider, reference);
    expect(before?.draft).toMatchObject({ effectiveOn: "REGISTRATION" });
    await saveContract(ctx, provider, reference, ContractContentSchema.parse(before!.draft), null);
    const after = await contractView(provider, reference);
    expect(after?.deal.registrationMandatory).toBe(true);
    expect(after?.missing).toEqual([]);
  });

  it("refuses a save based on an old version (the other party saved meanwhile) and an unchanged one", async () => {
    const reference = await negotiatingDeal();
    await saveContract(ctx, provider, reference, FULL_CONTENT, null);
    expect(await codeOf(saveContract(ctx, seeker, reference, FULL_CONTENT, 1))).toBe(
      "invalid_state:contract_unchanged",
    );
    await saveContract(ctx, seeker, reference, edited(FULL_CONTENT, "Bảo hành 24 tháng."), 1);
    expect(await codeOf(saveContract(ctx, provider, reference, edited(FULL_CONTENT, "Bảo hành 6 tháng."), 1))).toBe(
      "conflict:contract_changed",
    );
    expect(await db.contract.count({ where: { deal: { reference } } })).toBe(2);
  });

  it("someone outside the deal gets not found", async () => {
    const reference = await negotiatingDeal();
    expect(await codeOf(saveContract(ctx, outsider, reference, FULL_CONTENT, null))).toBe("not_found:not_found");
  });
});

describe("confirmations", () => {
  it("an edit voids the confirmation given; the second confirmation of the same version signs", async () => {
    const reference = await negotiatingDeal();
    const v1 = await saveContract(ctx, provider, reference, FULL_CONTENT, null);
    expect(await confirmContract(ctx, provider, reference, v1)).toEqual({ signed: false });
    expect(await codeOf(confirmContract(ctx, provider, reference, v1))).toBe("invalid_state:already_confirmed");

    // The seeker edits instead of confirming: the provider's confirmation no longer counts.
    const v2 = await saveContract(ctx, seeker, reference, edited(FULL_CONTENT, "Bảo hành 18 tháng."), 1);
    expect(await codeOf(confirmContract(ctx, seeker, reference, v1))).toBe("conflict:contract_changed");
    expect(await confirmContract(ctx, seeker, reference, v2)).toEqual({ signed: false });
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("CONTRACT_DRAFTED");
    expect(await confirmContract(ctx, provider, reference, v2)).toEqual({ signed: true });

    const deal = await db.deal.findUniqueOrThrow({ where: { reference }, include: { contracts: true } });
    expect(deal.state).toBe("SIGNED");
    expect(deal.signedAt).not.toBeNull();
    expect(deal.contracts.find((c) => c.versionNo === 2)?.state).toBe("SIGNED");
    const events = await db.auditEvent.findMany({ where: { entityId: deal.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action).slice(-6)).toEqual([
      "deal.draft_contract",
      "deal.confirm_contract",
      "deal.revise_contract",
      "deal.confirm_contract",
      "deal.confirm_contract",
      "deal.sign",
    ]);
    // Signed: no more versions.
    expect(await codeOf(saveContract(ctx, seeker, reference, edited(FULL_CONTENT, "Khác."), 2))).toMatch(
      /^invalid_state/,
    );
  });

  it("a version missing Art. 23 items cannot be confirmed", async () => {
    const reference = await negotiatingDeal();
    const draft = ContractContentSchema.parse({ technologyName: "Công nghệ xử lý nước thải" });
    const v1 = await saveContract(ctx, provider, reference, draft, null);
    expect(await codeOf(confirmContract(ctx, provider, reference, v1))).toBe("invalid_state:contract_incomplete");
  });

  it("a confirmation racing a new version never leaves a confirmation on the newer text", async () => {
    const reference = await negotiatingDeal();
    const v1 = await saveContract(ctx, provider, reference, FULL_CONTENT, null);
    const outcomes = await Promise.allSettled([
      confirmContract(ctx, seeker, reference, v1),
      saveContract(ctx, provider, reference, edited(FULL_CONTENT, "Bảo hành 36 tháng."), 1),
    ]);
    // Run side by side, one may lose ("reload"); run one after the other, both succeed and the new
    // version voids the confirmation. Either way nothing is half-written and nobody confirmed v2.
    for (const o of outcomes) {
      if (o.status === "rejected") expect(["conflict", "invalid_state"]).toContain((o.reason as AppError).code);
    }
    const contracts = await db.contract.findMany({
      where: { deal: { reference } },
      include: { confirmations: true },
      orderBy: { versionNo: "asc" },
    });
    const saved = outcomes[1]!.status === "fulfilled";
    expect(contracts).toHaveLength(saved ? 2 : 1);
    expect(contracts[0]!.confirmations).toHaveLength(outcomes[0]!.status === "fulfilled" ? 1 : 0);
    if (saved) expect(contracts[1]!.confirmations).toHaveLength(0);
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("CONTRACT_DRAFTED");
  });

  it("the two parties confirming at the same moment sign once", async () => {
    const reference = await negotiatingDeal();
    const v1 = await saveContract(ctx, provider, reference, FULL_CONTENT, null);
    const outcomes = await Promise.allSettled([
      confirmContract(ctx, seeker, reference, v1),
      confirmContract(ctx, provider, reference, v1),
    ]);
    // One wins at once; the other saw the deal change and is asked to reload (or both serialized).
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    const signs = await db.auditEvent.count({
      where: { action: "deal.sign", entityId: (await db.deal.findUniqueOrThrow({ where: { reference } })).id },
    });
    expect(signs).toBeLessThanOrEqual(1);
    if (fulfilled.length === 1) {
      // The loser confirms again after reloading, and that signs the contract.
      const loser = outcomes[0]!.status === "rejected" ? seeker : provider;
      expect(await confirmContract(ctx, loser, reference, v1)).toEqual({ signed: true });
    }
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("SIGNED");
  });
});

describe("express licence", () => {
  it("a seeker takes a fixed-price offer's licence in one step; the provider's confirmation signs it", async () => {
    const offer = await db.offer.create({
      data: buildOffer(providerOrg, provider.id, {
        priceType: "FIXED",
        priceMin: 150_000_000n,
        priceMax: 150_000_000n,
      }),
    });
    const take = () =>
      startDeal(ctx, seeker, {
        kind: "express",
        offerId: offer.id,
        message: "Chúng tôi nhận li-xăng theo điều khoản chuẩn.",
        intendedUse: "Sản xuất tại nhà máy.",
      });
    const { reference, existing } = await take();
    expect(existing).toBe(false);
    expect(await take()).toEqual({ reference, existing: true });
    const deal = await db.deal.findUniqueOrThrow({
      where: { reference },
      include: { contracts: { include: { confirmations: true } } },
    });
    expect(deal).toMatchObject({ origin: "EXPRESS_LICENCE", state: "CONTRACT_DRAFTED", respondBy: null });
    const [v1] = deal.contracts;
    expect(v1).toMatchObject({ versionNo: 1, value: 150_000_000n });
    expect(v1!.confirmations.map((c) => c.side)).toEqual(["seeker"]);
    const notices = await db.notification.findMany({ where: { userId: provider.id, type: "deal.express_taken" } });
    expect(notices.some((n) => n.link === `/account/deals/${reference}`)).toBe(true);

    // The standard terms are fixed: no new version; the provider only confirms.
    expect(await codeOf(saveContract(ctx, provider, reference, edited(FULL_CONTENT, "Khác."), 1))).toBe(
      "invalid_state:express_terms_fixed",
    );
    expect(await confirmContract(ctx, provider, reference, { versionNo: 1, sha256: v1!.contentSha256 })).toEqual({
      signed: true,
    });
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("SIGNED");
  });

  it("is refused for an offer without a fixed price", async () => {
    const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id) });
    expect(
      await codeOf(
        startDeal(ctx, seeker, {
          kind: "express",
          offerId: offer.id,
          message: "Nhận li-xăng.",
          intendedUse: "Sản xuất.",
        }),
      ),
    ).toBe("invalid_state:not_express_offer");
  });
});
