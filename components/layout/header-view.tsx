"use client";

import NextLink from "next/link";
import { SearchBox } from "@/components/search/search-box";
import { AccountProvider } from "./account-context";
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
  const nav = (
    <ul className="nav-list">
      {links.map(([href, label]) => (
        <li key={href}>
          <NextLink href={href} className="nav-link">
            {label}
          </NextLink>
        </li>
      ))}
    </ul>
  );

  return (
    <AccountProvider>
      <header className="site-header">
        <div>
          <NextLink href={homeHref} className="site-logo" aria-label={texts.home}>
            <span aria-hidden>HN</span>
            <span>
              <span>{texts.appName}</span>
              <span>{texts.operatedFor}</span>
            </span>
          </NextLink>
          <nav aria-label={texts.main} className="hidden flex-1 md:block">
            {nav}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher />
            <AccountMenu />
            <MobileMenu label={texts.menu}>
              <nav aria-label={texts.main}>{nav}</nav>
              <AccountAreaLinks />
            </MobileMenu>
          </div>
        </div>
        <div>
          <SearchBox />
        </div>
      </header>
    </AccountProvider>
  );
}
