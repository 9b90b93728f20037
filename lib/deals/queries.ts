import "server-only";
import type { Principal } from "@/lib/authz";
import { assertCan, can } from "@/lib/authz";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DealOrigin, DealState } from "@/lib/generated/prisma/enums";
import { clampPage } from "@/lib/page-number";
import {
  asDealDocumentSide,
  dealDocumentAccess,
  type DealDocumentPurpose,
  type DealDocumentSide,
} from "./document-access";
import { dealViewer, type DealViewer } from "./access";
import { findOpenDeal } from "./mutations";
import { parseDealReference } from "./reference";
import { DEAL_FINAL_STATES } from "./state-machine";
import { asDealSide } from "./parties";
import { waitingOn } from "./waiting";

/**
 * Reads of deals, authorized here (issue #10 item 3): a deal is shown to its two parties, to the
 * intermediaries they invited and, read-only, to the operator, officers and auditors
 * (./access.ts); anyone else gets nothing — the same answer as for a reference that does not exist.
 */

export const DEALS_PAGE_SIZE = 20;

export const DEAL_FILTERS = ["waiting", "open", "closed", "all"] as const;
export type DealFilter = (typeof DEAL_FILTERS)[number];

const listingSelect = { id: true, slug: true, titleVi: true, titleEn: true } as const;
const orgSelect = { id: true, name: true, nameEn: true, slug: true, verificationStatus: true, address: true } as const;

export interface DealListItem {
  readonly reference: string;
  readonly origin: DealOrigin;
  readonly state: DealState;
  readonly stateChangedAt: Date;
  readonly respondBy: Date | null;
  readonly waitingForYou: boolean;
  readonly offer: { slug: string; titleVi: string; titleEn: string | null } | null;
  readonly demand: { slug: string; titleVi: string; titleEn: string | null } | null;
  readonly provider: { name: string; nameEn: string | null };
  readonly seeker: { name: string; nameEn: string | null };
  readonly messages: number;
}

const listItemInclude = {
  offer: { select: listingSelect },
  demand: { select: listingSelect },
  providerOrg: { select: orgSelect },
  seekerOrg: { select: orgSelect },
  _count: { select: { messages: true } },
} as const;

type ListedDeal = Prisma.DealGetPayload<{ include: typeof listItemInclude }>;

function listItem(d: ListedDeal, waitingForYou: boolean): DealListItem {
  return {
    reference: d.reference,
    origin: d.origin,
    state: d.state,
    stateChangedAt: d.stateChangedAt,
    respondBy: d.respondBy,
    waitingForYou,
    offer: d.offer,
    demand: d.demand,
    provider: d.providerOrg,
    seeker: d.seekerOrg,
    messages: d._count.messages,
  };
}

export interface DealListPage {
  readonly items: DealListItem[];
  readonly total: number;
  readonly waiting: number;
  readonly page: number;
  readonly pageCount: number;
}

/**
 * "Is it `org`'s move?" in SQL — the rule of ./waiting.ts `waitingOn`, written for sorting and
 * counting in the database (tests/integration/deals.test.ts proves both agree on every state).
 */
const waitingSql = (org: string) => Prisma.sql`(CASE
  WHEN d.state = 'EOI_SENT'
    THEN (CASE WHEN d.origin = 'PROPOSAL' THEN d.seeker_org_id ELSE d.provider_org_id END) = ${org}::uuid
  WHEN d.state IN ('NEGOTIATING', 'CONTRACT_DRAFTED') AND d.nda_required_by IS NOT NULL AND d.nda_acknowledged_at IS NULL
    THEN (CASE WHEN d.nda_required_by = 'provider' THEN d.seeker_org_id ELSE d.provider_org_id END) = ${org}::uuid
  ELSE false END)`;

const finalStates = Prisma.join(DEAL_FINAL_STATES.map((s) => Prisma.sql`${s}::"DealState"`));

/**
 * The deals of the user's organization — as a party or an invited intermediary — with the ones
 * waiting for it first, then the most recently changed. Empty for a user without an organization.
 */
