"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { can } from "@/lib/authz";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { isFormData } from "@/lib/forms";
import { setMatchState } from "@/lib/matching/mutations";

// SEEN is set by the system, never from this page; SUGGESTED is "restore" after a dismissal.
const MatchStateSchema = z.object({
  id: z.uuid(),
  state: z.enum(["DISMISSED", "ACTED_ON", "SUGGESTED"]),
});

/** An owner dismisses, marks interest in, or restores a match for their own side (form fields `id`, `state`). */
export async function setMatchStateAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("matching.account");
  const parsed = MatchStateSchema.safeParse(
    isFormData(formData) ? { id: formData.get("id"), state: formData.get("state") } : null,
  );
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: t("errors.invalid") };
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: t("errors.unauthenticated") };
  if (!can(user, "workspace:access")) return { ok: false, fieldErrors: {}, formError: t("errors.forbidden") };
  const { id, state } = parsed.data;
  try {
    // setMatchState scopes to the user's organization's side and checks the listing permission.
    await setMatchState(await auditContext(user, "workspace:access"), user, id, state);
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        fieldErrors: {},
        formError: t.has(`errors.${error.code}`) ? t(`errors.${error.code}`) : t("errors.other"),
      };
    }
    throw error;
  }
  revalidatePath("/[locale]/account/matches", "page");
  return { ok: true, message: t(`done.${state}`) };
}
