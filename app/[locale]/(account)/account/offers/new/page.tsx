import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { createListingAction } from "@/app/[locale]/(account)/account/listing-actions";
import { OfferForm } from "@/components/listings/offer-form";
import { requirePermission } from "@/lib/auth/session";
import { locationOptions, sectorOptions } from "@/lib/listings/form-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("newOffer") };
}

export default async function NewOfferPage({ params }: PageProps<"/[locale]/account/offers/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePermission("offer:create");
  const t = await getTranslations("workspace");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("newOffer")}</h1>
      <p className="text-muted">{t("newListingLead")}</p>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <OfferForm
          action={createListingAction.bind(null, "offer")}
          sectors={await sectorOptions(locale)}
          locations={locationOptions(locale)}
          submitLabel={t("saveDraft")}
        />
      </div>
    </div>
  );
}
