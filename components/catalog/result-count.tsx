/** "58 công nghệ": the number of results for the current filters, announced when it changes. */
export function ResultCount({ text }: { text: string }) {
  return (
    <p role="status" data-testid="result-count" className="text-sm font-medium text-foreground">
      {text}
    </p>
  );
}
