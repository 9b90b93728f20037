import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ContractConfirm } from "@/components/deals/contract-confirm";
import { ContractForm } from "@/components/deals/contract-form";
import { ContractVersions } from "@/components/deals/contract-versions";
import { DealStateBadge } from "@/components/deals/deal-state-badge";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { confirmationBlock } from "@/lib/deals/confirmation";
import { storedContract, type ContractContent } from "@/lib/deals/contract";
import { ARTICLE_TITLES } from "@/lib/deals/contract-document";
import { contractView } from "@/lib/deals/contract-queries";
import { Link } from "@/lib/i18n/navigation";
import { confirmContractAction, saveContractAction } from "../../actions";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/account/deals/[reference]/contract">): Promise<Metadata> {
  const { reference } = await params;
  return {
    title: (await getTranslations("deals.contract"))("title", { reference: reference.slice(0, 40) }),
    robots: { index: false },
  };
}

const EDITABLE = new Set(["NEGOTIATING", "CONTRACT_DRAFTED"]);

/**
 * The contract builder of a deal (issue #12 item 3): the latest version, what Art. 23 still needs,
 * the party's confirmation, the form that saves the next version, and every version with its
 * downloads and a comparison between any two.
 */
export default async function ContractPage({
  params,
  searchParams,
}: PageProps<"/[locale]/account/deals/[reference]/contract">) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const view = await contractView(user, reference);
  if (!view) notFound();
  const t = await getTranslations("deals.contract");
  const format = await getFormatter();
  const lang = locale === "en" ? "en" : "vi";
  const party = view.viewer.kind === "party" ? view.viewer : null;
  const editable = party !== null && EDITABLE.has(view.deal.state) && view.deal.origin !== "EXPRESS_LICENCE";
  const latest = view.latest;
  const facts = latest
    ? {
        versionNo: latest.versionNo,
        contentSha256: latest.sha256,
        complete: latest.content !== null && view.missing.length === 0,
        confirmations: latest.confirmations.map((c) => ({
          side: c.side,
          versionNo: latest.versionNo,
          contentSha256: latest.sha256,
        })),
      }
    : null;
  const blockedBy = party ? confirmationBlock(facts, party.side) : null;
  const query = await searchParams;
  const compare = {
    from: Number(typeof query.from === "string" ? query.from : NaN),
    to: Number(typeof query.to === "string" ? query.to : NaN),
  };

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/account/deals/${view.deal.reference}`} className="text-brand-700 hover:underline">
            {t("backToDeal", { reference: view.deal.reference })}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <DealStateBadge state={view.deal.state} />
        </div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="max-w-3xl text-muted">{t("lead")}</p>
        {view.deal.registrationMandatory !== null && (
          <p className="text-sm" data-testid="registration-requirement">
            {t(view.deal.registrationMandatory ? "registrationMandatory" : "registrationVoluntary")}{" "}
            {view.deal.registrationReason ? t(`registrationReason.${view.deal.registrationReason}`) : ""}
          </p>
        )}
      </header>

      {latest && (
        <section
          aria-labelledby="contract-latest"
          className="space-y-3 rounded-lg border border-brand-200 bg-brand-50 p-4"
        >
          <h2 id="contract-latest" className="font-semibold">
            {t("latest", { version: latest.versionNo })}
          </h2>
          <p className="break-all font-mono text-xs text-muted" data-testid="contract-sha">
            SHA-256: {latest.sha256}
          </p>
          <p className="text-sm" data-testid="contract-confirmations">
            {latest.confirmations.length === 0
              ? t("noConfirmation")
              : latest.confirmations
                  .map((c) =>
                    t("confirmedBy", { side: t(`sides.${c.side}`), name: c.by, at: format.dateTime(c.at, "datetime") }),
                  )
                  .join(" · ")}
          </p>
          {view.missing.length > 0 && (
            <Alert tone="warning" title={t("missingTitle")}>
              <ul className="list-disc ps-5" data-testid="contract-missing">
                {view.missing.map((m) => (
                  <li key={m.key}>{t("itemHeading", { no: m.no, title: ARTICLE_TITLES[m.key][lang] })}</li>
                ))}
              </ul>
            </Alert>
          )}
          {party && EDITABLE.has(view.deal.state) && (
            <ContractConfirm
              versionNo={latest.versionNo}
              sha256={latest.sha256}
              blockedBy={blockedBy === "no_contract" ? null : blockedBy}
              action={confirmContractAction.bind(null, view.deal.reference)}
            />
          )}
          {view.deal.signedAt && (
            <Alert tone="success">{t("signedOn", { at: format.dateTime(view.deal.signedAt, "datetime") })}</Alert>
          )}
        </section>
      )}

      {view.versions.length > 0 && (
        <ContractVersions
          reference={view.deal.reference}
          versions={view.versions}
          compare={Number.isInteger(compare.from) && Number.isInteger(compare.to) ? compare : null}
          locale={lang}
        />
      )}

      {editable ? (
        <section aria-labelledby="contract-edit" className="space-y-3">
          <h2 id="contract-edit" className="text-lg font-semibold">
            {latest ? t("editHeading", { version: latest.versionNo + 1 }) : t("draftHeading")}
          </h2>
          {!latest && <p className="text-sm text-muted">{t("draftLead")}</p>}
          <ContractForm
            draft={storedContract(view.draft as ContractContent) as Record<string, unknown>}
            action={saveContractAction.bind(null, view.deal.reference, latest?.versionNo ?? 0)}
          />
        </section>
      ) : (
        !latest && <p className="text-muted">{t("noContractYet")}</p>
      )}
    </div>
  );
}
