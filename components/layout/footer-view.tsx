"use client";

import NextLink from "next/link";

export type FooterTexts = Record<
  | "ownerTitle"
  | "owner"
  | "oversight"
  | "operatorTitle"
  | "operator"
  | "contact"
  | "linksTitle"
  | "statistics"
  | "openData"
  | "developers"
  | "status"
  | "aboutTitle"
  | "about"
  | "terms"
  | "privacy"
  | "contactPage"
  | "legal",
  string
>;

/** Where the footer's links go, localized by ./site-footer.tsx. */
export type FooterHrefs = Record<
  "statistics" | "openData" | "developers" | "about" | "terms" | "privacy" | "contact",
  string
>;

/**
 * The markup of ./site-footer.tsx, rendered from its texts: every page carries the footer twice
 * (HTML and RSC payload), and sent as data its part of the payload is the text alone. Styled by
 * `.site-footer` (app/globals.css).
 */
export function FooterView({ texts: t, hrefs }: { texts: FooterTexts; hrefs: FooterHrefs }) {
  return (
    <footer className="site-footer">
      <div>
        <div>
          <p>{t.ownerTitle}</p>
          <p>{t.owner}</p>
          <p className="note">{t.oversight}</p>
        </div>
        <div>
          <p>{t.operatorTitle}</p>
          <p>{t.operator}</p>
          <p className="note">
            <NextLink prefetch={false} href={hrefs.contact}>
              {t.contact}
            </NextLink>
          </p>
        </div>
        <nav aria-label={t.linksTitle}>
          <p>{t.linksTitle}</p>
          <ul>
            <li>
              <NextLink href={hrefs.statistics}>{t.statistics}</NextLink>
            </li>
            <li>
              <NextLink prefetch={false} href={hrefs.openData}>
                {t.openData}
              </NextLink>
            </li>
            <li>
              <NextLink prefetch={false} href={hrefs.developers}>
                {t.developers}
              </NextLink>
            </li>
            <li>
              <NextLink prefetch={false} href="/api/health">
                {t.status}
              </NextLink>
            </li>
          </ul>
        </nav>
      </div>
      <nav aria-label={t.aboutTitle} className="border-t border-brand-900 px-4 py-3 text-sm">
        <ul className="mx-auto mt-0 flex max-w-6xl flex-wrap justify-center gap-x-6 gap-y-1 space-y-0">
          <li>
            <NextLink prefetch={false} href={hrefs.about}>
              {t.about}
            </NextLink>
          </li>
          <li>
            <NextLink prefetch={false} href={hrefs.terms}>
              {t.terms}
            </NextLink>
          </li>
          <li>
            <NextLink prefetch={false} href={hrefs.privacy}>
              {t.privacy}
            </NextLink>
          </li>
          <li>
            <NextLink prefetch={false} href={hrefs.contact}>
              {t.contactPage}
            </NextLink>
          </li>
        </ul>
      </nav>
      <p>{t.legal}</p>
    </footer>
  );
}
