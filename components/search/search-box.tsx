"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { Suggestion } from "@/lib/search/types";

const TYPES = ["offer", "demand", "field", "organization"] as const;
const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;
// The suggest API's own limit; longer text is a search, not something to complete.
const MAX_CHARS = 100;

/**
 * The header's search: a WAI-ARIA combobox with a grouped listbox of suggestions from
 * /api/v1/suggest. Without JavaScript it is a plain GET form to /search, which is also where Enter
 * goes when no suggestion is chosen. Styled by `.search-input` and `.suggest-*` (app/globals.css;
 * the chosen option by its aria-selected).
 */
export function SearchBox() {
  const t = useTranslations("search.box");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const prefix = locale === "en" ? "/en" : "";
  const [value, setValue] = useState("");
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const request = useRef<AbortController>(undefined);
  const input = useRef<HTMLInputElement>(null);

  function cancel() {
    clearTimeout(timer.current);
    request.current?.abort();
  }

  // Pending work must not outlive the header (e.g. a fetch resolving after navigation unmounted it).
  useEffect(() => {
    const pending = { timer, request };
    return () => {
      clearTimeout(pending.timer.current);
      pending.request.current?.abort();
    };
  }, []);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function onChange(next: string) {
    setValue(next);
    cancel();
    const q = next.trim();
    const length = [...q].length;
    if (length < MIN_CHARS || length > MAX_CHARS) {
      setItems([]);
      close();
      return;
    }
    // Debounced, and each keystroke aborts the previous request so a slow answer never overwrites a newer one.
    const controller = new AbortController();
    request.current = controller;
    timer.current = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { items: Suggestion[] };
        setItems(body.items);
        setActive(-1);
        // An answer arriving after the user left the field fills the list without popping it open.
        setOpen(body.items.length > 0 && document.activeElement === input.current);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setItems([]);
      }
    }, DEBOUNCE_MS);
  }

  // Options in display order (grouped by type), so arrow keys move the way the list reads.
  const ordered = TYPES.flatMap((type) => items.filter((s) => s.type === type));
  const groups = TYPES.map((type) => ({
    type,
    options: ordered.map((s, index) => ({ s, index })).filter(({ s }) => s.type === type),
  })).filter((g) => g.options.length > 0);
  const expanded = open && ordered.length > 0;
  const labelOf = (s: Suggestion) => (locale === "en" && s.labelEn ? s.labelEn : s.label);
  const optionId = (index: number) => `${id}-option-${index}`;

  function go(href: string) {
    cancel();
    close();
    router.push(`${prefix}${href}`);
  }

  function choose(s: Suggestion) {
    setValue(labelOf(s));
    go(s.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = ordered.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      const down = event.key === "ArrowDown";
      if (!expanded) {
        setOpen(true);
        setActive(down ? 0 : count - 1);
      } else {
        setActive((i) => (down ? (i + 1) % count : i <= 0 ? count - 1 : i - 1));
      }
    } else if (event.key === "Enter" && expanded && active >= 0 && ordered[active]) {
      event.preventDefault();
      choose(ordered[active]);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        close();
      } else if (value) {
        event.preventDefault();
        onChange("");
      }
    }
  }

  return (
    <form
      role="search"
      aria-label={t("landmark")}
      action={`${prefix}/search`}
      method="get"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        const q = value.trim();
        go(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        {t("label")}
      </label>
      <div className="relative min-w-0 flex-1">
        <input
          ref={input}
          id={`${id}-input`}
          name="q"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder={t("label")}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => items.length > 0 && setOpen(true)}
          onBlur={close}
          className="search-input"
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t("suggestions")}
          hidden={!expanded}
          // Clicking an option must not blur the input first, or the list would close under the pointer.
          onMouseDown={(event) => event.preventDefault()}
          className="suggest-list"
        >
          {groups.map((group) => (
            <li key={group.type} role="presentation">
              <ul role="group" aria-labelledby={`${id}-group-${group.type}`}>
                <li role="presentation" id={`${id}-group-${group.type}`} className="suggest-group">
                  {t(`types.${group.type}`)}
                </li>
                {group.options.map(({ s, index }) => (
                  <li
                    key={`${s.type}:${s.href}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    onClick={() => choose(s)}
                    onMouseMove={() => index !== active && setActive(index)}
                    className="suggest-option"
                  >
                    {labelOf(s)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        {t("submit")}
      </button>
      <p role="status" className="sr-only">
        {expanded ? t("count", { count: ordered.length }) : ""}
      </p>
    </form>
  );
}
