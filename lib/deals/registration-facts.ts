import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countryOfLocation, registrationRequirement, type RegistrationReason } from "./registration";

type Reader = Pick<Prisma.TransactionClient, "organization" | "offer">;

/**
 * Whether a deal's contract must be registered (Law 07/2017 Art. 31), read from the facts the
 * rule needs: where each organization is, and whether the offer was paid by the State. The one
 * reading for the first save (which records it on the deal) and for the draft shown before it, so
 * the draft a party starts from already takes effect on registration when the law says so.
 */
export async function dealRegistrationRequirement(
  client: Reader,
  deal: { providerOrgId: string; seekerOrgId: string; offerId: string | null },
): Promise<{ mandatory: boolean; reason: RegistrationReason }> {
  const [provider, seeker, offer] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: deal.providerOrgId }, select: { location: true } }),
    client.organization.findUniqueOrThrow({ where: { id: deal.seekerOrgId }, select: { location: true } }),
    deal.offerId ? client.offer.findUnique({ where: { id: deal.offerId }, select: { stateFunded: true } }) : null,
  ]);
  return registrationRequirement({
    providerCountry: countryOfLocation(provider.location) ?? "VN",
    seekerCountry: countryOfLocation(seeker.location) ?? "VN",
    stateFunded: offer?.stateFunded ?? false,
  });
}
