/**
 * The audit log's entity history reads the entities beyond listings, organizations, deals,
 * registrations and users in words too: each audited write below is the real one (lib/<domain>),
 * its event read back through entityHistory and components/admin/audit/change-words.ts, and every
 * field must carry the label of the screen that edits it and its codes as words, never the logged
 * key or enum code. The tables behind it (components/admin/audit/labels.ts) must point at texts that
 * exist in both catalogues.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { changeReader, type ChangeWords } from "@/components/admin/audit/change-words";
import { EMPTY_LIST_WORDS, FIELD_LABELS, VALUE_WORDS } from "@/components/admin/audit/labels";
import type { AuditContext } from "@/lib/audit/context";
import { entityHistory, type HistoryEvent } from "@/lib/audit/history";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { contactExpert } from "@/lib/experts/contact";
import { FlagState, MatchState, MembershipRequestStatus, ScreeningCategory } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";
import { KPI_METRICS } from "@/lib/kpi/catalogue";
import { setTarget } from "@/lib/kpi/targets";
import { createScreeningEntry, setScreeningEntryActive } from "@/lib/listings/screening-admin";
import { recomputeMatches, setMatchState } from "@/lib/matching/mutations";
import { decideMembershipRequest, inviteMember, requestMembership, revokeInvite } from "@/lib/organizations/membership";
import { raiseFlag, takeFlagStep } from "@/lib/oversight/flags";
import { saveSearch } from "@/lib/saved-searches/mutations";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy, principalOf } from "../factories";

/** next-intl/server with the real catalogues and the app's formats, in the locale the test picks. */
const intl = vi.hoisted(() => ({ locale: "en" as "en" | "vi" }));
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("use-intl/core");
  const { loadMessages } = await import("@/lib/i18n/messages");
  const catalogues = { en: await loadMessages("en"), vi: await loadMessages("vi") };
  const timeZone = "Asia/Ho_Chi_Minh";
  const formats = {
    number: { vnd: { style: "currency", currency: "VND", maximumFractionDigits: 0 } },
    dateTime: {
      long: { day: "numeric", month: "long", year: "numeric" },
      datetime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
    },
  } as const;
  return {
    getLocale: async () => intl.locale,
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: intl.locale, messages: catalogues[intl.locale], namespace, timeZone, formats }),
    getFormatter: async () => createFormatter({ locale: intl.locale, timeZone, formats }),
  };
});

const ctx = (user: { id: string }, role = "test"): AuditContext => ({
  actor: { id: user.id, role },
  request: { requestId: "audit-words", ip: null },
});

/** The principal as the session builds it, re-read from the database. */
const principal = (id: string) => principalOf(db, id);

let auditor: Principal;
let officer: Principal;
let provider: Principal;
let seeker: Principal;
let offerId: string;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  auditor = await principal((await createUser(db, { roles: ["AUDITOR"] })).id);
  officer = await principal((await createUser(db, { roles: ["OFFICER"] })).id);
  await createUser(db, { roles: ["OPERATOR"] });
  provider = await principal((await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id })).id);
  seeker = await principal((await createUser(db, { roles: ["SEEKER"], organizationId: business.id })).id);
  offerId = (await db.offer.create({ data: buildOffer(uni.id, provider.id) })).id;
});

/** Each event of an entity's history, its changes read in words in `locale`, by key. */
async function history(type: string, id: string, locale: "en" | "vi" = "en") {
  intl.locale = locale;
  const { events } = await entityHistory(auditor, ctx(auditor, "AUDITOR"), { type, id });
  const read = await changeReader(type);
  return events.map((e: HistoryEvent) => ({
    action: e.action,
    changes: Object.fromEntries(read.changes(e.changes).map((c: ChangeWords) => [c.key, c])),
  }));
}

/** A change as the page shows it: label, words before, words after. */
const shown = (c: ChangeWords | undefined) => c && [c.label, c.before?.words ?? null, c.after?.words ?? null];

