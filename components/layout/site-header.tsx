import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SearchBox } from "@/components/search/search-box";
import { AccountProvider } from "./account-context";
import { AccountAreaLinks, AccountMenu } from "./account-menu";
import { LanguageSwitcher } from "./language-switcher";
import { MobileMenu } from "./mobile-menu";

const PUBLIC_LINKS = [
  { href: "/technologies", key: "technologies" },
  { href: "/demands", key: "demands" },
  { href: "/organizations", key: "organizations" },
  { href: "/experts", key: "experts" },
  { href: "/statistics", key: "statistics" },
] as const;

/**
 * Site header: public navigation, sign-in state and the links each role needs. Rendered on the
 * server the same for every visitor (public pages are cached and shared); the sign-in state is the
 * account menu's, filled in by the browser from GET /api/me.
 */
export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");

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
    <AccountProvider>
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
            <AccountMenu />
            <MobileMenu label={t("menu")}>
              <nav aria-label={t("main")}>{nav}</nav>
              <AccountAreaLinks />
            </MobileMenu>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-3">
          <SearchBox />
        </div>
      </header>
    </AccountProvider>
  );
}
