"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { SearchBox } from "@/components/search/search-box";
import { AccountAreaLinks, AccountMenu } from "./account-menu";
import { LanguageSwitcher } from "./language-switcher";
import { MobileMenu } from "./mobile-menu";

export type HeaderTexts = {
  /** The home link's accessible name, and the two lines beside the logo. */
  home: string;
  appName: string;
  operatedFor: string;
  /** The main navigation's name, and the small-screen menu button. */
  main: string;
  menu: string;
};

/**
 * The markup of ./site-header.tsx, rendered from its localized texts and links. Every page carries
 * its header twice (HTML and RSC payload); sent as data, the header's part of the payload is its
 * text and links rather than an element tree. Styled by `.site-header`, `.site-logo`, `.nav-*`
 * (app/globals.css).
 */
export function HeaderView({
  homeHref,
  links,
  texts,
}: {
  homeHref: string;
  /** The public sections: [localized href, label]. */
  links: readonly (readonly [href: string, label: string])[];
  texts: HeaderTexts;
}) {
  // The search page has its own, labelled search form: one search box per page. On the server the
  // page's path is the cached route's (/vi/search/q/…), in the browser the address (/search?q=…).
  const searchPage = /^(\/(vi|en))?\/search(\/|$)/.test(usePathname());
  const nav = (
    <ul className="nav-list">
      {links.map(([href, label]) => (
        <li key={href}>
          <NextLink href={href} className="nav-link whitespace-nowrap">
            {label}
          </NextLink>
        </li>
      ))}
    </ul>
  );

  return (
    <header className="site-header">
      <div>
        {/*
            Named by its visible text (label in name); on a phone, where only the mark shows, by the
            home link's text.
          */}
        <NextLink href={homeHref} className="site-logo">
          <span>
            <span aria-hidden>HN</span>
            <span className="sr-only sm:hidden">{texts.home}</span>
          </span>
          <span className="whitespace-nowrap">
            <span>{texts.appName}</span>
            {/* Between lg and xl the navigation needs its room. */}
            <span className="lg:max-xl:hidden">{texts.operatedFor}</span>
          </span>
        </NextLink>
        <nav aria-label={texts.main} className="hidden shrink-0 lg:block">
          {nav}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <LanguageSwitcher />
          <AccountMenu />
          <MobileMenu label={texts.menu}>
            <nav aria-label={texts.main}>{nav}</nav>
            <AccountAreaLinks />
          </MobileMenu>
        </div>
      </div>
      {!searchPage && (
        <div>
          <SearchBox />
        </div>
      )}
    </header>
  );
}
