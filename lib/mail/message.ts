/**
 * RFC 5322 plain-text messages in UTF-8. Vietnamese needs non-ASCII in the subject and display
 * names (RFC 2047 encoded words) and in the body (base64, which also keeps SMTP's 998-character
 * line limit and its "." line rule out of the way). Pure functions: unit-tested without a server.
 */
import { randomBytes } from "node:crypto";

export interface OutgoingMail {
  /** "Name <address>" or a bare address. */
  from: string;
  to: string;
  subject: string;
  /** Plain text; "\n" line breaks. */
  text: string;
}

const ADDRESS = /^[^\s<>@",;:\\]+@[^\s<>@",;:\\]+$/;

/** The bare address of "Name <a@b.vn>" or "a@b.vn"; throws on anything that could smuggle headers. */
export function addressOf(mailbox: string): string {
  const match = /<([^<>]*)>\s*$/.exec(mailbox);
  const address = (match ? match[1]! : mailbox).trim();
  if (!ADDRESS.test(address)) throw new Error(`Invalid email address: ${JSON.stringify(mailbox)}`);
  return address;
}

/** A header value as-is when it is plain ASCII, otherwise as RFC 2047 base64 encoded words. */
export function encodeHeaderValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  // 39 bytes make a 64-character encoded word, so even "Subject: " + word stays within 78
  // characters per line; split on code points so no character is cut in half.
  const words: string[] = [];
  let chunk = "";
  for (const char of oneLine) {
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join("\r\n ");
}

/** A mailbox header ("Name <a@b>") with the display name encoded when it is not ASCII. */
export function encodeMailbox(mailbox: string): string {
  const address = addressOf(mailbox);
  const name = mailbox
    .replace(/<[^<>]*>\s*$/, "")
    .trim()
    .replace(/^"(.*)"$/, "$1");
  if (!name || name === address) return address;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, "\\$&")}" <${address}>`;
  // Folded before the address so a long encoded name does not make an overlong line.
  return `${encodeHeaderValue(name)}\r\n <${address}>`;
}

/** The whole message with CRLF line endings, ready for SMTP DATA (before dot-stuffing). */
export function formatMessage(mail: OutgoingMail, options: { date?: Date; messageId?: string } = {}): string {
  const from = addressOf(mail.from);
  const domain = from.split("@")[1];
  const messageId = options.messageId ?? `<${randomBytes(12).toString("hex")}@${domain}>`;
  const text = mail.text.replace(/\r\n?/g, "\n").replace(/\n/g, "\r\n");
  const body = Buffer.from(text, "utf8")
    .toString("base64")
    .replace(/.{1,76}/g, "$&\r\n");
  const headers = [
    `From: ${encodeMailbox(mail.from)}`,
    `To: ${encodeMailbox(mail.to)}`,
    `Subject: ${encodeHeaderValue(mail.subject)}`,
    `Date: ${(options.date ?? new Date()).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: ${messageId}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${body}`;
}

/** SMTP DATA transparency (RFC 5321 §4.5.2): a line starting with "." gets another ".". */
export function dotStuff(message: string): string {
  return message.replace(/(^|\r\n)\./g, "$1..");
}

/** Something that delivers one email or throws; the outbox decides about retries. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}
