import Link from "next/link";

// Requests outside any locale (e.g. a mistyped /xx/...) land here; render a minimal bilingual page.
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>404 — Không tìm thấy trang / Page not found</h1>
        <p>
          <Link href="/">Trang chủ</Link> · <Link href="/en">Home</Link>
        </p>
      </body>
    </html>
  );
}
