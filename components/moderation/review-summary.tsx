import { getFormatter, getTranslations } from "next-intl/server";
import { FactList } from "@/components/catalog/fact-list";
import { Badge } from "@/components/ui/badge";
import type { ListingKind } from "@/lib/listings/kinds";
import { EMPTY, type ReviewField } from "./review-fields";
import { CHECKS, type CheckItem } from "./review-checks";

/** What the moderation page reads of a listing besides its editable fields. */
export interface ReviewRecord {
  status: string;
  screening: string;
  submittedAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  organization: { name: string; verificationStatus: string };
  createdBy: { name: string; email: string };
  attachments: { id: string; kind: string; filename: string; size: number; sha256: string }[];
}

/** Status, organization, author and dates of the listing, in words. */
export async function ReviewSummary({ listing, screening }: { listing: ReviewRecord; screening: string }) {
  const t = await getTranslations("moderation.meta");
  const te = await getTranslations("enums");
  const tv = await getTranslations("verification");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, "datetime") : EMPTY);
  const verified = listing.organization.verificationStatus === "VERIFIED";
  return (
    <FactList
      facts={[
        { label: t("status"), value: te(`listingStatus.${listing.status}`) },
        {
          label: t("organization"),
          value: (
            <>
              {listing.organization.name}{" "}
              <Badge tone={verified ? "success" : "warning"}>{tv(listing.organization.verificationStatus)}</Badge>
            </>
          ),
        },
        { label: t("createdBy"), value: `${listing.createdBy.name} (${listing.createdBy.email})` },
        { label: t("screening"), value: te(`screening.${screening}`) },
        { label: t("submittedAt"), value: when(listing.submittedAt) },
        { label: t("publishedAt"), value: when(listing.publishedAt) },
        { label: t("expiresAt"), value: when(listing.expiresAt) },
      ]}
    />
  );
}

/** The attachments with their kind and size in words; each opens through the access-checked file route. */
export async function ReviewAttachments({ attachments }: { attachments: ReviewRecord["attachments"] }) {
  const t = await getTranslations("moderation");
  const tk = await getTranslations("files.kind");
  const format = await getFormatter();
  if (attachments.length === 0) return <p className="text-sm text-muted">{t("attachmentsEmpty")}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {attachments.map((a) => (
        <li key={a.id}>
          <a className="font-medium text-brand-700 underline" href={`/api/files/${a.id}`}>
            {a.filename}
          </a>
          <span className="block text-xs text-muted">
            {t("attachmentMeta", {
              kind: tk.has(a.kind) ? tk(a.kind) : a.kind,
              size: format.number(Math.max(a.size, 1) / 1024, { maximumFractionDigits: 1 }),
              hash: a.sha256.slice(0, 12),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The checklist for `kind`, each point with the fact the page knows about it (in words). */
export async function checkItems(
  kind: ListingKind,
  listing: ReviewRecord,
  screening: string,
  fields: ReviewField[],
): Promise<CheckItem[]> {
  const t = await getTranslations("moderation.checklist");
  const te = await getTranslations("enums");
  const tv = await getTranslations("verification");
  const field = (key: string) => {
    const value = fields.find((f) => f.key === key)?.value;
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const facts: Record<string, Omit<CheckItem, "key">> = {
    organization: {
      fact: tv(listing.organization.verificationStatus),
      attention: listing.organization.verificationStatus !== "VERIFIED",
    },
    title: { fact: field("titleVi") },
    screening: { fact: te(`screening.${screening}`), attention: screening !== "CLEAR" },
    documents: { fact: t("documentsFact", { count: listing.attachments.length }) },
    ip: {
      fact: [field("ipStatus"), field("ipTitleNumber")].filter((v) => v && v !== EMPTY).join(" · "),
    },
    price: { fact: field("price") },
    budget: { fact: field("budget") },
  };
  return CHECKS[kind].map((key) => ({ key, ...facts[key] }));
}
