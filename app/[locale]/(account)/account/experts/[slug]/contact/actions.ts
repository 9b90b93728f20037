"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions";
import { contactExpert, ExpertContactSchema } from "@/lib/experts/contact";

const ContactSchema = ExpertContactSchema.extend({
  slug: z.string({ error: "invalid_input" }).min(1, "invalid_input").max(160, "invalid_input"),
});

/** Sends a request for advice to an expert through the exchange (lib/experts/contact.ts). */
export const contactExpertAction = formAction({
  name: "contactExpert",
  namespace: "experts.contact",
  form: { schema: ContactSchema, hidden: ["slug"] },
  permission: "expert:contact",
  run: async ({ input: { slug, ...message }, user, audit }) => {
    await contactExpert(audit, user, slug, message);
    return { message: "sent" };
  },
});
