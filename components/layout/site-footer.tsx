import { getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { FooterView, type FooterHrefs, type FooterTexts } from "./footer-view";

const HREFS: FooterHrefs = {
  statistics: "/statistics",
  openData: "/open-data",
  developers: "/developers",
  about: "/about",
  terms: "/terms",
  privacy: "/privacy",
  contact: "/contact",
};

const TEXT_KEYS = [
  "ownerTitle",
  "owner",
  "oversight",
  "operatorTitle",
  "operator",
  "contact",
  "linksTitle",
  "statistics",
  "openData",
  "developers",
  "status",
  "aboutTitle",
  "about",
  "terms",
  "privacy",
  "contactPage",
  "legal",
] as const satisfies readonly (keyof FooterTexts)[];

/**
 * Owner, operator, transparency links and the pages about the exchange (about, terms, privacy,
 * contact); translated here, drawn by ./footer-view.tsx (which says why).
 */
export async function SiteFooter() {
  const locale = await getLocale();
  const t = await getTranslations("footer");
  const hrefs = Object.fromEntries(
    Object.entries(HREFS).map(([key, href]) => [key, getPathname({ href, locale })]),
  ) as FooterHrefs;
  const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, t(key)])) as FooterTexts;
  return <FooterView hrefs={hrefs} texts={texts} />;
}
