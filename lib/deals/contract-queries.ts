import "server-only";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { vnDateKey } from "@/lib/calendar/working-days";
import { dealViewer, type DealViewer } from "./access";
import { confirmedSides, type ContractFacts } from "./confirmation";
import { missingForConfirmation, parseStoredContract, type ContractContent, type MissingItem } from "./contract";
import type { ContractDocumentInput, PartyBlock } from "./contract-document";
import { standardDraft } from "./contract-template";
import { dealRegistrationRequirement } from "./registration-facts";
import { asDealSide, type DealSide } from "./parties";
import { parseDealReference } from "./reference";

/**
 * Reads of a deal's contract, authorized like the deal itself (./access.ts): its versions with
 * who saved and confirmed each, the latest content and what it still lacks, and the draft a party
 * starts from. Anyone outside the deal gets null.
 */

export interface ContractVersionView {
  readonly versionNo: number;
  readonly sha256: string;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly state: string;
  readonly confirmations: readonly { side: DealSide; at: Date; by: string }[];
  readonly content: ContractContent | null;
}

export async function contractView(user: Principal | null, reference: string) {
  const parsed = parseDealReference(reference);
  if (!parsed || !user) return null;
  const deal = await db.deal.findUnique({
    where: { reference: parsed.reference },
    include: {
      participants: { select: { organizationId: true } },
      offer: {
        select: {
          slug: true,
          titleVi: true,
          titleEn: true,
          summaryVi: true,
          applicationAreas: true,
          transferObjects: true,
          transferMethods: true,
          priceMin: true,
          priceMax: true,
        },
      },
      providerOrg: { select: { name: true, nameEn: true, address: true, taxCode: true } },
      seekerOrg: { select: { name: true, nameEn: true, address: true, taxCode: true } },
      contracts: {
        orderBy: { versionNo: "desc" },
        include: { confirmations: true },
      },
    },
  });
  if (!deal) return null;
  const viewer: DealViewer | null = dealViewer(user, {
    ...deal,
    participantOrgIds: deal.participants.map((p) => p.organizationId),
  });
  if (!viewer) return null;

  const userIds = [
    ...new Set(
      deal.contracts.flatMap((c) => [
        ...(c.createdById ? [c.createdById] : []),
        ...c.confirmations.map((x) => x.userId),
      ]),
    ),
  ];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const versions: ContractVersionView[] = deal.contracts.map((c) => ({
    versionNo: c.versionNo,
    sha256: c.contentSha256,
    createdAt: c.createdAt,
    createdBy: c.createdById ? (names.get(c.createdById) ?? null) : null,
    state: c.state,
    confirmations: c.confirmations.flatMap((x) => {
      const side = asDealSide(x.side);
      return side ? [{ side, at: x.confirmedAt, by: names.get(x.userId) ?? "" }] : [];
    }),
    content: parseStoredContract(c.terms),
  }));
  const latest = versions[0] ?? null;
  // Decided on the first save; until then the draft follows the same rule (./registration-facts.ts).
  const registrationMandatory = deal.registrationMandatory ?? (await dealRegistrationRequirement(db, deal)).mandatory;
  const missing: MissingItem[] = latest?.content
    ? missingForConfirmation(latest.content, { registrationMandatory })
    : [];
  const facts: ContractFacts | null = latest
    ? {
        versionNo: latest.versionNo,
        contentSha256: latest.sha256,
        complete: latest.content !== null && missing.length === 0,
        confirmations: latest.confirmations.map((c) => ({
          side: c.side,
          versionNo: latest.versionNo,
          contentSha256: latest.sha256,
        })),
      }
    : null;
  const price = deal.budget ?? deal.offer?.priceMin ?? deal.offer?.priceMax ?? null;
  const draft =
    latest?.content ??
    (deal.offer
      ? standardDraft(
          {
            titleVi: deal.offer.titleVi,
            summaryVi: deal.offer.summaryVi,
            applicationAreas: deal.offer.applicationAreas,
            transferObjects: deal.offer.transferObjects,
            transferMethods: deal.offer.transferMethods,
          },
          price,
          { startDate: vnDateKey(new Date()), registrationMandatory },
        )
      : {});
  const party = (org: { name: string; address: string | null; taxCode: string | null }): PartyBlock => ({
    name: org.name,
    address: org.address,
    taxCode: org.taxCode,
  });
  return {
    viewer,
    deal: {
      id: deal.id,
      reference: deal.reference,
      state: deal.state,
      origin: deal.origin,
      registrationMandatory: deal.registrationMandatory,
      registrationReason: deal.registrationReason,
      signedAt: deal.signedAt,
      offer: deal.offer,
      provider: deal.providerOrg,
      seeker: deal.seekerOrg,
    },
    versions,
    latest,
    missing,
    confirmed: facts ? confirmedSides(facts) : [],
    draft,
    parties: { provider: party(deal.providerOrg), seeker: party(deal.seekerOrg) },
  };
}

export type ContractView = NonNullable<Awaited<ReturnType<typeof contractView>>>;

/** What the document writers need for one version, or null (not found, not the viewer's, unreadable). */
export async function contractDocumentInput(
  user: Principal | null,
  reference: string,
  versionNo: number,
  locale: "vi" | "en",
): Promise<ContractDocumentInput | null> {
  const view = await contractView(user, reference);
  const version = view?.versions.find((v) => v.versionNo === versionNo);
  if (!view || !version?.content) return null;
  const confirmedAt = (side: DealSide) => version.confirmations.find((c) => c.side === side)?.at ?? null;
  return {
    locale,
    reference: view.deal.reference,
    version: version.versionNo,
    sha256: version.sha256,
    provider: view.parties.provider,
    seeker: view.parties.seeker,
    content: version.content,
    confirmedAt: { provider: confirmedAt("provider"), seeker: confirmedAt("seeker") },
  };
}

/** An organization as a contract names it (for the express licence's preview). */
export async function partyBlockOf(organizationId: string): Promise<PartyBlock | null> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { name: true, address: true, taxCode: true },
  });
  return org ? { name: org.name, address: org.address, taxCode: org.taxCode } : null;
}