export async function listDeals(user: Principal, filter: DealFilter, requestedPage: number): Promise<DealListPage> {
  const org = user.organizationId;
  if (!org || !can(user, "workspace:access")) return { items: [], total: 0, waiting: 0, page: 1, pageCount: 1 };
  const mine = Prisma.sql`(d.provider_org_id = ${org}::uuid OR d.seeker_org_id = ${org}::uuid
    OR EXISTS (SELECT 1 FROM deal_participants p WHERE p.deal_id = d.id AND p.organization_id = ${org}::uuid))`;
  const where =
    filter === "waiting"
      ? Prisma.sql`${mine} AND ${waitingSql(org)}`
      : filter === "open"
        ? Prisma.sql`${mine} AND d.state NOT IN (${finalStates})`
        : filter === "closed"
          ? Prisma.sql`${mine} AND d.state IN (${finalStates})`
          : mine;
  const [counts] = await db.$queryRaw<{ total: bigint; waiting: bigint }[]>`
    SELECT count(*) FILTER (WHERE ${where}) AS total, count(*) FILTER (WHERE ${waitingSql(org)}) AS waiting
      FROM deals d WHERE ${mine}`;
  const total = Number(counts?.total ?? 0);
  const { page, pageCount } = clampPage(requestedPage, total, DEALS_PAGE_SIZE);
  const rows = await db.$queryRaw<{ id: string; waiting: boolean }[]>`
    SELECT d.id, ${waitingSql(org)} AS waiting FROM deals d WHERE ${where}
     ORDER BY waiting DESC, d.state_changed_at DESC, d.id
     LIMIT ${DEALS_PAGE_SIZE} OFFSET ${(page - 1) * DEALS_PAGE_SIZE}`;
  const deals = await db.deal.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: listItemInclude,
  });
  const byId = new Map(deals.map((d) => [d.id, d]));
  const items = rows.flatMap((row) => {
    const d = byId.get(row.id);
    return d ? [listItem(d, row.waiting)] : [];
  });
  return { items, total, waiting: Number(counts?.waiting ?? 0), page, pageCount };
}

