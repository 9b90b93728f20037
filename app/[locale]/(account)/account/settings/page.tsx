import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmailPreferencesForm } from "@/components/account/email-preferences-form";
import { NameForm } from "@/components/account/name-form";
import { PasswordForm } from "@/components/account/password-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { preferenceGroupsFor } from "@/lib/accounts/email-preferences";
import { emailOptOutOf } from "@/lib/accounts/queries";
import { requireUser } from "@/lib/auth/session";
import { changePasswordAction, updateEmailPreferencesAction, updateNameAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("settings.title"), robots: { index: false } };
}

/** Every signed-in user's own settings (staff included): name, password, e-mailed notifications. */
export default async function SettingsPage({ params }: PageProps<"/[locale]/account/settings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const t = await getTranslations("account.settings");
  const groups = preferenceGroupsFor(user.roles, await emailOptOutOf(user.id));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("lead")}</p>
      </div>
      <Card as="section" aria-labelledby="settings-profile">
        <CardHeader>
          <CardTitle id="settings-profile">{t("profile.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="text-sm">
            <dt className="font-medium">{t("profile.email")}</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2 break-all">
              <span>{user.email}</span>
              <Badge tone={user.emailVerified ? "success" : "warning"}>
                {user.emailVerified ? t("profile.emailConfirmed") : t("profile.emailUnconfirmed")}
              </Badge>
            </dd>
          </dl>
          <NameForm name={user.name} action={updateNameAction} />
        </CardContent>
      </Card>
      <Card as="section" aria-labelledby="settings-password">
        <CardHeader>
          <CardTitle id="settings-password">{t("password.title")}</CardTitle>
          <p className="text-sm text-muted">{t("password.lead")}</p>
        </CardHeader>
        <CardContent>
          <PasswordForm email={user.email} action={changePasswordAction} />
        </CardContent>
      </Card>
      <Card as="section" aria-labelledby="settings-email">
        <CardHeader>
          <CardTitle id="settings-email">{t("email.title")}</CardTitle>
          <p className="text-sm text-muted">{t("email.lead")}</p>
        </CardHeader>
        <CardContent>
          <EmailPreferencesForm groups={groups} action={updateEmailPreferencesAction} />
        </CardContent>
      </Card>
    </div>
  );
}
