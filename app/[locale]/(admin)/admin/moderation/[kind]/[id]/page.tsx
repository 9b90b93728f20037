import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/moderation/decision-form";
import { FieldList } from "@/components/moderation/field-value";
import { reviewFieldReader } from "@/components/moderation/review-fields";
import { checkItems, ReviewAttachments, ReviewSummary } from "@/components/moderation/review-summary";
import { ScreeningMatches } from "@/components/moderation/screening-matches";
import { changedFields, RevisionDiff } from "@/components/moderation/revision-diff";
import { RecordFlags } from "@/components/oversight/flags-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { canDecide, reviewerActionFor, screeningUnderReview } from "@/lib/listings/moderation";
import { listingForReview } from "@/lib/listings/queries";
import { parsePendingRevision } from "@/lib/listings/revision";
import { listFlags } from "@/lib/oversight/flags";
import { raiseFlagAction } from "../../../performance/actions";
import { decideListingAction } from "../../actions";

/**
 * One listing (or a published listing's pending edit) as the moderator reviews it: every field in
 * words, the edit side by side with the published version, a checklist, ready-made rejection
 * reasons and a confirmed decision (issue #15 item 3).
 */
export default async function ReviewPage({ params }: PageProps<"/[locale]/admin/moderation/[kind]/[id]">) {
  const { locale, kind, id } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  if (kind !== "offer" && kind !== "demand") notFound();
  const listing = await listingForReview(user, kind, id);
  if (!listing) notFound();
  const t = await getTranslations("moderation");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const lang = await getLocale();
  const pending = parsePendingRevision(listing);
  // A revision is decided on its own screening (stored with it), a submission on the listing's.
  const screening = screeningUnderReview(listing);
  const forOfficer = reviewerActionFor(listing) === "listing:decide-restricted";
  const mayDecide = canDecide(user, listing);
  const read = await reviewFieldReader(kind);
  const sectorName = listing.sector.parent
    ? `${pick(lang, listing.sector.parent.nameVi, listing.sector.parent.nameEn)} › ${pick(lang, listing.sector.nameVi, listing.sector.nameEn)}`
    : pick(lang, listing.sector.nameVi, listing.sector.nameEn);
  const published = await read(listing, sectorName);
  const proposed = pending ? await read({ ...listing, ...pending.columns }, sectorName) : null;
  const changes = proposed ? changedFields(published, proposed) : [];
  const checks = await checkItems(kind, listing, screening, proposed ?? published);
  const flags = await listFlags(user, { state: "all", entityId: listing.id });

  return (
    <div className="space-y-6">
      <RecordFlags
        entityType={kind}
        entityId={listing.id}
        items={flags.items}
        canRaise={can(user, "flag:raise")}
        raiseAction={raiseFlagAction}
      />
      <Link href="/admin/moderation" className="text-sm text-brand-700 hover:underline">
        ← {t("title")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold break-words">{listing.titleVi}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
          <Badge tone="info">{t(`kind_${kind}`)}</Badge>
          <Badge tone="info">{te(`listingStatus.${listing.status}`)}</Badge>
          {pending && <Badge tone="warning">{t("revision")}</Badge>}
          <span>{listing.organization.name}</span>
          <span>· {pick(lang, listing.sector.nameVi, listing.sector.nameEn)}</span>
          {(pending?.submittedAt ?? listing.submittedAt) && (
            <span>
              ·{" "}
              {t("submittedAt", { date: format.dateTime((pending?.submittedAt ?? listing.submittedAt)!, "datetime") })}
            </span>
          )}
        </p>
      </div>
      {listing.screening !== "CLEAR" && (
        <Alert
          tone={listing.screening === "ENCOURAGED" ? "success" : "warning"}
          title={te(`screening.${listing.screening}`)}
        >
          <ScreeningMatches note={listing.screeningNote} />
        </Alert>
      )}
      {forOfficer && !mayDecide && (
        <Alert tone="info">{t(pending ? "revisionRestrictedForOfficer" : "restrictedForOfficer")}</Alert>
      )}

      {pending && (
        <Card as="section" aria-labelledby="revision-title">
          <CardHeader>
            <CardTitle id="revision-title">{t("revisionTitle", { count: changes.length })}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {screening !== "CLEAR" && (
              <Alert
                tone={screening === "ENCOURAGED" ? "success" : screening === "RESTRICTED" ? "warning" : "danger"}
                title={t("revisionScreening", { outcome: te(`screening.${screening}`) })}
              >
                <ScreeningMatches note={pending.screeningNote} />
              </Alert>
            )}
            <RevisionDiff changes={changes} />
          </CardContent>
        </Card>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card as="section" aria-labelledby="content-title">
          <CardHeader>
            <CardTitle id="content-title">{t(pending ? "publishedContentTitle" : "contentTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <FieldList fields={published} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card as="section" aria-labelledby="meta-title">
            <CardHeader>
              <CardTitle id="meta-title">{t("meta.title")}</CardTitle>
            </CardHeader>
            <CardContent className="py-1">
              <ReviewSummary listing={listing} screening={screening} />
            </CardContent>
          </Card>
          <Card as="section" aria-labelledby="attachments-title">
            <CardHeader>
              <CardTitle id="attachments-title">{t("attachmentsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ReviewAttachments attachments={listing.attachments} />
            </CardContent>
          </Card>
        </div>
      </div>

      {mayDecide && (
        <Card as="section" aria-labelledby="decision-title">
          <CardHeader>
            <CardTitle id="decision-title">{t("decisionTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DecisionForm
              kind={kind}
              id={id}
              canApprove={screening !== "PROHIBITED"}
              isRevision={pending !== null}
              checks={checks}
              action={decideListingAction}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
