import { Link } from "@/lib/i18n/navigation";

/** Secondary navigation of the workspace and admin areas (the links already filtered by role). */
export function SectionNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-brand-900 hover:border-brand-300"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
