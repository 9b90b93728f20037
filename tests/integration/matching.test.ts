import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { verifyAuditChain } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { findMatchesForDemand, findMatchesForOffer } from "@/lib/matching/engine";
import { MATCHING_RULES_SINCE, recomputeMatches, setMatchState, sweepMatches } from "@/lib/matching/mutations";
import { matchesForUser, publicMatches } from "@/lib/matching/queries";
import { isRelated, MIN_RELATEDNESS, STRONG_MATCH } from "@/lib/matching/score";
import type { Principal } from "@/lib/authz";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const ids: Record<string, string> = {};
let provider: Principal;
let seeker: Principal;
let stranger: Principal;

beforeAll(async () => {
  await ensureTaxonomy(db);
  await db.taxonomyNode.create({ data: { code: "4", level: 1, nameVi: "Nông nghiệp", nameEn: "Agriculture" } });
  await db.taxonomyNode.create({
    data: { code: "401", parentCode: "4", level: 2, nameVi: "Trồng trọt", nameEn: "Crops" },
  });
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  const other = await createOrganization(db, { type: "ENTERPRISE" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  stranger = await createUser(db, { roles: ["SEEKER", "PROVIDER"], organizationId: other.id });
  const offer = async (key: string, data: Parameters<typeof buildOffer>[2]) => {
    ids[key] = (
      await db.offer.create({
        data: buildOffer(uni.id, provider.id, { titleEn: null, description: "Chi tiết kỹ thuật.", ...data }),
      })
    ).id;
  };
  await offer("mbr", {
    titleVi: "Xử lý nước thải chăn nuôi lợn bằng màng MBR",
    keywords: ["nước thải", "chăn nuôi", "màng"],
    summaryVi: "Nước thải trang trại lợn đạt QCVN 62.",
    trl: 7,
    sectorCode: "207",
    priceType: "RANGE",
    priceMin: 500_000_000n,
    priceMax: 900_000_000n,
  });
  await offer("biogas", {
    titleVi: "Hầm biogas composite cho trang trại chăn nuôi",
    keywords: ["biogas", "chăn nuôi"],
    summaryVi: "Xử lý chất thải chăn nuôi, thu khí sinh học.",
    trl: 8,
    sectorCode: "207",
  });
  await offer("rice", {
    titleVi: "Giống lúa chịu mặn cho đồng bằng",
    keywords: ["giống lúa", "chịu mặn"],
    summaryVi: "Năng suất cao trên đất nhiễm mặn.",
    trl: 9,
    sectorCode: "401",
  });
  await offer("lowtrl", {
    titleVi: "Vật liệu hấp phụ mới xử lý nước thải chăn nuôi",
    keywords: ["nước thải", "chăn nuôi"],
    summaryVi: "Kết quả phòng thí nghiệm.",
    trl: 3,
    sectorCode: "207",
  });
  ids.demand = (
    await db.demand.create({
      data: buildDemand(business.id, seeker.id, {
        titleVi: "Cần công nghệ xử lý nước thải trang trại chăn nuôi lợn",
        keywords: ["nước thải", "chăn nuôi"],
        summaryVi: null,
        trlMin: 6,
        budgetMin: 400_000_000n,
        budgetMax: 1_000_000_000n,
        sectorCode: "207",
        location: "HN",
      }),
    })
  ).id;
});

describe("matching", () => {
  it("ranks the genuinely matching offers first, with an explanation", async () => {
    const matches = await findMatchesForDemand(ids.demand!, 10);
    expect(matches[0]?.offerId).toBe(ids.mbr);
    const byId = Object.fromEntries(matches.map((m) => [m.offerId, m]));
    expect(byId[ids.mbr!]!.score).toBeGreaterThan(byId[ids.lowtrl!]!.score); // TRL 3 < required 6
    expect(byId[ids.rice!]?.score ?? 0).toBeLessThan(0.45);
    expect(byId[ids.mbr!]!.explanation).toMatchObject({
      sector: { verdict: "match" },
      trl: { verdict: "match" },
      budget: { verdict: "match" },
    });
    expect(byId[ids.mbr!]!.explanation.sharedTerms).toEqual(expect.arrayContaining(["nước thải", "chăn nuôi"]));
    expect((await findMatchesForOffer(ids.mbr!, 5))[0]?.demandId).toBe(ids.demand);
  });

  it("stores matches, notifies both owners once for a strong match, and keeps a dismissal after recomputing", async () => {
    const first = await recomputeMatches("demand", ids.demand!);
    expect(first.stored).toBeGreaterThan(0);
    const strong = await db.match.findUniqueOrThrow({
      where: { offerId_demandId: { offerId: ids.mbr!, demandId: ids.demand! } },
    });
    expect(strong.notifiedAt).not.toBeNull();
    const notifiedPairs = await db.match.count({ where: { notifiedAt: { not: null } } });
    const notes = () =>
      db.notification.count({ where: { type: "match.new", userId: { in: [provider.id, seeker.id] } } });
    expect(await notes()).toBe(2 * notifiedPairs); // both owners of each strong match

    await setMatchState(systemContext(), seeker, strong.id, "DISMISSED");
    await recomputeMatches("demand", ids.demand!);
    await recomputeMatches("offer", ids.mbr!);
    const after = await db.match.findUniqueOrThrow({ where: { id: strong.id } });
    expect(after.demandState).toBe("DISMISSED"); // stays dismissed for the seeker…
    expect(after.offerState).toBe("SUGGESTED"); // …and still shows for the provider
    expect(await notes()).toBe(2 * notifiedPairs); // once, not again on recomputation

    expect((await matchesForUser(seeker)).items.map((m) => m.id)).not.toContain(strong.id);
    expect((await matchesForUser(seeker, { includeDismissed: true })).items.map((m) => m.id)).toContain(strong.id);
    expect((await matchesForUser(provider)).items.map((m) => m.id)).toContain(strong.id);
    // A page past the end shows the last page, not an empty list.
    const past = await matchesForUser(provider, { page: 999 });
    expect(past.page).toBe(Math.max(1, Math.ceil(past.total / past.pageSize)));
    expect(past.items.map((m) => m.id)).toContain(strong.id);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("lets only the owning organizations change a match's state", async () => {
    const match = await db.match.findFirstOrThrow({ where: { demandId: ids.demand } });
    await expect(setMatchState(systemContext(), stranger, match.id, "DISMISSED")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("shows only published listings publicly and clears matches of withdrawn ones", async () => {
    const shown = await publicMatches("demand", ids.demand!, 10);
    expect(shown?.map((m) => (m as unknown as { offer: { id: string } }).offer.id)).toContain(ids.mbr);
    expect(JSON.stringify(shown)).not.toMatch(/email|createdBy|passwordHash/);
    await db.offer.update({ where: { id: ids.mbr! }, data: { status: "WITHDRAWN" } });
    await db.offer.update({ where: { id: ids.biogas! }, data: { matchedAt: new Date(0) } });
    const swept = await sweepMatches();
    expect(swept.recomputed).toBeGreaterThan(0);
    expect(
      (await publicMatches("demand", ids.demand!, 10))?.map(
        (m) => (m as unknown as { offer: { id: string } }).offer.id,
      ),
    ).not.toContain(ids.mbr);
    expect(await publicMatches("offer", ids.mbr!, 10)).toBeNull();
  });
});

describe("matching candidates", () => {
  it("finds a sector's best offer among more listings than are scored, and still looks at other sectors", async () => {
    const seekerOrg = await createOrganization(db, { type: "ENTERPRISE" });
    const providerOrg = await createOrganization(db, { type: "UNIVERSITY" });
    const author = await createUser(db, { roles: ["PROVIDER", "SEEKER"], organizationId: providerOrg.id });
    const priced = { priceType: "RANGE" as const, priceMin: 100_000_000n, priceMax: 300_000_000n };
    // More same-sector offers than the engine scores exactly, newer and as well priced as the good one,
    // sharing only the word "lúa" with the demand.
    await db.offer.createMany({
      data: Array.from({ length: 80 }, (_, i) =>
        buildOffer(providerOrg.id, author.id, {
          titleVi: `Quy trình bón phân cho lúa vụ ${i + 1}`,
          titleEn: null,
          keywords: ["bón phân"],
          summaryVi: "Tăng năng suất, giảm chi phí phân bón.",
          sectorCode: "401",
          trl: 9,
          ...priced,
        }),
      ),
    });
    const good = await db.offer.create({
      data: buildOffer(providerOrg.id, author.id, {
        titleVi: "Giống lúa chịu mặn cho đồng bằng ven biển",
        titleEn: null,
        keywords: ["giống lúa", "chịu mặn"],
        summaryVi: "Chịu mặn 4‰, năng suất 6 tấn/ha.",
        sectorCode: "401",
        trl: 7,
        ...priced,
        updatedAt: new Date(Date.now() - 365 * 86_400_000),
      }),
    });
    const sensor = await db.offer.create({
      data: buildOffer(providerOrg.id, author.id, {
        titleVi: "Cảm biến độ mặn cho ruộng lúa chịu mặn",
        titleEn: null,
        keywords: ["cảm biến", "chịu mặn"],
        summaryVi: "Đo độ mặn liên tục.",
        sectorCode: "202",
        trl: 7,
      }),
    });
    const demand = await db.demand.create({
      data: buildDemand(seekerOrg.id, author.id, {
        titleVi: "Cần giống lúa chịu mặn cho vùng ven biển",
        titleEn: null,
        keywords: ["giống lúa", "chịu mặn"],
        summaryVi: null,
        sectorCode: "401",
        trlMin: 6,
        budgetMin: 100_000_000n,
        budgetMax: 500_000_000n,
      }),
    });

    const matches = await findMatchesForDemand(demand.id, 100);
    expect(matches[0]?.offerId).toBe(good.id);
    expect(matches.map((m) => m.offerId)).toContain(sensor.id); // another sector, sharing rare words
  });
});

describe("the minimum relatedness, and what a match notice says", () => {
  it("stores, shows and notifies no pair below it; the sweep removes those stored before it unless acted on", async () => {
    const lab = await createOrganization(db, { type: "INSTITUTE" });
    const farm = await createOrganization(db, { type: "ENTERPRISE" });
    const author = await createUser(db, { roles: ["PROVIDER"], organizationId: lab.id });
    const buyer = await createUser(db, { roles: ["SEEKER"], organizationId: farm.id });
    await db.user.update({ where: { id: author.id }, data: { locale: "en" } });
    const priced = { priceType: "RANGE" as const, priceMin: 300_000_000n, priceMax: 600_000_000n, titleEn: null };
    const ras = await db.offer.create({
      data: buildOffer(lab.id, author.id, {
        titleVi: "Nuôi tôm thẻ chân trắng thâm canh tuần hoàn, ít thay nước",
        keywords: ["nuôi tôm", "thâm canh", "tôm thẻ chân trắng"],
        summaryVi: "Ao nuôi tôm tuần hoàn mật độ cao, ít thay nước, kiểm soát dịch bệnh.",
        trl: 8,
        ...priced,
      }),
    });
    // The same sector and as well placed, priced and mature, but about something else.
    const unrelated = (titleVi: string, keywords: string[], summaryVi: string) =>
      db.offer.create({ data: buildOffer(lab.id, author.id, { titleVi, keywords, summaryVi, trl: 8, ...priced }) });
    const tuna = await unrelated(
      "Bảo quản cá ngừ đại dương trên tàu bằng đông lạnh nhanh",
      ["cá ngừ", "đông lạnh"],
      "Giữ chất lượng cá ngừ xuất khẩu sashimi.",
    );
    const dryer = await unrelated(
      "Máy sấy nông sản dùng bơm nhiệt",
      ["máy sấy", "bơm nhiệt"],
      "Sấy nông sản ở nhiệt độ thấp, giữ màu.",
    );
    const shrimp = await db.demand.create({
      data: buildDemand(farm.id, buyer.id, {
        titleVi: "Cần công nghệ nuôi tôm thẻ chân trắng thâm canh ít thay nước",
        titleEn: null,
        keywords: ["nuôi tôm", "thâm canh"],
        summaryVi: "Trang trại 5 ha muốn nuôi tôm mật độ cao, ít thay nước.",
        trlMin: 6,
        budgetMin: 200_000_000n,
        budgetMax: 800_000_000n,
      }),
    });

    const found = await findMatchesForDemand(shrimp.id, 100);
    expect(found.map((m) => m.offerId)).toContain(ras.id);
    expect(found.map((m) => m.offerId)).not.toContain(tuna.id);
    expect(found.every((m) => m.explanation.text.similarity >= MIN_RELATEDNESS)).toBe(true);
    const strong = found.find((m) => m.offerId === ras.id)!;
    expect(strong.score).toBeGreaterThanOrEqual(STRONG_MATCH);

    await recomputeMatches("demand", shrimp.id);
    const stored = await db.match.findMany({ where: { demandId: shrimp.id } });
    const storedOffers = stored.map((m) => m.offerId);
    expect(storedOffers).toContain(ras.id);
    expect(storedOffers).not.toContain(tuna.id);
    expect(storedOffers).not.toContain(dryer.id);
    expect(stored.every((m) => isRelated(m.explanation as { text: { similarity: number } }))).toBe(true);

    // Each owner is told which listing matched which of theirs, with a link to the one that matched.
    const notice = async (userId: string) =>
      db.notification.findFirstOrThrow({ where: { userId, type: "match.new" }, select: { params: true, link: true } });
    expect(await notice(buyer.id)).toEqual({
      params: { title: ras.titleVi, listing: shrimp.titleVi, score: strong.score },
      link: `/technologies/${ras.slug}`,
    });
    expect(await notice(author.id)).toEqual({
      params: { title: shrimp.titleVi, listing: ras.titleVi, score: strong.score },
      link: `/demands/${shrimp.slug}`,
    });
    const mail = async (email: string) => db.emailOutbox.findFirstOrThrow({ where: { to: email } });
    const vi = await mail(buyer.email);
    expect(vi.subject).toBe(`Kết nối mới: “${ras.titleVi}” phù hợp với “${shrimp.titleVi}”`);
    expect(vi.body).toContain(`/technologies/${ras.slug}`);
    const en = await mail(author.email);
    expect(en.subject).toBe(`New match: “${shrimp.titleVi}” fits “${ras.titleVi}”`);
    expect(en.body).toContain(`/en/demands/${shrimp.slug}`);

    // Pairs an older engine stored below the minimum, before MATCHING_RULES_SINCE: one nobody acted on,
    // one a deal was started from. The offers are up to date: only the demand's recomputation may act.
    const weak = { ...strong.explanation, sharedTerms: [], text: { similarity: 0.08 } };
    expect(isRelated(weak)).toBe(false);
    const stale = await db.match.create({
      data: { offerId: tuna.id, demandId: shrimp.id, score: 0.555, explanation: weak },
    });
    const acted = await db.match.create({
      data: { offerId: dryer.id, demandId: shrimp.id, score: 0.5, explanation: weak, demandState: "ACTED_ON" },
    });
    const before = new Date(MATCHING_RULES_SINCE.getTime() - 86_400_000);
    await db.demand.update({ where: { id: shrimp.id }, data: { matchedAt: before, updatedAt: before } });
    await db.offer.updateMany({
      where: { id: { in: [tuna.id, dryer.id] } },
      data: { matchedAt: new Date(), updatedAt: before },
    });
    // Not shown meanwhile, but for the one acted on to its owner.
    const offerIds = (rows: unknown[] | null) => (rows as { offer: { id: string } }[]).map((m) => m.offer.id);
    expect(offerIds(await publicMatches("demand", shrimp.id, 10)).sort()).toEqual(storedOffers.sort());
    const mine = (await matchesForUser(buyer)).items.map((m) => m.id);
    expect(mine).toContain(acted.id);
    expect(mine).not.toContain(stale.id);
    expect(mine).toEqual(expect.arrayContaining(stored.map((m) => m.id)));

    await sweepMatches();
    const left = await db.match.findMany({ where: { demandId: shrimp.id }, orderBy: { score: "desc" } });
    expect(left.map((m) => m.id).sort()).toEqual([...stored.map((m) => m.id), acted.id].sort());
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "match.recompute", entityId: shrimp.id },
      orderBy: { seq: "desc" },
    });
    expect(event.after).toMatchObject({ removed: 1 });
    expect((await sweepMatches()).recomputed).toBe(0); // nothing weak left to recompute: the sweep settles
    expect(await db.notification.count({ where: { type: "match.new", userId: buyer.id } })).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
