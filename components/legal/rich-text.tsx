import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { CONTACTS } from "@/lib/legal/contacts";

/** Pages a legal text may link to, by tag: `<statistics>public statistics</statistics>`. */
const PAGE_TAGS = {
  about: "/about",
  terms: "/terms",
  privacy: "/privacy",
  contact: "/contact",
  register: "/register",
  technologies: "/technologies",
  demands: "/demands",
  organizations: "/organizations",
  statistics: "/statistics",
  chain: "/statistics/chain",
  openData: "/open-data",
  developers: "/developers",
} as const;

const linkClass = "font-medium text-brand-600 underline";

function mail(address: string) {
  return function MailLink(chunks: ReactNode) {
    return (
      <a href={`mailto:${address}`} className={linkClass}>
        {chunks}
      </a>
    );
  };
}

/**
 * The tags and values every legal text may use with `t.rich`: links to the exchange's pages, the
 * contact mailboxes (`<mailDpo>{dpoEmail}</mailDpo>`), `<vi>` around Vietnamese names quoted in
 * another language (so that screen readers pronounce them in Vietnamese) and `<b>`.
 */
export function richText() {
  const pages = Object.fromEntries(
    Object.entries(PAGE_TAGS).map(([tag, href]) => [
      tag,
      (chunks: ReactNode) => (
        <Link href={href} prefetch={false} className={linkClass}>
          {chunks}
        </Link>
      ),
    ]),
  );
  return {
    ...pages,
    vi: (chunks: ReactNode) => <span lang="vi">{chunks}</span>,
    b: (chunks: ReactNode) => <strong>{chunks}</strong>,
    mailSupport: mail(CONTACTS.operator.email),
    mailDpo: mail(CONTACTS.dataProtection.email),
    mailDepartment: mail(CONTACTS.department.email),
    supportEmail: CONTACTS.operator.email,
    dpoEmail: CONTACTS.dataProtection.email,
    departmentEmail: CONTACTS.department.email,
  };
}
