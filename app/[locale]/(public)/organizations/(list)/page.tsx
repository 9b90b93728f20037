import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DirectoryPage, directoryMetadata } from "@/components/catalog/directory-page";
import { EnumSelect } from "@/components/catalog/enum-select";
import { OrganizationCard } from "@/components/catalog/organization-card";
import { Checkbox } from "@/components/ui/input";
import { organizationDirectory } from "@/lib/catalog/organizations";
import { OrgType } from "@/lib/generated/prisma/enums";

// Filters and pages come from the query string: rendered per request (a cached page cannot see it).
// The layout lists no static params, so Next would otherwise take this page for an ISR one.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/organizations">): Promise<Metadata> {
  return directoryMetadata("organizations", (await params).locale);
}

export default async function OrganizationsPage({ params, searchParams }: PageProps<"/[locale]/organizations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const directory = await organizationDirectory(raw);
  const { query, result } = directory;
  const t = await getTranslations("organizations");
  const to = await getTranslations("orgTypes");

  return (
    <DirectoryPage
      kind="organizations"
      locale={locale}
      raw={raw}
      {...directory}
      filters={
        <>
          <EnumSelect
            name="orgType"
            label={t("type")}
            any={t("allTypes")}
            value={query.orgType}
            values={Object.values(OrgType)}
            labelOf={(v) => to(v)}
          />
          <Checkbox name="verified" value="1" defaultChecked={query.verified} label={t("verifiedOnly")} />
        </>
      }
      cards={result.items.map((organization) => (
        <li key={organization.id}>
          <OrganizationCard organization={organization} />
        </li>
      ))}
    />
  );
}
