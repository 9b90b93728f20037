/**
 * The realistic exchange the auditor test (tests/integration/auditor-mutations.test.ts) works in:
 * the demo seed (taxonomy, screening lists, organizations, one account per role, listings in every
 * state, experts, events), the matches computed, the demo deals made through the exchange's own
 * steps (prisma/demo-deals.ts: every deal state, contracts, registrations, documents), and what
 * the seed leaves out, made the way the exchange makes it: a KPI target and flags set by the
 * officer, membership requests and an invitation, a pending legal change, an inactive taxonomy
 * node and screening entry, a search synonym and a recorded zero-result search, a deactivated
 * staff account. Then it names the rows every mutation is aimed at.
 */
import { createHash } from "node:crypto";
import type { AuditContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { deactivateUser, inviteStaff, InviteStaffSchema } from "@/lib/accounts/staff";
import { db } from "@/lib/db";
import { parseStoredContract } from "@/lib/deals/contract";
import { setTarget } from "@/lib/kpi/targets";
import { COMPUTED_METRICS } from "@/lib/kpi/catalogue";
import { createScreeningEntry, ScreeningEntrySchema, setScreeningEntryActive } from "@/lib/listings/screening-admin";
import { sweepMatches } from "@/lib/matching/mutations";
import { inviteMember, requestMembership } from "@/lib/organizations/membership";
import { updateOwnOrganization } from "@/lib/organizations/mutations";
import { OrganizationProfileSchema } from "@/lib/organizations/schemas";
import { raiseFlag, takeFlagStep } from "@/lib/oversight/flags";
import { recordMiss } from "@/lib/search/misses";
import { createSynonym } from "@/lib/search/thesaurus-admin";
import { CreateSynonymSchema } from "@/lib/search/thesaurus-schemas";
import { createTaxonomyNode, setTaxonomyNodeActive } from "@/lib/taxonomy/mutations";
import { CreateNodeSchema } from "@/lib/taxonomy/schemas";
import { seedDemoDeals } from "../../prisma/demo-deals";
import { seed } from "../../prisma/seed";
import { createOrganization, createUser } from "../factories";

export interface Person extends Principal {
  email: string;
  emailVerified: boolean;
  orgRole: "ADMIN" | "MEMBER" | null;
}

/** What a setup step is recorded as: done by `user`, from a request of the setup. */
export const as = (user: Person): AuditContext => ({
  actor: { id: user.id, role: user.roles[0] ?? "user" },
  request: { requestId: "auditor-test-setup", ip: null },
});

async function person(email: string): Promise<Person> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return {
    id: u.id,
    email: u.email,
    roles: u.roles,
    organizationId: u.organizationId,
    orgRole: u.orgRole,
    emailVerified: u.emailVerifiedAt !== null,
  };
}

