/** A week's Monday ("2026-11-23") as the charts and tables label it: "23/11". */
export function weekLabel(week: string): string {
  const [, month = "", day = ""] = week.split("-");
  return `${day}/${month}`;
}
