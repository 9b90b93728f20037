import Form from "next/form";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { FilterDrawer } from "./filter-drawer";

/**
 * A small GET filter form for the organization and expert directories; controls come as children.
 * Behind a "Bộ lọc (N)" button on small screens, like the catalog's (./filter-drawer.tsx).
 */
export async function DirectoryFilter(props: {
  pathname: "/organizations" | "/experts";
  /** Changes whenever the URL's filters change, so the form re-mounts with the URL's values. */
  stateKey: string;
  heading: string;
  apply: string;
  clear: string;
  /** How many filters are in force (the button's count). */
  active: number;
  children: ReactNode;
}) {
  const locale = await getLocale();
  const t = await getTranslations("catalog.filters");
  return (
    <FilterDrawer
      headingId="directory-filter-heading"
      heading={props.heading}
      toggle={t("heading")}
      close={t("close")}
      active={props.active}
    >
      <Form key={props.stateKey} action={getPathname({ href: props.pathname, locale })} className="space-y-4">
        {props.children}
        <div className="flex flex-wrap gap-2 bg-white max-lg:sticky max-lg:bottom-0 max-lg:py-3">
          <button type="submit" className={buttonClasses("primary", "md")}>
            {props.apply}
          </button>
          <Link href={props.pathname} className={buttonClasses("secondary", "md")}>
            {props.clear}
          </Link>
        </div>
      </Form>
    </FilterDrawer>
  );
}
