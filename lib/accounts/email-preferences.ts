import type { Role } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_TYPES, type NotificationType } from "@/lib/notifications/types";

/**
 * Which notifications a user receives by e-mail (`User.emailOptOut`: the types they do not). Every
 * notification is still shown in the app; only the e-mail is optional. Pure and client-safe: the
 * settings page lists the groups, the settings mutation computes the new list with `nextOptOut`,
 * and lib/notifications/mutations.ts skips the e-mail of an opted-out type.
 */

export type PreferenceGroupKey = "listings" | "matches" | "organization" | "membership" | "deals" | "staff" | "experts";

const PARTIES: readonly Role[] = ["PROVIDER", "SEEKER", "INTERMEDIARY"];
const LISTING_OWNERS: readonly Role[] = ["PROVIDER", "SEEKER"];

/**
 * E-mails nobody may turn off: a broken audit chain (the officers' and auditors' duty to react) and
 * the legal deadline of a contract registration and the Department's request for papers (missing
 * them voids the registration, Law 07/2017 Art. 31).
 */
export const ESSENTIAL_EMAIL_TYPES: readonly NotificationType[] = [
  "audit.chain_broken",
  "deal.registration_reminder",
  "deal.registration_papers",
];

interface GroupSpec {
  key: PreferenceGroupKey;
  /** Who may receive these notifications at all; a type's own `roles` narrow it. */
  roles: readonly Role[];
  types: readonly NotificationType[];
  /** Types received by other roles than the group's. */
  rolesOf?: Partial<Record<NotificationType, readonly Role[]>>;
}

/** Every notification type, each in exactly one group (checked by `_everyTypeGrouped` below). */
const GROUPS = [
  {
    key: "listings",
    roles: LISTING_OWNERS,
    types: [
      "listing.approved",
      "listing.rejected",
      "listing.revision_approved",
      "listing.revision_rejected",
      "listing.prohibited",
      "listing.expiring",
      "listing.expired",
      "listing.update_reminder",
    ],
  },
  { key: "matches", roles: LISTING_OWNERS, types: ["match.new"] },
  {
    key: "organization",
    roles: PARTIES,
    types: [
      "organization.verified",
      "organization.rejected",
      "organization.legal_accepted",
      "organization.legal_rejected",
    ],
  },
  {
    key: "membership",
    roles: PARTIES,
    types: [
      "membership.requested",
      "membership.approved",
      "membership.rejected",
      "membership.joined",
      "membership.removed",
      "membership.admin_transferred",
    ],
    // Requests to an organization without an administrator go to the operators.
    rolesOf: { "membership.requested": [...PARTIES, "OPERATOR"] },
  },
  {
    key: "deals",
    roles: PARTIES,
    types: [
      "deal.received",
      "deal.accepted",
      "deal.declined",
      "deal.expired",
      "deal.withdrawn",
      "deal.cancelled",
      "deal.message",
      "deal.document_added",
      "deal.participant_invited",
      "deal.nda_required",
      "deal.nda_accepted",
      "deal.contract_saved",
      "deal.contract_confirmed",
      "deal.signed",
      "deal.express_taken",
      "deal.registration_filed",
      "deal.registration_papers",
      "deal.registration_certified",
      "deal.registration_refused",
      "deal.registration_reminder",
      "deal.performance_started",
      "deal.completed",
      "deal.terminated",
      "deal.milestone_done",
      "deal.milestone_confirmed",
      "deal.rated",
    ],
  },
  {
    key: "staff",
    roles: ["OPERATOR", "OFFICER", "AUDITOR"],
    types: [
      "listing.needs_officer",
      "registration.filed",
      "registration.papers_added",
      "flag.raised",
      "flag.answered",
      "audit.chain_broken",
    ],
    rolesOf: {
      "listing.needs_officer": ["OFFICER"],
      "registration.filed": ["OFFICER"],
      "registration.papers_added": ["OFFICER"],
      "flag.raised": ["OPERATOR"],
      "flag.answered": ["OFFICER"],
      "audit.chain_broken": ["OFFICER", "AUDITOR"],
    },
  },
  // An expert's own account, or the operator who passes the request on.
  { key: "experts", roles: [...PARTIES, "OPERATOR"], types: ["expert.contact"] },
] as const satisfies readonly GroupSpec[];

type Grouped = (typeof GROUPS)[number]["types"][number];
// Fails to compile when a notification type is in no group.
const _everyTypeGrouped: Exclude<NotificationType, Grouped> extends never ? true : false = true;

export interface PreferenceType {
  type: NotificationType;
  /** Always e-mailed (ESSENTIAL_EMAIL_TYPES): shown, but cannot be turned off. */
  essential: boolean;
  /** Whether the user currently receives it by e-mail. */
  email: boolean;
}

export interface PreferenceGroup {
  key: PreferenceGroupKey;
  types: PreferenceType[];
}

/** Every group with every type (for tests and for the list of what exists). */
export function allPreferenceTypes(): NotificationType[] {
  return GROUPS.flatMap((g): readonly NotificationType[] => g.types);
}

/** The types a holder of `roles` may receive, grouped, with whether each is e-mailed under `optOut`. */
export function preferenceGroupsFor(roles: readonly Role[], optOut: readonly string[]): PreferenceGroup[] {
  return (GROUPS as readonly GroupSpec[]).flatMap((group) => {
    const types = group.types
      .filter((type) => (group.rolesOf?.[type] ?? group.roles).some((role) => roles.includes(role)))
      .map((type) => {
        const essential = ESSENTIAL_EMAIL_TYPES.includes(type);
        return { type, essential, email: essential || !optOut.includes(type) };
      });
    return types.length > 0 ? [{ key: group.key, types }] : [];
  });
}

/**
 * The new opt-out list after the settings form: of the types the form showed (`shown`), those not
 * ticked (`emailOn`) are opted out; types the form did not show (another role's) keep their stored
 * choice; essential types and anything that is not a notification type are never stored. Sorted,
 * without duplicates.
 */
export function nextOptOut(
  current: readonly string[],
  shown: readonly NotificationType[],
  emailOn: readonly string[],
): NotificationType[] {
  const known = new Set<string>(NOTIFICATION_TYPES);
  const kept = current.filter((type) => known.has(type) && !shown.includes(type as NotificationType));
  const off = shown.filter((type) => !emailOn.includes(type));
  return [...new Set([...kept, ...off])]
    .filter((type): type is NotificationType => !ESSENTIAL_EMAIL_TYPES.includes(type as NotificationType))
    .sort();
}
