import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * Header bell for any signed-in user: links to /account/notifications and shows the unread
 * count. The count is visual only; the link's accessible name says it ("3 thông báo chưa đọc").
 * Rendered by the header's account menu (in the browser) with the count from GET /api/me.
 */
export function NotificationBell({ count }: { count: number }) {
  const t = useTranslations("notifications");
  const label = t("bell.label", { count });
  return (
    <Link
      href="/account/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-brand-900 hover:bg-brand-50"
    >
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        className="size-5"
      >
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
        />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-accent-600 px-1 text-center text-xs leading-5 font-semibold text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
