"use client";

import { useState } from "react";

/** Small-screen menu: a disclosure button that shows the navigation below the header. */
export function MobileMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen((v) => !v)}
        className="menu-button"
      >
        {label}
      </button>
      {open && (
        <div
          id="mobile-menu"
          className="absolute left-0 right-0 top-16 z-40 border-b border-border bg-white p-4 shadow"
        >
          {children}
        </div>
      )}
    </div>
  );
}
