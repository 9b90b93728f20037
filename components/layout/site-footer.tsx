import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-12 border-t border-border bg-brand-950 text-brand-50">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm md:grid-cols-3">
        <div>
          <p className="font-semibold text-white">{t("ownerTitle")}</p>
          <p>{t("owner")}</p>
          <p className="mt-2 text-brand-200">{t("oversight")}</p>
        </div>
        <div>
          <p className="font-semibold text-white">{t("operatorTitle")}</p>
          <p>{t("operator")}</p>
          <p className="mt-2 text-brand-200">{t("contact")}</p>
        </div>
        <nav aria-label={t("linksTitle")}>
          <p className="font-semibold text-white">{t("linksTitle")}</p>
          <ul className="mt-1 space-y-1">
            <li>
              <Link className="underline-offset-2 hover:underline" href="/statistics">
                {t("statistics")}
              </Link>
            </li>
            <li>
              <NextLink prefetch={false} className="underline-offset-2 hover:underline" href="/api/v1/offers">
                {t("openData")}
              </NextLink>
            </li>
            <li>
              <NextLink prefetch={false} className="underline-offset-2 hover:underline" href="/api/health">
                {t("status")}
              </NextLink>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-brand-900 py-3 text-center text-xs text-brand-200">{t("legal")}</p>
    </footer>
  );
}
