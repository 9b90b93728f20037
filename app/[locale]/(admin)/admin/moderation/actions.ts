"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { ModerationReasonSchema } from "@/lib/listings/schemas";
import { moderateListing } from "@/lib/listings/mutations";

const DecisionSchema = z
  .object({
    kind: z.enum(["offer", "demand"], { error: "invalid_input" }),
    id: z.uuid({ error: "invalid_input" }),
    decision: z.enum(["approve", "reject"], { error: "invalid_input" }),
    reason: ModerationReasonSchema,
  })
  .refine((d) => d.decision !== "reject" || Boolean(d.reason), { path: ["reason"], message: "reason_required" });

/** Operator (or, for restricted listings, officer) approves or rejects with a reason the owner sees. */
export const decideListingAction = formAction({
  name: "decideListing",
  namespace: "moderation",
  form: { schema: DecisionSchema, hidden: ["kind", "id", "decision"] },
  // lib/listings decides which of the two the listing needs; an officer acts under their own role.
  permission: ["listing:moderate", "listing:decide-restricted"],
  errorFields: { reason_required: "reason" },
  run: async ({ input: { kind, id, decision, reason }, user, audit }) => {
    const result = await moderateListing(audit, user, kind, id, decision, reason);
    // The lists changed since submission: the new screening is stored, the page shows it.
    if (result.refused) {
      revalidatePath("/[locale]/admin/moderation", "layout");
      throw new AppError("invalid_state", result.refused);
    }
    revalidatePath("/[locale]/admin/moderation", "page");
    // Back to the queue, oldest first, so the moderator carries on with the next item.
    redirect({
      href: `/admin/moderation?done=${decision === "approve" ? "approved" : "rejected"}`,
      locale: await getLocale(),
    });
  },
});
