"use server";

import { revalidatePath } from "next/cache";
import { formAction, callAction } from "@/lib/actions";
import { cancelMembershipRequest, requestMembership } from "@/lib/organizations/membership";
import { requestVerification, updateOwnOrganization } from "@/lib/organizations/mutations";
import { IdSchema, MembershipRequestSchema, OrganizationProfileSchema } from "@/lib/organizations/schemas";

const revalidate = () => revalidatePath("/[locale]/account/organization", "page");

/** Saves the organization's profile; a change of its legal fields may need the operator again. */
export const updateOrganizationAction = formAction({
  name: "updateOrganization",
  namespace: "workspace",
  form: { schema: OrganizationProfileSchema },
  permission: "organization:manage-own",
  run: async ({ input, user, audit }) => {
    const result = await updateOwnOrganization(audit, user, input);
    revalidate();
    if (result.legalPending) return { message: "org_saved_legal_pending" };
    return { message: result.reviewReset ? "org_saved_review_reset" : "saved" };
  },
});

/** The organization's administrator asks the operator to verify it. */
export const requestVerificationAction = callAction({
  name: "requestVerification",
  namespace: "workspace",
  permission: "organization:manage-own",
  run: async ({ user, audit }) => {
    await requestVerification(audit, user);
    revalidate();
    return { message: "verification_requested" };
  },
});

/** A signed-in user without an organization asks to join one found by name. */
export const requestMembershipAction = formAction({
  name: "requestMembership",
  namespace: "membership",
  form: { schema: MembershipRequestSchema },
  permission: "membership:request",
  run: async ({ input, user, audit }) => {
    await requestMembership(audit, user, input);
    revalidate();
    return { message: "requested" };
  },
});

/** The requester withdraws their pending request. */
export const cancelMembershipRequestAction = formAction({
  name: "cancelMembershipRequest",
  namespace: "membership",
  form: { schema: IdSchema, hidden: ["id"] },
  permission: "membership:request",
  run: async ({ input, user, audit }) => {
    await cancelMembershipRequest(audit, user, input.id);
    revalidate();
    return { message: "cancelled" };
  },
});
