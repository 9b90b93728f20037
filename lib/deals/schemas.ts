import { z } from "zod";
import { line, optionalLine, optionalText, text, vnd } from "@/lib/listings/schemas";

/**
 * What the parties and officers type in a deal, besides the contract (./contract.ts). Messages are
 * keys under `validation.`; texts go through the one sanitizer (lib/text.ts). Client-safe.
 */

/** A reason the other party reads: required to decline an EOI or terminate (REASON_REQUIRED), ≤ 2,000 characters. */
export const DealReasonSchema = text(1, 2_000);
/** A reason that may be left out: cancelling or withdrawing before signing. */
export const OptionalDealReasonSchema = optionalText(2_000);

/**
 * A message in the deal's thread. 10,000 characters is several pages; longer material is a
 * document. A 1 MB message is refused by this rule before anything is written.
 */
export const MessageBodySchema = text(1, 10_000);

/** An expression of interest (issue #12): a message, the intended use, optionally a budget and a timeline. */
export const ExpressionOfInterestSchema = z.object({
  message: MessageBodySchema,
  intendedUse: text(1, 2_000),
  budget: vnd,
  timeline: optionalLine(200),
});
export type ExpressionOfInterestInput = z.output<typeof ExpressionOfInterestSchema>;

/**
 * A registration certificate number as the Department writes it (e.g. "123/GCN-SKHCN"): one line
 * of letters, digits and / . - spaces. The column is unique: the same number certifies one contract.
 */
export const CertificateNumberSchema = line(1, 60).refine(
  (v) => /^[\p{L}\p{N}][\p{L}\p{N}/.\- ]*$/u.test(v),
  "certificate_number_invalid",
);

/** An officer's decision on a filed registration (REGISTRATION_MACHINE's officer events). */
export const RegistrationDecisionSchema = z.discriminatedUnion("event", [
  /** Which papers are missing: the party reads it. */
  z.object({ event: z.literal("request_papers"), note: text(1, 2_000) }),
  z.object({ event: z.literal("certify"), certificateNumber: CertificateNumberSchema }),
  z.object({ event: z.literal("refuse"), reason: DealReasonSchema }),
]);
export type RegistrationDecision = z.output<typeof RegistrationDecisionSchema>;

/** A rating after completion (DOMAIN §5): 1–5 stars and an optional comment. */
export const RatingSchema = z.object({
  stars: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: "choose_one" }).int("choose_one").min(1, "choose_one").max(5, "choose_one"),
  ),
  comment: optionalText(2_000),
});

/** The text of a non-disclosure agreement a party proposes (the other side accepts it as written). */
export const NdaTextSchema = text(20, 20_000);
