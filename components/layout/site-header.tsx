import { getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { HeaderView } from "./header-view";

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
 * account menu's, filled in by the browser from GET /api/me. Translated and localized here, drawn
 * by ./header-view.tsx (which says why).
 */
export async function SiteHeader() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  const path = (href: string) => getPathname({ href, locale });
  return (
    <HeaderView
      homeHref={path("/")}
      links={PUBLIC_LINKS.map((link) => [path(link.href), t(link.key)] as const)}
      texts={{
        home: tc("homeLink"),
        appName: tc("appNameShort"),
        operatedFor: tc("operatedFor"),
        main: t("main"),
        menu: t("menu"),
      }}
    />
  );
}
