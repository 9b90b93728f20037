import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { OrganizationListItem } from "@/lib/catalog/organizations";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { locationName } from "./location-options";

/** An organization in the directory: type, place, verification and how many public listings it has. */
export async function OrganizationCard({ organization }: { organization: OrganizationListItem }) {
  const locale = await getLocale();
  const t = await getTranslations("organizations");
  const to = await getTranslations("orgTypes");
  const tv = await getTranslations("verification");
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap gap-1.5">
        <Badge tone="brand">{to(organization.type)}</Badge>
        {organization.verificationStatus === "VERIFIED" && <Badge tone="success">{tv("VERIFIED")}</Badge>}
      </div>
      <h3 className="text-base font-semibold leading-snug">
        <Link href={`/organizations/${organization.slug}`} className="hover:underline">
          {pick(locale, organization.name, organization.nameEn)}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted">{locationName(locale, organization.location)}</p>
      <p className="mt-auto pt-3 text-sm">
        {t("offersCount", { count: organization._count.offers })} ·{" "}
        {t("demandsCount", { count: organization._count.demands })}
      </p>
    </article>
  );
}
