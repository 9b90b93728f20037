import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { clientIp, type AuditContext } from "@/lib/audit/context";
import { actingRole, can, type Action } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { redirect } from "@/lib/i18n/navigation";
import { authOptions } from "./options";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  orgRole: "ADMIN" | "MEMBER" | null;
  emailVerified: boolean;
  organization: { id: string; name: string; slug: string; verificationStatus: string } | null;
}

/**
 * The signed-in user, re-read from the database on each request: a disabled account or a changed
 * role takes effect at once, even though the session token itself is stateless.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      status: true,
      organizationId: true,
      orgRole: true,
      emailVerifiedAt: true,
      organization: { select: { id: true, name: true, slug: true, verificationStatus: true } },
    },
  });
  if (!user || user.status !== "ACTIVE") return null;
  const { emailVerifiedAt, status: _status, ...rest } = user;
  return { ...rest, emailVerified: emailVerifiedAt !== null, organization: user.organization };
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/login", locale: await getLocale() });
  return user;
}

/**
 * For pages: the user when one of their roles grants `action`; otherwise a 404 (or sign-in).
 * Only the role is checked here: organization scope is enforced by the queries, row by row.
 */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) notFound();
  return user;
}

/** Request id and client IP of the current request (set by proxy.ts / the load balancer). */
export async function requestMeta() {
  const h = await headers();
  return { requestId: h.get("x-request-id"), ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")) };
}

/** The audit context for the current user acting under `action`. */
export async function auditContext(user: CurrentUser | null, action?: Action): Promise<AuditContext> {
  return {
    actor: user ? { id: user.id, role: actingRole(user, action) } : { id: null, role: "anonymous" },
    request: await requestMeta(),
  };
}
