import { setRequestLocale } from "next-intl/server";
import { createListingAction } from "@/app/[locale]/(account)/account/listing-actions";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { PostListingPage, postListingMetadata } from "@/components/listings/post-listing-page";
import { getCurrentUser } from "@/lib/auth/session";

// Public and indexable: the same explanation for everybody, and the form for a signed-in seeker.
// Rendered per request (it reads the session), unlike the cached public pages.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/demands/new">) {
  return postListingMetadata("demand", (await params).locale);
}

export default async function NewDemandPage({ params }: PageProps<"/[locale]/demands/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <PostListingPage
      kind="demand"
      locale={locale}
      user={await getCurrentUser()}
      actions={{ create: createListingAction.bind(null, "demand"), resendVerification: resendVerificationAction }}
    />
  );
}
