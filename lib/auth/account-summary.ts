import "server-only";
import { can } from "@/lib/authz";
import { unreadCount } from "@/lib/notifications/queries";
import type { AccountArea, AccountSummary } from "./account-area";
import { getCurrentUser } from "./session";

/** The current request's user as the header shows them (nothing else of the account leaves), or null when signed out. */
export async function accountSummary(): Promise<AccountSummary | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const areas: AccountArea[] = [];
  if (can(user, "workspace:access")) areas.push("workspace");
  if (can(user, "admin:access")) areas.push("admin");
  return { name: user.name, roles: user.roles, areas, unread: await unreadCount(user.id) };
}
