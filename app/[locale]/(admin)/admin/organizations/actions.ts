"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { decideMembershipRequest } from "@/lib/organizations/membership";
import { decideLegalChange, decideVerification } from "@/lib/organizations/mutations";
import { MembershipDecisionSchema, VerificationDecisionSchema } from "@/lib/organizations/schemas";

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
    return { message: decision === "approve" ? "verified" : "rejected" };
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
    return { message: input.decision === "approve" ? "approved" : "rejected" };
  },
});
