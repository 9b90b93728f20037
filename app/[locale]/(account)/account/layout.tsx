import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { SectionNav } from "@/components/layout/section-nav";
import { can } from "@/lib/authz";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Every signed-in user has notifications here; each page checks its own permission.
export default async function AccountLayout({ children }: LayoutProps<"/[locale]/account">) {
  const user = await requireUser();
  const t = await getTranslations("nav");
  const tm = await getTranslations("matching");
  const td = await getTranslations("deals");
  const tw = await getTranslations("workspace");
  const ta = await getTranslations("account");
  const links = [
    ...(can(user, "workspace:access") ? [{ href: "/account", label: t("overview") }] : []),
    ...(can(user, "offer:create") ? [{ href: "/account/offers", label: t("myOffers") }] : []),
    ...(can(user, "demand:create") ? [{ href: "/account/demands", label: t("myDemands") }] : []),
    ...(can(user, "workspace:access") ? [{ href: "/account/matches", label: tm("nav") }] : []),
    ...(can(user, "workspace:access") ? [{ href: "/account/deals", label: td("nav") }] : []),
    ...(can(user, "offer:manage-own") || can(user, "demand:manage-own")
      ? [{ href: "/account/analytics", label: tw("analytics.nav") }]
      : []),
    // Without an organization the page offers to join one (membership requests).
    ...(can(user, "organization:manage-own") ? [{ href: "/account/organization", label: t("myOrganization") }] : []),
    ...(can(user, "workspace:access") ? [{ href: "/account/saved-searches", label: ta("nav.savedSearches") }] : []),
    { href: "/account/notifications", label: t("notifications") },
    { href: "/account/settings", label: ta("nav.settings") },
  ];
  // Signed-in areas (never cached) give their forms the whole catalogue; the root layout sends only the shell's.
  return (
    <NextIntlClientProvider>
      <SectionNav label={t("workspace")} links={links} />
      {!user.emailVerified && (
        <div className="mb-6">
          <VerifyEmailBanner action={resendVerificationAction} />
        </div>
      )}
      {children}
    </NextIntlClientProvider>
  );
}
