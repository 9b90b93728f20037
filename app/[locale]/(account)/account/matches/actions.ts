"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { setMatchState } from "@/lib/matching/mutations";

// SEEN is set by the system, never from this page; SUGGESTED is "restore" after a dismissal.
// ACTED_ON is never posted here: acting on a match is starting a deal from it (lib/deals/mutations.ts).
const MatchStateSchema = z.object({
  id: z.uuid({ error: "invalid_input" }),
  state: z.enum(["DISMISSED", "SUGGESTED"], { error: "invalid_input" }),
});

/** An owner dismisses or restores a match for their own side (form fields `id`, `state`). */
export const setMatchStateAction = formAction({
  name: "setMatchState",
  namespace: "matching.account",
  form: { schema: MatchStateSchema, hidden: ["id", "state"] },
  permission: "workspace:access",
  run: async ({ input: { id, state }, user, audit }) => {
    // setMatchState scopes to the user's organization's side and checks the listing permission.
    await setMatchState(audit, user, id, state);
    revalidatePath("/[locale]/account/matches", "page");
    return { message: state };
  },
});
