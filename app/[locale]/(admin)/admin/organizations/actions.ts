"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { redirect } from "@/lib/i18n/navigation";
import { decideMembershipRequest } from "@/lib/organizations/membership";
import { decideLegalChange, decideVerification } from "@/lib/organizations/mutations";
import { MembershipDecisionSchema, VerificationDecisionSchema } from "@/lib/organizations/schemas";
import type { QueueNotice } from "./notices";

const DecisionSchema = VerificationDecisionSchema.refine((d) => d.decision !== "reject" || Boolean(d.reason), {
  path: ["reason"],
  message: "reason_required",
});

/** The operator decides a first verification, or a verified organization's change of legal fields. */
export const decideVerificationAction = formAction({
  name: "decideVerification",
  namespace: "moderation",
  form: { schema: DecisionSchema, hidden: ["id", "decision", "kind"] },
  permission: "organization:verify",
  errorFields: { reason_required: "reason" },
  run: async ({ input: { id, decision, reason, kind }, user, audit }) => {
    if (kind === "legal") await decideLegalChange(audit, user, { id, decision, note: reason });
    else await decideVerification(audit, user, id, decision, reason);
    revalidatePath("/[locale]/admin/organizations", "page");
    // Back to the queue with the answer above it: the decided card leaves the queue, and a message
    // drawn in it would vanish with it (as listing moderation does).
    const done: QueueNotice =
      kind === "legal"
        ? decision === "approve"
          ? "legalAccepted"
          : "legalDiscarded"
        : decision === "approve"
          ? "verified"
          : "verificationRejected";
    redirect({ href: `/admin/organizations?done=${done}`, locale: await getLocale() });
  },
});

/** The operator decides a request to join an organization that has no administrator. */
export const decideOrphanMembershipAction = formAction({
  name: "decideOrphanMembership",
  namespace: "membership",
  form: { schema: MembershipDecisionSchema, hidden: ["requestId", "decision"] },
  permission: "membership:decide-orphan",
  run: async ({ input, user, audit }) => {
    await decideMembershipRequest(audit, user, input);
    revalidatePath("/[locale]/admin/organizations", "page");
    const done: QueueNotice = input.decision === "approve" ? "joinApproved" : "joinRejected";
    redirect({ href: `/admin/organizations?done=${done}`, locale: await getLocale() });
  },
});
