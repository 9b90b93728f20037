import { getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { FooterView } from "./footer-view";

/** Owner, operator and transparency links; translated here, drawn by ./footer-view.tsx (which says why). */
export async function SiteFooter() {
  const locale = await getLocale();
  const t = await getTranslations("footer");
  return (
    <FooterView
      statisticsHref={getPathname({ href: "/statistics", locale })}
      openDataHref={getPathname({ href: "/open-data", locale })}
      developersHref={getPathname({ href: "/developers", locale })}
      texts={{
        ownerTitle: t("ownerTitle"),
        owner: t("owner"),
        oversight: t("oversight"),
        operatorTitle: t("operatorTitle"),
        operator: t("operator"),
        contact: t("contact"),
        linksTitle: t("linksTitle"),
        statistics: t("statistics"),
        openData: t("openData"),
        developers: t("developers"),
        status: t("status"),
        legal: t("legal"),
      }}
    />
  );
}
