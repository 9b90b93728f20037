import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What the header shows of the signed-in user (GET /api/me, lib/auth/account-summary.ts).
 * Client-safe: types only.
 */

/** Where the header links a signed-in user: the workspace and/or the administration. */
export type AccountArea = "workspace" | "admin";

export interface AccountSummary {
  name: string;
  roles: Role[];
  areas: AccountArea[];
  unread: number;
}
