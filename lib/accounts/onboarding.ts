import "server-only";
import { pool } from "@/lib/db";
import type { OrgType, Role, VerificationStatus } from "@/lib/generated/prisma/enums";
import { LISTING_KIND } from "@/lib/listings/kinds";

/**
 * The first-hour checklist of the workspace (issue #15 item 1): for a provider, a seeker or an
 * intermediary, what is left before the account is fully useful. Every step is computed from the
 * data (never ticked by hand), so the list stays until the work is done and then disappears.
 * `onboardingSteps` is the rule (pure), `onboardingFacts` reads what it needs in one query.
 */

export type OnboardingStepKey = "email" | "organization" | "profile" | "verification" | "listing" | "alerts";

export interface OnboardingFacts {
  roles: readonly Role[];
  emailVerified: boolean;
  /** The organization the user asked to join, while they belong to none. */
  joinRequest: { organization: string } | null;
  organization: {
    type: OrgType;
    verificationStatus: VerificationStatus;
    /** The user administers it (only administrators change legal fields and ask for verification). */
    isAdmin: boolean;
    hasDescription: boolean;
    hasAddress: boolean;
    /** A tax code or an establishment decision: what the operator checks. */
    hasIdentity: boolean;
    documents: number;
    /** The operator's reason when the verification was rejected. */
    rejectionNote: string | null;
  } | null;
  listings: { offersPublished: number; offersInReview: number; demandsPublished: number; demandsInReview: number };
  savedSearches: number;
}

/** Which papers the operator asks of an organization, by its type (shown by the verification step). */
export interface VerificationPapers {
  /** The number the form asks for: a tax code, a personal tax code, or an establishment decision. */
  identity: "taxCode" | "personalTaxCode" | "decision";
  /** The scan to upload. */
  document: "businessRegistration" | "establishmentDecision" | "taxCodeNotice";
  hasIdentity: boolean;
  hasDocuments: boolean;
}

export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  /** Where the step stands, a message key (`account.onboarding.<key>.states.<state>`). */
  state: string;
  /** Where the step is done (none for the e-mail: the link is in the user's mailbox). */
  href: string | null;
  papers?: VerificationPapers;
  /** The listing step: which kinds the user may publish. */
  kinds?: ("offer" | "demand")[];
  /** Values the state's sentence names (the organization asked to join, the operator's reason). */
  values?: Record<string, string>;
}

export interface Onboarding {
  steps: OnboardingStep[];
  done: number;
  total: number;
  /** Every step done: the checklist is not shown any more. */
  complete: boolean;
}

const PARTY_ROLES: readonly Role[] = ["PROVIDER", "SEEKER", "INTERMEDIARY"];

/** The papers for an organization type (DOMAIN §2: tax code or establishment decision, checked by the operator). */
export function papersFor(type: OrgType, facts: { hasIdentity: boolean; documents: number }): VerificationPapers {
  const kind: Pick<VerificationPapers, "identity" | "document"> =
    type === "ENTERPRISE" || type === "INTERMEDIARY"
      ? { identity: "taxCode", document: "businessRegistration" }
      : type === "INDIVIDUAL"
        ? { identity: "personalTaxCode", document: "taxCodeNotice" }
        : { identity: "decision", document: "establishmentDecision" };
  return { ...kind, hasIdentity: facts.hasIdentity, hasDocuments: facts.documents > 0 };
}

/**
 * The checklist for these facts, in the order a newcomer works through it: confirm the address;
 * belong to an organization and describe it; ask for its verification; publish a first listing
 * (providers an offer, seekers a demand; an intermediary's listing is its described organization);
 * save a search to be e-mailed new listings. Empty for accounts without a party role (staff).
 */
