import { setRequestLocale } from "next-intl/server";
import { createListingAction } from "@/app/[locale]/(account)/account/listing-actions";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { PostListingPage, postListingMetadata } from "@/components/listings/post-listing-page";
import { getCurrentUser } from "@/lib/auth/session";

// Public and indexable: the same explanation for everybody, and the form for a signed-in provider.
// Rendered per request (it reads the session), unlike the cached public pages.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies/new">) {
  return postListingMetadata("offer", (await params).locale);
}

export default async function NewOfferPage({ params }: PageProps<"/[locale]/technologies/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <PostListingPage
      kind="offer"
      locale={locale}
      user={await getCurrentUser()}
      actions={{ create: createListingAction.bind(null, "offer"), resendVerification: resendVerificationAction }}
    />
  );
}
