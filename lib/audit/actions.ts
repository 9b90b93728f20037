/**
 * The catalogue of audit actions: every `action` an audit event may carry. `AuditEntry.action` is
 * typed by it, so an action that is not listed here does not compile, and the auditor's tools can
 * rely on a closed vocabulary (filters, labels, exports). Add an action here when a new change is
 * audited; never rename one (the log keeps the old name forever).
 */

/** What happens to an offer or a demand (`offer.submit`, `demand.expire`, …). */
export const LISTING_AUDIT_VERBS = [
  "create",
  "update",
  "revise",
  "submit",
  "recall",
  "withdraw",
  "renew",
  "screening_blocked",
  "approve",
  "reject",
  "approval_refused",
  "revision_approved",
  "revision_rejected",
  "revision_approval_refused",
  "expire",
  "remind",
] as const;

/** Every other audited change, grouped by what it is about. */
export const OTHER_AUDIT_ACTIONS = [
  "user.register",
  "user.verify_email",
  "user.resend_verification",
  "user.password_reset_requested",
  "user.password_reset",
  "organization.create",
  "organization.update",
  "organization.request_verification",
  "organization.verify",
  "organization.reject_verification",
  "organization.legal_accept",
  "organization.legal_reject",
  "membership.request",
  "membership.cancel",
  "membership.approve",
  "membership.reject",
  "membership.invite",
  "membership.revoke_invite",
  "membership.accept_invite",
  "membership.remove",
  "membership.transfer_admin",
  "attachment.create",
  "attachment.delete",
  "match.recompute",
  "match.clear",
  "match.state",
  "notification.read",
  "deal.start",
  "deal.accept",
  "deal.decline",
  "deal.expire",
  "deal.withdraw",
  "deal.cancel",
  "deal.message",
  "deal.require_nda",
  "deal.accept_nda",
  "deal.draft_contract",
  "deal.revise_contract",
  "deal.confirm_contract",
  "deal.sign",
  "deal.take_express_licence",
  "deal.file_registration",
  "deal.registration_certified",
  "deal.registration_reminder",
  "deal.start_performance",
  "deal.complete",
  "deal.terminate",
  "deal.milestone_done",
  "deal.milestone_confirmed",
  "deal.rate",
  "deal.add_document",
  "deal.invite_participant",
  "deal.remove_participant",
  "registration.file",
  "registration.add_papers",
  "registration.request_papers",
  "registration.certify",
  "registration.refuse",
  "expert.contact",
  "kpi.create",
  "kpi.target_set",
  "kpi.target_delete",
  "flag.create",
  "flag.answer",
  "flag.close",
  "flag.reopen",
  "audit.browse",
  "audit.history",
  "audit.verify",
  "audit.sample",
  "audit.export",
  "user.invite",
  "user.update_roles",
  "user.deactivate",
  "user.reactivate",
  "user.admin_password_reset",
  "screening.create",
  "screening.update",
  "screening.delete",
  "taxonomy.create",
  "taxonomy.update",
  "taxonomy.delete",
  "seed.run",
] as const;

export type ListingAuditAction = `${"offer" | "demand"}.${(typeof LISTING_AUDIT_VERBS)[number]}`;
export type AuditAction = ListingAuditAction | (typeof OTHER_AUDIT_ACTIONS)[number];

/** The whole catalogue at run time (for filters and tests). */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  ...(["offer", "demand"] as const).flatMap((kind) => LISTING_AUDIT_VERBS.map((verb) => `${kind}.${verb}` as const)),
  ...OTHER_AUDIT_ACTIONS,
];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
