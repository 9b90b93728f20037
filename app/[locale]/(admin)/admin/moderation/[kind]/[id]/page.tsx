import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/moderation/decision-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { RecordFlags } from "@/components/oversight/flags-panel";
import { can } from "@/lib/authz";
import { listFlags } from "@/lib/oversight/flags";
import { raiseFlagAction } from "../../../performance/actions";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { canDecide, reviewerActionFor, screeningUnderReview } from "@/lib/listings/moderation";
import { listingForReview } from "@/lib/listings/queries";
import { parsePendingRevision } from "@/lib/listings/revision";
import { decideListingAction } from "../../actions";

const FACTS = [
  "titleEn",
  "summaryVi",
  "summaryEn",
  "description",
  "keywords",
  "trl",
  "trlMin",
  "ipStatus",
  "ipTitleNumber",
  "transferObjects",
  "transferForms",
  "transferMethods",
  "preferredForms",
  "priceType",
  "priceMin",
  "priceMax",
  "budgetMin",
  "budgetMax",
  "deadline",
  "applicationAreas",
  "advantages",
  "location",
  "stateFunded",
  "fundingProgramme",
  "confidential",
];

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ");
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export default async function ReviewPage({ params }: PageProps<"/[locale]/admin/moderation/[kind]/[id]">) {
  const { locale, kind, id } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  if (kind !== "offer" && kind !== "demand") notFound();
  const listing = await listingForReview(user, kind, id);
  if (!listing) notFound();
  const t = await getTranslations("moderation");
  const tf = await getTranslations(kind === "offer" ? "offerForm" : "demandForm");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const row: Record<string, unknown> = { ...listing };
  const pending = parsePendingRevision(listing);
  const revision: Record<string, unknown> | null = pending ? pending.columns : null;
  // A revision is decided on its own screening (stored with it), a submission on the listing's.
  const screening = screeningUnderReview(listing);
  const revisionScreening = revision ? screening : null;
  const forOfficer = reviewerActionFor(listing) === "listing:decide-restricted";
  const mayDecide = canDecide(user, listing);
  const changed = revision ? FACTS.filter((k) => k in revision && show(revision[k]) !== show(row[k])) : [];
  const label = (k: string) => (tf.has(k) ? tf(k) : k);
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
        <h1 className="text-2xl font-bold">{listing.titleVi}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
          <Badge tone="info">{te(`listingStatus.${listing.status}`)}</Badge>
          <span>{listing.organization.name}</span>
          <span>· {pick(await getLocale(), listing.sector.nameVi, listing.sector.nameEn)}</span>
          {listing.submittedAt && (
            <span>· {t("submittedAt", { date: format.dateTime(listing.submittedAt, "datetime") })}</span>
          )}
        </p>
      </div>
      {listing.screening !== "CLEAR" && (
        <Alert
          tone={listing.screening === "ENCOURAGED" ? "success" : "warning"}
          title={te(`screening.${listing.screening}`)}
        >
          {listing.screeningNote}
        </Alert>
      )}
      {forOfficer && !mayDecide && (
        <Alert tone="info">{t(revision ? "revisionRestrictedForOfficer" : "restrictedForOfficer")}</Alert>
      )}

      {revision && (
        <Card as="section">
          <CardHeader>
            <CardTitle>{t("revisionTitle", { count: changed.length })}</CardTitle>
          </CardHeader>
          <CardContent>
            {revisionScreening && revisionScreening !== "CLEAR" && (
              <Alert
                className="mb-4"
                tone={
                  revisionScreening === "ENCOURAGED"
                    ? "success"
                    : revisionScreening === "RESTRICTED"
                      ? "warning"
                      : "danger"
                }
                title={t("revisionScreening", { outcome: te(`screening.${revisionScreening}`) })}
              >
                {pending?.screeningNote ?? ""}
              </Alert>
            )}
            <dl className="space-y-3 text-sm">
              {changed.map((k) => (
                <div key={k}>
                  <dt className="font-medium">{label(k)}</dt>
                  <dd className="text-muted line-through">{show(row[k])}</dd>
                  <dd className="whitespace-pre-line">{show(revision[k])}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      )}

      <Card as="section">
        <CardHeader>
          <CardTitle>{t("contentTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm md:grid-cols-[12rem_1fr]">
            {FACTS.filter((k) => k in row).map((k) => (
              <div key={k} className="contents">
                <dt className="font-medium">{label(k)}</dt>
                <dd className="whitespace-pre-line">{show(row[k])}</dd>
              </div>
            ))}
          </dl>
          {listing.attachments.length > 0 && (
            <ul className="mt-4 list-disc pl-5 text-sm">
              {listing.attachments.map((a) => (
                <li key={a.id}>
                  <a className="text-brand-700 underline" href={`/api/files/${a.id}`}>
                    {a.filename}
                  </a>{" "}
                  ({a.mimeType}, sha256 {a.sha256.slice(0, 12)}…)
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {mayDecide && (
        <Card as="section">
          <CardHeader>
            <CardTitle>{t("decisionTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DecisionForm kind={kind} id={id} canApprove={screening !== "PROHIBITED"} action={decideListingAction} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
