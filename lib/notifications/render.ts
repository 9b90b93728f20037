/**
 * Turns a stored notification (type + params) into words, in any language, outside React: the
 * email is written in the recipient's language when the change happens, and the in-app list is
 * rendered in the page's language when it is read. No `server-only` here so unit tests can use it.
 */
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { NotificationParams } from "./types";

export type NotificationLocale = "vi" | "en";

export const NOTIFICATION_TIME_ZONE = "Asia/Ho_Chi_Minh";

export type NotificationTranslator = (key: string, values?: Record<string, string | number | Date>) => string;

export interface RenderedNotification {
  title: string;
  body: string;
}

/** A user's stored locale as one the catalogs have; anything unknown falls back to Vietnamese. */
export function toNotificationLocale(value: string | null | undefined): NotificationLocale {
  return value === "en" ? "en" : "vi";
}

// The catalogs never change while the process runs, so each language is loaded once.
const catalogs = new Map<NotificationLocale, Promise<Record<string, unknown>>>();

/**
 * A translator over the `notifications` namespace. `strict` throws on a missing message or
 * parameter (used when writing, so a bad call fails its transaction); otherwise the problem is
 * logged and the key is shown (used when reading old rows whose type may since have changed).
 */
export async function notificationTranslator(
  locale: NotificationLocale,
  options: { strict?: boolean } = {},
): Promise<NotificationTranslator> {
  let messages = catalogs.get(locale);
  if (!messages) {
    messages = loadMessages(locale);
    catalogs.set(locale, messages);
  }
  const t = createTranslator({
    locale,
    messages: (await messages) as AbstractIntlMessages,
    namespace: "notifications",
    timeZone: NOTIFICATION_TIME_ZONE,
    onError: (error) => {
      if (options.strict) throw error;
      console.warn(`[notifications] ${error.message}`);
    },
    getMessageFallback: ({ key }) => key,
  });
  // Keys are built from stored types at run time, so the catalog-derived key types cannot help here.
  return t as unknown as NotificationTranslator;
}

/**
 * Values for the ICU message: a `date` parameter is stored as an ISO date string (JSON has no
 * dates) and becomes a Date here, so each language formats it its own way.
 */
function icuValues(params: NotificationParams): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = { ...params };
  const date = params.date;
  if (typeof date === "string" && !Number.isNaN(Date.parse(date))) values.date = new Date(date);
  return values;
}

/** Title and body of one notification. */
export function renderNotification(
  t: NotificationTranslator,
  type: string,
  params: NotificationParams,
): RenderedNotification {
  const values = icuValues(params);
  return { title: t(`types.${type}.title`, values), body: t(`types.${type}.body`, values) };
}

/** The public address of the app (no trailing slash). */
export function appBaseUrl(env: { APP_URL?: string; NEXTAUTH_URL?: string }): string {
  return (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * An absolute link for an email. Vietnamese pages have no prefix; English ones live under /en
 * (lib/i18n/routing.ts, localePrefix "as-needed").
 */
export function absoluteUrl(baseUrl: string, locale: NotificationLocale, path: string): string {
  const prefix = locale === "en" ? "/en" : "";
  if (path === "/" || path === "") return `${baseUrl}${prefix || "/"}`;
  return `${baseUrl}${prefix}${path}`;
}

/** The email for one notification: subject is the title; the body greets, explains and links. */
export function renderEmail(
  t: NotificationTranslator,
  input: {
    locale: NotificationLocale;
    baseUrl: string;
    name: string;
    type: string;
    params: NotificationParams;
    link?: string | null;
  },
): { subject: string; body: string } {
  const { title, body } = renderNotification(t, input.type, input.params);
  const lines = [t("email.greeting", { name: input.name }), "", body, ""];
  if (input.link) lines.push(t("email.open", { url: absoluteUrl(input.baseUrl, input.locale, input.link) }), "");
  lines.push(
    "-- ",
    t("email.signature"),
    t("email.footer", { url: absoluteUrl(input.baseUrl, input.locale, "/account/notifications") }),
  );
  return { subject: title, body: lines.join("\n") };
}

/**
 * An e-mail that is not a notification (address verification, password reset, invitation): the
 * link is the point of the message, and the footer says why it came instead of pointing to the
 * notification list, which the recipient may not have.
 */
export function renderAccountEmail(
  t: NotificationTranslator,
  input: {
    locale: NotificationLocale;
    baseUrl: string;
    name: string | null;
    type: string;
    params: NotificationParams;
    link: string;
  },
): { subject: string; body: string } {
  const { title, body } = renderNotification(t, input.type, input.params);
  const greeting = input.name ? t("email.greeting", { name: input.name }) : t("email.greetingAnonymous");
  const lines = [
    greeting,
    "",
    body,
    "",
    absoluteUrl(input.baseUrl, input.locale, input.link),
    "",
    "-- ",
    t("email.signature"),
    t("email.footerAccount"),
  ];
  return { subject: title, body: lines.join("\n") };
}
