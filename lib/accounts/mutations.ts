import "server-only";
import { audited } from "@/lib/audit/mutations";
import type { RequestMeta } from "@/lib/audit/context";
import type { RegisterInput } from "@/lib/auth/schemas";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugify, slugSuffix } from "@/lib/slug";

/**
 * Creates an account (and, when asked, its organization) in one audited transaction.
 * Throws AppError("conflict", "email_taken") or AppError("validation", "organization_not_found").
 */
export async function registerUser(input: RegisterInput, request: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await audited({ actor: { id: null, role: "anonymous" }, request }, async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new AppError("conflict", "email_taken");
      }
      const audit = [];
      let organizationId: string;
      if (input.orgMode === "join") {
        const org = await tx.organization.findUnique({ where: { id: input.organizationId! }, select: { id: true } });
        if (!org) throw new AppError("validation", "organization_not_found");
        organizationId = org.id;
      } else {
        const org = await tx.organization.create({
          data: {
            name: input.organizationName!,
            type: input.organizationType!,
            slug: `${slugify(input.organizationName!)}-${slugSuffix()}`,
          },
        });
        organizationId = org.id;
        audit.push({
          action: "organization.create",
          entityType: "organization",
          entityId: org.id,
          after: { name: org.name, type: org.type, slug: org.slug },
        });
      }
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, roles: [input.role], organizationId },
      });
      audit.push({
        action: "user.register",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, name: user.name, roles: user.roles, organizationId },
      });
      return { result: { id: user.id, email: user.email }, audit };
    });
  } catch (error) {
    // Two sign-ups racing for the same email: the unique index decides, the user sees one message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "email_taken");
    }
    throw error;
  }
}
