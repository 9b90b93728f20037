"use client";

import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { NotificationBell } from "@/components/notifications/bell";
import type { AccountArea } from "@/lib/auth/account-area";
import { Link } from "@/lib/i18n/navigation";
import { useAccount } from "./account-context";
import { SignOutButton } from "./sign-out-button";

const AREA_PATH: Record<AccountArea, string> = { workspace: "/account", admin: "/admin" };

/**
 * The header's right-hand side for this visitor: sign-in and registration links, or the user's
 * areas, name and roles, notification bell and sign-out. Rendered in the browser from GET /api/me,
 * so the page around it is the same cached page for everyone. Until the answer arrives it keeps its
 * place empty rather than flashing the wrong state.
 */
export function AccountMenu() {
  const t = useTranslations("nav");
  const tr = useTranslations("roles");
  const account = useAccount();
  if (account === undefined) return <span aria-hidden className="inline-block h-9 w-24" />;
  if (account === null) {
    return (
      <>
        <Link href="/login" className={buttonClasses("ghost", "sm")}>
          {t("signIn")}
        </Link>
        <Link href="/register" className={buttonClasses("primary", "sm")}>
          {t("register")}
        </Link>
      </>
    );
  }
  return (
    <>
      <nav aria-label={t("userMenu")} className="hidden items-center gap-1 md:flex">
        {account.areas.map((area) => (
          <Link key={area} href={AREA_PATH[area]} className={buttonClasses("ghost", "sm")}>
            {t(area)}
          </Link>
        ))}
      </nav>
      <span className="hidden text-right text-xs leading-tight lg:block" data-testid="signed-in-as">
        <span className="block font-medium">{account.name}</span>
        <span className="block text-muted">{account.roles.map((r) => tr(r)).join(", ")}</span>
      </span>
      <NotificationBell count={account.unread} />
      <SignOutButton label={t("signOut")} />
    </>
  );
}

/** The signed-in user's areas in the small-screen menu (nothing when signed out). */
export function AccountAreaLinks() {
  const t = useTranslations("nav");
  const account = useAccount();
  if (!account || account.areas.length === 0) return null;
  return (
    <ul className="mt-2 border-t border-border pt-2">
      {account.areas.map((area) => (
        <li key={area}>
          <Link href={AREA_PATH[area]} className="block rounded px-3 py-2 text-sm font-medium hover:bg-brand-50">
            {t(area)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
