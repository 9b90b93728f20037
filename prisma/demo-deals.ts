/**
 * Demo deals (issue #12 item 9), made through the exchange's own steps (lib/deals/mutations.ts):
 * every deal has its real audit trail, messages and notifications. Run by the seed after the
 * matches; does nothing when the database already has deals. Every state of the workspace has one:
 * just sent, negotiating with messages, a document, an NDA and an invited intermediary, a contract
 * awaiting a confirmation, signed, in registration with papers missing, in performance, completed
 * and rated, declined, expired, cancelled, and a provider's proposal.
 *
 * The deals between provider@demo.vn's and seeker@demo.vn's organizations are left to the e2e tests
 * (tests/e2e/deals.spec.ts starts its own): the demo accounts see deals with other organizations.
 */
import type { AuditContext } from "../lib/audit/context";
import type { Principal } from "../lib/authz";

const DAY = 24 * 60 * 60 * 1000;

interface Member extends Principal {
  email: string;
}

export async function seedDemoDeals(log: (line: string) => void = () => {}) {
  const { db } = await import("../lib/db");
  if ((await db.deal.count()) > 0) return 0;
  const { postDealMessage, startDeal, takeDealStep } = await import("../lib/deals/mutations");
  const { confirmContract, saveContract } = await import("../lib/deals/contracts");
  const { standardDraft } = await import("../lib/deals/contract-template");
  const { markMilestone, rateDeal } = await import("../lib/deals/performance");
  const { STANDARD_NDA_TEXT } = await import("../lib/deals/nda");
  const { createHash } = await import("node:crypto");
  const { saveDealDocument } = await import("../lib/files/deal-documents");
  const { newStorageKey, storage } = await import("../lib/files/storage");
  const { contractDocumentInput } = await import("../lib/deals/contract-queries");
  const { contractDocument } = await import("../lib/deals/contract-document");
  const { contractPdf, textPdf } = await import("../lib/deals/contract-pdf");
  const { fileRegistration, decideRegistration } = await import("../lib/deals/registrations");
  const { inviteParticipant } = await import("../lib/deals/participants");

  const member = async (email: string): Promise<Member | null> => {
    const user = await db.user.findUnique({ where: { email } });
    return user ? { id: user.id, email, roles: user.roles, organizationId: user.organizationId } : null;
  };
  const as = (user: Member): AuditContext => ({
    actor: { id: user.id, role: user.roles[0] ?? "user" },
    request: { requestId: "seed", ip: null },
  });
  const provider = await member("provider@demo.vn");
  const seeker = await member("seeker@demo.vn");
  if (!provider?.organizationId || !seeker?.organizationId) return 0;

  /** Published offers of organizations other than `exclude`, newest first. */
  const offersNotOf = (exclude: string[], take: number) =>
    db.offer.findMany({
      where: { status: "PUBLISHED", organizationId: { notIn: exclude } },
      orderBy: { publishedAt: "desc" },
      take,
      select: { id: true, organizationId: true },
    });
  /** A seeker-role member of another enterprise (the demo's companies). */
  const seekersNotOf = async (exclude: string[], take: number) => {
    const users = await db.user.findMany({
      where: {
        roles: { has: "SEEKER" },
        organizationId: { notIn: exclude },
        email: { endsWith: "@members.demo.vn" },
      },
      orderBy: { email: "asc" },
      take,
    });
    return users.map((u) => ({ id: u.id, email: u.email, roles: u.roles, organizationId: u.organizationId }));
  };
  const providerOf = async (organizationId: string) => {
    const user = await db.user.findFirst({
      where: { organizationId, roles: { has: "PROVIDER" } },
      orderBy: { email: "asc" },
    });
    return user ? { id: user.id, email: user.email, roles: user.roles, organizationId: user.organizationId } : null;
  };
  const interest = (offerId: string, message: string, intendedUse: string, budget?: bigint) => ({
    kind: "interest" as const,
    offerId,
    message,
    intendedUse,
    budget,
    timeline: "Trong năm 2027",
  });
  /** Moves a deal's clock back, as if it had happened `days` ago (the steps themselves are real). */
  const backdate = (reference: string, days: number) =>
    db.deal.update({
      where: { reference },
      data: {
        createdAt: new Date(Date.now() - days * DAY),
        stateChangedAt: new Date(Date.now() - Math.max(0, days - 1) * DAY),
      },
    });

  /** A deal document added by `user` as the upload route adds it (staged bytes, then recorded). */
  const addDocument = async (
    user: Member,
    reference: string,
    purpose: "DOCUMENT" | "SIGNED_CONTRACT" | "REGISTRATION_PAPER",
    name: string,
    bytes: Buffer,
    confidential = false,
  ) => {
    const storageKey = newStorageKey();
    await storage().stage(storageKey, bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return saveDealDocument(
      as(user),
      user,
      { reference, purpose, confidential },
      { storageKey, name, size: bytes.length, sha256 },
    );
  };
  /** The signed version's own PDF stands in for the parties' scan of the signed, stamped paper. */
  const signedScan = async (user: Member, reference: string) => {
    const input = await contractDocumentInput(user, reference, 1, "vi");
    if (!input) return;
    await addDocument(
      user,
      reference,
      "SIGNED_CONTRACT",
      `hop-dong-${reference}-da-ky.pdf`,
      await contractPdf(contractDocument(input)),
    );
  };
  const officer = await member("officer@demo.vn");
  const intermediaryOrg = (await member("intermediary@demo.vn"))?.organizationId ?? null;
  const dossier = (applicant: string) => ({
    applicant,
    address: "Hà Nội",
    representative: "Trần Thu Hà",
    contact: "024 3333 4444",
  });

  let made = 0;
  const others = await offersNotOf([provider.organizationId, seeker.organizationId], 8);
  const [a, b, c, d, e, f, g, h] = others;

  // seeker@demo.vn: one just sent, one in negotiation with messages and an accepted NDA, one expired.
  if (a) {
    await startDeal(
      as(seeker),
      seeker,
      interest(
        a.id,
        "Công ty chúng tôi quan tâm đến công nghệ này để xử lý nước thải tại xưởng sản xuất ở Thạch Thất. Đề nghị quý Viện cho biết thêm về chi phí vận hành.",
        "Lắp đặt cho xưởng sản xuất, công suất khoảng 150 m³/ngày.",
        600_000_000n,
      ),
    );
    made++;
  }
  if (b) {
    const { reference } = await startDeal(
      as(seeker),
      seeker,
      interest(
        b.id,
        "Chúng tôi muốn trao đổi về khả năng nhận chuyển giao công nghệ này cho dây chuyền mới.",
        "Ứng dụng cho dây chuyền sản xuất mới dự kiến vận hành năm 2027.",
        1_200_000_000n,
      ),
    );
    const owner = await providerOf(b.organizationId);
    if (owner) {
      await takeDealStep(as(owner), owner, reference, { event: "accept" });
      await postDealMessage(
        as(owner),
        owner,
        reference,
        "Cảm ơn quý Công ty. Chúng tôi có thể cử cán bộ khảo sát hiện trạng trong tuần tới.",
      );
      await postDealMessage(
        as(seeker),
        seeker,
        reference,
        "Rất tốt. Trước khi gửi bản vẽ mặt bằng, chúng tôi đề nghị hai bên ký thỏa thuận bảo mật.",
      );
      const text = STANDARD_NDA_TEXT.vi;
      await takeDealStep(as(seeker), seeker, reference, { event: "require_nda", text });
      await takeDealStep(as(owner), owner, reference, {
        event: "accept_nda",
        sha256: createHash("sha256").update(text, "utf8").digest("hex"),
      });
      // The technology's documentation, confidential: the seeker sees it since the NDA was accepted.
      const sheet = await textPdf("HỒ SƠ CÔNG NGHỆ (TÀI LIỆU MẬT)", [
        "Tài liệu này mô tả quy trình công nghệ, thông số thiết kế và điều kiện vận hành, chỉ cung cấp cho bên nhận theo thỏa thuận bảo mật đã ký trên Sàn.",
        "1. Sơ đồ quy trình và danh mục thiết bị chính.",
        "2. Thông số vận hành, định mức tiêu hao năng lượng và hóa chất.",
        "3. Yêu cầu mặt bằng, nhân lực và kế hoạch đào tạo.",
      ]);
      await addDocument(owner, reference, "DOCUMENT", "ho-so-cong-nghe.pdf", sheet, true);
      if (intermediaryOrg) await inviteParticipant(as(seeker), seeker, reference, intermediaryOrg);
      await backdate(reference, 6);
    }
    made++;
  }
  if (c) {
    const { reference } = await startDeal(
      as(seeker),
      seeker,
      interest(c.id, "Xin gửi đề nghị tìm hiểu công nghệ.", "Đánh giá khả năng áp dụng tại nhà máy."),
    );
    await db.deal.update({ where: { reference }, data: { respondBy: new Date(Date.now() - DAY) } });
    const { expireDeals } = await import("../lib/deals/mutations");
    await expireDeals();
    await backdate(reference, 11);
    made++;
  }

  // seeker@demo.vn: a contract drafted from the standard terms and confirmed by the provider,
  // waiting for the seeker's confirmation; and one signed by both.
  for (const [offer, sign] of [
    [d, false],
    [e, true],
  ] as const) {
    if (!offer) continue;
    const owner = await providerOf(offer.organizationId);
    if (!owner) continue;
    const { reference } = await startDeal(
      as(seeker),
      seeker,
      interest(
        offer.id,
        "Chúng tôi đề nghị nhận chuyển giao công nghệ theo li-xăng không độc quyền.",
        "Áp dụng tại nhà máy của công ty.",
        sign ? 450_000_000n : 900_000_000n,
      ),
    );
    await takeDealStep(as(owner), owner, reference, { event: "accept" });
    const source = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    const content = standardDraft(source, sign ? 450_000_000n : 900_000_000n, {
      startDate: new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10),
      registrationMandatory: source.stateFunded,
    });
    const saved = await saveContract(as(owner), owner, reference, content, null);
    await confirmContract(as(owner), owner, reference, saved);
    if (sign) await confirmContract(as(seeker), seeker, reference, saved);
    await backdate(reference, sign ? 8 : 3);
    made++;
  }

  // seeker@demo.vn: a completed transfer — performed milestone by milestone — rated by both parties.
  const source = f ? await db.offer.findUnique({ where: { id: f.id } }) : null;
  const owner = f ? await providerOf(f.organizationId) : null;
  if (f && source && owner && !source.stateFunded) {
    const { reference } = await startDeal(
      as(seeker),
      seeker,
      interest(f.id, "Đề nghị nhận chuyển giao công nghệ.", "Ứng dụng tại nhà máy.", 300_000_000n),
    );
    await takeDealStep(as(owner), owner, reference, { event: "accept" });
    const content = standardDraft(source, 300_000_000n, {
      startDate: new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10),
      registrationMandatory: false,
    });
    const saved = await saveContract(as(owner), owner, reference, content, null);
    await confirmContract(as(owner), owner, reference, saved);
    await confirmContract(as(seeker), seeker, reference, saved);
    await takeDealStep(as(owner), owner, reference, { event: "start_performance" });
    const milestones = await db.contractMilestone.findMany({
      where: { contract: { deal: { reference } } },
      orderBy: { position: "asc" },
    });
    for (const m of milestones) {
      const [doer, other] = m.responsible === "seeker" ? [seeker, owner] : [owner, seeker];
      await markMilestone(as(doer), doer, reference, m.id, "done");
      await markMilestone(as(other), other, reference, m.id, "confirm");
    }
    await takeDealStep(as(seeker), seeker, reference, { event: "complete" });
    await rateDeal(as(seeker), seeker, reference, {
      stars: 5,
      comment: "Bên giao hỗ trợ kỹ thuật tận tình, bàn giao đúng tiến độ.",
    });
    await rateDeal(as(owner), owner, reference, { stars: 5, comment: "Thanh toán đúng hạn, phối hợp tốt." });
    await backdate(reference, 45);
    made++;
  }

  // seeker@demo.vn: a signed contract in registration, the Department asking for papers; and one
  // registered and in performance, its first milestone reported done.
  for (const [offer, certify] of [
    [g, false],
    [h, true],
  ] as const) {
    if (!offer || !officer) continue;
    const owner = await providerOf(offer.organizationId);
    if (!owner) continue;
    const price = certify ? 520_000_000n : 780_000_000n;
    const { reference } = await startDeal(
      as(seeker),
      seeker,
      interest(offer.id, "Đề nghị nhận chuyển giao công nghệ.", "Áp dụng tại nhà máy của công ty.", price),
    );
    await takeDealStep(as(owner), owner, reference, { event: "accept" });
    const source = await db.offer.findUniqueOrThrow({ where: { id: offer.id } });
    const content = standardDraft(source, price, {
      startDate: new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10),
      registrationMandatory: source.stateFunded,
    });
    const saved = await saveContract(as(owner), owner, reference, content, null);
    await confirmContract(as(owner), owner, reference, saved);
    await confirmContract(as(seeker), seeker, reference, saved);
    await signedScan(seeker, reference);
    const filed = await fileRegistration(as(seeker), seeker, reference, dossier("Công ty của bên nhận"));
    if (certify) {
      await decideRegistration(as(officer), officer, filed.id, {
        event: "certify",
        certificateNumber: `${100 + made}/GCN-SKHCN-DEMO`,
      });
      const first = await db.contractMilestone.findFirst({
        where: { contract: { deal: { reference } } },
        orderBy: { position: "asc" },
      });
      if (first) {
        const doer = first.responsible === "seeker" ? seeker : owner;
        await markMilestone(as(doer), doer, reference, first.id, "done");
      }
    } else {
      await decideRegistration(as(officer), officer, filed.id, {
        event: "request_papers",
        note: "Đề nghị bổ sung bản sao Giấy chứng nhận đăng ký doanh nghiệp của bên nhận và văn bản xác nhận nguồn vốn.",
      });
    }
    await backdate(reference, certify ? 15 : 5);
    made++;
  }

  // provider@demo.vn's organization: a request waiting for its answer, one it declined, one cancelled.
  const providerOffers = await db.offer.findMany({
    where: { status: "PUBLISHED", organizationId: provider.organizationId },
    orderBy: { publishedAt: "asc" },
    take: 3,
    select: { id: true },
  });
  const companies = await seekersNotOf([provider.organizationId, seeker.organizationId], 3);
  const pairs = providerOffers.map((offer, i) => [offer, companies[i]] as const);
  for (const [i, [offer, company]] of pairs.entries()) {
    if (!company) continue;
    const { reference } = await startDeal(
      as(company),
      company,
      interest(
        offer.id,
        "Doanh nghiệp chúng tôi muốn được chuyển giao công nghệ này. Rất mong nhận được phản hồi của quý Trường.",
        "Ứng dụng vào sản xuất tại doanh nghiệp, quy mô thử nghiệm trước khi nhân rộng.",
        i === 0 ? 350_000_000n : undefined,
      ),
    );
    if (i === 1) {
      await takeDealStep(as(provider), provider, reference, {
        event: "decline",
        reason: "Công nghệ đang trong thời gian chuyển giao độc quyền cho một đối tác khác đến hết năm 2026.",
      });
      await backdate(reference, 4);
    } else if (i === 2) {
      await takeDealStep(as(provider), provider, reference, { event: "accept" });
      await takeDealStep(as(company), company, reference, {
        event: "cancel",
        reason: "Doanh nghiệp tạm dừng kế hoạch đầu tư dây chuyền mới.",
      });
      await backdate(reference, 9);
    } else {
      await backdate(reference, 2);
    }
    made++;
  }

  // A proposal: provider@demo.vn's organization offers a technology for a company's demand.
  const demand = await db.demand.findFirst({
    where: { status: "PUBLISHED", organizationId: { notIn: [provider.organizationId, seeker.organizationId] } },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  const proposed = providerOffers.at(-1);
  if (demand && proposed) {
    await startDeal(as(provider), provider, {
      kind: "proposal",
      offerId: proposed.id,
      demandId: demand.id,
      message:
        "Trường chúng tôi có công nghệ đã thử nghiệm thành công, có thể đáp ứng nhu cầu này. Xin gửi đề xuất để quý Công ty xem xét.",
      intendedUse: "Đáp ứng nhu cầu công nghệ đã đăng của quý Công ty.",
      timeline: "Có thể triển khai trong 3 tháng",
    });
    made++;
  }
  log(`demo deals: ${made}`);
  return made;
}
