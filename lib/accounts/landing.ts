import { can, type Principal } from "@/lib/authz";

/**
 * Where a signed-in user is sent who opens the sign-in or registration page: back to the page that
 * asked them to sign in (`callback`, already checked by lib/auth/callback.ts safeCallbackPath), else
 * to the place their role works in — the workspace for the parties, the administration for staff
 * (the same rule as the /welcome page after sign-in).
 */
export function signedInLanding(user: Principal, callback: string | null): string {
  if (callback) return callback;
  return can(user, "admin:access") && !can(user, "workspace:access") ? "/admin" : "/account";
}
