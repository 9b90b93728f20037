"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { UploadForm } from "@/components/listings/attachments";
import { Field } from "@/components/ui/field";
import { Checkbox, Select } from "@/components/ui/input";
import type { DealDocumentPurpose } from "@/lib/deals/document-access";

/**
 * Adds a document to a deal through the streaming upload route (`?for=deal`): its kind (what the
 * party may add now), whether it is confidential, and whether it is a new version of one of the
 * side's own documents. The route checks all of it again (lib/files/deal-documents.ts).
 */
export function DealDocumentUpload({
  reference,
  purposes,
  mayBeConfidential,
  ownDocuments,
  maxMb,
}: {
  reference: string;
  purposes: readonly DealDocumentPurpose[];
  mayBeConfidential: boolean;
  /** The side's own document series: a new version joins one of them. */
  ownDocuments: readonly { seriesId: string; latestId: string; name: string; purpose: DealDocumentPurpose }[];
  maxMb: number;
}) {
  const t = useTranslations("deals.documents");
  const [purpose, setPurpose] = useState<DealDocumentPurpose>(purposes[0] ?? "DOCUMENT");
  const replaceable = ownDocuments.filter((d) => d.purpose === purpose);
  return (
    <UploadForm
      id="deal-document"
      maxMb={maxMb}
      accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp"
      className="grid gap-3"
      target={(data) => {
        const replaces = String(data.get("replaces") ?? "");
        return {
          for: "deal",
          id: reference,
          purpose,
          confidential: data.get("confidential") === "on" ? "1" : "0",
          ...(replaces ? { replaces } : {}),
        };
      }}
    >
      {purposes.length > 1 && (
        <Field id="deal-document-purpose" label={t("upload.purpose")}>
          {(aria) => (
            <Select
              {...aria}
              name="purpose"
              value={purpose}
              onChange={(event) => setPurpose(event.currentTarget.value as DealDocumentPurpose)}
            >
              {purposes.map((p) => (
                <option key={p} value={p}>
                  {t(`purpose.${p}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {purpose === "SIGNED_CONTRACT" && <p className="text-sm text-muted">{t("upload.scanHint")}</p>}
      {replaceable.length > 0 && (
        <Field id="deal-document-replaces" label={t("upload.replaces")}>
          {(aria) => (
            <Select {...aria} name="replaces" defaultValue="">
              <option value="">{t("upload.newDocument")}</option>
              {replaceable.map((d) => (
                <option key={d.seriesId} value={d.latestId}>
                  {t("upload.newVersionOf", { name: d.name })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {mayBeConfidential && purpose === "DOCUMENT" && <Checkbox name="confidential" label={t("upload.confidential")} />}
    </UploadForm>
  );
}
