import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LEGAL_PAGES, type LegalPageKey } from "@/lib/legal/pages";

/** The other pages about the exchange, at the end of each of them. */
export async function RelatedLegalLinks({ current }: { current: LegalPageKey }) {
  const t = await getTranslations("legal");
  return (
    <nav aria-labelledby="related-pages" className="border-t border-border pt-6">
      <h2 id="related-pages" className="mb-2 text-lg font-semibold">
        {t("related")}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {LEGAL_PAGES.filter((page) => page.key !== current).map((page) => (
          <li key={page.key}>
            <Link href={page.path} prefetch={false} className="font-medium text-brand-600 underline">
              {t(`pages.${page.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
