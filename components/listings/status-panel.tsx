import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { ListingStatus } from "@/lib/generated/prisma/enums";
import { vnDateKey } from "@/lib/calendar/working-days";
import { Link } from "@/lib/i18n/navigation";
import { reviewEta } from "@/lib/listings/review-eta";
import { cn } from "@/lib/cn";

const TONE: Record<ListingStatus, string> = {
  DRAFT: "border-l-border",
  SUBMITTED: "border-l-info-600",
  PUBLISHED: "border-l-success-600",
  REJECTED: "border-l-danger-600",
  EXPIRED: "border-l-warning-600",
  WITHDRAWN: "border-l-border",
};

/**
 * The one panel that tells the owner where their listing stands (lib/listings/state-machine.ts):
 * what the state means, what happens next, when the operator's decision is expected (the
 * submission + the 2-working-day target, lib/listings/review-eta.ts), a rejection's reason, and
 * whom to contact. It is rendered from the stored listing, so it is never stale: a reload or a
 * state change shows the state as it is now. A polite live region: a change after an action
 * (submit, recall, withdraw) is announced.
 */
export async function StatusPanel({
  status,
  restricted,
  moderationNote,
  submittedAt,
  revisionSubmittedAt = null,
  now,
  children,
}: {
  status: ListingStatus;
  /** On the restricted-transfer list: a Department officer decides the submission. */
  restricted: boolean;
  moderationNote: string | null;
  submittedAt: Date | null;
  /** When a published listing's pending edit was sent: it is reviewed on the same target. */
  revisionSubmittedAt?: Date | null;
  now: Date;
  /** Further notices of this state (screening outcome, a pending revision). */
  children?: ReactNode;
}) {
  const t = await getTranslations("lifecycle.review");
  const format = await getFormatter();
  // What waits for a decision: the submission itself, or a published listing's pending edit.
  const since = status === "SUBMITTED" ? submittedAt : status === "PUBLISHED" ? revisionSubmittedAt : null;
  const eta = since ? reviewEta(since, now) : null;
  const days = eta?.targetWorkingDays ?? reviewEta(now, now).targetWorkingDays;
  return (
    <Card
      as="section"
      aria-labelledby="listing-status-title"
      data-testid="listing-status"
      data-status={status}
      className={cn("border-l-4", TONE[status])}
    >
      <div aria-live="polite">
        <CardHeader>
          <p className="text-xs font-medium uppercase tracking-wide text-muted">{t("region")}</p>
          <h2 id="listing-status-title" className="text-lg font-semibold">
            {t(`${status}.title`)}
          </h2>
        </CardHeader>
        <CardContent>
          <div className="space-y-3 text-sm">
            {status === "REJECTED" && (
              <blockquote className="rounded-md bg-danger-50 px-4 py-3 text-danger-800" data-testid="rejection-reason">
                {moderationNote ?? t("REJECTED.noReason")}
              </blockquote>
            )}
            {eta && since && (
              <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-muted">{t("submittedAt")}</dt>
                <dd>
                  <time dateTime={since.toISOString()}>
                    {format.dateTime(since, { dateStyle: "long", timeStyle: "short" })}
                  </time>
                </dd>
                <dt className="font-medium text-muted">{t("expectedBy")}</dt>
                <dd className="font-semibold" data-testid="review-expected">
                  {t.rich("expectedValue", {
                    date: format.dateTime(eta.expectedBy, { dateStyle: "full" }),
                    time: (chunks) => <time dateTime={vnDateKey(eta.expectedBy)}>{chunks}</time>,
                  })}
                </dd>
              </dl>
            )}
            <p>{t(`${status}.next`, { days })}</p>
            {status === "SUBMITTED" && restricted && <p>{t("SUBMITTED.officer")}</p>}
            {eta && <p className="text-muted">{t("target", { days })}</p>}
            {eta?.overdue && <p className="font-medium text-warning-800">{t("overdue", { days })}</p>}
            {status === "SUBMITTED" && <p className="text-muted">{t("SUBMITTED.recall")}</p>}
            {children}
            <p>
              {t.rich("contact", {
                link: (chunks) => (
                  <Link href="/contact" className="font-medium text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </div>
        </CardContent>
      </div>
    </Card>
  );
}