/** The deal page: everything the viewer may see of one deal, or null (not found, or not theirs). */
export async function dealForViewer(user: Principal | null, reference: string) {
  const parsed = parseDealReference(reference);
  if (!parsed || !user) return null;
  const deal = await db.deal.findUnique({
    where: { reference: parsed.reference },
    include: {
      offer: { select: { ...listingSelect, priceType: true, priceMin: true, priceMax: true, trl: true } },
      demand: { select: listingSelect },
      providerOrg: { select: orgSelect },
      seekerOrg: { select: orgSelect },
      participants: { include: { organization: { select: orgSelect } } },
      contracts: { select: { versionNo: true, state: true, value: true }, orderBy: { versionNo: "desc" }, take: 1 },
    },
  });
  if (!deal) return null;
  const [registration, milestones, ratings] = await Promise.all([
    db.registration.findFirst({ where: { dealId: deal.id }, orderBy: { filedAt: "desc" } }),
    db.contractMilestone.findMany({
      where: { contract: { dealId: deal.id, state: "SIGNED" } },
      orderBy: [{ position: "asc" }, { dueDate: "asc" }],
    }),
    db.rating.findMany({ where: { dealId: deal.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const viewer = dealViewer(user, { ...deal, participantOrgIds: deal.participants.map((p) => p.organizationId) });
  if (!viewer) return null;
  const [messages, events, files] = await Promise.all([
    db.message.findMany({
      where: { dealId: deal.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true, organizationId: true } } },
    }),
    db.auditEvent.findMany({
      where: { entityType: "deal", entityId: deal.id },
      orderBy: { seq: "asc" },
      select: { seq: true, occurredAt: true, action: true, actorId: true, reason: true },
    }),
    db.attachment.findMany({
      where: { dealId: deal.id },
      orderBy: [{ createdAt: "asc" }, { version: "asc" }],
      select: {
        id: true,
        filename: true,
        mimeType: true,
        size: true,
        sha256: true,
        createdAt: true,
        dealSide: true,
        confidential: true,
        purpose: true,
        seriesId: true,
        version: true,
        uploadedBy: { select: { name: true } },
        contract: { select: { versionNo: true } },
      },
    }),
  ]);
  const documents = dealDocumentsFor(viewer, files, deal.ndaAcknowledgedAt !== null);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, organizationId: true },
  });
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const orgName = (organizationId: string | null) =>
    organizationId === deal.providerOrgId
      ? deal.providerOrg.name
      : organizationId === deal.seekerOrgId
        ? deal.seekerOrg.name
        : (deal.participants.find((p) => p.organizationId === organizationId)?.organization.name ?? null);
  return {
    viewer,
    deal: {
      id: deal.id,
      reference: deal.reference,
      origin: deal.origin,
      state: deal.state,
      version: deal.version,
      createdAt: deal.createdAt,
      stateChangedAt: deal.stateChangedAt,
      stateReason: deal.stateReason,
      respondBy: deal.respondBy,
      respondedAt: deal.respondedAt,
      intendedUse: deal.intendedUse,
      budget: deal.budget,
      timeline: deal.timeline,
      nda: {
        requiredBy: asDealSide(deal.ndaRequiredBy),
        requiredAt: deal.ndaRequiredAt,
        text: deal.ndaText,
        sha256: deal.ndaSha256,
        acceptedAt: deal.ndaAcknowledgedAt,
      },
      offer: deal.offer,
      demand: deal.demand,
      provider: deal.providerOrg,
      seeker: deal.seekerOrg,
      participants: deal.participants.map((p) => p.organization),
      waitingOn: waitingOn(deal),
      contractVersion: deal.contracts[0]?.versionNo ?? null,
      signedAt: deal.signedAt,
      registrationMandatory: deal.registrationMandatory,
      registrationReason: deal.registrationReason,
      /** The signed version's value: the registration fee is computed from it. */
      signedValue: deal.contracts[0]?.state === "SIGNED" ? deal.contracts[0].value : null,
      milestones: milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        amount: m.amount,
        responsible: asDealSide(m.responsible),
        deliverable: m.deliverable,
        doneAt: m.completedAt,
        confirmedAt: m.confirmedAt,
      })),
      ratings: ratings.map((r) => ({
        stars: r.stars,
        comment: r.comment,
        createdAt: r.createdAt,
        // Which side was rated: the other one gave it.
        ratedSide: r.organizationId === deal.providerOrgId ? ("provider" as const) : ("seeker" as const),
      })),
      registration: registration
        ? {
            state: registration.state,
            filedAt: registration.filedAt,
            fee: registration.fee,
            papersNote: registration.papersNote,
            papersAddedAt: registration.papersAddedAt,
            certificateNumber: registration.certificateNumber,
            refusalReason: registration.refusalReason,
            decidedAt: registration.decidedAt,
          }
        : null,
    },
    documents,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      author: m.author.name,
      organization: orgName(m.author.organizationId),
      mine: m.authorId === user.id,
    })),
    timeline: events.map((e) => {
      const actor = e.actorId ? actorById.get(e.actorId) : undefined;
      return {
        seq: e.seq.toString(),
        at: e.occurredAt,
        action: e.action,
        actor: actor?.name ?? null,
        organization: actor ? orgName(actor.organizationId) : null,
        reason: e.reason,
      };
    }),
  };
}

export type DealView = NonNullable<Awaited<ReturnType<typeof dealForViewer>>>;
export type { DealViewer };

/**
 * What the "new request" page needs: the offer (and demand) the user may start a deal about, and the
 * open deal it would duplicate (then the page opens that deal instead of the form). Null when the
 * listing is not published or not someone else's (the page answers not found).
 */
export async function dealStartContext(
  user: Principal,
  input: { kind: "interest"; offerSlug: string } | { kind: "proposal"; demandSlug: string },
) {
  const org = user.organizationId;
  if (!org) return null;
  if (input.kind === "interest") {
    const offer = await db.offer.findFirst({
      where: { slug: input.offerSlug, status: "PUBLISHED" },
      select: {
        ...listingSelect,
        organizationId: true,
        organization: { select: { ...orgSelect, address: true, taxCode: true, location: true } },
        // What an express licence's standard terms are made of (./express-licence.ts).
        summaryVi: true,
        applicationAreas: true,
        transferObjects: true,
        transferMethods: true,
        priceType: true,
        priceMin: true,
        stateFunded: true,
      },
    });
    if (!offer || offer.organizationId === org) return null;
    const open = await findOpenDeal(db, {
      origin: "EOI",
      providerOrgId: offer.organizationId,
      seekerOrgId: org,
      offerId: offer.id,
      demandId: null,
    });
    return { kind: "interest" as const, offer, demand: null, ownOffers: [], open };
  }
  const demand = await db.demand.findFirst({
    where: { slug: input.demandSlug, status: "PUBLISHED" },
    select: { ...listingSelect, organizationId: true, confidential: true, organization: { select: orgSelect } },
  });
  if (!demand || demand.organizationId === org) return null;
  const [ownOffers, open] = await Promise.all([
    db.offer.findMany({
      where: { organizationId: org, status: "PUBLISHED" },
      select: listingSelect,
      orderBy: { publishedAt: "desc" },
      take: 200,
    }),
    findOpenDeal(db, {
      origin: "PROPOSAL",
      providerOrgId: org,
      seekerOrgId: demand.organizationId,
      offerId: "",
      demandId: demand.id,
    }),
  ]);
  return { kind: "proposal" as const, offer: null, demand, ownOffers, open };
}

