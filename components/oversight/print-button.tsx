"use client";

/** Opens the browser's print dialog (the review page is laid out for print). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="btn btn-secondary btn-sm">
      {label}
    </button>
  );
}
