import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendSmtp } from "@/lib/mail/smtp";
import { logTransport, mailTransport } from "@/lib/mail/transport";

interface Session {
  commands: string[];
  data: string;
}

/** A scripted SMTP server on a free loopback port; records what the client said. */
async function fakeServer(options: { auth?: string; rcptCode?: number } = {}) {
  const sessions: Session[] = [];
  const server = net.createServer((socket) => {
    const session: Session = { commands: [], data: "" };
    sessions.push(session);
    let buffer = "";
    let inData = false;
    let login: "user" | "pass" | null = null;
    socket.write("220 fake.test ESMTP\r\n");
    const answer = (line: string): string => {
      const verb = line.split(" ")[0]!.toUpperCase();
      if (login === "user") {
        login = "pass";
        return "334 UGFzc3dvcmQ6\r\n";
      }
      if (login === "pass") {
        login = null;
        return "235 ok\r\n";
      }
      if (verb === "EHLO") return `250-fake.test\r\n250-${options.auth ?? "AUTH PLAIN LOGIN"}\r\n250 8BITMIME\r\n`;
      if (line.toUpperCase() === "AUTH LOGIN") {
        login = "user";
        return "334 VXNlcm5hbWU6\r\n";
      }
      if (verb === "AUTH") return "235 ok\r\n";
      if (verb === "MAIL") return "250 ok\r\n";
      if (verb === "RCPT") return `${options.rcptCode ?? 250} rcpt\r\n`;
      if (verb === "DATA") {
        inData = true;
        return "354 go\r\n";
      }
      if (verb === "QUIT") return "221 bye\r\n";
      return "502 unknown\r\n";
    };
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        session.data = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 5);
        inData = false;
        socket.write("250 queued\r\n");
      }
      let i: number;
      while (!inData && (i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        session.commands.push(line);
        const reply = answer(line);
        socket.write(reply);
        if (reply.startsWith("221")) socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, sessions, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mail = { from: "Sàn <no-reply@techex.vn>", to: "a@hust.edu.vn", subject: "Thông báo", text: "Xin chào\n.\nhết" };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("SMTP transport", () => {
  it("authenticates with PLAIN and delivers one message to the envelope recipient", async () => {
    const server = await fakeServer();
    close = server.close;
    await sendSmtp(`smtp://mailer%40techex.vn:m%E1%BA%ADt-kh%E1%BA%A9u@127.0.0.1:${server.port}`, mail);
    const [session] = server.sessions;
    expect(session!.commands.map((c) => c.split(" ")[0])).toEqual(["EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"]);
    const plain = Buffer.from(session!.commands[1]!.split(" ")[2]!, "base64").toString("utf8");
    expect(plain).toBe("\0mailer@techex.vn\0mật-khẩu");
    expect(session!.commands[2]).toBe("MAIL FROM:<no-reply@techex.vn>");
    expect(session!.commands[3]).toBe("RCPT TO:<a@hust.edu.vn>");
    expect(session!.data).toContain("To: a@hust.edu.vn\r\n");
    expect(session!.data).toContain("Content-Transfer-Encoding: base64");
  });

  it("falls back to AUTH LOGIN when the server offers only that", async () => {
    const server = await fakeServer({ auth: "AUTH LOGIN" });
    close = server.close;
    await sendSmtp(`smtp://u:p@127.0.0.1:${server.port}`, mail);
    const commands = server.sessions[0]!.commands;
    expect(commands.slice(1, 4)).toEqual([
      "AUTH LOGIN",
      Buffer.from("u").toString("base64"),
      Buffer.from("p").toString("base64"),
    ]);
  });

  it("sends no AUTH without credentials and fails with the server's answer when it refuses", async () => {
    const server = await fakeServer({ rcptCode: 550 });
    close = server.close;
    await expect(sendSmtp(`smtp://127.0.0.1:${server.port}`, mail)).rejects.toThrow(/RCPT TO refused: 550/);
    expect(server.sessions[0]!.commands.some((c) => c.startsWith("AUTH"))).toBe(false);
    expect(server.sessions[0]!.data).toBe("");
  });

  it("fails clearly when nothing listens", async () => {
    const server = await fakeServer();
    await server.close();
    await expect(sendSmtp(`smtp://127.0.0.1:${server.port}`, mail)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("refuses anything but smtp:// and smtps://", async () => {
    await expect(sendSmtp("http://127.0.0.1:25", mail)).rejects.toThrow(/smtp:\/\//);
  });
});

describe("transport choice", () => {
  it("uses SMTP when SMTP_URL is set and the server log otherwise", async () => {
    expect(mailTransport("smtp://127.0.0.1:2525").name).toBe("smtp");
    expect(mailTransport(undefined)).toBe(logTransport);
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await logTransport.send(mail);
    const logged = info.mock.calls.map((c) => String(c[0])).join("\n");
    info.mockRestore();
    expect(logged).toContain("[mail] to: a@hust.edu.vn");
    expect(logged).toContain("[mail] subject: Thông báo");
    expect(logged).toContain("[mail] | Xin chào");
  });
});
