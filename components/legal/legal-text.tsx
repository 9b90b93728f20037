import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { parseLegalText, sectionAnchor } from "@/lib/legal/content";
import { effectiveDate, LEGAL_DOCUMENTS, type LegalDocumentId } from "@/lib/legal/documents";
import { richText } from "./rich-text";

type Props = {
  /** The text's key in messages/<locale>/legal.json. */
  name: "about" | "terms" | "privacy";
  /** Prefix of the sections' anchors: "article" gives #article-1, #article-2… */
  anchorPrefix: string;
  /** A versioned document shows its version and effective date (lib/legal/documents.ts). */
  document?: LegalDocumentId;
  /** A table of contents linking every section. */
  toc?: boolean;
  /** Rendered after the last section (related links, contact details). */
  children?: ReactNode;
};

/**
 * A long text of the legal catalogue as one readable column: the only h1, the version line, the
 * lead, an optional table of contents, then each section under its h2 with its own anchor.
 */
export async function LegalText({ name, anchorPrefix, document, toc = false, children }: Props) {
  const t = await getTranslations("legal");
  const text = parseLegalText(t.raw(name), name);
  const rich = richText();
  const say = (key: string) => t.rich(`${name}.${key}`, rich);
  const anchor = (i: number) => sectionAnchor(anchorPrefix, i);

  return (
    <article className="mx-auto max-w-prose min-w-0 space-y-8 wrap-break-word">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{text.title}</h1>
        {document && <VersionLine id={document} />}
        <p className="text-lg text-muted">{say("description")}</p>
      </header>

      {toc && (
        <nav aria-labelledby={`${anchorPrefix}-contents`} className="rounded-lg border border-border bg-surface p-4">
          <h2 id={`${anchorPrefix}-contents`} className="mb-2 text-lg font-semibold">
            {t("contents")}
          </h2>
          <ol className="space-y-1">
            {text.sections.map((section, i) => (
              <li key={anchor(i)}>
                <a href={`#${anchor(i)}`} className="text-brand-600 underline">
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {text.sections.map((section, i) => (
        <section key={anchor(i)} id={anchor(i)} aria-labelledby={`${anchor(i)}-title`} className="space-y-3">
          <h2 id={`${anchor(i)}-title`} className="text-xl font-semibold">
            {section.title}
          </h2>
          {section.blocks.map((block, j) =>
            typeof block === "string" ? (
              <p key={j}>{say(`sections.${i}.blocks.${j}`)}</p>
            ) : (
              <ul key={j} className="list-disc space-y-1 pl-6">
                {block.map((_, k) => (
                  <li key={k}>{say(`sections.${i}.blocks.${j}.${k}`)}</li>
                ))}
              </ul>
            ),
          )}
        </section>
      ))}

      {children}
    </article>
  );
}

/** "Phiên bản 2026-11-24 · Hiệu lực từ 24 tháng 11, 2026", and a notice while the text awaits approval. */
async function VersionLine({ id }: { id: LegalDocumentId }) {
  const t = await getTranslations("legal");
  const format = await getFormatter();
  const doc = LEGAL_DOCUMENTS[id];
  return (
    <>
      <p className="text-sm text-muted" data-testid="legal-version">
        {t.rich("versionLine", {
          version: doc.version,
          date: format.dateTime(effectiveDate(id), "long"),
          time: (chunks) => <time dateTime={doc.effectiveFrom}>{chunks}</time>,
        })}
      </p>
      {doc.pendingApproval && (
        <p className="rounded border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">
          {t("pendingApproval")}
        </p>
      )}
    </>
  );
}
