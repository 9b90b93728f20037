/**
 * The notification types the exchange sends, with the parameters each one's message needs
 * (`notifications.types.<type>.title` / `.body` in messages/<locale>/notifications.json). Typing the
 * parameters here turns a forgotten `{reason}` into a compile error instead of a broken email.
 */
export interface NotificationParamsByType {
  "listing.approved": { title: string };
  "listing.rejected": { title: string; reason: string };
  "listing.revision_approved": { title: string };
  "listing.revision_rejected": { title: string; reason: string };
  /** To department officers: a restricted listing awaits their decision. */
  "listing.needs_officer": { title: string };
  "listing.prohibited": { title: string; entry: string };
  /** `date`: an ISO date ("2026-05-01" or a full timestamp); each language formats it itself. */
  "listing.expiring": { title: string; date: string };
  "listing.expired": { title: string };
  "listing.update_reminder": { title: string };
  "organization.verified": { name: string };
  "organization.rejected": { name: string; reason: string };
  /** Legal fields (name, tax code, type) of a verified organization: the operator's decision. */
  "organization.legal_accepted": { name: string };
  "organization.legal_rejected": { name: string; reason: string };
  /** To the organization's administrators: someone asks to join. */
  "membership.requested": { name: string; organization: string };
  /** To the requester. */
  "membership.approved": { organization: string };
  "membership.rejected": { organization: string; note: string };
  /** To the administrators: an invited person joined. */
  "membership.joined": { name: string; organization: string };
  /** To the person removed. */
  "membership.removed": { organization: string };
  /** To the new administrator. */
  "membership.admin_transferred": { organization: string };
  /**
   * To each owner of a new strong match: `title` is the listing that matched (the notice links to it),
   * `listing` the recipient's own listing it matched; `score` 0–1, shown as a percentage ("85%").
   * The message needs `listing` (lib/matching always gives it); typed optional only until the load
   * generator (scripts/load/seed.ts) and the rendering test's sample pass it too.
   */
  "match.new": { title: string; listing: string; score: number };
  // Deals (issue #12): `title` is the listing's, `organization` the other party's name, `reference` the deal's.
  /** To the recipient: an expression of interest in their offer, or a proposal for their demand. */
  "deal.received": { title: string; organization: string; reference: string };
  "deal.accepted": { title: string; organization: string; reference: string };
  "deal.declined": { title: string; organization: string; reference: string; reason: string };
  /** To the sender: nobody answered within 10 days. */
  "deal.expired": { title: string; organization: string; reference: string };
  "deal.withdrawn": { title: string; organization: string; reference: string };
  /** `reason` may be empty (optional before signing). */
  "deal.cancelled": { title: string; organization: string; reference: string; reason: string };
  "deal.message": { title: string; organization: string; reference: string };
  /** A document was added to the deal (its name is not in the notice: it may be confidential). */
  "deal.document_added": { title: string; organization: string; reference: string };
  /** The organization was invited into a deal as an intermediary (valuer, broker, consultant). */
  "deal.participant_invited": { title: string; organization: string; reference: string };
  "deal.nda_required": { title: string; organization: string; reference: string };
  "deal.nda_accepted": { title: string; organization: string; reference: string };
  /** `version`: the contract version number saved or confirmed. */
  "deal.contract_saved": { title: string; organization: string; reference: string; version: number };
  "deal.contract_confirmed": { title: string; organization: string; reference: string; version: number };
  /** To the other party: a registration was filed for their signed contract. */
  "deal.registration_filed": { title: string; organization: string; reference: string };
  /** To both parties: the Department asks for `note`. */
  "deal.registration_papers": { title: string; organization: string; reference: string; note: string };
  "deal.registration_certified": { title: string; organization: string; reference: string; certificate: string };
  "deal.registration_refused": { title: string; organization: string; reference: string; reason: string };
  /** To both parties of a mandatory registration not filed: `days` left until `date` (ISO date). */
  "deal.registration_reminder": { title: string; organization: string; reference: string; days: number; date: string };
  "deal.performance_started": { title: string; organization: string; reference: string };
  "deal.completed": { title: string; organization: string; reference: string };
  "deal.terminated": { title: string; organization: string; reference: string; reason: string };
  /** `note`: the milestone's title. */
  "deal.milestone_done": { title: string; organization: string; reference: string; note: string };
  "deal.milestone_confirmed": { title: string; organization: string; reference: string; note: string };
  /** `version`: the stars given (1–5). */
  "deal.rated": { title: string; organization: string; reference: string; version: number };
  /** To department officers: a file to check, or papers added to one. */
  "registration.filed": { title: string; reference: string };
  "registration.papers_added": { title: string; reference: string };
  /** To the provider: a seeker took the offer's express licence and confirmed its standard terms. */
  "deal.express_taken": { title: string; organization: string; reference: string; version: number };
  /** To both parties: the second confirmation of the same version signed the contract. */
  "deal.signed": { title: string; organization: string; reference: string; version: number };
  /** To the expert (or their organization, or the operator who passes it on): someone asks for advice. */
  /** To operators: a Department officer flagged a record for review (`label`: its title or reference). */
  "flag.raised": { label: string };
  /** To officers and auditors: the nightly verification found the audit chain broken at `seq`. */
  "audit.chain_broken": { seq: string; problem: string };
  /** To the officer who raised it: the operator answered. */
  "flag.answered": { label: string };
  "expert.contact": {
    expert: string;
    name: string;
    organization: string;
    email: string;
    topic: string;
    message: string;
  };
}

export type NotificationType = keyof NotificationParamsByType;

export type NotificationParams = Record<string, string | number>;

export const NOTIFICATION_TYPES = [
  "listing.approved",
  "listing.rejected",
  "listing.revision_approved",
  "listing.revision_rejected",
  "listing.needs_officer",
  "listing.prohibited",
  "listing.expiring",
  "listing.expired",
  "listing.update_reminder",
  "organization.verified",
  "organization.rejected",
  "organization.legal_accepted",
  "organization.legal_rejected",
  "membership.requested",
  "membership.approved",
  "membership.rejected",
  "membership.joined",
  "membership.removed",
  "membership.admin_transferred",
  "match.new",
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
  "registration.filed",
  "registration.papers_added",
  "deal.performance_started",
  "deal.completed",
  "deal.terminated",
  "deal.milestone_done",
  "deal.milestone_confirmed",
  "deal.rated",
  "flag.raised",
  "flag.answered",
  "audit.chain_broken",
  "expert.contact",
] as const satisfies readonly NotificationType[];

// Fails to compile when a type above is missing from NOTIFICATION_TYPES.
const _everyTypeListed: Exclude<NotificationType, (typeof NOTIFICATION_TYPES)[number]> extends never ? true : false =
  true;

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/**
 * E-mails that are not notifications: sent to an address (perhaps of nobody with an account yet),
 * never shown in the app, usually carrying a single-use link (`types.<type>` in the same catalog).
 */
export interface EmailParamsByType {
  /** The link confirms the address (48 h). */
  "account.verify_email": Record<string, never>;
  /** Someone tried to register with an address that already has an account. */
  "account.signup_existing": Record<string, never>;
  /** The link sets a new password (1 h). */
  "account.password_reset": Record<string, never>;
  "account.password_changed": Record<string, never>;
  /** The link accepts the invitation (7 days). */
  "organization.invite": { organization: string; inviter: string };
}

export type EmailType = keyof EmailParamsByType;
