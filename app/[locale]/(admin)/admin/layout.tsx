import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { canReview } from "@/lib/listings/moderation";
import { SectionNav } from "@/components/layout/section-nav";
import { can } from "@/lib/authz";
import { requirePermission } from "@/lib/auth/session";
import { canReadMisses } from "@/lib/search/misses";
import { canReadThesaurus } from "@/lib/search/thesaurus-admin";

export const dynamic = "force-dynamic";

// Department / operator / auditor / admin area: every page below is for staff roles only.
export default async function AdminLayout({ children }: LayoutProps<"/[locale]/admin">) {
  const user = await requirePermission("admin:access");
  const t = await getTranslations("nav");
  const td = await getTranslations("deals");
  const tf = await getTranslations("oversight.flags");
  const ts = await getTranslations("searchInsights.nav");
  const links = [
    { href: "/admin", label: t("overview") },
    ...(canReview(user) ? [{ href: "/admin/moderation", label: t("moderation") }] : []),
    ...(can(user, "organization:verify") ? [{ href: "/admin/organizations", label: t("verification") }] : []),
    ...(can(user, "deal:read-all") ? [{ href: "/admin/deals", label: td("nav") }] : []),
    ...(can(user, "oversight:read") ? [{ href: "/admin/registrations", label: td("registration.nav") }] : []),
    ...(can(user, "oversight:read")
      ? [
          { href: "/admin/performance", label: t("performance") },
          { href: "/admin/targets", label: t("targets") },
          { href: "/admin/flags", label: tf("title") },
        ]
      : []),
    ...(can(user, "audit:read") ? [{ href: "/admin/audit", label: t("audit") }] : []),
    ...(can(user, "oversight:read") ? [{ href: "/admin/screening", label: t("screening") }] : []),
    ...(can(user, "oversight:read") ? [{ href: "/admin/taxonomy", label: t("taxonomy") }] : []),
    ...(canReadThesaurus(user) ? [{ href: "/admin/thesaurus", label: ts("thesaurus") }] : []),
    ...(canReadMisses(user) ? [{ href: "/admin/search-insights", label: ts("insights") }] : []),
    ...(can(user, "user:manage") ? [{ href: "/admin/users", label: t("users") }] : []),
    { href: "/account/notifications", label: t("notifications") },
  ];
  // Signed-in areas (never cached) give their forms the whole catalogue; the root layout sends only the shell's.
  return (
    <NextIntlClientProvider>
      <SectionNav label={t("admin")} links={links} />
      {children}
    </NextIntlClientProvider>
  );
}
