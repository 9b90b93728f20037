"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * The criteria of a match explanation: always shown from 640 px up; on a phone folded behind a
 * button, so that a list of matches reads as title, score and shared terms, one after the other.
 */
export function CriteriaDisclosure({ show, hide, children }: { show: string; hide: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? hide : show}
      </button>
      <div id={id} className={open ? undefined : "hidden sm:block"}>
        {children}
      </div>
    </div>
  );
}