export function onboardingSteps(facts: OnboardingFacts): OnboardingStep[] {
  if (!facts.roles.some((role) => PARTY_ROLES.includes(role))) return [];
  const steps: OnboardingStep[] = [
    {
      key: "email",
      done: facts.emailVerified,
      state: facts.emailVerified ? "done" : "pending",
      href: null,
    },
  ];
  const org = facts.organization;
  if (!org) {
    steps.push({
      key: "organization",
      done: false,
      state: facts.joinRequest ? "requested" : "none",
      href: "/account/organization",
      values: { organization: facts.joinRequest?.organization ?? "" },
    });
  } else {
    const described = org.hasDescription && org.hasAddress;
    steps.push({
      key: "profile",
      done: described,
      state: described ? "done" : !org.hasDescription && !org.hasAddress ? "empty" : "partial",
      href: "/account/organization",
    });
    const requested = org.verificationStatus === "PENDING" || org.verificationStatus === "VERIFIED";
    steps.push({
      key: "verification",
      done: requested,
      state:
        org.verificationStatus === "VERIFIED"
          ? "verified"
          : org.verificationStatus === "PENDING"
            ? "pending"
            : !org.isAdmin
              ? "adminOnly"
              : org.verificationStatus === "REJECTED"
                ? "rejected"
                : "todo",
      href: "/account/organization",
      papers: papersFor(org.type, org),
      values: { note: org.rejectionNote ?? "" },
    });
  }

  const kinds: ("offer" | "demand")[] = [];
  if (facts.roles.includes("PROVIDER")) kinds.push("offer");
  if (facts.roles.includes("SEEKER")) kinds.push("demand");
  if (kinds.length > 0) {
    const { listings } = facts;
    const published =
      (kinds.includes("offer") ? listings.offersPublished : 0) +
      (kinds.includes("demand") ? listings.demandsPublished : 0);
    const inReview =
      (kinds.includes("offer") ? listings.offersInReview : 0) +
      (kinds.includes("demand") ? listings.demandsInReview : 0);
    steps.push({
      key: "listing",
      done: published > 0,
      state: published > 0 ? "done" : !org ? "needsOrganization" : inReview > 0 ? "inReview" : "todo",
      href: LISTING_KIND[kinds[0] === "offer" ? "offer" : "demand"].newPath,
      kinds,
    });
  }

  steps.push({
    key: "alerts",
    done: facts.savedSearches > 0,
    state: facts.savedSearches > 0 ? "done" : "todo",
    href: "/account/saved-searches",
  });
  return steps;
}

/** The checklist with its progress. */
export function onboardingOf(facts: OnboardingFacts): Onboarding {
  const steps = onboardingSteps(facts);
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: steps.length, complete: done === steps.length };
}

interface FactsRow {
  verified: boolean;
  saved: number;
  join_org: string | null;
  org_type: OrgType | null;
  org_status: VerificationStatus | null;
  org_role: "ADMIN" | "MEMBER" | null;
  has_description: boolean;
  has_address: boolean;
  has_identity: boolean;
  documents: number;
  rejection_note: string | null;
  offers_published: number;
  offers_in_review: number;
  demands_published: number;
  demands_in_review: number;
}

/**
 * What the checklist needs of the user and their organization, read in one statement (the
 * workspace home runs it on every visit). Listings are the organization's: a member who joins an
 * organization that already publishes has nothing left to publish first. Null for an unknown user.
 */
export async function onboardingFacts(user: { id: string; roles: readonly Role[] }): Promise<OnboardingFacts | null> {
  const { rows } = await pool().query<FactsRow>(
    `SELECT u.email_verified_at IS NOT NULL AS verified,
            (SELECT count(*) FROM saved_searches s WHERE s.user_id = u.id)::int AS saved,
            (SELECT jo.name FROM membership_requests r JOIN organizations jo ON jo.id = r.organization_id
              WHERE r.user_id = u.id AND r.status = 'PENDING' ORDER BY r.created_at DESC LIMIT 1) AS join_org,
            o.type AS org_type, o.verification_status AS org_status, u.org_role,
            coalesce(btrim(o.description), '') <> '' AS has_description,
            coalesce(btrim(o.address), '') <> '' AS has_address,
            coalesce(o.tax_code, '') <> '' OR coalesce(btrim(o.establishment_decision), '') <> '' AS has_identity,
            (SELECT count(*) FROM attachments a WHERE a.organization_id = o.id)::int AS documents,
            o.verification_note AS rejection_note,
            (SELECT count(*) FILTER (WHERE status = 'PUBLISHED') FROM offers WHERE organization_id = o.id)::int AS offers_published,
            (SELECT count(*) FILTER (WHERE status = 'SUBMITTED') FROM offers WHERE organization_id = o.id)::int AS offers_in_review,
            (SELECT count(*) FILTER (WHERE status = 'PUBLISHED') FROM demands WHERE organization_id = o.id)::int AS demands_published,
            (SELECT count(*) FILTER (WHERE status = 'SUBMITTED') FROM demands WHERE organization_id = o.id)::int AS demands_in_review
       FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
      WHERE u.id = $1::uuid`,
    [user.id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    roles: user.roles,
    emailVerified: row.verified,
    joinRequest: !row.org_type && row.join_org ? { organization: row.join_org } : null,
    organization:
      row.org_type && row.org_status
        ? {
            type: row.org_type,
            verificationStatus: row.org_status,
            isAdmin: row.org_role === "ADMIN",
            hasDescription: row.has_description,
            hasAddress: row.has_address,
            hasIdentity: row.has_identity,
            documents: row.documents,
            rejectionNote: row.org_status === "REJECTED" ? row.rejection_note : null,
          }
        : null,
    listings: {
      offersPublished: row.offers_published,
      offersInReview: row.offers_in_review,
      demandsPublished: row.demands_published,
      demandsInReview: row.demands_in_review,
    },
    savedSearches: row.saved,
  };
}

/** The user's checklist (null for an unknown user). */
export async function onboardingFor(user: { id: string; roles: readonly Role[] }): Promise<Onboarding | null> {
  const facts = await onboardingFacts(user);
  return facts ? onboardingOf(facts) : null;
}
