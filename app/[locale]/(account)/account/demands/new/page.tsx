import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { createListingAction } from "@/app/[locale]/(account)/account/listing-actions";
import { DemandForm } from "@/components/listings/demand-form";
import { requirePermission } from "@/lib/auth/session";
import { locationOptions, sectorOptions } from "@/lib/listings/form-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("newDemand") };
}

export default async function NewDemandPage({ params }: PageProps<"/[locale]/account/demands/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePermission("demand:create");
  const t = await getTranslations("workspace");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("newDemand")}</h1>
      <p className="text-muted">{t("newListingLead")}</p>
      <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
        <DemandForm
          action={createListingAction.bind(null, "demand")}
          sectors={await sectorOptions(locale)}
          locations={locationOptions(locale)}
          submitLabel={t("saveDraft")}
        />
      </div>
    </div>
  );
}
