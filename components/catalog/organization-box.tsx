import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";

type Org = { name: string; nameEn: string | null; slug: string; type: string; verificationStatus: string };

/** Who published a listing, with the verification badge; confidential demands show only a note. */
export async function OrganizationBox({ organization }: { organization: Org | null }) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const to = await getTranslations("orgTypes");
  return (
    <section aria-labelledby="organization-heading" className="rounded-lg border border-border bg-white p-4 shadow-sm">
      <h2 id="organization-heading" className="text-sm font-semibold text-muted">
        {t("organization")}
      </h2>
      {organization ? (
        <div className="mt-2 space-y-2" data-testid="listing-organization">
          <p className="font-semibold">
            <Link href={`/organizations/${organization.slug}`} className="text-brand-700 hover:underline">
              {pick(locale, organization.name, organization.nameEn)}
            </Link>
          </p>
          <p className="text-sm text-muted">{to.has(organization.type) ? to(organization.type) : organization.type}</p>
          {organization.verificationStatus === "VERIFIED" ? (
            <Badge tone="success">{t("orgVerified")}</Badge>
          ) : (
            <Badge tone="neutral">{t("orgNotVerified")}</Badge>
          )}
        </div>
      ) : (
        <p className="mt-2 text-sm" data-testid="listing-organization">
          {t("confidential")}
        </p>
      )}
    </section>
  );
}
