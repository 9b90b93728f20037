import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Principal } from "@/lib/authz";
import { env } from "@/lib/env";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import type { ListingKind } from "@/lib/listings/kinds";
import { formValues, locationOptions, sectorOptions } from "@/lib/listings/form-options";
import { ownListing } from "@/lib/listings/queries";
import { parsePendingRevision } from "@/lib/listings/revision";
import { ownerEvents } from "@/lib/listings/state-machine";
import { Attachments, type DeleteAttachment } from "./attachments";
import { DemandForm } from "./demand-form";
import { ListingActions, type TransitionListing } from "./listing-actions";
import { OfferForm } from "./offer-form";
import { STATUS_TONE } from "./own-listings";

/** The workspace's server actions for one listing, passed in by the page (components never import app/). */
export interface ListingEditorActions {
  update: (kind: ListingKind, id: string, prev: ActionResult, data: FormData) => Promise<ActionResult>;
  transition: TransitionListing;
  deleteAttachment: DeleteAttachment;
}

/** The owner's page for one listing: status and feedback, lifecycle actions, the form and files. */
export async function ListingEditor({
  user,
  kind,
  id,
  saved,
  actions,
}: {
  user: Principal;
  kind: ListingKind;
  id: string;
  saved: boolean;
  actions: ListingEditorActions;
}) {
  const listing = await ownListing(user, kind, id);
  if (!listing) notFound();
  const locale = await getLocale();
  const t = await getTranslations("workspace");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const events = ownerEvents(listing.status).filter((e) => e !== "edit");
  const editable = listing.status === "DRAFT" || listing.status === "REJECTED" || listing.status === "PUBLISHED";
  const values = formValues(listing as unknown as Record<string, unknown>);
  const action = actions.update.bind(null, kind, id);
  const common = {
    action,
    sectors: await sectorOptions(locale),
    locations: locationOptions(locale),
    submitLabel: listing.status === "PUBLISHED" ? t("saveRevision") : t("save"),
  };
  const publicPath = kind === "offer" ? `/technologies/${listing.slug}` : `/demands/${listing.slug}`;
  // A revision carries its own screening (lib/listings/mutations.ts updateListing).
  const revision = parsePendingRevision(listing);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link
          href={kind === "offer" ? "/account/offers" : "/account/demands"}
          className="text-sm text-brand-700 hover:underline"
        >
          ← {t(kind === "offer" ? "myOffers" : "myDemands")}
        </Link>
        <h1 className="text-2xl font-bold">{listing.titleVi}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={STATUS_TONE[listing.status]}>{te(`listingStatus.${listing.status}`)}</Badge>
          {listing.screening !== "CLEAR" && (
            <Badge tone={listing.screening === "ENCOURAGED" ? "success" : "warning"}>
              {te(`screening.${listing.screening}`)}
            </Badge>
          )}
          {listing.expiresAt && (
            <span className="text-muted">{t("expiresOn", { date: format.dateTime(listing.expiresAt, "long") })}</span>
          )}
          {listing.status === "PUBLISHED" && (
            <Link href={publicPath} className="text-brand-700 underline">
              {t("viewPublic")}
            </Link>
          )}
        </div>
      </div>

      {saved && <Alert tone="success">{t("notices.created")}</Alert>}
      {listing.screening === "PROHIBITED" && (
        <Alert tone="danger" title={t("prohibitedTitle")}>
          {t("prohibitedText", { entries: listing.screeningNote ?? "" })}
        </Alert>
      )}
      {listing.status === "REJECTED" && listing.moderationNote && (
        <Alert tone="danger" title={t("rejectedTitle")}>
          {listing.moderationNote}
        </Alert>
      )}
      {listing.status === "SUBMITTED" && (
        <Alert tone="info">
          {listing.screening === "RESTRICTED" ? t("waitingOfficerLong") : t("waitingModeration")}
        </Alert>
      )}
      {revision !== null && <Alert tone="info">{t("revisionPendingLong")}</Alert>}
      {revision?.screening === "PROHIBITED" && (
        <Alert tone="danger" title={t("revisionProhibitedTitle")}>
          {t("revisionProhibitedText", { entries: revision.screeningNote ?? "" })}
        </Alert>
      )}
      {revision?.screening === "RESTRICTED" && <Alert tone="info">{t("revisionWaitingOfficer")}</Alert>}
      {listing.status === "PUBLISHED" && listing.pendingRevision === null && listing.moderationNote && (
        <Alert tone="warning" title={t("revisionRejectedTitle")}>
          {listing.moderationNote}
        </Alert>
      )}

      {/* Always mounted: after a step that leaves no action (withdraw), its confirmation stays in view. */}
      <ListingActions kind={kind} id={id} events={events} action={actions.transition} title={t("actionsTitle")} />

      <Card as="section">
        <CardHeader>
          <CardTitle>{t("attachmentsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Attachments
            kind={kind}
            listingId={id}
            items={listing.attachments}
            editable={listing.status === "DRAFT" || listing.status === "REJECTED"}
            maxMb={Math.round(env().UPLOAD_MAX_BYTES / 1048576)}
            deleteAttachment={actions.deleteAttachment}
          />
        </CardContent>
      </Card>

      {editable ? (
        <Card as="section">
          <CardHeader>
            <CardTitle>{t("contentTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {listing.status === "PUBLISHED" && <p className="mb-4 text-sm text-muted">{t("revisionHint")}</p>}
            {kind === "offer" ? <OfferForm {...common} values={values} /> : <DemandForm {...common} values={values} />}
          </CardContent>
        </Card>
      ) : (
        <Alert tone="info">{t("notEditable")}</Alert>
      )}
    </div>
  );
}
