import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { Link } from "@/lib/i18n/navigation";
import { canReview } from "@/lib/listings/moderation";
import { moderationQueue } from "@/lib/listings/queries";
import { notFound } from "next/navigation";

/** Target set by the Department for the operator: a moderation decision within 2 working days. */
const SLA_WORKING_DAYS = 2;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("title"), robots: { index: false } };
}

export default async function ModerationQueuePage({ params, searchParams }: PageProps<"/[locale]/admin/moderation">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  if (!canReview(user)) notFound();
  const t = await getTranslations("moderation");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const items = await moderationQueue(user);
  const now = new Date();
  const done = (await searchParams).done;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {(done === "approved" || done === "rejected") && <Alert tone="success">{t(`done_${done}`)}</Alert>}
      <p className="text-muted">{t("lead", { days: SLA_WORKING_DAYS })}</p>
      {items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <Table scrollLabel={t("title")}>
          <THead>
            <TR>
              <TH>{t("colListing")}</TH>
              <TH>{t("colType")}</TH>
              <TH>{t("colOrganization")}</TH>
              <TH>{t("colScreening")}</TH>
              <TH>{t("colWaiting")}</TH>
            </TR>
          </THead>
          <TBody>
            {items.map((item) => {
              const age = workingDaysBetween(item.waitingSince, now);
              const tone = age > SLA_WORKING_DAYS ? "danger" : age === SLA_WORKING_DAYS ? "warning" : "success";
              return (
                <TR key={`${item.kind}-${item.id}`}>
                  <TD>
                    <Link
                      href={`/admin/moderation/${item.kind}/${item.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {item.titleVi}
                    </Link>
                  </TD>
                  <TD>
                    {t(`kind_${item.kind}`)}
                    {item.isRevision && (
                      <Badge tone="info" className="ml-1">
                        {t("revision")}
                      </Badge>
                    )}
                  </TD>
                  <TD>{item.organization}</TD>
                  <TD>
                    {item.screening === "CLEAR" ? (
                      "—"
                    ) : (
                      <Badge
                        tone={
                          item.screening === "RESTRICTED"
                            ? "warning"
                            : item.screening === "PROHIBITED"
                              ? "danger"
                              : "success"
                        }
                      >
                        {te(`screening.${item.screening}`)}
                      </Badge>
                    )}
                  </TD>
                  <TD>
                    <Badge tone={tone}>{t("age", { days: age })}</Badge>
                    <span className="ml-2 text-xs text-muted">{format.dateTime(item.waitingSince, "datetime")}</span>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
