import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-muted">{t("notFoundText")}</p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        {t("backHome")}
      </Link>
    </div>
  );
}