/**
 * Every deal, newest activity first, for the operator, officers and auditors (read-only oversight;
 * `deal:read-all`, checked here). `state` narrows to one state.
 */
export async function listAllDeals(
  user: Principal,
  state: DealState | null,
  requestedPage: number,
): Promise<DealListPage> {
  assertCan(user, "deal:read-all");
  const where: Prisma.DealWhereInput = state ? { state } : {};
  const total = await db.deal.count({ where });
  const { page, pageCount } = clampPage(requestedPage, total, DEALS_PAGE_SIZE);
  const deals = await db.deal.findMany({
    where,
    orderBy: [{ stateChangedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * DEALS_PAGE_SIZE,
    take: DEALS_PAGE_SIZE,
    include: listItemInclude,
  });
  return {
    items: deals.map((d) => listItem(d, false)),
    total,
    waiting: 0,
    page,
    pageCount,
  };
}

/** One version of a deal document, as the deal page lists it. */
export interface DealDocumentVersion {
  readonly id: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: Date;
  readonly uploadedBy: string;
  readonly version: number;
}

/** A deal document with its versions, newest first. */
export interface DealDocumentSeries {
  readonly seriesId: string;
  readonly purpose: DealDocumentPurpose;
  readonly side: DealDocumentSide;
  readonly confidential: boolean;
  /** The contract version a signed scan belongs to. */
  readonly contractVersion: number | null;
  readonly versions: readonly DealDocumentVersion[];
}

interface DocumentRow {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  dealSide: string | null;
  confidential: boolean;
  purpose: DealDocumentPurpose | null;
  seriesId: string | null;
  version: number | null;
  uploadedBy: { name: string };
  contract: { versionNo: number } | null;
}

/**
 * The documents `viewer` may open, grouped in series (newest version first, series by their latest
 * upload), and how many more are sealed from them (a confidential document before the NDA: neither
 * name nor hash is shown) — the rule of ./document-access.ts.
 */
function dealDocumentsFor(viewer: DealViewer, rows: readonly DocumentRow[], ndaAccepted: boolean) {
  const series = new Map<string, DealDocumentSeries & { versions: DealDocumentVersion[] }>();
  let sealed = 0;
  for (const row of rows) {
    const side = asDealDocumentSide(row.dealSide);
    if (!side || !row.purpose) continue;
    const access = dealDocumentAccess(viewer, { confidential: row.confidential, uploadedBy: side }, ndaAccepted);
    if (access !== "open") {
      if (access === "sealed" && row.version === 1) sealed++;
      continue;
    }
    const key = row.seriesId ?? row.id;
    const entry = series.get(key) ?? {
      seriesId: key,
      purpose: row.purpose,
      side,
      confidential: row.confidential,
      contractVersion: row.contract?.versionNo ?? null,
      versions: [],
    };
    entry.versions.unshift({
      id: row.id,
      filename: row.filename,
      mimeType: row.mimeType,
      size: row.size,
      sha256: row.sha256,
      createdAt: row.createdAt,
      uploadedBy: row.uploadedBy.name,
      version: row.version ?? 1,
    });
    series.set(key, entry);
  }
  const list = [...series.values()].sort(
    (a, b) => (b.versions[0]?.createdAt.getTime() ?? 0) - (a.versions[0]?.createdAt.getTime() ?? 0),
  );
  return { series: list, sealed };
}
