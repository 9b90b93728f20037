import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ContractDocumentView } from "@/components/deals/contract-document-view";
import { requireUser } from "@/lib/auth/session";
import { contractDocument } from "@/lib/deals/contract-document";
import { contractDocumentInput } from "@/lib/deals/contract-queries";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/account/deals/[reference]/contract/[version]">): Promise<Metadata> {
  const { reference, version } = await params;
  const t = await getTranslations("deals.contract");
  return {
    title: t("printTitle", { reference: reference.slice(0, 40), version: version.slice(0, 6) }),
    robots: { index: false },
  };
}

/** One contract version, print-ready (the browser's Print gives the paper copy), with its downloads. */
export default async function ContractVersionPage({
  params,
}: PageProps<"/[locale]/account/deals/[reference]/contract/[version]">) {
  const { locale, reference, version } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const versionNo = Number(version);
  const input = Number.isInteger(versionNo)
    ? await contractDocumentInput(user, reference, versionNo, locale === "en" ? "en" : "vi")
    : null;
  if (!input) notFound();
  const t = await getTranslations("deals.contract");
  const api = `/api/deals/${input.reference}/contract/${input.version}`;
  return (
    <div className="space-y-4">
      <nav className="flex flex-wrap gap-4 text-sm print:hidden" aria-label={t("documents")}>
        <Link href={`/account/deals/${input.reference}/contract`} className="text-brand-700 hover:underline">
          {t("backToContract")}
        </Link>
        <a href={`${api}/pdf`} className="text-brand-700 underline">
          {t("downloadPdf")}
        </a>
        <a href={`${api}/docx`} className="text-brand-700 underline">
          {t("downloadDocx")}
        </a>
      </nav>
      <ContractDocumentView doc={contractDocument(input)} />
    </div>
  );
}
