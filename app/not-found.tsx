// Requests outside any locale (e.g. a mistyped /xx/...) land here; render a minimal bilingual page.
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>404 — Không tìm thấy trang / Page not found</h1>
        <p>
          <a href="/">Trang chủ</a> · <a href="/en">Home</a>
        </p>
      </body>
    </html>
  );
}
