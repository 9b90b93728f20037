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
  | "legal",
  string
>;

/**
 * The markup of ./site-footer.tsx, rendered from its texts: every page carries the footer twice
 * (HTML and RSC payload), and sent as data its part of the payload is the text alone. Styled by
 * `.site-footer` (app/globals.css).
 */
export function FooterView({
  texts: t,
  statisticsHref,
  openDataHref,
  developersHref,
}: {
  texts: FooterTexts;
  statisticsHref: string;
  openDataHref: string;
  developersHref: string;
}) {
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
          <p className="note">{t.contact}</p>
        </div>
        <nav aria-label={t.linksTitle}>
          <p>{t.linksTitle}</p>
          <ul>
            <li>
              <NextLink href={statisticsHref}>{t.statistics}</NextLink>
            </li>
            <li>
              <NextLink prefetch={false} href={openDataHref}>
                {t.openData}
              </NextLink>
            </li>
            <li>
              <NextLink prefetch={false} href={developersHref}>
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
      <p>{t.legal}</p>
    </footer>
  );
}
