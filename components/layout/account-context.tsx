"use client";

import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import type { AccountSummary } from "@/lib/auth/account-area";

/** `undefined` while the browser asks, `null` when signed out. */
type AccountState = AccountSummary | null | undefined;

const AccountContext = createContext<AccountState>(undefined);

/**
 * Asks GET /api/me for the signed-in visitor after the (cached, shared) page arrived, and again on
 * each navigation (sign-in and sign-out move to another page; the unread count changes). The
 * header's account parts read it with `useAccount()`.
 */
export function AccountProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [account, setAccount] = useState<AccountState>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: AccountSummary | null }>) : null))
      .then((body) => setAccount(body ? body.user : null))
      .catch((error: unknown) => {
        // A navigation cancelled it: the next one asks again. Anything else shows the signed-out links.
        if (!(error instanceof DOMException && error.name === "AbortError")) setAccount(null);
      });
    return () => controller.abort();
  }, [pathname]);
  return <AccountContext value={account}>{children}</AccountContext>;
}

export function useAccount(): AccountState {
  return use(AccountContext);
}
