"use client";

import { useEffect } from "react";

/** Queries already reported from this page load: a re-render, a remount or React's dev double effect send nothing more. */
const reported = new Set<string>();

/**
 * Reports a search that found nothing (issue #14 item 4) to `POST /api/search/miss`, once per query
 * and page load. Rendered by the search page on an empty result: the page is cached and shared, so
 * the count must come from each visitor's browser. The server searches again before counting and
 * keeps nothing about the visitor. Renders nothing.
 */
export function MissBeacon({ q }: { q: string }) {
  useEffect(() => {
    const text = q.trim();
    if (!text || reported.has(text)) return;
    reported.add(text);
    const body = JSON.stringify({ q: text.slice(0, 500) });
    const url = "/api/search/miss";
    // sendBeacon survives leaving the page; it refuses (false) when the browser's queue is full.
    const sent =
      typeof navigator.sendBeacon === "function" &&
      navigator.sendBeacon(url, new Blob([body], { type: "application/json" }));
    if (!sent)
      void fetch(url, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json" },
        keepalive: true,
        credentials: "omit",
      }).catch(() => {});
  }, [q]);
  return null;
}
