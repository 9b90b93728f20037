import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { Principal } from "@/lib/authz";
import { Link } from "@/lib/i18n/navigation";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";
import { ownListings } from "@/lib/listings/queries";
import { reviewEta } from "@/lib/listings/review-eta";

export const STATUS_TONE: Record<string, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  PUBLISHED: "success",
  REJECTED: "danger",
  EXPIRED: "warning",
  WITHDRAWN: "neutral",
};

/** The workspace list of the organization's offers or demands, with status and feedback. */
export async function OwnListings({ user, kind, page }: { user: Principal; kind: ListingKind; page: number }) {
  const t = await getTranslations("workspace");
  const te = await getTranslations("enums");
  const tp = await getTranslations("pagination");
  const tr = await getTranslations("lifecycle.review");
  const now = new Date();
  // A submission waiting for the operator: when the decision is expected (lib/listings/review-eta.ts).
  const expected = (submittedAt: Date | null) =>
    submittedAt ? tr("listExpected", { date: format.dateTime(reviewEta(submittedAt, now).expectedBy, "long") }) : "—";
  const format = await getFormatter();
  const { items, total, pageSize } = await ownListings(user, kind, page);
  const base = LISTING_KIND[kind].accountPath;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t(kind === "offer" ? "myOffers" : "myDemands")}</h1>
        <Link href={LISTING_KIND[kind].newPath} className={buttonClasses("primary", "md")}>
          {t(kind === "offer" ? "newOffer" : "newDemand")}
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t(kind === "offer" ? "emptyOffers" : "emptyDemands")} />
      ) : (
        <>
          <p className="text-sm text-muted">{t("count", { count: total })}</p>
          <Table scrollLabel={t(kind === "offer" ? "myOffers" : "myDemands")}>
            <THead>
              <TR>
                <TH>{t("colTitle")}</TH>
                <TH>{t("colStatus")}</TH>
                <TH>{t("colFeedback")}</TH>
                <TH>{t("colUpdated")}</TH>
                <TH>{t("colExpires")}</TH>
              </TR>
            </THead>
            <TBody>
              {items.map((item) => (
                <TR key={item.id}>
                  <TD>
                    <Link href={`${base}/${item.id}`} className="font-medium text-brand-700 hover:underline">
                      {item.titleVi}
                    </Link>
                  </TD>
                  <TD>
                    <Badge tone={STATUS_TONE[item.status]}>{te(`listingStatus.${item.status}`)}</Badge>
                    {item.pendingRevision !== null && (
                      <Badge tone="info" className="ml-1">
                        {t("revisionPending")}
                      </Badge>
                    )}
                  </TD>
                  <TD className="max-w-xs text-sm">
                    {item.screening === "PROHIBITED"
                      ? t("prohibitedShort")
                      : item.status === "SUBMITTED"
                        ? item.screening === "RESTRICTED"
                          ? t("waitingOfficer")
                          : expected(item.submittedAt)
                        : (item.moderationNote ?? "—")}
                  </TD>
                  <TD>{format.dateTime(item.updatedAt, "short")}</TD>
                  <TD>{item.expiresAt ? format.dateTime(item.expiresAt, "short") : "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={page}
            pageCount={Math.ceil(total / pageSize)}
            hrefFor={(p) => `?page=${p}`}
            labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
          />
        </>
      )}
    </div>
  );
}
