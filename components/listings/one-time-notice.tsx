"use client";

import { useEffect } from "react";
import { Alert, type AlertTone } from "@/components/ui/alert";

/**
 * A notice carried to the page by a query parameter (`?saved=1` after a redirect): shown once, and
 * the parameter is taken out of the address at once, so a reload, a bookmark or the next state
 * change does not show it again (no stale banner). `history.replaceState` keeps Next's router in
 * step with the new address.
 */
export function OneTimeNotice({
  param,
  tone,
  children,
}: {
  param: string;
  tone: AlertTone;
  children: React.ReactNode;
}) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [param]);
  return <Alert tone={tone}>{children}</Alert>;
}
