/**
 * A small SMTP client on Node's `net`/`tls` (no mail library is installed): one connection per
 * message, EHLO, STARTTLS when the server offers it (smtp://) or TLS from the start (smtps://),
 * AUTH PLAIN/LOGIN when the URL has credentials, then MAIL/RCPT/DATA/QUIT.
 * SMTP_URL examples: smtp://user:pass@mail.example.vn:587, smtps://user:pass@mail.example.vn:465.
 */
import net from "node:net";
import os from "node:os";
import tls from "node:tls";
import { addressOf, dotStuff, formatMessage, type MailTransport, type OutgoingMail } from "./message";

interface Reply {
  code: number;
  lines: string[];
}

const TIMEOUT_MS = 30_000;

/** Reads SMTP replies (multi-line "250-…" … "250 …") from a socket that may be upgraded to TLS. */
class Connection {
  private buffer = "";
  private current: string[] = [];
  private replies: Reply[] = [];
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly onData = (chunk: Buffer) => this.receive(chunk.toString("utf8"));
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onClose = () => this.fail(new Error("SMTP connection closed by the server"));

  constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket) {
    this.socket = socket;
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error("SMTP server timed out")));
    socket.on("data", this.onData).on("error", this.onError).on("close", this.onClose);
  }

  detach() {
    this.socket.off("data", this.onData).off("error", this.onError).off("close", this.onClose);
  }

  private receive(text: string) {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf("\r\n")) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.current.push(line.slice(4));
      if (/^\d{3}(?: |$)/.test(line)) {
        this.replies.push({ code: Number(line.slice(0, 3)), lines: this.current });
        this.current = [];
      }
    }
    this.flush();
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.flush();
  }

  private flush() {
    if (!this.waiting) return;
    const reply = this.replies.shift();
    if (reply) this.waiting.resolve(reply);
    else if (this.failure) this.waiting.reject(this.failure);
    else return;
    this.waiting = null;
  }

  /** The next reply; throws unless its code is one of `expected`. */
  async read(expected: number[], what: string): Promise<Reply> {
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.flush();
    });
    if (!expected.includes(reply.code)) throw new Error(`SMTP ${what} refused: ${reply.code} ${reply.lines.join(" ")}`);
    return reply;
  }

  async command(line: string, expected: number[], what = line.split(" ")[0]!): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.read(expected, what);
  }
}

function connect(url: URL, secure: boolean, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host: url.hostname, port, servername: url.hostname }, () => resolve(socket))
      : net.connect({ host: url.hostname, port }, () => resolve(socket));
    socket.once("error", reject);
  });
}

function upgrade(socket: net.Socket, host: string): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secured = tls.connect({ socket, servername: host }, () => resolve(secured));
    secured.once("error", reject);
  });
}

const isLoopback = (host: string) =>
  host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");

/** Sends one message over SMTP as described by `smtpUrl`. */
export async function sendSmtp(smtpUrl: string, mail: OutgoingMail): Promise<void> {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  let secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const conn = new Connection(await connect(url, secure, port));
  try {
    await conn.read([220], "greeting");
    const hello = `EHLO ${os.hostname() || "localhost"}`;
    let caps = (await conn.command(hello, [250])).lines;
    if (!secure && caps.some((c) => /^STARTTLS\b/i.test(c))) {
      await conn.command("STARTTLS", [220]);
      conn.detach();
      conn.attach(await upgrade(conn.socket, url.hostname));
      secure = true;
      caps = (await conn.command(hello, [250])).lines;
    }
    if (user) {
      // Credentials never cross the network in clear text; a local relay on loopback is fine.
      if (!secure && !isLoopback(url.hostname))
        throw new Error("SMTP server offers no TLS; refusing to send credentials");
      const auth = caps.find((c) => /^AUTH\b/i.test(c))?.toUpperCase() ?? "";
      if (/\bPLAIN\b/.test(auth) || !/\bLOGIN\b/.test(auth)) {
        await conn.command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`).toString("base64")}`, [235], "AUTH");
      } else {
        await conn.command("AUTH LOGIN", [334], "AUTH");
        await conn.command(Buffer.from(user).toString("base64"), [334], "AUTH");
        await conn.command(Buffer.from(pass).toString("base64"), [235], "AUTH");
      }
    }
    await conn.command(`MAIL FROM:<${addressOf(mail.from)}>`, [250], "MAIL FROM");
    await conn.command(`RCPT TO:<${addressOf(mail.to)}>`, [250, 251], "RCPT TO");
    await conn.command("DATA", [354]);
    const message = dotStuff(formatMessage(mail));
    await conn.command(`${message.endsWith("\r\n") ? message : `${message}\r\n`}.`, [250], "message");
    await conn.command("QUIT", [221]).catch(() => {});
  } finally {
    conn.detach();
    conn.socket.destroy();
  }
}

/** The transport used when SMTP_URL is set. */
export function smtpTransport(smtpUrl: string): MailTransport {
  return { name: "smtp", send: (mail) => sendSmtp(smtpUrl, mail) };
}
