import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { DemandForm } from "@/components/listings/demand-form";
import { OfferForm } from "@/components/listings/offer-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { can } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";
import { locationOptions, sectorOptions } from "@/lib/listings/form-options";
import { ownMembershipRequest } from "@/lib/organizations/queries";
import { pageAlternates } from "@/lib/seo/urls";

/**
 * The steps from an account to a published listing, in order: titles in `workspace.post.steps`,
 * texts there too or, where the kinds differ, in `workspace.post.<kind>.<step>Step`.
 */
const STEPS = ["account", "organization", "draft", "review", "publish"] as const;
const STEP_TEXT_BY_KIND = { account: "accountStep", publish: "publishStep" } as const;
/** What the listing's form asks for (`workspace.post.<kind>.prepare.<key>`). */
const PREPARE = ["what", "maturity", "terms", "files"] as const;

/** Register as the role that may write this kind of listing, and come back to its form. */
const REGISTER_ROLE = { offer: "PROVIDER", demand: "SEEKER" } as const satisfies Record<ListingKind, string>;

/** Title, description and canonical links of the page (public and indexable). */
export async function postListingMetadata(kind: ListingKind, locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: `workspace.post.${kind}` });
  return {
    title: t("title"),
    description: t("description"),
    alternates: pageAlternates(locale, LISTING_KIND[kind].newPath),
  };
}

/** What the page's form runs (passed in by the page: components never import app/). */
export interface PostListingActions {
  create: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  resendVerification: () => Promise<ActionResult>;
}

/**
 * "Đăng công nghệ" / "Đăng nhu cầu" (`LISTING_KIND[kind].newPath`): the one page where a listing is
 * written, public so that anyone can learn what listing takes. A visitor (and a crawler) reads who
 * may list, what to prepare and what happens after submitting, with ways to register or sign in
 * that come back here; a signed-in user who may create this kind gets the form; any other
 * signed-in user is told why not and where to go instead. The page reads the session, so it is
 * rendered per request; the explanation is the same for everybody.
 */
export async function PostListingPage({
  kind,
  locale,
  user,
  actions,
}: {
  kind: ListingKind;
  locale: string;
  user: CurrentUser | null;
  actions: PostListingActions;
}) {
  const t = await getTranslations("workspace.post");
  const tw = await getTranslations("workspace");
  const { newPath, accountPath, create } = LISTING_KIND[kind];
  const other = LISTING_KIND[LISTING_KIND[kind].other];
  const allowed = can(user, create);
  const canWrite = allowed && Boolean(user?.organizationId);
  // Allowed but in no organization: maybe already waiting to join one.
  const joinRequest = allowed && user && !canWrite ? await ownMembershipRequest(user.id) : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-2">
        {allowed && (
          <Link href={accountPath} className="text-sm font-medium text-brand-700 underline">
            {t(`${kind}.backToMine`)}
          </Link>
        )}
        <h1 className="text-2xl font-bold">{t(`${kind}.title`)}</h1>
        <p className="text-muted">{canWrite ? tw("newListingLead") : t(`${kind}.lead`)}</p>
      </div>

      {!user && (
        <div className="flex flex-wrap items-center gap-3" data-testid="post-listing-cta">
          <Link
            href={{ pathname: "/register", query: { role: REGISTER_ROLE[kind], callbackUrl: newPath } }}
            className={buttonClasses("primary", "md")}
          >
            {t("register")}
          </Link>
          <Link
            href={{ pathname: "/login", query: { callbackUrl: newPath } }}
            className={buttonClasses("secondary", "md")}
          >
            {t("signIn")}
          </Link>
        </div>
      )}

      {user && !allowed && (
        <Alert tone="info" title={t(`${kind}.notAllowedTitle`)}>
          <p>{t(`${kind}.notAllowed`)}</p>
          {can(user, other.create) && (
            <p className="mt-2">
              <Link href={other.newPath} className="font-medium underline">
                {t(`${LISTING_KIND[kind].other}.title`)}
              </Link>
            </p>
          )}
        </Alert>
      )}

      {allowed && !canWrite && (
        <Alert tone="warning" title={t("noOrganizationTitle")}>
          <p>
            {joinRequest?.status === "PENDING"
              ? t("joinPending", { organization: joinRequest.organization.name })
              : t(`${kind}.noOrganization`)}
          </p>
          <p className="mt-2">
            <Link href="/account/organization" className="font-medium underline">
              {t("noOrganizationLink")}
            </Link>
          </p>
        </Alert>
      )}

      {canWrite && user && (
        // Signed in: the form and its messages (the root layout sends only the shell's).
        <NextIntlClientProvider>
          {!user.emailVerified && <VerifyEmailBanner action={actions.resendVerification} />}
          <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
            {kind === "offer" ? (
              <OfferForm
                action={actions.create}
                sectors={await sectorOptions(locale)}
                locations={locationOptions(locale)}
                submitLabel={tw("saveDraft")}
              />
            ) : (
              <DemandForm
                action={actions.create}
                sectors={await sectorOptions(locale)}
                locations={locationOptions(locale)}
                submitLabel={tw("saveDraft")}
              />
            )}
          </div>
        </NextIntlClientProvider>
      )}

      <section aria-labelledby="post-steps" className="rounded-lg border border-border bg-white p-6">
        <h2 id="post-steps" className="text-lg font-semibold">
          {t(canWrite ? "nextTitle" : "stepsTitle")}
        </h2>
        <ol className="mt-3 list-decimal space-y-3 pl-5">
          {(canWrite ? STEPS.slice(2) : STEPS).map((step) => (
            <li key={step}>
              <p className="font-medium">{t(`steps.${step}.title`)}</p>
              <p className="text-sm text-muted">
                {step === "account" || step === "publish"
                  ? t(`${kind}.${STEP_TEXT_BY_KIND[step]}`)
                  : t(`steps.${step}.text`)}
              </p>
            </li>
          ))}
        </ol>
      </section>

      {!canWrite && (
        <section aria-labelledby="post-prepare" className="rounded-lg border border-border bg-white p-6">
          <h2 id="post-prepare" className="text-lg font-semibold">
            {t("prepareTitle")}
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm">
            {PREPARE.map((item) => (
              <li key={item}>{t(`${kind}.prepare.${item}`)}</li>
            ))}
          </ul>
        </section>
      )}

      <p className="text-sm text-muted">
        {t.rich("moreInfo", {
          about: (chunks) => (
            <Link href="/about" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
          terms: (chunks) => (
            <Link href="/terms" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
          contact: (chunks) => (
            <Link href="/contact" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
