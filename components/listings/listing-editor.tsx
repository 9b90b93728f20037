import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { screeningNoteText } from "@/components/moderation/screening-note";
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
import { ListingPreview } from "./listing-preview";
import { OfferForm } from "./offer-form";
import { OneTimeNotice } from "./one-time-notice";
import { STATUS_TONE } from "./own-listings";
import { StatusPanel } from "./status-panel";

/** The workspace's server actions for one listing, passed in by the page (components never import app/). */
export interface ListingEditorActions {
  update: (kind: ListingKind, id: string, prev: ActionResult, data: FormData) => Promise<ActionResult>;
  transition: TransitionListing;
  deleteAttachment: DeleteAttachment;
}

/**
 * The owner's page for one listing: one status panel (state, next step, expected decision, reason,
 * contact), lifecycle actions, files, and the form while the listing is editable, or else a
 * read-only preview of its content.
 */
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

      {/* The redirect's one-time notice after creating the draft: gone on reload and once submitted. */}
      {saved && listing.status === "DRAFT" && (
        <OneTimeNotice param="saved" tone="success">
          {t("notices.created")}
        </OneTimeNotice>
      )}

      <StatusPanel
        status={listing.status}
        restricted={listing.screening === "RESTRICTED"}
        moderationNote={listing.status === "REJECTED" ? listing.moderationNote : null}
        submittedAt={listing.submittedAt}
        revisionSubmittedAt={revision?.submittedAt ?? null}
        now={new Date()}
      >
        {listing.screening === "PROHIBITED" && (
          <Alert tone="danger" title={t("prohibitedTitle")}>
            {t("prohibitedText", { entries: await screeningNoteText(listing.screeningNote) })}
          </Alert>
        )}
        {revision !== null && <Alert tone="info">{t("revisionPendingLong")}</Alert>}
        {revision?.screening === "PROHIBITED" && (
          <Alert tone="danger" title={t("revisionProhibitedTitle")}>
            {t("revisionProhibitedText", { entries: await screeningNoteText(revision.screeningNote) })}
          </Alert>
        )}
        {revision?.screening === "RESTRICTED" && <Alert tone="info">{t("revisionWaitingOfficer")}</Alert>}
        {listing.status === "PUBLISHED" && listing.pendingRevision === null && listing.moderationNote && (
          <Alert tone="warning" title={t("revisionRejectedTitle")}>
            {listing.moderationNote}
          </Alert>
        )}
      </StatusPanel>

      {/*
        Always mounted: an answer that leaves the state as it was (an error, a renewal) stays in view;
        one that changed the state gives way to the status panel above.
      */}
      <ListingActions
        kind={kind}
        id={id}
        status={listing.status}
        events={events}
        action={actions.transition}
        title={t("actionsTitle")}
      />

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
        // In review, expired or withdrawn: no form, the stored content read-only instead.
        <ListingPreview listing={listing} sectors={common.sectors} submitted={listing.status === "SUBMITTED"} />
      )}
    </div>
  );
}
