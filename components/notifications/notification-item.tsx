import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/i18n/navigation";
import type { NotificationItem as Item } from "@/lib/notifications/queries";
import { SubmitButton } from "./submit-button";

/** One notification in the list; unread ones stand out (tint, "New" badge, bold title). */
export async function NotificationItem({
  item,
  markRead,
}: {
  item: Item;
  markRead: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const unread = item.readAt === null;
  const titleId = `notification-${item.id}`;
  return (
    <li className={cn("px-5 py-4", unread && "bg-brand-50")} data-unread={unread || undefined}>
      <article aria-labelledby={titleId} className="space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          {unread && <Badge tone="brand">{t("new")}</Badge>}
          <h2 id={titleId} className={cn("text-base leading-snug", unread ? "font-semibold" : "font-normal")}>
            {item.title}
          </h2>
        </div>
        <p className="text-sm text-foreground">{item.body}</p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="text-xs text-muted">
            <time dateTime={item.createdAt.toISOString()}>
              {t("receivedAt", { time: format.dateTime(item.createdAt, "datetime") })}
            </time>
          </p>
          {item.link && (
            <Link href={item.link} className={buttonClasses("ghost", "sm")} aria-describedby={titleId}>
              {t("open")}
            </Link>
          )}
          {unread && (
            <form action={markRead}>
              <input type="hidden" name="id" value={item.id} />
              <SubmitButton variant="ghost" size="sm" aria-describedby={titleId}>
                {t("markRead")}
              </SubmitButton>
            </form>
          )}
        </div>
      </article>
    </li>
  );
}
