import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { RegistrationDecisionForm } from "@/components/deals/registration-forms";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { registrationQueue } from "@/lib/deals/registrations";
import { Link } from "@/lib/i18n/navigation";
import { decideRegistrationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deals.registration"))("queueTitle"), robots: { index: false } };
}

const TONE: Record<string, BadgeTone> = {
  overdue: "danger",
  due_today: "warning",
  due_tomorrow: "warning",
  on_time: "success",
};

/**
 * The Department's registration queue (issue #12 item 5): oldest first, each file with the
 * deadline the Department works to (papers check in 3 working days, decision in 5) and the working
 * days left, coloured. Officers decide; the operator and auditors read.
 */
export default async function RegistrationQueuePage({ params }: PageProps<"/[locale]/admin/registrations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const items = await registrationQueue(user);
  const t = await getTranslations("deals.registration");
  const ts = await getTranslations("deals.registrationState");
  const td = await getTranslations("deals.documents");
  const format = await getFormatter();
  const decides = can(user, "registration:decide");
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("queueTitle")}</h1>
        <p className="text-muted">{t("queueLead")}</p>
      </header>
      <p role="status" className="text-sm font-medium">
        {t("queueCount", { count: items.length })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t("queueEmpty")} />
      ) : (
        <ol className="space-y-4" aria-label={t("queueTitle")}>
          {items.map((r) => (
            <li
              key={r.id}
              className="space-y-3 rounded-lg border border-border bg-white p-4 shadow-sm"
              data-testid="registration"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={r.state === "FILED" ? "info" : "warning"}>{ts(r.state)}</Badge>
                <Badge tone={r.mandatory ? "brand" : "neutral"}>{t(r.mandatory ? "mandatory" : "voluntary")}</Badge>
                {r.deadline && (
                  <Badge tone={TONE[r.deadline.status] ?? "neutral"} data-testid="registration-deadline">
                    {t(`deadline.${r.deadline.kind}`, {
                      date: format.dateTime(new Date(`${r.deadline.date}T12:00:00+07:00`), "short"),
                      days: r.deadline.daysLeft,
                    })}
                  </Badge>
                )}
                <span className="font-mono text-xs text-muted">{r.reference}</span>
              </div>
              <h2 className="font-semibold">
                <Link href={`/admin/deals/${r.reference}`} className="text-brand-700 hover:underline">
                  {r.title}
                </Link>
              </h2>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <div>
                  <dt className="inline text-muted">{t("parties")}: </dt>
                  <dd className="inline">
                    {r.provider} → {r.seeker}
                  </dd>
                </div>
                <div>
                  <dt className="inline text-muted">{t("filedAt")}: </dt>
                  <dd className="inline">{format.dateTime(r.filedAt, "datetime")}</dd>
                </div>
                <div>
                  <dt className="inline text-muted">{t("fee")}: </dt>
                  <dd className="inline">{format.number(r.fee, "vnd")}</dd>
                </div>
                <div>
                  <dt className="inline text-muted">{t("applicant")}: </dt>
                  <dd className="inline">{String(r.dossier.applicant ?? "—")}</dd>
                </div>
                {r.papersNote && (
                  <div className="sm:col-span-2">
                    <dt className="inline text-muted">{t("requested")}: </dt>
                    <dd className="inline">{r.papersNote}</dd>
                  </div>
                )}
                <div className="sm:col-span-2">
                  <dt className="text-muted">{t("files")}:</dt>
                  <dd>
                    <ul className="space-y-1" data-testid="registration-files">
                      {r.files.map((f) => (
                        <li key={f.id}>
                          <a href={`/api/files/${f.id}`} className="text-brand-700 hover:underline">
                            {f.filename}
                          </a>{" "}
                          <span className="text-xs text-muted">
                            · {td(`purpose.${f.purpose}`)} · {format.dateTime(f.createdAt, "datetime")} · SHA-256{" "}
                            <span className="font-mono">{f.sha256.slice(0, 16)}…</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
              {decides && r.state === "FILED" && (
                <RegistrationDecisionForm id={r.id} action={decideRegistrationAction.bind(null, r.id)} />
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
