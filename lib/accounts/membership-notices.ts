import "server-only";
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/mutations";

/**
 * Who hears about membership: an organization's active administrators, or the operators when it
 * has none. Here, below lib/organizations, because sign-up and e-mail confirmation (this module)
 * tell them too; lib/organizations builds on accounts, never the reverse.
 */

/** Active administrators of an organization (recipients of its membership notifications). */
export async function organizationAdminIds(tx: Tx, organizationId: string): Promise<string[]> {
  const admins = await tx.user.findMany({
    where: { organizationId, orgRole: "ADMIN", status: "ACTIVE" },
    select: { id: true },
  });
  return admins.map((a) => a.id);
}

/**
 * Tells the organization's administrators about a join request, or the operators when it has none.
 * Only for requesters whose address is confirmed: a made-up address must not reach anyone.
 */
export async function notifyMembershipRequested(tx: Tx, org: { id: string; name: string }, requesterName: string) {
  const admins = await organizationAdminIds(tx, org.id);
  const params = { name: requesterName, organization: org.name };
  if (admins.length > 0)
    await notify(tx, {
      userIds: admins,
      type: "membership.requested",
      params,
      link: "/account/organization/members",
    });
  else await notify(tx, { roles: ["OPERATOR"], type: "membership.requested", params, link: "/admin/organizations" });
}
