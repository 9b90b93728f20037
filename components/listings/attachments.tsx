"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import type { ListingKind } from "@/lib/listings/kinds";
import type { UploadQuery } from "@/lib/files/schemas";
import { sendUpload, uploadUrl } from "@/lib/files/upload-client";

export interface AttachmentItem {
  id: string;
  filename: string;
  kind: string;
  size: number;
  mimeType: string;
}

/** Deletes one attachment of a listing: the workspace's server action, passed down from the page. */
export type DeleteAttachment = (kind: ListingKind, listingId: string, attachmentId: string) => Promise<ActionResult>;

/** Images and documents of a listing: upload (type checked by content on the server) and delete. */
export function Attachments({
  kind,
  listingId,
  items,
  editable,
  maxMb,
  deleteAttachment,
}: {
  kind: ListingKind;
  listingId: string;
  items: AttachmentItem[];
  editable: boolean;
  maxMb: number;
  deleteAttachment: DeleteAttachment;
}) {
  const t = useTranslations("workspace.files");
  const tw = useTranslations("workspace");
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-border rounded border border-border bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex items-center justify-between gap-3 p-3 text-sm">
              <a href={`/api/files/${item.id}`} className="font-medium text-brand-700 hover:underline">
                {item.filename}
              </a>
              <span className="text-muted">
                {t(`kind.${item.kind}`)} · {(item.size / 1024).toFixed(0)} KB
              </span>
              {editable && (
                <Button
                  size="sm"
                  variant="ghost"
                  pending={pending}
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { name: item.filename })))
                      startTransition(async () => void (await deleteAttachment(kind, listingId, item.id)));
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
        <UploadForm
          id="file"
          maxMb={maxMb}
          target={(data) => ({ for: kind, id: listingId, kind: data.get("kind") === "IMAGE" ? "IMAGE" : "DOCUMENT" })}
          className="grid items-end gap-3 md:grid-cols-[1fr_12rem_auto]"
        >
          <Field id="attachment-kind" label={t("kindLabel")}>
            {(aria) => (
              <Select {...aria} name="kind" defaultValue="DOCUMENT">
                <option value="DOCUMENT">{t("kind.DOCUMENT")}</option>
                <option value="IMAGE">{t("kind.IMAGE")}</option>
              </Select>
            )}
          </Field>
        </UploadForm>
      ) : (
        <p className="text-sm text-muted">{tw("attachmentsLocked")}</p>
      )}
    </div>
  );
}

type UploadState =
  { phase: "idle" } | { phase: "sending"; percent: number } | { phase: "done" } | { phase: "failed"; error: string };

/**
 * A one-file upload form that streams the file to POST /api/uploads (never through a server
 * action), shows the progress, keeps the chosen file and the other fields on error, and refreshes
 * the page's list on success. `target` turns the form's other fields into the upload's target.
 */
export function UploadForm({
  id,
  label,
  maxMb,
  target,
  accept = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp",
  buttonVariant,
  className,
  children,
}: {
  id: string;
  /** The file field's label (default: "Choose a file"). */
  label?: string;
  maxMb: number;
  target: (data: FormData) => UploadQuery;
  accept?: string;
  buttonVariant?: "secondary";
  className?: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("workspace.files");
  const tf = useTranslations("files");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const [refreshing, startRefresh] = useTransition();
  const sending = state.phase === "sending";

  // Texts of workspace.files first (the wording users know), then the upload route's own keys.
  const describe = (message: string) => {
    if (t.has(message)) return t(message, { max: maxMb });
    return tf.has(message) ? tf(message, { max: maxMb }) : tf("errors.unknown");
  };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0)
      return setState({ phase: "failed", error: describe("errors.file_required") });
    // Checked here too so an oversized file is refused before it is sent at all.
    if (file.size > maxMb * 1_048_576) return setState({ phase: "failed", error: describe("errors.too_large") });
    setState({ phase: "sending", percent: 0 });
    const answer = await sendUpload(uploadUrl(target(data)), file, (fraction) =>
      setState({ phase: "sending", percent: Math.floor(fraction * 100) }),
    );
    if (!answer.ok) return setState({ phase: "failed", error: describe(answer.message) });
    form.current?.reset();
    setState({ phase: "done" });
    startRefresh(() => router.refresh());
  }

  return (
    <div className="space-y-3">
      <form ref={form} className={className} onSubmit={submit} aria-busy={sending || undefined}>
        <Field
          id={id}
          label={label ?? t("file")}
          hint={t("hint", { max: maxMb })}
          error={state.phase === "failed" ? state.error : undefined}
        >
          {(aria) => <Input {...aria} type="file" name="file" accept={accept} disabled={sending} />}
        </Field>
        {children}
        <Button type="submit" variant={buttonVariant} pending={sending || refreshing}>
          {t("upload")}
        </Button>
      </form>
      {sending && (
        <div className="space-y-1" role="status">
          <progress className="w-full" max={100} value={state.percent} aria-label={tf("upload.progressLabel")} />
          <p className="text-sm text-muted">{tf("upload.uploading", { percent: state.percent })}</p>
        </div>
      )}
      {state.phase === "done" && <Alert tone="success">{t("uploaded")}</Alert>}
    </div>
  );
}
