import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

type Props = {
  id: string;
  title: string;
  intro: ReactNode;
  email: string;
  phone?: { display: string; e164: string };
  hours?: string;
  address?: string;
  children?: ReactNode;
};

/** One contact on the contact page: a titled section with its mailbox, number, hours and address. */
export async function ContactCard({ id, title, intro, email, phone, hours, address, children }: Props) {
  const t = await getTranslations("legal.contact.fields");
  const row = (label: string, value: ReactNode) => (
    <div className="grid gap-x-4 sm:grid-cols-[9rem_1fr]">
      <dt className="font-medium text-muted">{label}</dt>
      <dd className="min-w-0">{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-border bg-surface p-4 sm:p-5">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <p>{intro}</p>
      <address className="not-italic">
        <dl className="space-y-2">
          {row(
            t("email"),
            <a href={`mailto:${email}`} className="font-medium text-brand-600 underline">
              {email}
            </a>,
          )}
          {phone &&
            row(
              t("phone"),
              <a href={`tel:${phone.e164}`} className="font-medium text-brand-600 underline">
                {phone.display}
              </a>,
            )}
          {hours && row(t("hours"), hours)}
          {address && row(t("address"), address)}
        </dl>
      </address>
      {children}
    </section>
  );
}
