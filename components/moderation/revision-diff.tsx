import { getTranslations } from "next-intl/server";
import { FieldValue } from "./field-value";
import { sameValue, type ReviewField } from "./review-fields";

/** The fields whose words differ between the published version and the proposed one. */
export function changedFields(published: ReviewField[], proposed: ReviewField[]) {
  return proposed.flatMap((after) => {
    const before = published.find((f) => f.key === after.key);
    return before && !sameValue(before.value, after.value) ? [{ before, after }] : [];
  });
}

const asList = (value: ReviewField["value"]) => new Set(Array.isArray(value) ? value : []);

/**
 * A published listing's revision, side by side: for each changed field the published words and the
 * proposed ones (list items removed and added are marked). Two columns from 640 px; on a phone the
 * two versions stack, each with its own caption.
 */
export async function RevisionDiff({ changes }: { changes: ReturnType<typeof changedFields> }) {
  const t = await getTranslations("moderation.diff");
  if (changes.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <div className="space-y-3 text-sm" data-testid="revision-diff">
      <p className="text-muted">{t("lead")}</p>
      <div className="hidden gap-3 font-semibold sm:grid sm:grid-cols-2" aria-hidden="true">
        <span>{t("published")}</span>
        <span>{t("proposed")}</span>
      </div>
      <ol className="space-y-4">
        {changes.map(({ before, after }) => {
          const was = asList(before.value);
          const now = asList(after.value);
          return (
            <li key={after.key} data-testid={`diff-${after.key}`}>
              <h3 className="mb-1.5 font-medium">{after.label}</h3>
              <div className="grid gap-2 sm:grid-cols-2">
                <div className="rounded-md border border-danger-200 bg-danger-50 p-3 break-words">
                  <p className="mb-1 text-xs font-semibold text-danger-800 sm:sr-only">{t("published")}</p>
                  <FieldValue
                    field={before}
                    marked={new Set([...was].filter((v) => !now.has(v)))}
                    markLabel={t("removed")}
                  />
                </div>
                <div className="rounded-md border border-success-200 bg-success-50 p-3 break-words">
                  <p className="mb-1 text-xs font-semibold text-success-800 sm:sr-only">{t("proposed")}</p>
                  <FieldValue
                    field={after}
                    marked={new Set([...now].filter((v) => !was.has(v)))}
                    markLabel={t("added")}
                  />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
