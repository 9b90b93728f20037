"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { deleteAttachmentAction, uploadAttachmentAction } from "@/app/[locale]/(account)/account/listing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import type { ListingKind } from "@/lib/listings/data";

export interface AttachmentItem { id: string; filename: string; kind: string; size: number; mimeType: string }

/** Images and documents of a listing: upload (type checked by content on the server) and delete. */
export function Attachments({ kind, listingId, items, editable, maxMb }: { kind: ListingKind; listingId: string; items: AttachmentItem[]; editable: boolean; maxMb: number }) {
  const t = useTranslations("workspace.files");
  const tw = useTranslations("workspace");
  const [state, dispatch] = useActionState<ActionResult, FormData>(uploadAttachmentAction.bind(null, kind, listingId), { ok: true });
  const [pending, startTransition] = useTransition();
  const fileError = !state.ok ? state.fieldErrors.file?.map((code) => t(`errors.${code}`, { max: maxMb })) : undefined;
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-border rounded border border-border bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 p-3 text-sm">
              <a href={`/api/files/${item.id}`} className="font-medium text-brand-700 hover:underline">{item.filename}</a>
              <span className="text-muted">{t(`kind.${item.kind}`)} · {(item.size / 1024).toFixed(0)} KB</span>
              {editable && (
                <Button
                  size="sm"
                  variant="ghost"
                  pending={pending}
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { name: item.filename }))) startTransition(async () => void (await deleteAttachmentAction(kind, listingId, item.id)));
                  }}
                >
                  {t("delete")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form
          className="grid items-end gap-3 md:grid-cols-[1fr_12rem_auto]"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            // Checked here too so an oversized file is refused before it is sent at all.
            const file = data.get("file");
            if (file instanceof File && file.size > maxMb * 1_048_576) { data.delete("file"); data.set("tooLarge", "1"); }
            startTransition(() => dispatch(data));
          }}
        >
          <Field id="file" label={t("file")} hint={t("hint", { max: maxMb })} error={fileError}>
            {(aria) => <Input {...aria} type="file" name="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp" />}
          </Field>
          <Field id="attachment-kind" label={t("kindLabel")}>
            {(aria) => (
              <Select {...aria} name="kind" defaultValue="DOCUMENT">
                <option value="DOCUMENT">{t("kind.DOCUMENT")}</option>
                <option value="IMAGE">{t("kind.IMAGE")}</option>
              </Select>
            )}
          </Field>
          <Button type="submit" pending={pending}>{t("upload")}</Button>
        </form>
      ) : (
        <p className="text-sm text-muted">{tw("attachmentsLocked")}</p>
      )}
      {state.ok && state.message === "uploaded" && <Alert tone="success">{t("uploaded")}</Alert>}
      {!state.ok && state.formError && <Alert tone="danger">{tw.has(`errors.${state.formError}`) ? tw(`errors.${state.formError}`) : tw("errors.unknown")}</Alert>}
    </div>
  );
}
