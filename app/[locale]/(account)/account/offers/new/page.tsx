import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { LISTING_KIND } from "@/lib/listings/kinds";

/** The form lives on its public page (components/listings/post-listing-page.tsx); old links go there. */
export default async function NewOfferRedirect({ params }: PageProps<"/[locale]/account/offers/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  redirect({ href: LISTING_KIND.offer.newPath, locale });
}
