import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { ContractDocumentView } from "@/components/deals/contract-document-view";
import { ExpressLicenceForm } from "@/components/deals/express-licence-form";
import { vnDateKey } from "@/lib/calendar/working-days";
import { contractDocument } from "@/lib/deals/contract-document";
import { contractSha256 } from "@/lib/deals/contract-hash";
import { partyBlockOf } from "@/lib/deals/contract-queries";
import { expressLicenceContract } from "@/lib/deals/express-licence";
import { countryOfLocation, registrationRequirement } from "@/lib/deals/registration";
import { EoiForm } from "@/components/deals/eoi-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { dealStartContext } from "@/lib/deals/queries";
import { Link, redirect } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { LISTING_KIND } from "@/lib/listings/kinds";
import { startDealAction, takeExpressLicenceAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deals.new"))("titleInterest"), robots: { index: false } };
}

const slugOf = (value: unknown) => (typeof value === "string" && /^[a-z0-9-]{1,200}$/.test(value) ? value : null);
const uuidOf = (value: unknown) =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
    ? value
    : undefined;

/**
 * "Đề nghị chuyển giao" (a seeker, `?offer=<slug>`) or "Đề xuất công nghệ" (a provider,
 * `?demand=<slug>`), optionally from a match card (`&match=<id>`). The public listing pages link
 * here; a visitor who is not signed in is sent to sign in and comes back (lib/auth/session.ts).
 * An open deal about the same listing opens instead of the form.
 */
export default async function NewDealPage({ params, searchParams }: PageProps<"/[locale]/account/deals/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const raw = await searchParams;
  const offerSlug = slugOf(raw.offer);
  const demandSlug = slugOf(raw.demand);
  const matchId = uuidOf(raw.match);
  const kind = offerSlug ? "interest" : demandSlug ? "proposal" : null;
  if (!kind) notFound();
  const t = await getTranslations("deals.new");
  const permission = kind === "interest" ? "deal:express-interest" : "deal:propose";

  // Signed in, but not in the role that sends this request: say so and where to go instead.
  if (!can(user, permission) || !user.organizationId) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{t(kind === "interest" ? "titleInterest" : "titleProposal")}</h1>
        <Alert tone="info">
          {t(!user.organizationId ? "needsOrganization" : kind === "interest" ? "onlySeekers" : "onlyProviders")}
        </Alert>
        <Link
          href={!user.organizationId ? "/account/organization" : kind === "interest" ? "/technologies" : "/demands"}
          className={buttonClasses("secondary", "md")}
        >
          {t(!user.organizationId ? "toOrganization" : "back")}
        </Link>
      </div>
    );
  }

  const context = await dealStartContext(
    user,
    kind === "interest" ? { kind, offerSlug: offerSlug! } : { kind, demandSlug: demandSlug! },
  );
  if (!context) notFound();
  if (context.open) {
    redirect({
      href: { pathname: `/account/deals/${context.open.reference}`, query: { existing: "1" } },
      locale: await getLocale(),
    });
  }

  const offer = context.offer;
  // An express licence (`&express=1` on a fixed-price offer): the standard terms, then one acceptance.
  if (raw.express === "1" && offer && offer.priceType === "FIXED" && offer.priceMin !== null) {
    const te = await getTranslations("deals.express");
    const format = await getFormatter();
    const registration = registrationRequirement({
      providerCountry: countryOfLocation(offer.organization.location) ?? "VN",
      seekerCountry: "VN",
      stateFunded: offer.stateFunded,
    });
    const content = expressLicenceContract(offer, offer.priceMin, {
      startDate: vnDateKey(new Date()),
      registrationMandatory: registration.mandatory,
    });
    const seekerParty = await partyBlockOf(user.organizationId);
    const price = format.number(offer.priceMin, "vnd");
    const doc = contractDocument({
      locale: locale === "en" ? "en" : "vi",
      reference: te("pendingReference"),
      version: 1,
      sha256: contractSha256(content),
      provider: {
        name: offer.organization.name,
        address: offer.organization.address,
        taxCode: offer.organization.taxCode,
      },
      seeker: seekerParty ?? { name: "" },
      content,
    });
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{te("title")}</h1>
          <p className="text-muted">{te("lead", { price })}</p>
        </header>
        {!user.emailVerified && <Alert tone="warning">{t("verifyEmailFirst")}</Alert>}
        <section aria-labelledby="express-terms" className="space-y-2">
          <h2 id="express-terms" className="text-lg font-semibold">
            {te("terms")}
          </h2>
          <div className="max-h-[32rem] overflow-y-auto rounded-lg border border-border" tabIndex={0}>
            <ContractDocumentView doc={doc} />
          </div>
        </section>
        <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
          <ExpressLicenceForm offerId={offer.id} price={price} action={takeExpressLicenceAction} />
        </div>
      </div>
    );
  }

  const listing = context.offer ?? context.demand;
  const org = listing.organization;
  const showOrg = !(context.demand?.confidential ?? false);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t(kind === "interest" ? "titleInterest" : "titleProposal")}</h1>
        <p className="text-muted">{t(kind === "interest" ? "leadInterest" : "leadProposal")}</p>
      </header>
      <section aria-labelledby="deal-listing" className="rounded-lg border border-border bg-surface-muted p-4">
        <p className="text-xs font-semibold uppercase text-muted">
          {t(kind === "interest" ? "aboutOffer" : "aboutDemand")}
        </p>
        <h2 id="deal-listing" className="mt-1 font-semibold">
          <Link
            href={kind === "interest" ? `/technologies/${listing.slug}` : `/demands/${listing.slug}`}
            className="text-brand-700 hover:underline"
          >
            {pick(locale, listing.titleVi, listing.titleEn)}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-muted">
          {showOrg ? pick(locale, org.name, org.nameEn) : t("confidentialOrganization")}
        </p>
      </section>
      {!user.emailVerified && <Alert tone="warning">{t("verifyEmailFirst")}</Alert>}
      {kind === "proposal" && context.ownOffers.length === 0 ? (
        <Alert tone="info">
          {t("noOffers")}{" "}
          <Link href={LISTING_KIND.offer.newPath} className="font-medium underline">
            {t("createOffer")}
          </Link>
        </Alert>
      ) : (
        <div className="rounded-lg border border-border bg-white p-6 shadow-sm">
          <EoiForm
            kind={kind}
            offerId={context.offer?.id}
            offers={context.ownOffers.map((o) => ({ id: o.id, title: pick(locale, o.titleVi, o.titleEn) }))}
            demandId={context.demand?.id}
            matchId={matchId}
            action={startDealAction}
          />
        </div>
      )}
    </div>
  );
}
