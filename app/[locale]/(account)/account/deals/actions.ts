"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { ContractContentSchema } from "@/lib/deals/contract";
import { contractFormToContent } from "@/lib/deals/contract-form";
import { confirmContract, saveContract } from "@/lib/deals/contracts";
import { postDealMessage, startDeal, takeDealStep } from "@/lib/deals/mutations";
import { inviteParticipant, removeParticipant } from "@/lib/deals/participants";
import { markMilestone, rateDeal } from "@/lib/deals/performance";
import {
  addRegistrationPapers,
  fileRegistration,
  PapersSchema,
  RegistrationDossierSchema,
} from "@/lib/deals/registrations";
import {
  DealReasonSchema,
  ExpressionOfInterestSchema,
  MessageBodySchema,
  NdaTextSchema,
  OptionalDealReasonSchema,
  RatingSchema,
} from "@/lib/deals/schemas";
import { redirect } from "@/lib/i18n/navigation";

const id = z.uuid({ error: "invalid_input" });
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
const reference = z.string({ error: "invalid_input" }).min(1, "invalid_input").max(40, "invalid_input");

const StartDealSchema = ExpressionOfInterestSchema.extend({
  kind: z.enum(["interest", "proposal"], { error: "invalid_input" }),
  // A proposal's offer is chosen in the form (a field); an interest's is fixed (hidden).
  offerId: z.uuid({ error: "choose_one" }),
  demandId: optionalId,
  matchId: optionalId,
});

/**
 * Sends an expression of interest (a seeker, about an offer) or a proposal (a provider, one of its
 * offers for a demand) and opens the deal — the existing one when the pair already has an open deal
 * about this listing.
 */
export const startDealAction = formAction({
  name: "startDeal",
  namespace: "deals",
  form: { schema: StartDealSchema, hidden: ["kind", "demandId", "matchId"] },
  permission: ["deal:express-interest", "deal:propose"],
  errorFields: { offer_not_found: "offerId" },
  run: async ({ input, user, audit }) => {
    const result = await startDeal(audit, user, input);
    revalidatePath("/[locale]/account/deals", "layout");
    redirect({
      href: { pathname: `/account/deals/${result.reference}`, query: { [result.existing ? "existing" : "sent"]: "1" } },
      locale: await getLocale(),
    });
  },
});

const StepSchema = z.discriminatedUnion(
  "event",
  [
    z.object({ reference, event: z.literal("accept") }),
    z.object({ reference, event: z.literal("start_performance") }),
    z.object({ reference, event: z.literal("complete") }),
    z.object({ reference, event: z.literal("terminate"), reason: DealReasonSchema }),
    z.object({ reference, event: z.literal("withdraw") }),
    z.object({ reference, event: z.literal("decline"), reason: DealReasonSchema }),
    z.object({ reference, event: z.literal("cancel"), reason: OptionalDealReasonSchema }),
    z.object({ reference, event: z.literal("require_nda"), text: NdaTextSchema }),
    z.object({
      reference,
      event: z.literal("accept_nda"),
      sha256: z.string({ error: "invalid_input" }).regex(/^[0-9a-f]{64}$/, "invalid_input"),
    }),
  ],
  { error: "invalid_input" },
);

/** A party's step on its deal: answer, withdraw, cancel, require or accept an NDA. */
export const dealStepAction = formAction({
  name: "dealStep",
  namespace: "deals",
  form: { schema: StepSchema, hidden: ["reference", "event", "sha256"] },
  permission: "deal:act",
  run: async ({ input, user, audit }) => {
    const { reference: ref, ...step } = input;
    await takeDealStep(audit, user, ref, step);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: input.event };
  },
});

const MessageSchema = z.object({ reference, body: MessageBodySchema });

/** A message in the deal's thread (parties and invited intermediaries). */
export const postMessageAction = formAction({
  name: "postDealMessage",
  namespace: "deals",
  form: { schema: MessageSchema, hidden: ["reference"] },
  permission: "workspace:access",
  run: async ({ input, user, audit }) => {
    await postDealMessage(audit, user, input.reference, input.body);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "message_sent" };
  },
});

const BasedOnSchema = z.number({ error: "invalid_input" }).int().min(0).max(10_000);

/**
 * Saves the contract form as a new version. Bound by the page to the deal's reference and to the
 * version the form was filled from (0 for the first draft), so a save over someone else's newer
 * version is refused rather than silently replacing it.
 */
export const saveContractAction = formAction({
  name: "saveContract",
  namespace: "deals",
  args: [reference, BasedOnSchema],
  form: {
    schema: z.preprocess((v) => contractFormToContent(v as Record<string, unknown>), ContractContentSchema),
    arrays: ["transferObjects", "transferMethods"],
  },
  permission: "deal:act",
  run: async ({ input, args: [ref, basedOn], user, audit }) => {
    const saved = await saveContract(audit, user, ref, input, basedOn === 0 ? null : basedOn);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "saved", data: saved };
  },
});

