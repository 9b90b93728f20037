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
 * Under 24rem (a 320–383 px phone) the header has no room for a second button: registration or
 * sign-out moves into the small-screen menu (`AccountAreaLinks`).
 */
const NARROW_HIDDEN = "max-[24rem]:hidden";
const NARROW_ONLY = "min-[24rem]:hidden";

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
        <Link href="/register" className={buttonClasses("primary", "sm", NARROW_HIDDEN)}>
          {t("register")}
        </Link>
      </>
    );
  }
  const roles = account.roles.map((r) => tr(r)).join(", ");
  return (
    <>
      <nav aria-label={t("userMenu")} className="hidden items-center gap-1 lg:flex">
        {account.areas.map((area) => (
          <Link key={area} href={AREA_PATH[area]} className={buttonClasses("ghost", "sm")}>
            {t(area)}
          </Link>
        ))}
      </nav>
      {/* Long names and several roles are cut to one line each (whole in the tooltip). */}
      <span
        className="hidden max-w-40 min-w-0 text-right text-xs leading-tight xl:block"
        data-testid="signed-in-as"
        title={`${account.name} · ${roles}`}
      >
        <span className="block truncate font-medium">{account.name}</span>
        <span className="block truncate text-muted">{roles}</span>
      </span>
      <NotificationBell count={account.unread} />
      <span className={NARROW_HIDDEN}>
        <SignOutButton label={t("signOut")} />
      </span>
    </>
  );
}

/**
 * The account part of the small-screen menu: the signed-in user's areas, and what the header had no
 * room for on the narrowest phones (registration, sign-out).
 */
export function AccountAreaLinks() {
  const t = useTranslations("nav");
  const account = useAccount();
  if (account === undefined) return null;
  if (account === null) {
    return (
      <p className={`mt-2 border-t border-border pt-3 ${NARROW_ONLY}`}>
        <Link href="/register" className={buttonClasses("primary", "sm")}>
          {t("register")}
        </Link>
      </p>
    );
  }
  return (
    <>
      {account.areas.length > 0 && (
        <ul className="mt-2 border-t border-border pt-2">
          {account.areas.map((area) => (
            <li key={area}>
              <Link href={AREA_PATH[area]} className="block rounded px-3 py-2 text-sm font-medium hover:bg-brand-50">
                {t(area)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className={`mt-2 border-t border-border pt-3 ${NARROW_ONLY}`}>
        <SignOutButton label={t("signOut")} />
      </p>
    </>
  );
}
