"use client";

import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/**
 * Set when the dialog's form is applied. The new results are another page (the query is part of
 * the cached route), so this drawer is replaced by a new one: that one takes the focus back to its
 * button, which the dialog would have returned it to, unless the user already moved it.
 */
let applied = false;

/**
 * The filter panel of a catalog or directory. From the `lg` breakpoint up it is the panel beside
 * the results, as it always was. Below it the panel is hidden behind a "Bộ lọc (N)" button (N: the
 * filters in force), so the first results fit the first screen of a phone; the button opens the
 * same form in a modal <dialog> (focus moves into it and back, Escape and the backdrop close it,
 * the page behind is inert), which closes when the form is applied or cleared. Without JavaScript
 * (`noscript:`) the panel stays in the page on every screen, so the GET form still works.
 *
 * The form exists once: inline, or in the dialog while it is open (re-mounted from the URL's
 * values each time, so closing without applying discards the edits).
 */
export function FilterDrawer(props: {
  /** The heading's id (aria-labelledby of the panel and of the dialog). */
  headingId: string;
  heading: string;
  /** The button's text, e.g. "Bộ lọc"; the count of filters in force is added to it. */
  toggle: string;
  close: string;
  active: number;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (applied && document.activeElement === document.body) button.current?.focus();
    applied = false;
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    element.showModal();
    // The page behind a modal dialog is inert, but it still scrolls under a finger.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    // Grown past the breakpoint (a rotated tablet): the panel is back beside the results.
    const wide = window.matchMedia("(min-width: 64rem)");
    const onWide = () => wide.matches && element.close();
    wide.addEventListener("change", onWide);
    return () => {
      root.style.overflow = overflow;
      wide.removeEventListener("change", onWide);
    };
  }, [open]);

  const heading = (
    <h2 id={props.headingId} className="text-base font-semibold">
      {props.heading}
    </h2>
  );
  // A click on the backdrop lands on the dialog itself (its content fills it); a link (clear) leaves.
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    const target = event.target as HTMLElement;
    applied = target.closest("a") !== null;
    if (target === event.currentTarget || applied) event.currentTarget.close();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        className={buttonClasses("secondary", "md", "w-full noscript:hidden sm:w-auto lg:hidden")}
        data-testid="filter-toggle"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11a1.5 1.5 0 0 1 1.13 2.49L12 10.8V15a1 1 0 0 1-.55.9l-2 1A1 1 0 0 1 8 16v-5.2L3.37 5.49A1.5 1.5 0 0 1 3 4.5Z" />
        </svg>
        {props.active > 0 ? `${props.toggle} (${props.active})` : props.toggle}
      </button>
      {open ? (
        <dialog
          ref={dialog}
          aria-labelledby={props.headingId}
          onClose={() => setOpen(false)}
          onSubmit={() => {
            applied = true;
            dialog.current?.close();
          }}
          onClick={onDialogClick}
          className="m-0 ms-auto h-dvh max-h-none w-full max-w-sm overflow-y-auto bg-white p-0 text-foreground shadow-xl backdrop:bg-black/40"
        >
          <div className="p-4">
            <div className="mb-3 flex items-center justify-between gap-3">
              {heading}
              <button type="button" onClick={() => dialog.current?.close()} className={buttonClasses("ghost", "sm")}>
                {props.close}
              </button>
            </div>
            {props.children}
          </div>
        </dialog>
      ) : (
        <section aria-labelledby={props.headingId} className="panel max-lg:hidden noscript:block">
          <div className="mb-3">{heading}</div>
          {props.children}
        </section>
      )}
    </>
  );
}
