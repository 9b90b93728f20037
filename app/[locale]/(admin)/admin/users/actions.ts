"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import {
  adminPasswordReset,
  deactivateUser,
  inviteStaff,
  InviteStaffSchema,
  reactivateUser,
  UpdateRolesSchema,
  updateUserRoles,
  UserTargetSchema,
} from "@/lib/accounts/staff";

const NAMESPACE = "adminTools.users";
const ROLE_FIELD = { roles_required: "roles", roles_mixed: "roles", oversight_roles_exclusive: "roles" } as const;
const refresh = () => revalidatePath("/[locale]/admin/users", "page");

/** The administrator invites a staff member by e-mail (issue #13 item 7). */
export const inviteStaffAction = formAction({
  name: "inviteStaff",
  namespace: NAMESPACE,
  form: { schema: InviteStaffSchema, arrays: ["roles"] },
  permission: "user:manage",
  errorFields: ROLE_FIELD,
  run: async ({ input, user, audit }) => {
    await inviteStaff(audit, user, input);
    refresh();
    return { message: "invited" };
  },
});

/** Replaces a user's roles. */
export const updateRolesAction = formAction({
  name: "updateUserRoles",
  namespace: NAMESPACE,
  form: { schema: UpdateRolesSchema, arrays: ["roles"], hidden: ["userId"] },
  permission: "user:manage",
  errorFields: ROLE_FIELD,
  run: async ({ input, user, audit }) => {
    await updateUserRoles(audit, user, input.userId, input.roles);
    refresh();
    return { message: "roles_saved" };
  },
});

/** Deactivates an account: no sign-in, every session ended. */
export const deactivateUserAction = formAction({
  name: "deactivateUser",
  namespace: NAMESPACE,
  form: { schema: UserTargetSchema, hidden: ["userId"] },
  permission: "user:manage",
  run: async ({ input, user, audit }) => {
    await deactivateUser(audit, user, input.userId, input.reason);
    refresh();
    return { message: "deactivated" };
  },
});

/** Lets a deactivated account sign in again. */
export const reactivateUserAction = formAction({
  name: "reactivateUser",
  namespace: NAMESPACE,
  form: { schema: UserTargetSchema, hidden: ["userId"] },
  permission: "user:manage",
  run: async ({ input, user, audit }) => {
    await reactivateUser(audit, user, input.userId, input.reason);
    refresh();
    return { message: "reactivated" };
  },
});

/** E-mails the user a password reset link (for an invitee: a new invitation link). */
export const resetPasswordAction = formAction({
  name: "adminPasswordReset",
  namespace: NAMESPACE,
  form: { schema: UserTargetSchema, hidden: ["userId"] },
  permission: "user:manage",
  run: async ({ input, user, audit }) => {
    await adminPasswordReset(audit, user, input.userId);
    return { message: "reset_sent" };
  },
});
