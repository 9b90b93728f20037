import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { DealView } from "@/lib/deals/queries";
import { decisionDeadline, filingDeadline, registrationFee } from "@/lib/deals/registration";
import type { ActionResult } from "@/lib/errors";
import { RegistrationFileForm, RegistrationPapersForm } from "./registration-forms";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * The deal's registration (issue #12 item 5): whether it is mandatory and why, the fee and the
 * filing deadline; the application for a party once the contract is signed; where the file stands
 * with the Department, what it asked for, and the certificate.
 */
export async function RegistrationPanel({
  deal,
  canAct,
  fileAction,
  papersAction,
  defaults,
}: {
  deal: DealView["deal"];
  canAct: boolean;
  fileAction?: Action;
  papersAction?: Action;
  defaults: { applicant: string; address: string; representative: string };
}) {
  const t = await getTranslations("deals.registration");
  const ts = await getTranslations("deals.registrationState");
  const tc = await getTranslations("deals.contract");
  const format = await getFormatter();
  const r = deal.registration;
  const date = (key: string) => format.dateTime(new Date(`${key}T12:00:00+07:00`), "long");
  const canFile =
    canAct && fileAction && (deal.state === "SIGNED" || (deal.state === "REGISTRATION" && r?.state === "REFUSED"));
  return (
    <section
      aria-labelledby="deal-registration"
      className="rounded-lg border border-border bg-white p-4"
      data-testid="deal-registration"
    >
      <h2 id="deal-registration" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {deal.registrationMandatory !== null && (
        <p className="mt-1 text-sm">
          {tc(deal.registrationMandatory ? "registrationMandatory" : "registrationVoluntary")}{" "}
          {deal.registrationReason ? tc(`registrationReason.${deal.registrationReason}`) : ""}
        </p>
      )}
      {deal.signedAt && !r && deal.registrationMandatory && (
        <p className="mt-1 text-sm font-medium">{t("fileBy", { date: date(filingDeadline(deal.signedAt).date) })}</p>
      )}
      {deal.signedValue !== null && !r && (
        <p className="mt-1 text-sm">{t("feeIs", { fee: format.number(registrationFee(deal.signedValue), "vnd") })}</p>
      )}
      {r && (
        <div className="mt-2 space-y-1 text-sm" data-testid="registration-status">
          <p>
            <span className="font-medium">{ts(r.state)}</span> ·{" "}
            {t("filedOn", { at: format.dateTime(r.filedAt, "datetime") })} ·{" "}
            {t("feeIs", { fee: format.number(r.fee, "vnd") })}
          </p>
          {r.state === "FILED" && (
            <p className="text-muted">
              {t("withDepartment", { date: date(decisionDeadline(r.papersAddedAt ?? r.filedAt).date) })}
            </p>
          )}
          {r.state === "MISSING_PAPERS" && r.papersNote && (
            <Alert tone="warning" title={t("requested")}>
              {r.papersNote}
            </Alert>
          )}
          {r.state === "CERTIFIED" && r.certificateNumber && (
            <Alert tone="success">{t("certified", { number: r.certificateNumber })}</Alert>
          )}
          {r.state === "REFUSED" && r.refusalReason && (
            <Alert tone="danger" title={t("refusedTitle")}>
              {r.refusalReason}
            </Alert>
          )}
        </div>
      )}
      {canAct && papersAction && r?.state === "MISSING_PAPERS" && (
        <div className="mt-3">
          <RegistrationPapersForm action={papersAction} />
        </div>
      )}
      {canFile && (
        <div className="mt-3">
          <RegistrationFileForm defaults={defaults} action={fileAction} />
        </div>
      )}
    </section>
  );
}
