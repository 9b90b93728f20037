import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AcceptInviteForm } from "@/components/organizations/accept-invite-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { LinkTokenSchema } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { inviteByToken } from "@/lib/organizations/queries";
import { acceptInviteAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("invite.title"), robots: { index: false }, referrer: "no-referrer" };
}

/** An e-mailed invitation: accepted by the signed-in owner of the address, or while registering. */
export default async function InvitePage({ params, searchParams }: PageProps<"/[locale]/invite">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const format = await getFormatter();
  const token = LinkTokenSchema.safeParse((await searchParams).token);
  const invite = token.success ? await inviteByToken(token.data) : null;
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("invite.title")}</h1>
      <div className="space-y-4 rounded-lg border border-border bg-white p-6 shadow-sm">
        {!invite || !token.success ? (
          <Alert tone="danger">{t("invite.invalid")}</Alert>
        ) : (
          <>
            <p>
              {t("invite.lead", {
                organization: invite.organization.name,
                email: invite.email,
                date: format.dateTime(invite.expiresAt, { dateStyle: "long" }),
              })}
            </p>
            {user ? (
              <AcceptInviteForm token={token.data} action={acceptInviteAction} />
            ) : (
              <div className="flex flex-wrap gap-2">
                <ButtonLink href="/login">{t("invite.signInToAccept")}</ButtonLink>
                <ButtonLink href={{ pathname: "/register", query: { invite: token.data } }} variant="secondary">
                  {t("invite.registerToAccept")}
                </ButtonLink>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
