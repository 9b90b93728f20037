import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { getCurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { buttonClasses } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";
import { MobileMenu } from "./mobile-menu";
import { NotificationBell } from "@/components/notifications/bell";
import { SearchBox } from "@/components/search/search-box";

const PUBLIC_LINKS = [
  { href: "/technologies", key: "technologies" },
  { href: "/demands", key: "demands" },
  { href: "/organizations", key: "organizations" },
  { href: "/experts", key: "experts" },
  { href: "/statistics", key: "statistics" },
] as const;

/** Site header: public navigation, sign-in state and the links each role needs. */
export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  const tr = await getTranslations("roles");
  const user = await getCurrentUser();

  const roleLinks: { href: string; label: string }[] = [];
  if (can(user, "workspace:access")) roleLinks.push({ href: "/account", label: t("workspace") });
  if (can(user, "admin:access")) roleLinks.push({ href: "/admin", label: t("admin") });

  const nav = (
    <ul className="flex flex-col gap-1 md:flex-row md:items-center md:gap-1">
      {PUBLIC_LINKS.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            className="block rounded px-3 py-2 text-sm font-medium text-brand-900 hover:bg-brand-50"
          >
            {t(link.key)}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2" aria-label={tc("homeLink")}>
          <span
            aria-hidden
            className="grid h-9 w-9 place-items-center rounded-md bg-brand-700 text-sm font-bold text-white"
          >
            HN
          </span>
          <span className="hidden flex-col leading-tight sm:flex">
            <span className="text-sm font-semibold text-brand-900">{tc("appNameShort")}</span>
            <span className="text-xs text-muted">{tc("operatedFor")}</span>
          </span>
        </Link>
        <nav aria-label={t("main")} className="hidden flex-1 md:block">
          {nav}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitcher />
          {user ? (
            <>
              <nav aria-label={t("userMenu")} className="hidden items-center gap-1 md:flex">
                {roleLinks.map((link) => (
                  <Link key={link.href} href={link.href} className={buttonClasses("ghost", "sm")}>
                    {link.label}
                  </Link>
                ))}
              </nav>
              <span className="hidden text-right text-xs leading-tight lg:block" data-testid="signed-in-as">
                <span className="block font-medium">{user.name}</span>
                <span className="block text-muted">{user.roles.map((r) => tr(r)).join(", ")}</span>
              </span>
              <NotificationBell />
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <>
              <Link href="/login" className={buttonClasses("ghost", "sm")}>
                {t("signIn")}
              </Link>
              <Link href="/register" className={buttonClasses("primary", "sm", "hidden sm:inline-flex")}>
                {t("register")}
              </Link>
            </>
          )}
          <MobileMenu label={t("menu")}>
            <nav aria-label={t("main")}>{nav}</nav>
            {roleLinks.length > 0 && (
              <ul className="mt-2 border-t border-border pt-2">
                {roleLinks.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="block rounded px-3 py-2 text-sm font-medium hover:bg-brand-50">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </MobileMenu>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-3">
        <SearchBox />
      </div>
    </header>
  );
}
