"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { deleteTarget, setTarget, TargetInputSchema } from "@/lib/kpi/targets";
import { FlagAnswerSchema, FlagInputSchema, raiseFlag, takeFlagStep } from "@/lib/oversight/flags";

/** An officer sets the target of one indicator for one period (issue #13 item 3). */
export const setTargetAction = formAction({
  name: "setTarget",
  namespace: "oversight",
  form: { schema: TargetInputSchema, hidden: ["metric", "period"] },
  permission: "kpi:manage",
  errorFields: { target_percent: "target", target_number: "target", target_not_negative: "target" },
  run: async ({ input, user, audit }) => {
    await setTarget(audit, user, input);
    revalidatePath("/[locale]/admin", "layout");
    return { message: "saved" };
  },
});

/** An officer removes a target. */
export const deleteTargetAction = formAction({
  name: "deleteTarget",
  namespace: "oversight",
  args: [z.uuid({ error: "not_found" })],
  form: { schema: z.object({}) },
  permission: "kpi:manage",
  run: async ({ args: [id], user, audit }) => {
    await deleteTarget(audit, user, id);
    revalidatePath("/[locale]/admin", "layout");
    return { message: "removed" };
  },
});

/** An officer flags a listing, deal or organization for the operator's review (issue #13 item 4). */
export const raiseFlagAction = formAction({
  name: "raiseFlag",
  namespace: "oversight",
  form: { schema: FlagInputSchema, hidden: ["entityType", "entityId"] },
  permission: "flag:raise",
  run: async ({ input, user, audit }) => {
    await raiseFlag(audit, user, input);
    revalidatePath("/[locale]/admin", "layout");
    return { message: "raised" };
  },
});

const version = z.coerce.number({ error: "invalid_input" }).int().min(1);

/** The operator answers a flag. */
export const answerFlagAction = formAction({
  name: "answerFlag",
  namespace: "oversight",
  args: [z.uuid({ error: "not_found" }), version],
  form: { schema: FlagAnswerSchema },
  permission: "flag:answer",
  run: async ({ input, args: [id, v], user, audit }) => {
    await takeFlagStep(audit, user, id, v, { event: "answer", answer: input.answer });
    revalidatePath("/[locale]/admin", "layout");
    return { message: "answered" };
  },
});

/** The officer closes a flag or sends it back to the operator. */
export const flagStepAction = formAction({
  name: "flagStep",
  namespace: "oversight",
  args: [z.uuid({ error: "not_found" }), version, z.enum(["close", "reopen"])],
  form: { schema: z.object({}) },
  permission: "flag:raise",
  run: async ({ args: [id, v, event], user, audit }) => {
    await takeFlagStep(audit, user, id, v, { event });
    revalidatePath("/[locale]/admin", "layout");
    return { message: event === "close" ? "closed" : "reopened" };
  },
});
