"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import {
  decideMembershipRequest,
  inviteMember,
  removeMember,
  revokeInvite,
  transferAdmin,
} from "@/lib/organizations/membership";
import { IdSchema, InviteSchema, MembershipDecisionSchema } from "@/lib/organizations/schemas";

// Every action here: the organization's administrator (lib/organizations/membership.ts checks the
// standing), words from `membership`, and the whole workspace refreshed (counts, member lists).
const common = { namespace: "membership", permission: "membership:manage-own" } as const;
const member = { schema: IdSchema, hidden: ["id"] } as const;
const revalidate = () => revalidatePath("/[locale]/account", "layout");

export const decideMembershipAction = formAction({
  ...common,
  name: "decideMembership",
  form: { schema: MembershipDecisionSchema, hidden: ["requestId", "decision"] },
  run: async ({ input, user, audit }) => {
    await decideMembershipRequest(audit, user, input);
    revalidate();
    return { message: input.decision === "approve" ? "approved" : "rejected" };
  },
});

export const inviteMemberAction = formAction({
  ...common,
  name: "inviteMember",
  form: { schema: InviteSchema },
  run: async ({ input, user, audit }) => {
    await inviteMember(audit, user, input);
    revalidate();
    return { message: "invited" };
  },
});

export const revokeInviteAction = formAction({
  ...common,
  name: "revokeInvite",
  form: member,
  run: async ({ input, user, audit }) => {
    await revokeInvite(audit, user, input.id);
    revalidate();
    return { message: "revoked" };
  },
});

export const removeMemberAction = formAction({
  ...common,
  name: "removeMember",
  form: member,
  run: async ({ input, user, audit }) => {
    await removeMember(audit, user, input.id);
    revalidate();
    return { message: input.id === user.id ? "left" : "removed" };
  },
});

export const transferAdminAction = formAction({
  ...common,
  name: "transferAdmin",
  form: member,
  run: async ({ input, user, audit }) => {
    await transferAdmin(audit, user, input.id);
    revalidate();
    return { message: "transferred" };
  },
});
