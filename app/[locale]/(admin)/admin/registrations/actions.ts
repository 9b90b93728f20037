"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { decideRegistration } from "@/lib/deals/registrations";
import { RegistrationDecisionSchema } from "@/lib/deals/schemas";

/** An officer's decision on a filed registration (bound to its id by the queue page). */
export const decideRegistrationAction = formAction({
  name: "decideRegistration",
  namespace: "deals.registration",
  args: [z.uuid({ error: "invalid_input" })],
  form: { schema: RegistrationDecisionSchema, hidden: ["event"] },
  permission: "registration:decide",
  errorFields: { certificate_taken: "certificateNumber" },
  run: async ({ input, args: [id], user, audit }) => {
    await decideRegistration(audit, user, id, input);
    revalidatePath("/[locale]/admin/registrations", "page");
    return { message: input.event };
  },
});
