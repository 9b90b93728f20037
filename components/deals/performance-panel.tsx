import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DealView } from "@/lib/deals/queries";
import type { DealSide } from "@/lib/deals/parties";
import type { ActionResult } from "@/lib/errors";
import { MilestoneAction, RatingForm } from "./performance-forms";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * Performance of the signed contract (issue #12 item 6): each milestone with its date, who
 * delivers it and its amount; done when its party marks it and the other confirms; the ratings
 * once the deal is completed.
 */
export async function PerformancePanel({
  deal,
  side,
  milestoneAction,
  rateAction,
}: {
  deal: DealView["deal"];
  /** The viewing party's side, or null (staff, intermediaries: read-only). */
  side: DealSide | null;
  milestoneAction?: Action;
  rateAction?: Action;
}) {
  const t = await getTranslations("deals.performance");
  const tc = await getTranslations("deals.contract");
  const format = await getFormatter();
  const performing = deal.state === "IN_PERFORMANCE";
  const myRating = side ? deal.ratings.find((r) => r.ratedSide !== side) : undefined;
  return (
    <section aria-labelledby="deal-performance" className="space-y-3 rounded-lg border border-border bg-white p-4">
      <h2 id="deal-performance" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {deal.milestones.length === 0 ? (
        <p className="text-sm text-muted">{t("noMilestones")}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="milestones">
          {deal.milestones.map((m) => {
            const mine = m.responsible === null || m.responsible === side;
            return (
              <li key={m.id} className="space-y-1 border-b border-border pb-2 last:border-0">
                <p className="font-medium">{m.title}</p>
                <p className="text-xs text-muted">
                  {format.dateTime(m.dueDate, "short")}
                  {m.responsible ? ` · ${tc(`sides.${m.responsible}`)}` : ""}
                  {m.amount !== null ? ` · ${format.number(m.amount, "vnd")}` : ""}
                </p>
                <Badge tone={m.confirmedAt ? "success" : m.doneAt ? "warning" : "neutral"}>
                  {t(m.confirmedAt ? "state.confirmed" : m.doneAt ? "state.done" : "state.open")}
                </Badge>
                {side && milestoneAction && performing && !m.doneAt && mine && (
                  <MilestoneAction milestoneId={m.id} step="done" title={m.title} action={milestoneAction} />
                )}
                {side && milestoneAction && performing && m.doneAt && !m.confirmedAt && m.responsible !== side && (
                  <MilestoneAction milestoneId={m.id} step="confirm" title={m.title} action={milestoneAction} />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {deal.ratings.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="ratings">
          {deal.ratings.map((r) => (
            <li key={r.ratedSide}>
              {t("ratingOf", { side: tc(`sides.${r.ratedSide}`), n: r.stars })}
              {r.comment ? ` — ${r.comment}` : ""}
            </li>
          ))}
        </ul>
      )}
      {/* Kept mounted after rating, so that the thanks stay in view once the rating is listed above. */}
      {deal.state === "COMPLETED" && side && rateAction && (
        <RatingForm action={rateAction} rated={myRating !== undefined} />
      )}
    </section>
  );
}
