import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { createListingAction } from "@/app/[locale]/(account)/account/listing-actions";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { PostListingPage, postListingMetadata } from "@/components/listings/post-listing-page";
import { getCurrentUser } from "@/lib/auth/session";
import type { ListingKind } from "@/lib/listings/kinds";

type Props = { params: Promise<{ locale: string }> };

/**
 * The page and metadata of `/technologies/new` (offer) or `/demands/new` (demand), which each route
 * file exports: components/listings/post-listing-page.tsx with this route's server actions (a
 * component may not import app/). Public and indexable: the same explanation for everybody, and the
 * form for a signed-in user who may create this kind. The route files render it per request (it
 * reads the session), unlike the cached public pages.
 */
export function postListingRoute(kind: ListingKind) {
  return {
    generateMetadata: async ({ params }: Props): Promise<Metadata> => postListingMetadata(kind, (await params).locale),
    Page: async function PostListingRoute({ params }: Props) {
      const { locale } = await params;
      setRequestLocale(locale);
      return (
        <PostListingPage
          kind={kind}
          locale={locale}
          user={await getCurrentUser()}
          actions={{ create: createListingAction.bind(null, kind), resendVerification: resendVerificationAction }}
        />
      );
    },
  };
}