const ConfirmSchema = z.object({
  versionNo: z.coerce.number({ error: "invalid_input" }).int().min(1),
  sha256: z.string({ error: "invalid_input" }).regex(/^[0-9a-f]{64}$/, "invalid_input"),
});

/** Confirms the version the party was shown (its number and SHA-256); the second confirmation signs. */
export const confirmContractAction = formAction({
  name: "confirmContract",
  namespace: "deals",
  args: [reference],
  form: { schema: ConfirmSchema, hidden: ["versionNo", "sha256"] },
  permission: "deal:act",
  run: async ({ input, args: [ref], user, audit }) => {
    const { signed } = await confirmContract(audit, user, ref, input);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: signed ? "signed" : "confirmed" };
  },
});

const ExpressSchema = z.object({
  offerId: z.uuid({ error: "invalid_input" }),
  intendedUse: ExpressionOfInterestSchema.shape.intendedUse,
  message: OptionalDealReasonSchema,
});

/** A seeker takes an offer's express licence at its fixed price on the standard terms shown. */
export const takeExpressLicenceAction = formAction({
  name: "takeExpressLicence",
  namespace: "deals",
  form: { schema: ExpressSchema, hidden: ["offerId"] },
  permission: "deal:express-interest",
  run: async ({ input, user, audit }) => {
    const t = await getTranslations({ locale: await getLocale(), namespace: "deals.express" });
    const result = await startDeal(audit, user, {
      kind: "express",
      offerId: input.offerId,
      intendedUse: input.intendedUse,
      message: input.message ?? t("defaultMessage"),
    });
    revalidatePath("/[locale]/account/deals", "layout");
    redirect({
      href: { pathname: `/account/deals/${result.reference}`, query: { [result.existing ? "existing" : "sent"]: "1" } },
      locale: await getLocale(),
    });
  },
});

/** A party files the registration of its signed contract (Art. 31). */
export const fileRegistrationAction = formAction({
  name: "fileRegistration",
  namespace: "deals",
  args: [reference],
  form: { schema: RegistrationDossierSchema },
  permission: "deal:act",
  run: async ({ input, args: [ref], user, audit }) => {
    await fileRegistration(audit, user, ref, input);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "filed" };
  },
});

/** A party adds the papers the Department asked for. */
export const addPapersAction = formAction({
  name: "addRegistrationPapers",
  namespace: "deals",
  args: [reference],
  form: { schema: PapersSchema },
  permission: "deal:act",
  run: async ({ input, args: [ref], user, audit }) => {
    await addRegistrationPapers(audit, user, ref, input.note);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "papers_added" };
  },
});

const MilestoneSchema = z.object({
  milestoneId: z.uuid({ error: "invalid_input" }),
  step: z.enum(["done", "confirm"], { error: "invalid_input" }),
});

/** The responsible party marks a milestone done; the other party confirms it. */
export const markMilestoneAction = formAction({
  name: "markMilestone",
  namespace: "deals",
  args: [reference],
  form: { schema: MilestoneSchema, hidden: ["milestoneId", "step"] },
  permission: "deal:act",
  run: async ({ input, args: [ref], user, audit }) => {
    await markMilestone(audit, user, ref, input.milestoneId, input.step);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: input.step };
  },
});

/** After completion, a party rates the other (1–5 stars and a comment). */
export const rateDealAction = formAction({
  name: "rateDeal",
  namespace: "deals",
  args: [reference],
  form: { schema: RatingSchema },
  permission: "deal:act",
  run: async ({ input, args: [ref], user, audit }) => {
    await rateDeal(audit, user, ref, input);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "rated" };
  },
});

const ParticipantSchema = z.object({ organizationId: z.uuid({ error: "choose_one" }) });

/** A party invites an intermediary organization (valuer, broker, consultant) into the deal. */
export const inviteParticipantAction = formAction({
  name: "inviteParticipant",
  namespace: "deals",
  args: [reference],
  form: { schema: ParticipantSchema },
  permission: "deal:act",
  errorFields: { not_an_intermediary: "organizationId", already_invited: "organizationId" },
  run: async ({ input, args: [ref], user, audit }) => {
    await inviteParticipant(audit, user, ref, input.organizationId);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "participant_invited" };
  },
});

/** A party removes an invited organization from the deal. */
export const removeParticipantAction = formAction({
  name: "removeParticipant",
  namespace: "deals",
  args: [reference, id],
  form: { schema: z.object({}) },
  permission: "deal:act",
  run: async ({ args: [ref, organizationId], user, audit }) => {
    await removeParticipant(audit, user, ref, organizationId);
    revalidatePath("/[locale]/account/deals", "layout");
    return { message: "participant_removed" };
  },
});
