import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/**
 * The call to action of a listing. Deals arrive in the next release; until then it leads visitors to
 * sign in and says why nothing more happens yet.
 */
export async function ExpressInterest() {
  const t = await getTranslations("catalog.detail");
  return (
    <section aria-labelledby="interest-heading" className="rounded-lg border border-brand-200 bg-brand-50 p-4">
      <h2 id="interest-heading" className="text-base font-semibold">
        {t("interestTitle")}
      </h2>
      <Link href="/login" className={buttonClasses("primary", "md", "mt-3 w-full")} aria-describedby="interest-note">
        {t("interestButton")}
      </Link>
      <p id="interest-note" className="mt-2 text-sm text-muted">
        {t("interestNote")}
      </p>
    </section>
  );
}