/** A deal in `state` (the demo makes one of each), with its contract's latest version if any. */
async function dealIn(state: string, where: Record<string, unknown> = {}) {
  const deal = await db.deal.findFirst({
    where: { state: state as never, ...where },
    orderBy: { createdAt: "asc" },
    include: { contracts: { orderBy: { versionNo: "desc" }, take: 1 } },
  });
  if (!deal) throw new Error(`the demo has no deal in ${state}`);
  return deal;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  await seed(db, { demo: true });
  await db.$executeRawUnsafe("SELECT techex_refresh_search_words()");
  while ((await sweepMatches(500)).recomputed > 0);
  await seedDemoDeals();

  const people = {
    provider: await person("provider@demo.vn"),
    seeker: await person("seeker@demo.vn"),
    intermediary: await person("intermediary@demo.vn"),
    operator: await person("operator@demo.vn"),
    officer: await person("officer@demo.vn"),
    auditor: await person("auditor@demo.vn"),
    admin: await person("admin@demo.vn"),
  };
  const { provider, seeker, officer, operator, admin, auditor } = people;

  // Membership: a colleague in the provider's organization, a newcomer asking to join it, an
  // organization without administrator with a request only the operator decides, an invitation
  // the provider's organization sent to the auditor's own address.
  const colleague = await createUser(db, {
    roles: ["PROVIDER"],
    organizationId: provider.organizationId,
    orgRole: "MEMBER",
    email: "dong-nghiep@demo-test.vn",
    name: "Phạm Văn Đồng Nghiệp",
  });
  const newcomer = await person(
    (await createUser(db, { roles: ["PROVIDER"], email: "nguoi-moi@demo-test.vn", name: "Lê Thị Người Mới" })).email,
  );
  const request = await requestMembership(as(newcomer), newcomer, {
    organizationId: provider.organizationId!,
    message: "Tôi là nghiên cứu viên mới của phòng thí nghiệm.",
  });
  const orphanOrg = await createOrganization(db, { name: "Hợp tác xã Công nghệ Sông Hồng", type: "ENTERPRISE" });
  const applicant = await person(
    (await createUser(db, { roles: ["SEEKER"], email: "ung-vien@demo-test.vn", name: "Trần Văn Ứng Viên" })).email,
  );
  const orphanRequest = await requestMembership(as(applicant), applicant, { organizationId: orphanOrg.id });
  const invite = await inviteMember(as(provider), provider, { email: auditor.email });

  // A verified organization whose administrator changed its tax code: the operator decides it.
  const seekerOrg = await db.organization.findUniqueOrThrow({ where: { id: seeker.organizationId! } });
  await updateOwnOrganization(
    as(seeker),
    seeker,
    OrganizationProfileSchema.parse({
      name: seekerOrg.name,
      nameEn: seekerOrg.nameEn ?? "",
      description: seekerOrg.description ?? "",
      taxCode: "0109876543",
      establishmentDecision: seekerOrg.establishmentDecision ?? "",
      address: seekerOrg.address ?? "",
      location: seekerOrg.location,
      website: seekerOrg.website ?? "",
    }),
  );
  const pendingOrg = await db.organization.findFirstOrThrow({ where: { verificationStatus: "PENDING" } });

  // Oversight: a target, a flag waiting for the operator, one answered and waiting for the officer.
  const period = String(new Date().getFullYear());
  const target = await setTarget(as(officer), officer, { metric: COMPUTED_METRICS[0]!, period, target: 5 });
  const published = await db.offer.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { createdAt: "asc" } });
  const openFlag = await raiseFlag(as(officer), officer, {
    entityType: "offer",
    entityId: published.id,
    note: "Đề nghị kiểm tra lại giấy tờ sở hữu trí tuệ của công nghệ này.",
  });
  const negotiating = await dealIn("NEGOTIATING");
  const answered = await raiseFlag(as(officer), officer, {
    entityType: "deal",
    entityId: negotiating.id,
    note: "Giao dịch kéo dài, đề nghị đơn vị vận hành hỗ trợ hai bên.",
  });
  await takeFlagStep(as(operator), operator, answered.id, 1, {
    event: "answer",
    answer: "Đã liên hệ hai bên, dự kiến ký hợp đồng trong tháng.",
  });

  // Taxonomy and screening lists: an unused sector, a deactivated one, an inactive unused entry.
  await createTaxonomyNode(
    as(officer),
    officer,
    CreateNodeSchema.parse({ parentCode: "2", code: "281", nameVi: "Kỹ thuật thử nghiệm", nameEn: "Test engineering" }),
  );
  await createTaxonomyNode(
    as(officer),
    officer,
    CreateNodeSchema.parse({
      parentCode: "2",
      code: "282",
      nameVi: "Kỹ thuật tạm ngừng",
      nameEn: "Suspended engineering",
    }),
  );
  await setTaxonomyNodeActive(as(officer), officer, "282", false);
  const entry = await createScreeningEntry(
    as(officer),
    officer,
    ScreeningEntrySchema.parse({
      category: "RESTRICTED",
      name: "Công nghệ khai thác cát lòng sông (mẫu thử)",
      sectorCodes: "207",
      keywords: "khai thác cát, hút cát",
      source: "Nghị định 76/2018/NĐ-CP (mẫu)",
    }),
  );
  await setScreeningEntryActive(as(officer), officer, entry.id, false);

  // Search: a synonym an officer added, and a search that found nothing, as the beacon records it.
  const { entry: synonym } = await createSynonym(
    as(officer),
    officer,
    CreateSynonymSchema.parse({ kind: "SYNONYM", terms: "máy sấy, thiết bị sấy", note: "Thuật ngữ thông dụng" }),
  );
  await recordMiss("máy ép viên nén trấu");
  const miss = await db.searchMiss.findFirstOrThrow({ where: { handledAt: null } });

  // Staff: an operator colleague, and a deactivated account.
  const staff = await inviteStaff(
    as(admin),
    admin,
    InviteStaffSchema.parse({ name: "Ngô Thị Vận Hành", email: "van-hanh-2@demo-test.vn", roles: ["OPERATOR"] }),
  );
  const retired = await inviteStaff(
    as(admin),
    admin,
    InviteStaffSchema.parse({ name: "Đinh Văn Nghỉ", email: "da-nghi@demo-test.vn", roles: ["OFFICER"] }),
  );
  await deactivateUser(as(admin), admin, retired.id, "Chuyển công tác");

  // Listings of the provider's and the seeker's organizations in the states the owners act on.
  const offerOf = (status: string) =>
    db.offer.findFirstOrThrow({ where: { organizationId: provider.organizationId!, status: status as never } });
  const anyOffer = (status: string) => db.offer.findFirstOrThrow({ where: { status: status as never } });
  const anyDemand = (status: string) => db.demand.findFirstOrThrow({ where: { status: status as never } });
  const offers = {
    draft: await anyOffer("DRAFT"),
    submitted: await anyOffer("SUBMITTED"),
    published: await offerOf("PUBLISHED"),
    expired: await anyOffer("EXPIRED"),
    fixedPrice: await db.offer.findFirstOrThrow({ where: { status: "PUBLISHED", priceType: "FIXED" } }),
  };
  const demands = {
    draft: await anyDemand("DRAFT"),
    submitted: await anyDemand("SUBMITTED"),
    published: await anyDemand("PUBLISHED"),
    expired: await db.demand.findFirst({ where: { status: "EXPIRED" } }),
  };

  // Deals in each state a step starts from.
  const deals = {
    sent: await dealIn("EOI_SENT", { origin: "EOI" }),
    negotiating,
    drafted: await dealIn("CONTRACT_DRAFTED"),
    signed: await dealIn("SIGNED"),
    registration: await dealIn("REGISTRATION"),
    performing: await dealIn("IN_PERFORMANCE"),
    completed: await dealIn("COMPLETED"),
  };
  const participant = await db.dealParticipant.findFirstOrThrow({ where: { dealId: negotiating.id } });
  const otherIntermediary = await createOrganization(db, {
    name: "Công ty Tư vấn Định giá Thăng Long",
    type: "INTERMEDIARY",
  });
  const missingPapers = await db.registration.findFirstOrThrow({ where: { state: "MISSING_PAPERS" } });
  const openMilestone = await db.contractMilestone.findFirstOrThrow({
    where: { contract: { dealId: deals.performing.id }, confirmedAt: null },
    orderBy: { position: "asc" },
  });
  const dealDocument = await db.attachment.findFirstOrThrow({ where: { dealId: negotiating.id } });
  const draftedContract = deals.drafted.contracts[0]!;
  const content = parseStoredContract(draftedContract.terms);
  if (!content) throw new Error("the drafted demo contract does not read back as contract content");

  const match = await db.match.findFirstOrThrow({ orderBy: { score: "desc" } });
  const expert = await db.expert.findFirstOrThrow({ where: { isPublic: true } });
  const notification = await db.notification.findFirstOrThrow({ where: { readAt: null, userId: { not: auditor.id } } });
  const taxonomy = await db.taxonomyNode.findFirstOrThrow({ where: { code: "207" } });

  return {
    people,
    colleague,
    request,
    orphanRequest,
    invite,
    pendingOrg,
    legalChangeOrg: seekerOrg,
    target,
    openFlag: await db.flag.findUniqueOrThrow({ where: { id: openFlag.id } }),
    answeredFlag: await db.flag.findUniqueOrThrow({ where: { id: answered.id } }),
    screeningEntry: await db.screeningEntry.findFirstOrThrow({ where: { active: true } }),
    inactiveEntry: await db.screeningEntry.findUniqueOrThrow({ where: { id: entry.id } }),
    synonym,
    miss,
    staff,
    retired,
    offers,
    demands,
    deals,
    participant,
    otherIntermediary,
    missingPapers,
    openMilestone,
    dealDocument,
    draftedContract,
    draftedContent: content,
    ndaSha256: createHash("sha256")
      .update(negotiating.ndaText ?? "", "utf8")
      .digest("hex"),
    match,
    expert,
    notification,
    taxonomy,
  };
}
