import "server-only";
import { audited, type AuditEntry } from "@/lib/audit/mutations";
import type { RequestMeta } from "@/lib/audit/context";
import type { RegisterInput } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/auth/password";
import { issueUserToken, tokenHash } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/mutations";
import { recordSecurityEvent } from "@/lib/security/log";
import { slugify, slugSuffix } from "@/lib/slug";
import { currentConsent } from "@/lib/legal/documents";
import { queueAccountEmail } from "./email";
import { organizationAdminIds } from "./membership-notices";

/** What every sign-up answers, whether or not the address already had an account. */
export interface RegisterOutcome {
  status: "accepted";
}

const ACCEPTED: RegisterOutcome = { status: "accepted" };

// Sign-ups from one address are counted under this advisory lock, so parallel requests cannot all
// pass the check before any of them is recorded.
const SIGNUP_LOCK = 6_2026;

async function assertSignUpAllowed(tx: Tx, ip: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_LOCK}, hashtext(${ip ?? ""}))`;
  const since = new Date(Date.now() - 3_600_000);
  const recent = await tx.securityEvent.count({
    where: { kind: "sign_up", ip: ip?.slice(0, 64) ?? null, createdAt: { gte: since } },
  });
  if (recent >= env().SIGNUP_MAX_PER_IP_PER_HOUR) throw new AppError("rate_limited", "signup_rate_limited");
}

/** The verification e-mail for a new (or still unverified) account, in the caller's transaction. */
export async function sendVerificationEmail(tx: Tx, user: { id: string; email: string; name: string; locale: string }) {
  const token = await issueUserToken(tx, user.id, "VERIFY_EMAIL");
  await queueAccountEmail(tx, {
    to: user.email,
    name: user.name,
    locale: user.locale,
    type: "account.verify_email",
    params: {},
    link: `/verify-email?token=${token}`,
  });
}

/**
 * Creates an account in one audited transaction, answering the same whether or not the address is
 * taken (its owner is told by e-mail instead). The organization depends on `orgMode`:
 * - create: a new organization, with the registrant as its administrator;
 * - join: no organization yet, but a pending request its administrators decide;
 * - invite: the inviting organization at once (the invitation proved the address).
 * Throws AppError("rate_limited") past SIGNUP_MAX_PER_IP_PER_HOUR, ("validation",
 * "organization_not_found") for an unknown or state-agency organization, ("validation",
 * "invite_invalid") for an invitation that is not for this address or no longer valid.
 */
export async function registerUser(
  input: RegisterInput,
  request: RequestMeta,
  options: { locale?: "vi" | "en" } = {},
): Promise<RegisterOutcome> {
  const passwordHash = await hashPassword(input.password);
  const locale = options.locale ?? "vi";
  const now = new Date();
  const consent = currentConsent();
  try {
    return await audited({ actor: { id: null, role: "anonymous" }, request }, async (tx) => {
      await assertSignUpAllowed(tx, request.ip);
      const existing = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, name: true, locale: true },
      });
      if (existing) {
        await recordSecurityEvent(
          "sign_up",
          { userId: existing.id, email: input.email, ip: request.ip, detail: { existing: true } },
          tx,
        );
        await queueAccountEmail(tx, {
          to: input.email,
          name: existing.name,
          locale: existing.locale,
          type: "account.signup_existing",
          params: {},
          link: "/forgot-password",
        });
        return { result: ACCEPTED, audit: [] };
      }

      const audit: AuditEntry[] = [];
      let organizationId: string | null = null;
      let orgRole: "ADMIN" | "MEMBER" | null = null;
      let emailVerifiedAt: Date | null = null;
      let joinOrg: { id: string; name: string } | null = null;
      let inviteId: string | null = null;
      if (input.orgMode === "invite") {
        const invite = await tx.organizationInvite.findFirst({
          where: {
            tokenHash: tokenHash(input.inviteToken ?? ""),
            acceptedAt: null,
            revokedAt: null,
            expiresAt: { gt: now },
          },
          include: { organization: { select: { id: true, type: true } } },
        });
        if (!invite || invite.email !== input.email || invite.organization.type === "STATE_AGENCY")
          throw new AppError("validation", "invite_invalid");
        const { count } = await tx.organizationInvite.updateMany({
          where: { id: invite.id, acceptedAt: null },
          data: { acceptedAt: now },
        });
        if (count !== 1) throw new AppError("validation", "invite_invalid");
        ({ organizationId } = invite);
        orgRole = "MEMBER";
        // Following the e-mailed link proved the address.
        emailVerifiedAt = now;
        inviteId = invite.id;
      } else if (input.orgMode === "join") {
        const org = await tx.organization.findUnique({
          where: { id: input.organizationId! },
          select: { id: true, name: true, type: true },
        });
        if (!org || org.type === "STATE_AGENCY") throw new AppError("validation", "organization_not_found");
        joinOrg = org;
      } else {
        const org = await tx.organization.create({
          data: {
            name: input.organizationName!,
            type: input.organizationType!,
            slug: `${slugify(input.organizationName!)}-${slugSuffix()}`,
          },
        });
        organizationId = org.id;
        orgRole = "ADMIN";
        audit.push({
          action: "organization.create",
          entityType: "organization",
          entityId: org.id,
          after: { name: org.name, type: org.type, slug: org.slug },
        });
      }

      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          roles: [input.role],
          organizationId,
          orgRole,
          emailVerifiedAt,
          locale,
          // The registration form's consent box: which versions of the terms and the personal data
          // notice were accepted, and when (issue #15 item 2).
          termsVersion: consent.terms,
          privacyVersion: consent.privacy,
          consentedAt: now,
        },
      });
      audit.push({
        action: "user.register",
        entityType: "user",
        entityId: user.id,
        after: {
          email: user.email,
          name: user.name,
          roles: user.roles,
          organizationId,
          orgRole,
          emailVerified: emailVerifiedAt !== null,
          consent,
        },
      });
      if (inviteId) {
        audit.push({
          action: "membership.accept_invite",
          entityType: "organization_invite",
          entityId: inviteId,
          after: { userId: user.id, organizationId, orgRole },
        });
        const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId! }, select: { name: true } });
        await notify(tx, {
          userIds: await organizationAdminIds(tx, organizationId!),
          type: "membership.joined",
          params: { name: user.name, organization: org.name },
          link: "/account/organization/members",
        });
      }
      if (joinOrg) {
        const req = await tx.membershipRequest.create({
          data: { organizationId: joinOrg.id, userId: user.id, message: input.joinMessage || null },
        });
        // Nobody is told yet: the administrators hear of it once the address is confirmed (verifyEmail).
        audit.push({
          action: "membership.request",
          entityType: "membership_request",
          entityId: req.id,
          after: { organizationId: joinOrg.id, userId: user.id, status: "PENDING" },
        });
      }
      if (!emailVerifiedAt) await sendVerificationEmail(tx, user);
      await recordSecurityEvent(
        "sign_up",
        { userId: user.id, email: user.email, ip: request.ip, detail: { orgMode: input.orgMode } },
        tx,
      );
      return { result: ACCEPTED, audit };
    });
  } catch (error) {
    // Two sign-ups racing for the same address: the unique index decides; both hear the same answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return ACCEPTED;
    if (error instanceof AppError && error.code === "rate_limited") {
      await recordSecurityEvent("sign_up.rate_limited", { email: input.email, ip: request.ip });
    }
    throw error;
  }
}
