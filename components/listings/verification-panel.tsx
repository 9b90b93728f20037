"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { requestVerificationAction, uploadOrganizationDocumentAction } from "@/app/[locale]/(account)/account/organization/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

/** Documents for the operator and the "request verification" button. */
export function VerificationPanel({ status, documents, maxMb }: { status: string; documents: { id: string; filename: string }[]; maxMb: number }) {
  const t = useTranslations("workspace");
  const tf = useTranslations("workspace.files");
  const [upload, dispatchUpload] = useActionState<ActionResult, FormData>(uploadOrganizationDocumentAction, { ok: true });
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const fileError = !upload.ok ? upload.fieldErrors.file?.map((c) => tf(`errors.${c}`, { max: maxMb })) : undefined;
  return (
    <div className="space-y-4">
      <ul className="list-disc pl-5 text-sm">
        {documents.length === 0 ? <li className="list-none text-muted">{tf("none")}</li> : documents.map((d) => (
          <li key={d.id}><a className="text-brand-700 underline" href={`/api/files/${d.id}`}>{d.filename}</a></li>
        ))}
      </ul>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); const data = new FormData(e.currentTarget); const file = data.get("file"); if (file instanceof File && file.size > maxMb * 1_048_576) { data.delete("file"); data.set("tooLarge", "1"); } startTransition(() => dispatchUpload(data)); }}>
        <Field id="org-file" label={t("org.document")} hint={tf("hint", { max: maxMb })} error={fileError}>
          {(aria) => <Input {...aria} type="file" name="file" accept=".pdf,.docx,.png,.jpg,.jpeg,.webp" />}
        </Field>
        <Button type="submit" variant="secondary" pending={pending}>{tf("upload")}</Button>
      </form>
      {(status === "UNVERIFIED" || status === "REJECTED") && (
        <Button pending={pending} onClick={() => startTransition(async () => setResult(await requestVerificationAction()))}>{t("org.requestVerification")}</Button>
      )}
      {result && (result.ok ? <Alert tone="success">{t("notices.verification_requested")}</Alert> : <Alert tone="danger">{t.has(`errors.${result.formError}`) ? t(`errors.${result.formError}`) : t("errors.unknown")}</Alert>)}
    </div>
  );
}
