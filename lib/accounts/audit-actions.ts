import type { AuditAction } from "@/lib/audit/actions";

/** The audit actions of the account settings and the saved searches (issue #15 item 1), by use. */
export const ACCOUNT_AUDIT = {
  updateName: "user.update_name",
  changePassword: "user.change_password",
  updateEmailPreferences: "user.update_email_preferences",
  saveSearch: "search.save",
  deleteSavedSearch: "search.delete_saved",
  sendSearchAlert: "search.send_alert",
} as const satisfies Record<string, AuditAction>;
