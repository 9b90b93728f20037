import { describe, expect, it } from "vitest";
import { addressOf, dotStuff, encodeHeaderValue, encodeMailbox, formatMessage } from "@/lib/mail/message";

/** Decodes RFC 2047 "B" encoded words back to text (what a mail client shows). */
function decodeWords(value: string) {
  return value
    .replace(/\r\n /g, "")
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
}

function parse(message: string) {
  const [head, body] = message.split("\r\n\r\n") as [string, string];
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n /g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i), line.slice(i + 2));
  }
  return { headers, body };
}

const mail = {
  from: "Sàn Giao dịch Công nghệ Hà Nội <no-reply@techex.hanoi.gov.vn>",
  to: "nguyen.van.a@hust.edu.vn",
  subject: "Tin đăng đã được duyệt: Công nghệ xử lý nước thải sinh hoạt quy mô nhỏ cho làng nghề",
  text: "Xin chào Nguyễn Văn A,\n\nTin đăng đã được duyệt.\n.\nXem chi tiết: https://san.hanoi.gov.vn/account",
};

describe("formatMessage", () => {
  const message = formatMessage(mail, {
    date: new Date("2026-03-02T01:02:03Z"),
    messageId: "<id@techex.hanoi.gov.vn>",
  });
  const { headers, body } = parse(message);

  it("uses CRLF line endings only and keeps every line short", () => {
    expect(message.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of message.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("encodes Vietnamese subject and display name so they read back unchanged", () => {
    expect(headers.get("Subject")).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(message.split("\r\n\r\n")[0]!.match(/Subject: ([\s\S]*?)\r\n(?! )/)![1]!)).toBe(mail.subject);
    expect(decodeWords(headers.get("From")!)).toBe("Sàn Giao dịch Công nghệ Hà Nội <no-reply@techex.hanoi.gov.vn>");
    expect(headers.get("To")).toBe("nguyen.van.a@hust.edu.vn");
    expect(headers.get("Date")).toBe("Mon, 02 Mar 2026 01:02:03 +0000");
    expect(headers.get("Content-Type")).toBe("text/plain; charset=UTF-8");
    expect(headers.get("Message-ID")).toBe("<id@techex.hanoi.gov.vn>");
  });

  it("carries the body as base64 UTF-8 with CRLF line breaks", () => {
    expect(headers.get("Content-Transfer-Encoding")).toBe("base64");
    const text = Buffer.from(body.replace(/\r\n/g, ""), "base64").toString("utf8");
    expect(text).toBe(mail.text.replace(/\n/g, "\r\n"));
  });

  it("leaves plain ASCII headers readable", () => {
    expect(encodeHeaderValue("Listing approved")).toBe("Listing approved");
    expect(encodeMailbox("Hanoi Exchange <a@b.vn>")).toBe('"Hanoi Exchange" <a@b.vn>');
    expect(encodeMailbox("a@b.vn")).toBe("a@b.vn");
  });

  it("never lets a value start a new header", () => {
    expect(encodeHeaderValue("Hi\r\nBcc: victim@example.vn")).toBe("Hi Bcc: victim@example.vn");
    expect(() => addressOf("a@b.vn\r\nBcc: victim@example.vn")).toThrow(/Invalid email address/);
    expect(() => addressOf("not an address")).toThrow();
    expect(addressOf("Tên <a@b.vn>")).toBe("a@b.vn");
  });
});

describe("dotStuff", () => {
  it("doubles a leading dot on every line, including the first", () => {
    expect(dotStuff(".a\r\nb\r\n.\r\n..c")).toBe("..a\r\nb\r\n..\r\n...c");
  });
});
