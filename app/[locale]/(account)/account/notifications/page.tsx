import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotificationItem } from "@/components/notifications/notification-item";
import { SubmitButton } from "@/components/notifications/submit-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { pageNumber } from "@/lib/page-number";
import { listNotifications } from "@/lib/notifications/queries";
import { markAllReadAction, markReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title"), robots: { index: false } };
}

/** Every signed-in user's notifications (staff included: the page checks only that one is signed in). */
export default async function NotificationsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/account/notifications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const t = await getTranslations("notifications");
  const tp = await getTranslations("pagination");
  const page = pageNumber((await searchParams).page);
  const list = await listNotifications(user.id, page, locale);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-muted">{t("description")}</p>
          <p className="text-sm font-medium" data-testid="unread-summary">
            {t("unreadSummary", { count: list.unread })}
          </p>
        </div>
        {list.unread > 0 && (
          <form action={markAllReadAction}>
            <SubmitButton variant="secondary">{t("markAllRead")}</SubmitButton>
          </form>
        )}
      </div>

      {list.items.length === 0 ? (
        <EmptyState title={t("empty.title")} description={t("empty.description")} />
      ) : (
        <ul
          aria-label={t("listLabel")}
          className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface shadow-sm"
        >
          {list.items.map((item) => (
            <NotificationItem key={item.id} item={item} markRead={markReadAction} />
          ))}
        </ul>
      )}

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => `?page=${p}`}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
