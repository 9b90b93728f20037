/**
 * User-written plain text: blank lines separate paragraphs, single line breaks are kept. Rendered
 * as React text, never as HTML, so markup in a description shows as typed and cannot run.
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className={className ?? "space-y-3 leading-relaxed"}>
      {paragraphs.map((paragraph, i) => (
        <p key={i} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
