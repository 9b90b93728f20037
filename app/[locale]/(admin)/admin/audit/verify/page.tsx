import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ChainVerification } from "@/components/admin/audit/chain-verification";
import { publishedHeads } from "@/lib/audit/heads";
import { requirePermission } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("verify.title"), robots: { index: false } };
}

/** The auditor's chain verification with progress, whole or from a published head (issue #13 item 5). */
export default async function VerifyChainPage({ params }: PageProps<"/[locale]/admin/audit/verify">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePermission("audit:verify");
  const t = await getTranslations("auditLog");
  const heads = await publishedHeads(1, 60);
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <Link href="/admin/audit" className="text-sm underline">
          ← {t("history.back")}
        </Link>
        <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
        <p className="text-muted">{t("verify.lead")}</p>
      </header>
      <ChainVerification
        heads={heads.items.map((h) => ({ publishedAt: h.publishedAt.toISOString(), seq: h.seq, hash: h.hash }))}
      />
    </div>
  );
}