describe("an entity's history in words", () => {
  it("reads a supervision flag with the flag screens' labels and states", async () => {
    const { id } = await raiseFlag(ctx(officer), officer, {
      entityType: "offer",
      entityId: offerId,
      note: "Kiểm tra giá",
    });
    const operator = await principal((await db.user.findFirstOrThrow({ where: { roles: { has: "OPERATOR" } } })).id);
    const { version } = await db.flag.findUniqueOrThrow({ where: { id } });
    await takeFlagStep(ctx(operator), operator, id, version, { event: "answer", answer: "Đã liên hệ bên giao" });
    const [raised, answered] = await history("flag", id);
    expect(raised?.action).toBe("flag.create");
    expect(shown(raised?.changes.state)).toEqual(["State", null, "Waiting for an answer"]);
    expect(shown(raised?.changes.entityType)).toEqual(["Kind of record flagged", null, "Technology"]);
    expect(shown(raised?.changes.note)).toEqual(["Note for the operator", null, "Kiểm tra giá"]);
    expect(shown(answered?.changes.state)).toEqual(["State", "Waiting for an answer", "Answered"]);
    expect(shown(answered?.changes.answer)).toEqual(["The operator's answer", null, "Đã liên hệ bên giao"]);
    // The stored code stays at hand for the auditor.
    expect(answered?.changes.state?.after?.raw).toBe("ANSWERED");

    const [, vi] = await history("flag", id, "vi");
    expect(shown(vi?.changes.state)).toEqual(["Trạng thái", "Đang chờ trả lời", "Đã trả lời"]);
    expect(vi?.changes.answer?.label).toBe("Câu trả lời của đơn vị vận hành");
  });

  it("reads the matching job's recount on a listing's history with labels, not its keys", async () => {
    await recomputeMatches("offer", offerId);
    const events = await history("offer", offerId, "vi");
    const recount = events.find((e) => e.action === "match.recompute");
    expect(recount).toBeDefined();
    expect(recount?.changes.stored?.label).toBe("Số gợi ý kết nối hiện có");
    expect(recount?.changes.removed?.label).toBe("Số gợi ý đã gỡ (không còn phù hợp)");
    expect(recount?.changes.notified?.label).toBe("Số thông báo gợi ý mới đã gửi");
    const [en] = (await history("offer", offerId)).filter((e) => e.action === "match.recompute");
    expect(en?.changes.notified?.label).toBe("New-match notifications sent");
  });

  it("reads a KPI target with the target form's labels, the indicator's name and the period", async () => {
    const row = await setTarget(ctx(officer), officer, { metric: "offers_new", period: "2026-10", target: 12 });
    await setTarget(ctx(officer), officer, { metric: "offers_new", period: "2026-10", target: 15, comparator: "lte" });
    const [set, changed] = await history("kpi_target", row.id);
    expect(shown(set?.changes.metric)).toEqual(["Indicator", null, "New technologies published"]);
    expect(shown(set?.changes.period)).toEqual(["Period", null, "10/2026"]);
    expect(shown(set?.changes.comparator)).toEqual(["Condition", null, "At least (≥)"]);
    expect(shown(changed?.changes.target)).toEqual(["Target", "12", "15"]);
    expect(shown(changed?.changes.comparator)).toEqual(["Condition", "At least (≥)", "At most (≤)"]);
  });

  it("reads a screening entry with the lists page's labels, its category, sectors and state", async () => {
    const everywhere = await createScreeningEntry(ctx(officer), officer, {
      category: "PROHIBITED",
      name: "Công nghệ thử nghiệm A",
      sectorCodes: [],
      keywords: ["amiăng"],
      source: null,
    });
    const one = await createScreeningEntry(ctx(officer), officer, {
      category: "RESTRICTED",
      name: "Công nghệ thử nghiệm B",
      sectorCodes: ["207"],
      keywords: ["thủy ngân"],
      source: null,
    });
    await setScreeningEntryActive(ctx(officer), officer, one.id, false);
    const [created] = await history("screening_entry", everywhere.id);
    expect(shown(created?.changes.category)).toEqual([
      "Category",
      null,
      "List of technologies prohibited from transfer",
    ]);
    expect(shown(created?.changes.sectorCodes)).toEqual(["Sector codes", null, "Every sector"]);
    expect(shown(created?.changes.keywords)).toEqual(["Keywords", null, "amiăng"]);
    const [added, stopped] = await history("screening_entry", one.id);
    expect(shown(added?.changes.sectorCodes)).toEqual([
      "Sector codes",
      null,
      "Engineering and technology › Environmental engineering",
    ]);
    expect(shown(stopped?.changes.active)).toEqual(["Applied", "Yes", "No"]);
  });

  it("reads a match's sides with the matches page's states", async () => {
    const demand = await db.demand.create({ data: buildDemand(seeker.organizationId!, seeker.id) });
    const match = await db.match.create({ data: { offerId, demandId: demand.id, score: 0.8, explanation: {} } });
    await setMatchState(ctx(seeker), seeker, match.id, "DISMISSED");
    const [dismissed] = await history("match", match.id);
    expect(shown(dismissed?.changes.demandState)).toEqual(["State for the demand's owner", "New", "Dismissed"]);
  });

  it("reads a membership request and an invitation with their statuses, roles and dates", async () => {
    const org = await createOrganization(db, { type: "ENTERPRISE" });
    const admin = await principal(
      (await createUser(db, { roles: ["SEEKER"], organizationId: org.id, orgRole: "ADMIN" })).id,
    );
    const joiner = await principal((await createUser(db, { roles: ["SEEKER"], organizationId: null })).id);
    const request = await requestMembership(ctx(joiner), joiner, { organizationId: org.id });
    await decideMembershipRequest(ctx(admin), admin, { requestId: request.id, decision: "approve" });
    const [asked, approved] = await history("membership_request", request.id);
    expect(shown(asked?.changes.status)).toEqual(["Request status", null, "Awaiting review"]);
    expect(shown(approved?.changes.status)).toEqual(["Request status", "Awaiting review", "Approved"]);
    expect(shown(approved?.changes.orgRole)).toEqual(["Role in the organization", null, "Member"]);

    const invite = await inviteMember(ctx(admin), admin, { email: "moi-thanh-vien@example.vn" });
    await revokeInvite(ctx(admin), admin, invite.id);
    const [invited, revoked] = await history("organization_invite", invite.id);
    const expiresAt = invited?.changes.expiresAt;
    expect(expiresAt?.label).toBe("Invitation valid until");
    expect(expiresAt?.after?.words).not.toBe(expiresAt?.after?.raw);
    expect(expiresAt?.after?.words).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(shown(revoked?.changes.revoked)).toEqual(["Invitation withdrawn", null, "Yes"]);
  });

  it("reads an expert contact and a saved search with their forms' labels", async () => {
    const expert = await db.expert.create({
      data: { slug: `chuyen-gia-${Date.now()}`, name: "TS. Lê Văn Thử", sectorCodes: [], expertise: "Thử nghiệm" },
    });
    await contactExpert(ctx(seeker), seeker, expert.slug, {
      topic: "Định giá công nghệ",
      message: "Chúng tôi cần ý kiến về giá trị hợp lý của công nghệ.",
    });
    const [contacted] = await history("expert", expert.id);
    expect(shown(contacted?.changes.topic)).toEqual(["Topic", null, "Định giá công nghệ"]);
    expect(contacted?.changes.recipients?.label).toBe("Number of people notified");
    expect(contacted?.changes.sha256?.label).toBe("Message hash (SHA-256)");

    const saved = await saveSearch(ctx(seeker), seeker, {
      kind: "offers",
      q: "màng lọc",
      filters: { sector: "207", trlMin: "4", form: "FRANCHISE" },
      label: "Màng lọc",
    });
    const [kept] = await history("saved_search", saved.id);
    expect(shown(kept?.changes.kind)).toEqual(["Search in", null, "Technologies"]);
    expect(shown(kept?.changes.query)).toEqual(["Keywords", null, "màng lọc"]);
    // The filters appear whole: one line per filter, each with its label and its value in words.
    const filters = kept?.changes.filters;
    expect(filters?.label).toBe("Filters");
    expect(filters?.after?.words.split("\n")).toEqual([
      "Form of transfer: Franchise",
      "Field or sector: Engineering and technology › Environmental engineering",
      "TRL from: TRL 4 — Technology validated in lab",
    ]);
    expect(JSON.parse(filters!.after!.raw)).toEqual({ form: "FRANCHISE", sector: "207", trlMin: 4 });
  });
});

