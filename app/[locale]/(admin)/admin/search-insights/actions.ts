"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { dismissMiss } from "@/lib/search/misses";
import { DismissMissSchema } from "@/lib/search/thesaurus-schemas";

/** "Đã xử lý": the operator or an officer closes a zero-result search that needs no synonym. */
export const dismissMissAction = formAction({
  name: "dismissMiss",
  namespace: "searchInsights.insights",
  form: { schema: DismissMissSchema, hidden: ["query"] },
  permission: "search:insights",
  run: async ({ input, user, audit }) => {
    await dismissMiss(audit, user, input.query);
    revalidatePath("/[locale]/admin/search-insights", "page");
    return { message: "dismissed" };
  },
});
