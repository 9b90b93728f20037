import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DealView } from "@/lib/deals/queries";
import { DEAL_DOCUMENT_PURPOSES, documentUploadBlock, type DealDocumentSide } from "@/lib/deals/document-access";
import { DealDocumentUpload } from "./document-upload";

/**
 * The deal's documents (issue #12 item 2): every series with its newest version first, its kind,
 * who added it, its SHA-256 and earlier versions; a count of the confidential ones still sealed
 * from the viewer; and, for those who may add one now, the upload form.
 */
export async function DealDocuments({ view, maxMb }: { view: DealView; maxMb: number }) {
  const t = await getTranslations("deals.documents");
  const format = await getFormatter();
  const { deal, viewer, documents } = view;
  const mySide: DealDocumentSide | null =
    viewer.kind === "party" ? viewer.side : viewer.kind === "participant" ? "participant" : null;
  const facts = { state: deal.state, signedAt: deal.signedAt };
  const purposes = DEAL_DOCUMENT_PURPOSES.filter((p) => documentUploadBlock(viewer, facts, p, false) === null);
  const mayBeConfidential = documentUploadBlock(viewer, facts, "DOCUMENT", true) === null;
  const own = documents.series.flatMap((s) =>
    s.side === mySide && s.versions[0]
      ? [{ seriesId: s.seriesId, latestId: s.versions[0].id, name: s.versions[0].filename, purpose: s.purpose }]
      : [],
  );
  const sideName = (side: DealDocumentSide) => t(`side.${side}`);
  const kb = (size: number) => format.number(Math.max(1, Math.round(size / 1024)));

  return (
    <section aria-labelledby="deal-documents" className="space-y-4" data-testid="deal-documents">
      <div>
        <h2 id="deal-documents" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">{t("lead")}</p>
      </div>
      {documents.series.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-white">
          {documents.series.map((s) => {
            const [latest, ...older] = s.versions;
            if (!latest) return null;
            return (
              <li key={s.seriesId} className="space-y-1 p-3 text-sm" data-testid="deal-document">
                <div className="flex flex-wrap items-center gap-2">
                  <a href={`/api/files/${latest.id}`} className="font-medium text-brand-700 hover:underline">
                    {latest.filename}
                  </a>
                  <Badge tone="neutral">{t(`purpose.${s.purpose}`)}</Badge>
                  {s.confidential && <Badge tone="warning">{t("confidential")}</Badge>}
                  <span className="text-muted">{t("version", { version: latest.version })}</span>
                </div>
                <p className="text-xs text-muted">
                  {t("by", { name: latest.uploadedBy, side: sideName(s.side) })} ·{" "}
                  {format.dateTime(latest.createdAt, "datetime")} · {kb(latest.size)} KB
                  {s.contractVersion !== null ? ` · ${t("forContract", { version: s.contractVersion })}` : ""}
                </p>
                <p className="break-all font-mono text-xs text-muted">SHA-256: {latest.sha256}</p>
                {older.length > 0 && (
                  <details className="text-xs">
                    <summary className="cursor-pointer text-brand-700">{t("older", { count: older.length })}</summary>
                    <ul className="mt-1 space-y-1">
                      {older.map((v) => (
                        <li key={v.id}>
                          <a href={`/api/files/${v.id}`} className="text-brand-700 hover:underline">
                            {t("version", { version: v.version })} · {v.filename}
                          </a>{" "}
                          · {format.dateTime(v.createdAt, "datetime")} ·{" "}
                          <span className="break-all font-mono">{v.sha256.slice(0, 16)}…</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {documents.sealed > 0 && (
        <p className="text-sm text-muted" data-testid="deal-documents-sealed">
          {t(viewer.kind === "participant" ? "sealedParticipant" : "sealed", { count: documents.sealed })}
        </p>
      )}
      {purposes.length > 0 && (
        <div className="rounded-lg border border-border bg-surface-muted p-3">
          <h3 className="mb-2 text-sm font-semibold">{t("upload.heading")}</h3>
          <DealDocumentUpload
            reference={deal.reference}
            purposes={purposes}
            mayBeConfidential={mayBeConfidential}
            ownDocuments={own}
            maxMb={maxMb}
          />
        </div>
      )}
    </section>
  );
}
