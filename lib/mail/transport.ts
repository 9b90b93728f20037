import type { MailTransport } from "./message";
import { smtpTransport } from "./smtp";

export type { MailTransport, OutgoingMail } from "./message";

/**
 * Development and demo transport: writes the email to the server log instead of sending it, so the
 * whole flow works on a machine without a mail server (README: SMTP_URL unset).
 */
export const logTransport: MailTransport = {
  name: "log",
  async send(mail) {
    console.info(`[mail] to: ${mail.to}\n[mail] subject: ${mail.subject}\n${mail.text.replace(/^/gm, "[mail] | ")}`);
  },
};

/** SMTP when SMTP_URL is set, the log otherwise. */
export function mailTransport(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? smtpTransport(smtpUrl) : logTransport;
}
