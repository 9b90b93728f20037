import Form from "next/form";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { getPathname, Link } from "@/lib/i18n/navigation";

/** A small GET filter form for the organization and expert directories; controls come as children. */
export async function DirectoryFilter(props: {
  pathname: "/organizations" | "/experts";
  /** Changes whenever the URL's filters change, so the form re-mounts with the URL's values. */
  stateKey: string;
  heading: string;
  apply: string;
  clear: string;
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <section
      aria-labelledby="directory-filter-heading"
      className="rounded-lg border border-border bg-white p-4 shadow-sm"
    >
      <h2 id="directory-filter-heading" className="mb-3 text-base font-semibold">
        {props.heading}
      </h2>
      <Form key={props.stateKey} action={getPathname({ href: props.pathname, locale })} className="space-y-4">
        {props.children}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary", "md")}>
            {props.apply}
          </button>
          <Link href={props.pathname} className={buttonClasses("secondary", "md")}>
            {props.clear}
          </Link>
        </div>
      </Form>
    </section>
  );
}