describe("the tables behind the words", () => {
  const has = (messages: Record<string, unknown>, path: string) =>
    path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

  it("point at texts both catalogues have", async () => {
    for (const locale of ["vi", "en"] as const) {
      const messages = (await loadMessages(locale)) as Record<string, unknown>;
      for (const table of [FIELD_LABELS, EMPTY_LIST_WORDS]) {
        for (const fields of Object.values(table)) {
          for (const path of Object.values(fields))
            expect(typeof has(messages, path), `${locale}: ${path}`).toBe("string");
        }
      }
      const codes: [string, readonly string[]][] = [
        [VALUE_WORDS.flag!.state!, Object.values(FlagState)],
        [VALUE_WORDS.match!.demandState!, Object.values(MatchState)],
        [VALUE_WORDS.membership_request!.status!, Object.values(MembershipRequestStatus)],
        [VALUE_WORDS.screening_entry!.category!, Object.values(ScreeningCategory)],
        [VALUE_WORDS.kpi_target!.metric!, KPI_METRICS],
        [VALUE_WORDS.kpi_target!.comparator!, ["gte", "lte"]],
        [VALUE_WORDS.attachment!.kind!, ["IMAGE", "DOCUMENT"]],
        [VALUE_WORDS.search_miss!.via!, ["dismissed", "synonym"]],
        [VALUE_WORDS["*"]!.orgRole!, ["ADMIN", "MEMBER"]],
      ];
      for (const [prefix, values] of codes) {
        for (const code of values)
          expect(typeof has(messages, `${prefix}${code}`), `${locale}: ${prefix}${code}`).toBe("string");
      }
    }
  });
});
