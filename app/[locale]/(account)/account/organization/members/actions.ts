"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/auth/schemas";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { formToObject } from "@/lib/forms";
import {
  decideMembershipRequest,
  inviteMember,
  removeMember,
  revokeInvite,
  transferAdmin,
} from "@/lib/organizations/membership";
import { IdSchema, InviteSchema, MembershipDecisionSchema } from "@/lib/organizations/schemas";

type Work = (user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>) => Promise<string>;

/** Signed-in check, one lib call, typed answer: expected failures never become a 500. */
async function run(work: Work): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "unauthenticated" };
  try {
    const message = await work(user);
    revalidatePath("/[locale]/account", "layout");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    throw error;
  }
}

export async function decideMembershipAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = MembershipDecisionSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return run(async (user) => {
    await decideMembershipRequest(await auditContext(user, "membership:manage-own"), user, parsed.data);
    return parsed.data.decision === "approve" ? "approved" : "rejected";
  });
}

export async function inviteMemberAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = InviteSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return run(async (user) => {
    await inviteMember(await auditContext(user, "membership:manage-own"), user, parsed.data);
    return "invited";
  });
}

export async function revokeInviteAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = IdSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "invalid_input" };
  return run(async (user) => {
    await revokeInvite(await auditContext(user, "membership:manage-own"), user, parsed.data.id);
    return "revoked";
  });
}

export async function removeMemberAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = IdSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "invalid_input" };
  return run(async (user) => {
    await removeMember(await auditContext(user, "membership:manage-own"), user, parsed.data.id);
    return parsed.data.id === user.id ? "left" : "removed";
  });
}

export async function transferAdminAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = IdSchema.safeParse(formToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "invalid_input" };
  return run(async (user) => {
    await transferAdmin(await auditContext(user, "membership:manage-own"), user, parsed.data.id);
    return "transferred";
  });
}
