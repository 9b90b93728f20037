"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { acceptInvite } from "@/lib/organizations/membership";

/** The signed-in user accepts an invitation sent to their own, confirmed address. */
export const acceptInviteAction = formAction({
  name: "acceptInvite",
  namespace: "membership",
  form: { schema: z.object({ token: LinkTokenSchema }), hidden: ["token"] },
  permission: "membership:request",
  run: async ({ input, user, audit }) => {
    await acceptInvite(audit, user, input.token);
    revalidatePath("/[locale]/account", "layout");
    return { message: "accepted" };
  },
});
