import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { assertCan, assertEmailVerified, type Principal } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { line, text } from "@/lib/listings/schemas";
import { notify } from "@/lib/notifications/mutations";
import { workflowTransaction } from "@/lib/workflow/transition";

/**
 * Contacting an expert through the exchange (issue #12 item 1: the expert page's button was a dead
 * end). Experts' e-mail addresses and phone numbers are never public: the request goes to the
 * expert's own account when there is one, else to the members of the expert's organization, else to
 * the operator, who passes it on — in the app and by e-mail, with the sender's name, organization and
 * address so that the expert can answer. Audited (the message's SHA-256, not its text).
 */
export const ExpertContactSchema = z.object({
  topic: line(3, 200),
  message: text(10, 5_000),
});
export type ExpertContactInput = z.output<typeof ExpertContactSchema>;

/** At most this many requests to experts per person in 24 hours: a contact form, not a mailing tool. */
export const EXPERT_CONTACTS_PER_DAY = 10;

export async function contactExpert(
  ctx: AuditContext,
  user: Principal,
  slug: string,
  input: ExpertContactInput,
): Promise<{ recipients: number }> {
  assertCan(user, "expert:contact");
  assertEmailVerified(user);
  return workflowTransaction(async (tx) => {
    const expert = await tx.expert.findFirst({
      where: { slug, isPublic: true },
      select: { id: true, name: true, userId: true, organizationId: true },
    });
    if (!expert) throw new AppError("not_found");
    // Counted under the sender's row lock, so parallel requests cannot slip past the limit.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const [{ sent }] = (await tx.$queryRaw<{ sent: bigint }[]>`
      SELECT count(*) AS sent FROM audit_events
       WHERE actor_id = ${user.id}::uuid AND action = 'expert.contact' AND occurred_at > now() - interval '24 hours'`) as [
      { sent: bigint },
    ];
    if (Number(sent) >= EXPERT_CONTACTS_PER_DAY) throw new AppError("rate_limited");
    const sender = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { name: true, email: true, organization: { select: { name: true } } },
    });
    const params = {
      expert: expert.name,
      name: sender.name,
      organization: sender.organization?.name ?? "—",
      email: sender.email,
      topic: input.topic,
      message: input.message,
    };
    const to = expert.userId
      ? { userIds: [expert.userId] }
      : expert.organizationId
        ? { organizationId: expert.organizationId }
        : { roles: ["OPERATOR" as const] };
    let { recipients } = await notify(tx, { ...to, type: "expert.contact", params });
    // An organization without an active member yet: the operator passes the request on.
    if (recipients === 0) ({ recipients } = await notify(tx, { roles: ["OPERATOR"], type: "expert.contact", params }));
    await appendAudit(tx, ctx, {
      action: "expert.contact",
      entityType: "expert",
      entityId: expert.id,
      after: {
        topic: input.topic,
        sha256: createHash("sha256").update(input.message, "utf8").digest("hex"),
        recipients,
      },
    });
    return { recipients };
  });
}
