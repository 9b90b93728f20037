import { getFormatter, getTranslations } from "next-intl/server";

export type AttachmentItem = { id: string; kind: "IMAGE" | "DOCUMENT"; filename: string; size: number };

/** Images inline and documents as download links; both are served by /api/files/<id>. */
export async function AttachmentList({ attachments }: { attachments: AttachmentItem[] }) {
  const t = await getTranslations("catalog.detail");
  const format = await getFormatter();
  const images = attachments.filter((a) => a.kind === "IMAGE");
  const documents = attachments.filter((a) => a.kind === "DOCUMENT");
  return (
    <>
      {images.length > 0 && (
        <section aria-labelledby="images-heading">
          <h2 id="images-heading" className="mb-3 text-lg font-semibold">
            {t("images")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {images.map((image) => (
              <li key={image.id}>
                {/* A plain <img>: files come from our own access-checked route, not the image optimizer. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={`/api/files/${image.id}`}
                  alt={image.filename}
                  loading="lazy"
                  decoding="async"
                  // A fixed box (4:3, the image contained in it): the page does not shift as images load.
                  width={640}
                  height={480}
                  className="aspect-[4/3] h-auto w-full rounded-md border border-border bg-surface-muted object-contain"
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading" className="mb-3 text-lg font-semibold">
            {t("documents")}
          </h2>
          <ul className="space-y-2">
            {documents.map((doc) => (
              <li key={doc.id}>
                <a
                  href={`/api/files/${doc.id}`}
                  download={doc.filename}
                  className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                >
                  {doc.filename}
                </a>{" "}
                <span className="text-sm text-muted">
                  ({t("size", { size: format.number(Math.max(doc.size, 1) / 1024, { maximumFractionDigits: 1 }) })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
