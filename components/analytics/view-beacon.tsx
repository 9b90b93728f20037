"use client";

import { useEffect } from "react";

/** Listings already reported from this page load (a re-render, a remount or React's dev double effect). */
const reported = new Set<string>();

/** Marks a listing as reported for the rest of the tab's session; false when it already was. */
function firstInSession(key: string): boolean {
  try {
    if (window.sessionStorage.getItem(key)) return false;
    window.sessionStorage.setItem(key, "1");
  } catch {
    // Storage disabled (private mode, strict settings): fall back to once per page load.
  }
  return true;
}

/**
 * Counts a view of a listing's public page (issue #15 item 8) by reporting it to
 * `POST /api/listings/view`. The page is cached and shared, so the count must come from each
 * visitor's browser — which also leaves out the crawlers that do not run scripts. Once per listing
 * and browser tab session: reloading or coming back to the page in the same tab counts nothing
 * more; the mark stays in the tab (sessionStorage) and is never sent. The request carries the
 * site's own cookies so that the server can leave out the owner's own views; it stores nothing
 * about the visitor. Renders nothing.
 */
export function ViewBeacon({ kind, id }: { kind: "offer" | "demand"; id: string }) {
  useEffect(() => {
    const key = `techex:view:${kind}:${id}`;
    if (reported.has(key)) return;
    reported.add(key);
    if (!firstInSession(key)) return;
    // fetch (not sendBeacon): the report leaves on load, not on unload, and keepalive lets it finish
    // if the visitor navigates away at once.
    void fetch("/api/listings/view", {
      method: "POST",
      body: JSON.stringify({ kind, id }),
      headers: { "Content-Type": "application/json" },
      keepalive: true,
      credentials: "same-origin",
    }).catch(() => {});
  }, [kind, id]);
  return null;
}
